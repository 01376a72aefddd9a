/**
 * The front page's "N new questions — show": new questions arrive over the `feed` room and
 * are only counted, so the list never jumps under the reader; `show()` reloads the list.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import type { ThreadSummary } from '../../../shared/api/threads';
import { getSocket, onConnected, request } from './realtime';
import { useViewer } from './session';

export function useLiveFeed(opts: { tag?: string } = {}): {
  count: number;
  show: () => void;
  /** The server confirmed this page follows the feed. */
  following: boolean;
} {
  const queryClient = useQueryClient();
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  const [following, setFollowing] = useState(false);
  const { tag } = opts;
  const viewerId = useViewer()?.id ?? null;

  useEffect(() => {
    const socket = getSocket();
    const onThread = (t: ThreadSummary) => {
      if (tag && !t.tags.includes(tag)) return;
      if (viewerId && t.author.id === viewerId) return; // our own question, posted elsewhere
      setFresh((s) => (s.has(t.id) ? s : new Set(s).add(t.id)));
    };
    socket.on('feed:thread', onThread);
    const off = onConnected(() => {
      void request('feed:join').then((res) => setFollowing(res.ok));
    });
    return () => {
      off();
      setFollowing(false);
      socket.off('feed:thread', onThread);
      if (socket.connected) socket.emit('feed:leave', () => {});
    };
  }, [tag, viewerId]);

  const show = useCallback(() => {
    setFresh(new Set());
    void queryClient.resetQueries({ queryKey: ['threads', 'feed'] });
    window.scrollTo({ top: 0 });
  }, [queryClient]);

  return { count: fresh.size, show, following };
}
