import { Link } from 'react-router';
import type { PublicProfile } from '../../../../shared/api/profiles';
import { useHydrated } from '../../lib/hydration';
import { initials } from './labels';

const joined = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric' });
// Server-rendered and hydrating: a fixed locale and zone, so both sides agree (lib/hydration.ts).
const joinedFixed = new Intl.DateTimeFormat('en', {
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

export function ProfileHeader({ profile }: { profile: PublicProfile }) {
  const { user } = profile;
  const hydrated = useHydrated();
  return (
    <header className="profile-header">
      <div className="avatar" aria-hidden="true">
        {initials(user.displayName)}
      </div>
      <div className="profile-identity">
        <h1 id="profile-title">{user.displayName}</h1>
        <p className="profile-handle">
          @{user.handle}
          {user.role !== 'member' && (
            <span className="badge">{user.role === 'admin' ? 'Admin' : 'Moderator'}</span>
          )}
          {profile.mentor && <span className="badge badge-mentor">Mentor</span>}
        </p>
        <p className="muted">
          Joined{' '}
          <time dateTime={user.joinedAt}>
            {(hydrated ? joined : joinedFixed).format(new Date(user.joinedAt))}
          </time>
        </p>
        {user.bio && <p className="profile-bio">{user.bio}</p>}
        {profile.isSelf && (
          <p>
            <Link to="/settings/profile" className="button-link">
              Edit your profile
            </Link>
          </p>
        )}
      </div>
      <dl className="profile-stats">
        <div>
          <dt>Questions</dt>
          <dd>
            <Link to={`/u/${encodeURIComponent(user.handle)}?tab=questions`}>
              {user.threadCount}
              <span className="visually-hidden"> questions by @{user.handle}</span>
            </Link>
          </dd>
        </div>
        <div>
          <dt>Replies</dt>
          <dd>
            <Link to={`/u/${encodeURIComponent(user.handle)}?tab=replies`}>
              {user.replyCount}
              <span className="visually-hidden"> replies by @{user.handle}</span>
            </Link>
          </dd>
        </div>
        <div>
          <dt>Karma</dt>
          <dd>{user.karma}</dd>
        </div>
      </dl>
    </header>
  );
}
