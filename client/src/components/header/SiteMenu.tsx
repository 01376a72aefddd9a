import { useSession } from '../../lib/session';
import { useDisclosure } from '../../lib/useDisclosure';
import { AccountLinks } from './AccountLinks';
import { MainLinks } from './MainLinks';

/**
 * The mobile header's one menu: the main sections and the person's own things behind a
 * disclosure button, so the header stays one short row at 375 px.
 */
export function SiteMenu() {
  const { viewer } = useSession();
  const menu = useDisclosure();
  return (
    <div className="site-menu header-popover" ref={menu.root}>
      <button type="button" className="menu-button" {...menu.buttonProps}>
        <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="22" height="22">
          <path fill="currentColor" d="M3 6h18v2H3zm0 5h18v2H3zm0 5h18v2H3z" />
        </svg>
        <span className="visually-hidden">Menu</span>
      </button>
      <div className="header-panel site-menu-panel" {...menu.panelProps}>
        <nav aria-label="Main">
          <ul className="menu-list">
            <MainLinks />
          </ul>
        </nav>
        {viewer && (
          <>
            <p className="muted header-panel-who">
              Signed in as <strong>{viewer.displayName}</strong> @{viewer.handle}
            </p>
            <AccountLinks viewer={viewer} />
          </>
        )}
      </div>
    </div>
  );
}
