import { Link, useNavigate, useSearchParams } from 'react-router';
import { AskerForm } from '../components/profile/AskerForm';
import { MentorForm } from '../components/profile/MentorForm';
import { useMyProfile } from '../components/profile/api';
import { useSession } from '../lib/session';
import { usePageTitle } from '../lib/title';

type Role = 'asker' | 'mentor';

const roles: { id: Role; title: string; text: string }[] = [
  {
    id: 'asker',
    title: "I'm exploring a switch",
    text: 'Tell us where you are and which paths you are weighing: we show you PMs who took them.',
  },
  {
    id: 'mentor',
    title: 'I made the switch',
    text: 'Share your switch story so engineers on the same path can find you and ask.',
  },
];

/**
 * /welcome — straight after sign-up: who are you here as? The choice opens that role's
 * matching profile form (time zone from the browser). Every step can be skipped; the same
 * forms stay reachable from the account menu ("Matching profile") and account settings.
 */
export function WelcomePage() {
  const { viewer, isPending } = useSession();
  const [params, setParams] = useSearchParams();
  const role = (['asker', 'mentor'] as const).find((r) => r === params.get('role')) ?? null;
  const me = useMyProfile(!!viewer && !!role);
  const navigate = useNavigate();
  const saved = params.get('saved') === '1';
  usePageTitle(role ? roles.find((r) => r.id === role)!.title : 'Welcome');

  if (isPending)
    return (
      <p role="status" className="muted">
        Loading…
      </p>
    );
  if (!viewer)
    return (
      <section className="welcome" aria-labelledby="welcome-title">
        <h1 id="welcome-title">Welcome to Switchboard</h1>
        <p>
          <Link to="/sign-up">Create an account</Link> or{' '}
          <Link to="/sign-in?next=/welcome">sign in</Link> first.
        </p>
      </section>
    );

  if (role && saved) return <Saved role={role} />;

  if (role)
    return (
      <section className="welcome" aria-labelledby={`${role}-title`}>
        <p className="muted">
          <Link to="/welcome">← Choose again</Link>
        </p>
        <h1 id={`${role}-title`}>{roles.find((r) => r.id === role)!.title}</h1>
        <p className="muted">
          {role === 'asker'
            ? 'This is what matching reads. Only your role, paths and time zone are shown to mentors.'
            : 'Your story appears on your profile, in Find a mentor and beside questions like yours.'}{' '}
          <Link to="/">Skip for now</Link> — you can fill it in later from your account menu.
        </p>
        {me.isPending && (
          <p role="status" className="muted">
            Loading your profile…
          </p>
        )}
        {me.isError && (
          <p role="alert" className="field-error">
            {me.error.message}
          </p>
        )}
        {me.data &&
          (role === 'asker' ? (
            <AskerForm
              profile={me.data.asker}
              onSaved={() => setParams({ role, saved: '1' }, { replace: true })}
            />
          ) : (
            <MentorForm
              profile={me.data.mentor}
              onSaved={() => setParams({ role, saved: '1' }, { replace: true })}
            />
          ))}
      </section>
    );

  return (
    <section className="welcome" aria-labelledby="welcome-title">
      <h1 id="welcome-title">Welcome, {viewer.displayName}</h1>
      <p>Which describes you? It sets up the profile that matches askers with mentors.</p>
      <ul className="welcome-roles">
        {roles.map((r) => (
          <li key={r.id}>
            <button
              type="button"
              className="welcome-role"
              onClick={() => void navigate(`/welcome?role=${r.id}`)}
            >
              <strong>{r.title}</strong>
              <span>{r.text}</span>
            </button>
          </li>
        ))}
      </ul>
      <p>
        <Link to="/">Skip for now</Link>{' '}
        <span className="muted">— “Matching profile” in your account menu brings you back.</span>
      </p>
    </section>
  );
}

function Saved({ role }: { role: Role }) {
  return (
    <section className="welcome" aria-labelledby="saved-title">
      <h1 id="saved-title">You're set up</h1>
      <p role="status">
        {role === 'asker' ? 'Your asker profile is saved.' : 'Your mentor profile is saved.'}
      </p>
      {role === 'asker' ? (
        <ul className="welcome-next">
          <li>
            <Link to="/ask">Ask your first question</Link>: PMs who took the paths you are weighing
            are shown beside it.
          </li>
          <li>
            <Link to="/mentors">See the mentors who match you</Link>
          </li>
        </ul>
      ) : (
        <ul className="welcome-next">
          <li>
            <Link to="/?sort=unanswered">Questions waiting for an answer</Link>
          </li>
          <li>
            <Link to="/settings/profile">Edit your profile</Link>
          </li>
        </ul>
      )}
    </section>
  );
}
