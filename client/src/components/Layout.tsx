import { Outlet, useNavigation } from 'react-router';
import { VerifyBanner } from './auth/VerifyBanner';
import { SiteHeader } from './header/SiteHeader';

export function Layout() {
  // Pages load their code on first visit (router.tsx): say so while it comes.
  const loading = useNavigation().state === 'loading';
  return (
    <>
      {loading && <div className="route-progress" role="progressbar" aria-label="Loading page" />}
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <SiteHeader />
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
