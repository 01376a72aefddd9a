import { createBrowserRouter } from 'react-router';
import { Layout } from './components/Layout';
import { AccountSettingsPage } from './pages/AccountSettingsPage';
import { ForgotPasswordPage } from './pages/ForgotPasswordPage';
import { ResetPasswordPage } from './pages/ResetPasswordPage';
import { SignInPage } from './pages/SignInPage';
import { SignUpPage } from './pages/SignUpPage';
import { VerifyEmailPage } from './pages/VerifyEmailPage';
import { AskPage } from './pages/AskPage';
import { HomePage } from './pages/HomePage';
import { ModerationPage } from './pages/ModerationPage';
import { SearchPage } from './pages/SearchPage';
import { TagPage } from './pages/TagPage';
import { ThreadPage } from './pages/ThreadPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { MentorsPage } from './pages/MentorsPage';
import { MentorshipsPage } from './pages/MentorshipsPage';
import { PathPage } from './pages/PathPage';
import { PathsPage } from './pages/PathsPage';
import { ProfileEditPage } from './pages/ProfileEditPage';
import { ProfilePage } from './pages/ProfilePage';

export const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'q/:threadId/r/:replyId', element: <ThreadPage /> },
      { path: 'q/:threadId/:slug?', element: <ThreadPage /> },
      { path: 't/:tag/r/:replyId', element: <TagPage /> },
      { path: 't/:tag', element: <TagPage /> },
      { path: 'ask', element: <AskPage /> },
      { path: 'search', element: <SearchPage /> },
      { path: 'mod', element: <ModerationPage /> },
      { path: 'u/:handle', element: <ProfilePage /> },
      { path: 'settings/profile', element: <ProfileEditPage /> },
      { path: 'sign-in', element: <SignInPage /> },
      { path: 'signin', element: <SignInPage /> },
      { path: 'sign-up', element: <SignUpPage /> },
      { path: 'forgot-password', element: <ForgotPasswordPage /> },
      { path: 'reset-password', element: <ResetPasswordPage /> },
      { path: 'verify-email', element: <VerifyEmailPage /> },
      { path: 'settings/account', element: <AccountSettingsPage /> },
      { path: 'mentors', element: <MentorsPage /> },
      { path: 'mentorships', element: <MentorshipsPage /> },
      { path: 'paths', element: <PathsPage /> },
      { path: 'paths/:pathId', element: <PathPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
