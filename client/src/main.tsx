import { hydrate, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { createBrowserRouter, matchRoutes, RouterProvider, type RouteObject } from 'react-router';
import { PAGE_DATA_ID, setRenderClock, type PagePayload } from './lib/hydration';
import { routes } from './router';
import './styles.css';

const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: 15_000, retry: 1, refetchOnWindowFocus: false } },
});

function app(router: ReturnType<typeof createBrowserRouter>) {
  return (
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </StrictMode>
  );
}

/**
 * The lazy routes this URL matches, loaded before the router starts: hydration must render
 * the page the server rendered, not the route's fallback while its code loads.
 */
async function resolveLazyRoutes(table: RouteObject[]): Promise<void> {
  const matches = matchRoutes(table, window.location) ?? [];
  await Promise.all(
    matches.map(async ({ route }) => {
      if (typeof route.lazy !== 'function') return;
      const loaded = await route.lazy();
      Object.assign(route, loaded, { lazy: undefined });
    }),
  );
}

async function start(): Promise<void> {
  const root = document.getElementById('root')!;
  const payload = document.getElementById(PAGE_DATA_ID);
  if (!payload?.textContent) {
    // A page the server does not render (or a member's: server/pages/routes.ts): the app.
    createRoot(root).render(app(createBrowserRouter(routes)));
    return;
  }
  // A server-rendered public page: the same queries, the same clock, then hydrate.
  const data = JSON.parse(payload.textContent) as PagePayload;
  hydrate(queryClient, data.queries);
  setRenderClock(data.renderedAt);
  await resolveLazyRoutes(routes);
  const router = createBrowserRouter(routes, { hydrationData: { loaderData: {} } });
  // The render clock stays set: only hydrating renders read it (lib/hydration.ts).
  hydrateRoot(root, app(router), {
    // A mismatch makes React drop the server's HTML and render afresh; say so in the console
    // (the production build otherwise reports it nowhere a test or a developer would look).
    onRecoverableError: (error, info) =>
      console.error('Server HTML and the first client render differ:', error, info.componentStack),
  });
}

void start();
