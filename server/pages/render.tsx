import { dehydrate, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router';
import { setRenderClock, type PagePayload } from '../../client/src/lib/hydration';
import { routes } from '../../client/src/router';
import type { QueryEntry } from './load';

const handler = createStaticHandler(routes);

export interface RenderedPage {
  /** The markup that goes inside <div id="root">. */
  html: string;
  /** What the client hydrates with (main.tsx). */
  payload: PagePayload;
}

/**
 * The page's own React components, rendered with the data loadPage read (the queries the
 * components ask for, keyed as they key them) — so the HTML is what the app shows, and the
 * client hydrates it with the same query cache.
 *
 * renderToString, not the streaming renderers: every query is already answered before the
 * render starts (no Suspense waits on data), and the visitor's HTML is kept whole in the
 * anonymous cache and compressed once (routes.ts), so streaming would only add a stream's
 * overhead to a body that is sent from memory afterwards.
 */
export async function renderPage(url: URL, queries: QueryEntry[]): Promise<RenderedPage> {
  // Matches the route and loads its lazy page component (the same code the client loads).
  const context = await handler.query(new Request(url));
  if (context instanceof Response) throw new Error(`unexpected redirect rendering ${url}`);
  const renderedAt = Date.now();
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity } } });
  for (const q of queries) client.setQueryData(q.key, q.data, { updatedAt: renderedAt });
  const router = createStaticRouter(handler.dataRoutes, context);
  // renderToString is synchronous: no other render can interleave with this clock.
  setRenderClock(renderedAt);
  try {
    const html = renderToString(
      <StrictMode>
        <QueryClientProvider client={client}>
          {/* hydrate={false}: its inline <script> would break our CSP; main.tsx needs none. */}
          <StaticRouterProvider router={router} context={context} hydrate={false} />
        </QueryClientProvider>
      </StrictMode>,
    );
    return { html, payload: { queries: dehydrate(client), renderedAt } };
  } finally {
    setRenderClock(null);
  }
}
