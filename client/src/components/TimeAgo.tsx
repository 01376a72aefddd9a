import { renderNow, useHydrated } from '../lib/hydration';
import { timeAgo } from '../lib/time';

/**
 * `<time>` saying how long ago, with the full local date on hover. Until hydrated (and on the
 * server) in English by the server's clock, without the local date, so the server's HTML and
 * the first client render agree; then in the reader's locale and zone.
 */
export function TimeAgo({ iso }: { iso: string }) {
  const hydrated = useHydrated();
  return (
    <time dateTime={iso} title={hydrated ? new Date(iso).toLocaleString() : undefined}>
      {hydrated ? timeAgo(iso) : timeAgo(iso, renderNow(), 'en')}
    </time>
  );
}

/** The "edited" marker's hover text, the same way. */
export function useEditedTitle(iso: string | null): string | undefined {
  const hydrated = useHydrated();
  return iso && hydrated ? `Edited ${new Date(iso).toLocaleString()}` : undefined;
}
