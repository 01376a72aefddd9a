import { Link, useLocation } from 'react-router';
import { useDisclosure } from '../../lib/useDisclosure';
import { useSession } from '../../lib/session';
import { AccountLinks } from '../header/AccountLinks';

/** The ways in for a visitor; "Sign in" comes back to the page they were on. */
export function SignInLinks({ className = 'account-menu' }: { className?: string }) {
  const location = useLocation();
  const onAuthPage = /^\/(sign-?in|sign-up)/.test(location.pathname);
  const next = onAuthPage ? '' : `?next=${encodeURIComponent(location.pathname + location.search)}`;
  return (
    <div className={className}>
      <Link to={`/sign-in${next}`}>Sign in</Link>
      <Link to="/sign-up" className="account-cta">
        Sign up
      </Link>
    </div>
  );
}

/**
 * Desktop header corner: the ways in, or the signed-in person's name opening a menu of their
 * own things. One short button instead of name + handle + sign-out keeps the header one row.
 */
export function AccountMenu() {
  const { viewer, isPending } = useSession();
  const menu = useDisclosure();

  if (isPending) return <div className="account-menu" aria-hidden="true" />;
  if (!viewer) return <SignInLinks />;
  return (
    <div className="account-menu header-popover" ref={menu.root}>
      <button type="button" className="account-name" {...menu.buttonProps}>
        <span className="visually-hidden">Account menu for </span>
        <span className="account-name-text">{viewer.displayName}</span>
        <Chevron />
      </button>
      <div className="header-panel" {...menu.panelProps}>
        <p className="muted header-panel-who">
          Signed in as <strong>@{viewer.handle}</strong>
        </p>
        <AccountLinks viewer={viewer} />
      </div>
    </div>
  );
}

function Chevron() {
  return (
    <svg aria-hidden="true" focusable="false" viewBox="0 0 16 16" width="12" height="12">
      <path fill="currentColor" d="M3.2 5.6 8 10.4l4.8-4.8-1.1-1.1L8 8.2 4.3 4.5z" />
    </svg>
  );
}
