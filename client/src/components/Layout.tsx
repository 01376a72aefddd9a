import { Link, NavLink, Outlet, useNavigation } from 'react-router';
import { AdminNavItem } from './admin/AdminNavItem';
import { ModNavItem } from './forum/ModNavItem';
import { AccountMenu } from './auth/AccountMenu';
import { VerifyBanner } from './auth/VerifyBanner';
import { NotificationBell } from './NotificationBell';
import { MessagesNavItem } from './chat/MessagesNavItem';

export function Layout() {
  // Pages load their code on first visit (router.tsx): say so while it comes.
  const loading = useNavigation().state === 'loading';
  return (
    <>
      {loading && <div className="route-progress" role="progressbar" aria-label="Loading page" />}
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <div className="container header-row">
          <Link to="/" className="brand" aria-label="Switchboard home">
            <span className="brand-mark" aria-hidden="true" />
            Switchboard
          </Link>
          <nav aria-label="Main">
            <ul className="nav-list">
              <li>
                <NavLink to="/" end>
                  Questions
                </NavLink>
              </li>
              <li>
                <NavLink to="/ask">Ask</NavLink>
              </li>
              <li>
                <NavLink to="/search">Search</NavLink>
              </li>
              <li>
                <NavLink to="/mentors">Mentors</NavLink>
              </li>
              <li>
                <NavLink to="/paths">Paths</NavLink>
              </li>
              <li>
                <NavLink to="/mentorships">Mentorships</NavLink>
              </li>
              <MessagesNavItem />
              <ModNavItem />
              <AdminNavItem />
            </ul>
          </nav>
          <NotificationBell />
          <AccountMenu />
        </div>
      </header>
      <VerifyBanner />
      <main id="main" className="container" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <div className="container">
          Switchboard — engineers moving into product, and the PMs who made the switch.
        </div>
      </footer>
    </>
  );
}

/** Shown only while the first page's code loads, before the layout can render. */
export function PageLoading() {
  return (
    <main id="main" className="container">
      <p role="status" className="muted loading">
        Loading Switchboard…
      </p>
    </main>
  );
}
