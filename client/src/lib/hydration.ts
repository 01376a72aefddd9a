import type { DehydratedState } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';

/**
 * Server rendering and hydration (server/pages/render.tsx, main.tsx). The first client render
 * must produce exactly the server's markup, so anything that depends on the reader's clock,
 * locale or time zone is rendered in a fixed form first (the server's clock, English, UTC) and
 * switches to the reader's own once hydrated.
 */

/** The id of the <script type="application/json"> that carries the page's query data. */
export const PAGE_DATA_ID = 'sb-page-data';

/** What the server passes to the client beside the HTML. */
export interface PagePayload {
  /** @tanstack/react-query's dehydrate() of the queries the page was rendered from. */
  queries: DehydratedState;
  /** The server's clock when it rendered ("3 hours ago" must read the same on both sides). */
  renderedAt: number;
}

let renderClock: number | null = null;

/** Set by the server before each render, and by the client before it hydrates. */
export function setRenderClock(at: number | null): void {
  renderClock = at;
}

/** The time a first (server or hydrating) render tells time by. */
export function renderNow(): number {
  return renderClock ?? Date.now();
}

const noSubscribe = () => () => {};

/**
 * false on the server and during hydration, true after it (and in any render that is not a
 * hydration): React re-renders once with `true` after hydrating, without a mismatch.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscribe,
    () => true,
    () => false,
  );
}
