import { useConnectionState, type ConnectionState } from '../../lib/realtime';
import type { LiveThread } from '../../lib/useLiveThread';

const labels: Record<ConnectionState, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  offline: 'Offline',
};

const titles: Record<ConnectionState, string> = {
  connecting: 'Connecting to live updates',
  live: 'New replies, edits and votes appear here as they happen',
  reconnecting: 'Connection lost; reconnecting. Nothing you missed will be lost.',
  offline: 'You are offline. Changes will appear when the connection is back.',
};

/** The thread page's live line: connection pill, "N reading now", "someone is replying…". */
export function LiveThreadStatus({ live }: { live: LiveThread }) {
  const state = useConnectionState();
  return (
    <div className="live-status">
      <span className={`live-pill live-pill-${state}`} title={titles[state]} role="status">
        <span className="live-dot" aria-hidden="true" />
        {labels[state]}
      </span>
      {live.problem && <span className="live-problem">{live.problem}</span>}
      {live.reading !== null && live.reading > 0 && (
        <span className="live-reading">{live.reading} reading now</span>
      )}
      <span className="live-typing" aria-live="polite">
        {live.typing === 1
          ? 'Someone is replying…'
          : live.typing > 1
            ? `${live.typing} people are replying…`
            : ''}
      </span>
    </div>
  );
}
