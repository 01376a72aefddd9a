import { Link, useParams, useSearchParams } from 'react-router';
import { ProfilePosts, type PostsTab } from '../components/profile/ProfilePosts';
import { AskerSummary } from '../components/profile/AskerSummary';
import { MentorStory } from '../components/profile/MentorStory';
import { ProfileHeader } from '../components/profile/ProfileHeader';
import { ProfileRequestEntry } from '../components/mentorship/ProfileRequestEntry';
import { usePublicProfile } from '../components/profile/api';
import { ApiError } from '../lib/api';
import { pageNames, usePageTitle } from '../lib/title';
import type { PublicProfile } from '../../../shared/api/profiles';

/** /u/:handle — a person's public profile, with the switch story when they are a mentor. */
export function ProfilePage() {
  const handle = useParams().handle ?? '';
  const [params] = useSearchParams();
  const tab = (['questions', 'replies'] as const).find((t) => t === params.get('tab')) ?? null;
  const query = usePublicProfile(handle);
  const loaded = query.data;

  const who = loaded ? pageNames.profile(loaded.user) : 'Profile';
  usePageTitle(tab ? `${tab === 'questions' ? 'Questions' : 'Replies'} · ${who}` : who);

  if (query.isPending)
    return (
      <p role="status" className="muted">
        Loading profile…
      </p>
    );

  if (query.isError) {
    const status = query.error instanceof ApiError ? query.error.status : 0;
    if (status === 404 || status === 410)
      return (
        <section aria-labelledby="profile-missing">
          <h1 id="profile-missing">
            {status === 410 ? 'This account was deleted' : `No one here goes by @${handle}`}
          </h1>
          <p>
            {status === 410
              ? 'Its owner removed it; their profile is no longer shown.'
              : 'Check the spelling of the handle.'}{' '}
            <Link to="/">Back to the questions</Link>.
          </p>
        </section>
      );
    return (
      <div role="alert" className="error-box">
        <p>{query.error.message}</p>
        <button type="button" onClick={() => void query.refetch()}>
          Try again
        </button>
      </div>
    );
  }

  const profile = query.data;
  return (
    <article className="profile-page" aria-labelledby="profile-title">
      <ProfileHeader profile={profile} />
      <ProfileTabs profile={profile} tab={tab} />
      {tab ? <ProfilePosts handle={profile.user.handle} tab={tab} /> : <About profile={profile} />}
    </article>
  );
}

function ProfileTabs({ profile, tab }: { profile: PublicProfile; tab: PostsTab | null }) {
  const base = `/u/${encodeURIComponent(profile.user.handle)}`;
  const tabs = [
    { id: null, label: 'About', to: base },
    {
      id: 'questions',
      label: `Questions (${profile.user.threadCount})`,
      to: `${base}?tab=questions`,
    },
    { id: 'replies', label: `Replies (${profile.user.replyCount})`, to: `${base}?tab=replies` },
  ];
  return (
    <nav aria-label="Profile sections" className="profile-tabs">
      {tabs.map((t) => (
        <Link key={t.label} to={t.to} aria-current={t.id === tab ? 'page' : undefined}>
          {t.label}
        </Link>
      ))}
    </nav>
  );
}

function About({ profile }: { profile: PublicProfile }) {
  return (
    <>
      <ProfileRequestEntry profile={profile} />
      {profile.mentor && <MentorStory mentor={profile.mentor} />}
      {profile.asker && <AskerSummary asker={profile.asker} />}
      {!profile.mentor && !profile.asker && (
        <p className="empty">
          {profile.isSelf ? (
            <>
              You have not told people about your switch yet.{' '}
              <Link to="/settings/profile">Add an asker or mentor profile</Link>.
            </>
          ) : (
            <>@{profile.user.handle} has not filled in an asker or mentor profile yet.</>
          )}
        </p>
      )}
    </>
  );
}
