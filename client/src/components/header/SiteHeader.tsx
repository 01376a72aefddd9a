import { Link } from 'react-router';
import { useSession } from '../../lib/session';
import { useMediaQuery } from '../../lib/useMediaQuery';
import { AccountMenu, SignInLinks } from '../auth/AccountMenu';
import { NotificationBell } from '../NotificationBell';
import { MainLinks } from './MainLinks';
import { SiteMenu } from './SiteMenu';

/** Below this width the sections fold into one menu button (phones, tablets upright). */
export const COMPACT_HEADER = '(max-width: 1000px)';

/** One row at every width: brand, sections, bell, account — or brand, bell, menu on a phone. */
export function SiteHeader() {
  const compact = useMediaQuery(COMPACT_HEADER);
  return (
    <header className="site-header">
      <div className="container header-row">
        <Link to="/" className="brand" aria-label="Switchboard home">
          <span className="brand-mark" aria-hidden="true" />
          Switchboard
        </Link>
        {compact ? (
          <div className="header-end">
            <CompactSignIn />
            <NotificationBell />
            <SiteMenu />
          </div>
        ) : (
          <>
            <nav aria-label="Main" className="main-nav">
              <ul className="nav-list">
                <MainLinks />
              </ul>
            </nav>
            <div className="header-end">
              <NotificationBell />
              <AccountMenu />
            </div>
          </>
        )}
      </div>
    </header>
  );
}

/** A visitor on a phone still sees the ways in without opening the menu. */
function CompactSignIn() {
  const { viewer, isPending } = useSession();
  if (isPending || viewer) return null;
  return <SignInLinks />;
}
