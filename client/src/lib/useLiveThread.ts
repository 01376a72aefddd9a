/**
 * Makes an open thread page live: joins the thread's room (again after every reconnect,
 * with the last sequence number applied, so the server replays exactly what was missed),
 * applies each event once and in order to every cached copy of the thread through
 * thread-tree.ts's `applyThreadEvent`, and reports presence and typing.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { Permissions, ReplyNode, ThreadDetail } from '../../../shared/api/threads';
import type { LiveThreadEvent, ThreadEventEnvelope } from '../../../shared/realtime/events';
import { EventSequencer } from '../../../shared/realtime/sequencer';
import { forumKeys } from '../components/forum/forum-api';
import { getSocket, notifyTyping, onConnected, request, setRealtimeIdentity } from './realtime';
import { useViewer } from './session';
import { applyThreadEvent, type ThreadEvent } from './thread-tree';

export interface LiveThread {
  /** People reading now across all instances (null until joined). */
  reading: number | null;
  /** Distinct people typing a reply right now (not counting this person). */
  typing: number;
  /** Why the page is not live (not allowed, not found), when it is not. */
  problem: string | null;
  /** Replies by others that arrived live in the last few seconds: highlighted. */
  fresh: ReadonlySet<string>;
}

/** How long a gap may stay open before asking the server for the missing events. */
const GAP_WAIT_MS = 400;
const FRESH_MS = 4_000;

export function useLiveThread(
  threadId: string,
  /** The loaded thread: live starts once it is there (its eventSeq, when the API sends one). */
  detail: ThreadDetail | undefined,
): LiveThread {
  const queryClient = useQueryClient();
  const viewer = useViewer();
  const viewerId = viewer?.id ?? null;
  const [reading, setReading] = useState<number | null>(null);
  const [typists, setTypists] = useState<ReadonlyMap<string, number>>(new Map());
  const [problem, setProblem] = useState<string | null>(null);
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  const loaded = !!detail;
  const startSeq = useRef<number | null>(null);
  startSeq.current ??= detail?.eventSeq ?? null;
  const viewerRef = useRef(viewerId);
  viewerRef.current = viewerId;

  useEffect(() => setRealtimeIdentity(viewerId), [viewerId]);

  useEffect(() => {
    if (!loaded) return;
    const socket = getSocket();
    const detailKey = [...forumKeys.thread(threadId), 'detail'];
    let cancelled = false;
    let gapTimer: ReturnType<typeof setTimeout> | undefined;
    const freshTimers = new Set<ReturnType<typeof setTimeout>>();
    // The highlight is state the tree renders, not a class poked into the DOM: a reply
    // rendered after the next frame, or re-rendered while highlighted, keeps it all the same.
    const flash = (replyId: string) => {
      setFresh((s) => new Set(s).add(replyId));
      const t = setTimeout(() => {
        freshTimers.delete(t);
        setFresh((s) => {
          const next = new Set(s);
          next.delete(replyId);
          return next;
        });
      }, FRESH_MS);
      freshTimers.add(t);
    };

    const apply = (envelope: ThreadEventEnvelope) => {
      const before = queryClient.getQueriesData<ThreadDetail>({ queryKey: detailKey })[0]?.[1];
      queryClient.setQueriesData<ThreadDetail>({ queryKey: detailKey }, (d) =>
        d ? applyThreadEvent(d, forViewer(envelope.event, d, viewerRef.current)) : d,
      );
      const e = envelope.event;
      if (e.type === 'reply.created' && e.reply.author.id !== viewerRef.current) flash(e.reply.id);
      // Our own edit from another tab: refetch to get its markdown source back.
      if (
        e.type === 'reply.updated' &&
        e.reply.author.id &&
        e.reply.author.id === viewerRef.current
      )
        void queryClient.invalidateQueries({ queryKey: detailKey });
      // Locked, hidden, deleted, restored: what this viewer may do changed; ask the server.
      if (
        e.type === 'thread.updated' &&
        before &&
        ((e.thread.locked !== undefined && e.thread.locked !== before.thread.locked) ||
          (e.thread.state !== undefined && e.thread.state !== before.thread.state))
      )
        void queryClient.invalidateQueries({ queryKey: detailKey });
      void queryClient.invalidateQueries({ queryKey: [...forumKeys.thread(threadId), 'subtree'] });
    };
    const seq = new EventSequencer<ThreadEventEnvelope>(apply, null);

    /** Reload the thread, then apply what came meanwhile (applying twice is harmless). */
    const resync = async (asOf: number) => {
      await queryClient.refetchQueries({ queryKey: detailKey });
      if (!cancelled) seq.reset(asOf);
    };

    const fillGap = () => {
      clearTimeout(gapTimer);
      gapTimer = setTimeout(async () => {
        const from = seq.lastSeq;
        if (!seq.hasGap() || from === null) return;
        const res = await request('thread:replay', { threadId, lastSeq: from });
        if (cancelled || !res.ok || !res.data) return;
        if (res.data.reset) await resync(res.data.seq);
        else seq.offerAll(res.data.events ?? []);
      }, GAP_WAIT_MS);
    };

    const join = async () => {
      const lastSeq = seq.lastSeq ?? startSeq.current;
      const res = await request('thread:join', { threadId, lastSeq });
      if (cancelled) return;
      if (!res.ok || !res.data) {
        setProblem(res.ok ? null : res.error.message);
        return;
      }
      setProblem(null);
      setReading(res.data.reading);
      const { seq: now, events, reset } = res.data;
      if (lastSeq === null || reset) await resync(now);
      else {
        if (seq.lastSeq === null) seq.reset(lastSeq);
        seq.offerAll(events ?? []);
      }
      if (seq.hasGap()) fillGap();
    };

    const onEvent = (e: ThreadEventEnvelope) => {
      if (e.threadId !== threadId) return;
      seq.offer(e);
      if (seq.hasGap()) fillGap();
    };
    const onPresence = (p: { threadId: string; reading: number }) => {
      if (p.threadId === threadId) setReading(p.reading);
    };
    const onTyping = (t: {
      threadId: string;
      key: string;
      typing: boolean;
      expiresInMs: number;
    }) => {
      if (t.threadId !== threadId) return;
      setTypists((m) => {
        const next = new Map(m);
        if (t.typing) next.set(t.key, Date.now() + t.expiresInMs);
        else next.delete(t.key);
        return next;
      });
    };
    socket.on('thread:event', onEvent);
    socket.on('thread:presence', onPresence);
    socket.on('thread:typing', onTyping);
    const offConnected = onConnected(() => void join());

    // Keystrokes in this page's reply composers (forms can opt out with data-live="off").
    const onInput = (ev: Event) => {
      const form = (ev.target as HTMLElement | null)?.closest?.('form.reply-composer');
      if (form instanceof HTMLElement && form.dataset.live !== 'off') notifyTyping(threadId);
    };
    const onSubmit = (ev: Event) => {
      if ((ev.target as HTMLElement | null)?.matches?.('form.reply-composer'))
        notifyTyping(threadId, false);
    };
    document.addEventListener('input', onInput);
    document.addEventListener('submit', onSubmit);

    return () => {
      cancelled = true;
      clearTimeout(gapTimer);
      for (const t of freshTimers) clearTimeout(t);
      offConnected();
      socket.off('thread:event', onEvent);
      socket.off('thread:presence', onPresence);
      socket.off('thread:typing', onTyping);
      document.removeEventListener('input', onInput);
      document.removeEventListener('submit', onSubmit);
      notifyTyping(threadId, false);
      if (socket.connected) socket.emit('thread:leave', { threadId }, () => {});
    };
  }, [threadId, loaded, queryClient]);

  // Typists expire by themselves when their updates stop.
  useEffect(() => {
    if (typists.size === 0) return;
    const next = Math.min(...typists.values()) - Date.now();
    const t = setTimeout(
      () => setTypists((m) => new Map([...m].filter(([, until]) => until > Date.now()))),
      Math.max(next, 50),
    );
    return () => clearTimeout(t);
  }, [typists]);

  return { reading, typing: typists.size, problem, fresh };
}

