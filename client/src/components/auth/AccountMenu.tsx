import { Link, useLocation, useNavigate } from 'react-router';
import { useSession, useSignOut } from '../../lib/session';

/** Header corner: who is signed in (with a sign-out button), or the ways in. */
export function AccountMenu() {
  const { viewer, isPending } = useSession();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const location = useLocation();

  if (isPending) return <div className="account-menu" aria-hidden="true" />;
  if (!viewer) {
    const onAuthPage = /^\/(sign-?in|sign-up)/.test(location.pathname);
    const next = onAuthPage
      ? ''
      : `?next=${encodeURIComponent(location.pathname + location.search)}`;
    return (
      <div className="account-menu">
        <Link to={`/sign-in${next}`}>Sign in</Link>
        <Link to="/sign-up" className="account-cta">
          Sign up
        </Link>
      </div>
    );
  }
  return (
    <div className="account-menu">
      <Link to="/settings/account" className="account-name" title="Account settings">
        <span className="visually-hidden">Signed in as </span>
        {viewer.displayName} <span className="account-handle">@{viewer.handle}</span>
      </Link>
      <button
        type="button"
        className="account-signout"
        disabled={signOut.isPending}
        onClick={() => signOut.mutate(undefined, { onSuccess: () => void navigate('/') })}
      >
        {signOut.isPending ? 'Signing out…' : 'Sign out'}
      </button>
      {signOut.isError && (
        <span role="alert" className="account-error">
          {signOut.error.message}
        </span>
      )}
    </div>
  );
}
