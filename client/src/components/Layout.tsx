import { Link, NavLink, Outlet } from 'react-router';

export function Layout() {
  return (
    <>
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
            </ul>
          </nav>
        </div>
      </header>
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