/**
 * Broadcasts carry no per-viewer part. A reply new to this page gets the permissions this
 * viewer has on the thread; an update keeps what the page already knew about its place in
 * the tree (depth, children loaded here).
 */
function forViewer(e: LiveThreadEvent, d: ThreadDetail, viewerId: string | null): ThreadEvent {
  if (e.type === 'reply.created') {
    const own = !!viewerId && e.reply.author.id === viewerId;
    return {
      ...e,
      reply: {
        ...e.reply,
        viewer: { voted: false, permissions: permsFor(e.reply, d, own, !!viewerId) },
      },
    };
  }
  if (e.type === 'reply.updated') {
    const old = d.replies.find((r) => r.id === e.reply.id);
    if (!old) return e;
    return {
      ...e,
      reply: {
        ...e.reply,
        childCount: old.childCount,
        moreReplies: old.moreReplies,
        depth: old.depth,
      },
    };
  }
  return e;
}

function permsFor(reply: ReplyNode, d: ThreadDetail, own: boolean, signedIn: boolean): Permissions {
  const t = d.thread.viewer.permissions;
  const live = reply.state === 'visible';
  return {
    edit: own && live && t.reply,
    delete: own || t.moderate,
    vote: signedIn && live && !own,
    reply: live && t.reply,
    flag: signedIn && live && !own,
    markHelpful: live && !own && t.markHelpful,
    moderate: t.moderate,
  };
}
