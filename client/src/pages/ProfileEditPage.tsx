import { useState } from 'react';
import { Link } from 'react-router';
import { AskerForm } from '../components/profile/AskerForm';
import { BasicsForm } from '../components/profile/BasicsForm';
import { MentorForm } from '../components/profile/MentorForm';
import { ProfileSection } from '../components/profile/ProfileSection';
import { useMyProfile } from '../components/profile/api';
import { ApiError } from '../lib/api';
import { useSession } from '../lib/session';
import { usePageTitle } from '../lib/title';

/** /settings/profile — public basics, the asker profile and the mentor profile. */
export function ProfileEditPage() {
  // The session also hands the CSRF token to lib/api.ts, which every save needs.
  const session = useSession();
  const query = useMyProfile(!!session.viewer);
  const [saved, setSaved] = useState('');

  usePageTitle('Edit your profile');

  if (session.isError)
    return (
      <div role="alert" className="error-box">
        <p>Could not check whether you are signed in.</p>
        <button type="button" onClick={session.refetch}>
          Try again
        </button>
      </div>
    );
  if (!session.isPending && !session.viewer) return <SignInFirst />;
  if (session.isPending || query.isPending)
    return (
      <p role="status" className="muted">
        Loading your profile…
      </p>
    );
  if (query.isError) {
    if (query.error instanceof ApiError && query.error.status === 401) return <SignInFirst />;
    return (
      <div role="alert" className="error-box">
        <p>{query.error.message}</p>
        <button type="button" onClick={() => void query.refetch()}>
          Try again
        </button>
      </div>
    );
  }

  const me = query.data;
  const announce = (what: string) => () => setSaved(`${what} saved.`);

  return (
    <div className="profile-edit">
      <h1 id="edit-title">Edit your profile</h1>
      <p className="muted">
        <Link to={`/u/${encodeURIComponent(me.user.handle)}`}>See your public profile</Link>
      </p>
      <nav aria-label="Profile sections" className="section-nav">
        <a href="#basics-title">About you</a>
        <a href="#asker-title">Exploring a switch</a>
        <a href="#mentor-title">Made the switch</a>
      </nav>
      <p role="status" className="save-status">
        {saved}
      </p>

      <section className="edit-section" aria-labelledby="basics-title">
        <h2 id="basics-title">About you</h2>
        <BasicsForm user={me.user} onSaved={announce('About you')} />
      </section>

      <ProfileSection
        kind="asker"
        title="I'm exploring a switch"
        intro="Tell mentors where you are and which paths into product you are weighing."
        exists={!!me.asker}
        onChange={setSaved}
      >
        <AskerForm profile={me.asker} onSaved={announce('Asker profile')} />
      </ProfileSection>

      <ProfileSection
        kind="mentor"
        title="I made the switch"
        intro="Share your switch story so engineers on the same path can find you."
        exists={!!me.mentor}
        onChange={setSaved}
      >
        <MentorForm profile={me.mentor} onSaved={announce('Mentor profile')} />
      </ProfileSection>
    </div>
  );
}

function SignInFirst() {
  return (
    <section aria-labelledby="edit-title">
      <h1 id="edit-title">Edit your profile</h1>
      <p>
        Please <Link to="/sign-in?next=/settings/profile">sign in</Link> to edit your profile.
      </p>
    </section>
  );
}
