import type { RouteObject } from 'react-router';
import { Layout, PageLoading } from './components/Layout';
import { HomePage } from './pages/HomePage';
import { NotFoundPage } from './pages/NotFoundPage';

/**
 * Every page but the home page is its own chunk, loaded when first visited (React Router's
 * route `lazy`: the old page stays on screen until the new one's code is here). The forum's
 * markdown preview and the profile forms no longer weigh on a first visit to the front page.
 */
function page<M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M) {
  return async () => ({ Component: (await load())[name] as React.ComponentType });
}

/** The route table, shared with the server (server/pages/), which renders public pages from it. */
export const routes: RouteObject[] = [
  {
    element: <Layout />,
    HydrateFallback: PageLoading,
    children: [
      { index: true, element: <HomePage /> },
      {
        path: 'q/:threadId/r/:replyId',
        lazy: page(() => import('./pages/ThreadPage'), 'ThreadPage'),
      },
      { path: 'q/:threadId/:slug?', lazy: page(() => import('./pages/ThreadPage'), 'ThreadPage') },
      { path: 't/:tag/r/:replyId', lazy: page(() => import('./pages/TagPage'), 'TagPage') },
      { path: 't/:tag', lazy: page(() => import('./pages/TagPage'), 'TagPage') },
      { path: 'ask', lazy: page(() => import('./pages/AskPage'), 'AskPage') },
      { path: 'search', lazy: page(() => import('./pages/SearchPage'), 'SearchPage') },
      { path: 'mod', lazy: page(() => import('./pages/ModerationPage'), 'ModerationPage') },
      {
        path: 'admin/email',
        lazy: page(() => import('./pages/AdminEmailPage'), 'AdminEmailPage'),
      },
      { path: 'u/:handle', lazy: page(() => import('./pages/ProfilePage'), 'ProfilePage') },
      {
        path: 'settings/profile',
        lazy: page(() => import('./pages/ProfileEditPage'), 'ProfileEditPage'),
      },
      { path: 'sign-in', lazy: page(() => import('./pages/SignInPage'), 'SignInPage') },
      { path: 'signin', lazy: page(() => import('./pages/SignInPage'), 'SignInPage') },
      { path: 'sign-up', lazy: page(() => import('./pages/SignUpPage'), 'SignUpPage') },
      {
        path: 'notifications',
        lazy: page(() => import('./pages/NotificationsPage'), 'NotificationsPage'),
      },
      { path: 'welcome', lazy: page(() => import('./pages/WelcomePage'), 'WelcomePage') },
      {
        path: 'forgot-password',
        lazy: page(() => import('./pages/ForgotPasswordPage'), 'ForgotPasswordPage'),
      },
      {
        path: 'reset-password',
        lazy: page(() => import('./pages/ResetPasswordPage'), 'ResetPasswordPage'),
      },
      {
        path: 'verify-email',
        lazy: page(() => import('./pages/VerifyEmailPage'), 'VerifyEmailPage'),
      },
      {
        path: 'settings/notifications',
        lazy: page(() => import('./pages/NotificationSettingsPage'), 'NotificationSettingsPage'),
      },
      {
        path: 'settings/account',
        lazy: page(() => import('./pages/AccountSettingsPage'), 'AccountSettingsPage'),
      },
      { path: 'mentors', lazy: page(() => import('./pages/MentorsPage'), 'MentorsPage') },
      {
        path: 'mentorships',
        lazy: page(() => import('./pages/MentorshipsPage'), 'MentorshipsPage'),
      },
      { path: 'messages', lazy: page(() => import('./pages/MessagesPage'), 'MessagesPage') },
      {
        path: 'messages/:id',
        lazy: page(() => import('./pages/ConversationPage'), 'ConversationPage'),
      },
      { path: 'paths', lazy: page(() => import('./pages/PathsPage'), 'PathsPage') },
      { path: 'paths/:pathId', lazy: page(() => import('./pages/PathPage'), 'PathPage') },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
