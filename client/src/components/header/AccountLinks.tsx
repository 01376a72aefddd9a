import { Link, useNavigate } from 'react-router';
import type { ViewerInfo } from '../../../../shared/api/auth';
import { useSignOut } from '../../lib/session';
import { AdminNavItem } from '../admin/AdminNavItem';
import { ModNavItem } from '../forum/ModNavItem';

/** Where a signed-in person finds their own things; the account menu and the mobile menu list these. */
export function AccountLinks({ viewer }: { viewer: ViewerInfo }) {
  const signOut = useSignOut();
  const navigate = useNavigate();
  const profile = `/u/${encodeURIComponent(viewer.handle)}`;
  return (
    <>
      <ul className="menu-list" aria-label="Your account">
        <li>
          <Link to={profile}>Your profile</Link>
        </li>
        <li>
          <Link to={`${profile}?tab=questions`}>My questions</Link>
        </li>
        <li>
          <Link to="/settings/profile">Matching profile</Link>
        </li>
        <li>
          <Link to="/notifications">Notifications</Link>
        </li>
        <li>
          <Link to="/settings/account">Account settings</Link>
        </li>
        <ModNavItem />
        <AdminNavItem />
      </ul>
      <button
        type="button"
        className="account-signout"
        disabled={signOut.isPending}
        onClick={() => signOut.mutate(undefined, { onSuccess: () => void navigate('/') })}
      >
        {signOut.isPending ? 'Signing out…' : 'Sign out'}
      </button>
      {signOut.isError && (
        <p role="alert" className="field-error">
          {signOut.error.message}
        </p>
      )}
    </>
  );
}
