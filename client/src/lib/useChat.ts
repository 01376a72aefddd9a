import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type {
  ChatEventEnvelope,
  ChatMessage,
  ConversationDetail,
  MessagePage,
} from '../../../shared/api/chat';
import { EventSequencer } from '../../../shared/realtime/sequencer';
import { apiFetch } from './api';
import { getSocket, onConnected, request } from './realtime';

export interface Pending {
  id: string;
  body: string;
  failed?: string;
}

/** The offline queue survives a reload: one localStorage list per conversation. */
const queueKey = (id: string) => `switchboard.chat.outbox.${id}`;
const loadQueue = (id: string): Pending[] => {
  try {
    return JSON.parse(localStorage.getItem(queueKey(id)) ?? '[]') as Pending[];
  } catch {
    return [];
  }
};
const saveQueue = (id: string, q: Pending[]) =>
  localStorage.setItem(queueKey(id), JSON.stringify(q));

/** The next steps: pinned, not deleted, in the order they were pinned. */
const pinsOf = (list: Iterable<ChatMessage>) =>
  [...list]
    .filter((m) => m.pinned && !m.deletedAt)
    .sort((a, b) => Date.parse(a.pinned!.at) - Date.parse(b.pinned!.at));

const visible = () => typeof document === 'undefined' || document.visibilityState === 'visible';

/**
 * One conversation, live: history over HTTP, then the socket room joined with the last
 * sequence number applied (replay fills any gap), events applied through the shared
 * sequencer (in order, once), messages ordered by seq. Sends go through a persistent queue,
 * in order, each with its own uuid until acknowledged — a resend is harmless by design.
 */
export function useChat(conversationId: string) {
  const [detail, setDetail] = useState<ConversationDetail | null>(null);
  const [messages, setMessages] = useState<Map<string, ChatMessage>>(new Map());
  /** Next steps, kept live from message events (a pin or a tick is a message.updated). */
  const [pins, setPins] = useState<Map<string, ChatMessage>>(new Map());
  const [hasOlder, setHasOlder] = useState(false);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [pending, setPending] = useState<Pending[]>(() => loadQueue(conversationId));
  const [otherReadSeq, setOtherReadSeq] = useState(0);
  const [otherTypingUntil, setOtherTypingUntil] = useState(0);
  const [presence, setPresence] = useState<{ online: boolean; lastSeenAt: string | null }>({
    online: false,
    lastSeenAt: null,
  });
  /** The text of the live region: the latest message from the other person. */
  const [announcement, setAnnouncement] = useState('');
  const [error, setError] = useState<string | null>(null);
  const sequencer = useRef<EventSequencer<ChatEventEnvelope> | null>(null);
  const sending = useRef(false);
  const olderInFlight = useRef<Promise<void> | null>(null);
  const messagesRef = useRef(messages);
  messagesRef.current = messages;
  const detailRef = useRef(detail);
  detailRef.current = detail;

  const merge = useCallback((items: ChatMessage[]) => {
    if (items.length === 0) return;
    setMessages((prev) => {
      const next = new Map(prev);
      for (const m of items) next.set(m.id, m);
      return next;
    });
    setPins((prev) => {
      const next = new Map(prev);
      for (const m of items) {
        if (m.pinned && !m.deletedAt) next.set(m.id, m);
        else next.delete(m.id);
      }
      return next;
    });
  }, []);

  const onEventApplied = useCallback(
    (e: ChatEventEnvelope) => {
      const m = e.event.message;
      merge([m]);
      const me = detailRef.current?.me.id;
      if (e.event.type === 'message.created' && m.senderId !== me) {
        setOtherTypingUntil(0); // they sent what they were typing
        const who = detailRef.current?.other.displayName ?? 'them';
        const text = new DOMParser().parseFromString(m.bodyHtml, 'text/html').body.textContent;
        setAnnouncement(`New message from ${who}: ${text ?? ''}`.slice(0, 300));
      }
    },
    [merge],
  );

  const load = useCallback(async () => {
    const d = await apiFetch<ConversationDetail>(`/api/conversations/${conversationId}`);
    const page = await apiFetch<MessagePage>(`/api/conversations/${conversationId}/messages`);
    setDetail(d);
    setOtherReadSeq(d.otherLastReadSeq);
    setHasOlder(page.hasOlder);
    setMessages(new Map(page.items.map((m) => [m.id, m])));
    setPins(new Map(d.pinned.map((m) => [m.id, m])));
    sequencer.current = new EventSequencer<ChatEventEnvelope>(onEventApplied, d.seq);
    return d;
  }, [conversationId, onEventApplied]);

  const flush = useCallback(async () => {
    if (sending.current) return;
    sending.current = true;
    try {
      for (;;) {
        const next = loadQueue(conversationId).find((p) => !p.failed);
        if (!next || !getSocket().connected) return;
        const res = await request('chat:send', { conversationId, id: next.id, body: next.body });
        // Lost on the way (the connection dropped, or no answer): send the same id again
        // while connected (the server answers a repeat with the first ack, never a second
        // row); otherwise the next (re)connect flushes.
        if (!res.ok && (res.error.code === 'timeout' || !getSocket().connected)) continue;
        const q = loadQueue(conversationId);
        const updated = res.ok
          ? q.filter((p) => p.id !== next.id)
          : q.map((p) => (p.id === next.id ? { ...p, failed: res.error.message } : p));
        saveQueue(conversationId, updated);
        setPending(updated);
        if (!res.ok && res.error.code === 'rate_limited') return;
      }
    } finally {
      sending.current = false;
    }
  }, [conversationId]);

  useEffect(() => {
    let alive = true;
    const socket = getSocket();
    const onEvent = (e: ChatEventEnvelope) => {
      if (e.conversationId === conversationId) sequencer.current?.offer(e);
    };
    const onRead = (u: { conversationId: string; userId: string; lastReadSeq: number }) => {
      if (u.conversationId === conversationId && u.userId !== detailRef.current?.me.id)
        setOtherReadSeq((s) => Math.max(s, u.lastReadSeq));
    };
    const onTyping = (u: { conversationId: string; typing: boolean; expiresInMs: number }) => {
      if (u.conversationId === conversationId)
        setOtherTypingUntil(u.typing ? Date.now() + u.expiresInMs : 0);
    };
    const onPresence = (u: {
      conversationId: string;
      userId: string;
      online: boolean;
      lastSeenAt: string | null;
    }) => {
      if (u.conversationId === conversationId && u.userId !== detailRef.current?.me.id)
        setPresence({ online: u.online, lastSeenAt: u.lastSeenAt });
    };
    socket.on('chat:event', onEvent);
    socket.on('chat:read', onRead);
    socket.on('chat:typing', onTyping);
    socket.on('chat:presence', onPresence);
    const join = async () => {
      if (!sequencer.current) await load().catch((e: Error) => setError(e.message));
      if (!alive || !sequencer.current) return;
      const res = await request('chat:join', {
        conversationId,
        lastSeq: sequencer.current.lastSeq,
      });
      if (!alive) return;
      if (!res.ok) return setError(res.error.message);
      if (res.data?.reset) await load();
      else sequencer.current?.offerAll(res.data?.events ?? []);
      setOtherReadSeq((s) => Math.max(s, res.data?.otherLastReadSeq ?? 0));
      setPresence({
        online: !!res.data?.otherOnline,
        lastSeenAt: res.data?.otherLastSeenAt ?? null,
      });
      void flush();
    };
    const off = onConnected(() => void join());
    return () => {
      alive = false;
      off();
      socket.off('chat:event', onEvent);
      socket.off('chat:read', onRead);
      socket.off('chat:typing', onTyping);
      socket.off('chat:presence', onPresence);
      if (socket.connected) void request('chat:leave', { conversationId });
    };
  }, [conversationId, load, flush]);

  const send = useCallback(
    (body: string) => {
      const q = [...loadQueue(conversationId), { id: crypto.randomUUID(), body }];
      saveQueue(conversationId, q);
      setPending(q);
      lastTyping.current = 0;
      void flush();
    },
    [conversationId, flush],
  );

  const retry = useCallback(
    (id: string) => {
      const q = loadQueue(conversationId).map((p) =>
        p.id === id ? { id: p.id, body: p.body } : p,
      );
      saveQueue(conversationId, q);
      setPending(q);
      void flush();
    },
    [conversationId, flush],
  );

  /** The page before the oldest message shown (keyset on seq); one request at a time. */
  const loadOlder = useCallback((): Promise<void> => {
    if (olderInFlight.current) return olderInFlight.current;
    const first = [...messagesRef.current.values()].reduce<ChatMessage | null>(
      (min, m) => (!min || m.seq < min.seq ? m : min),
      null,
    );
    if (!first) return Promise.resolve();
    setLoadingOlder(true);
    const run = apiFetch<MessagePage>(
      `/api/conversations/${conversationId}/messages?before=${first.seq}`,
    )
      .then((page) => {
        setHasOlder(page.hasOlder);
        merge(page.items);
        messagesRef.current = new Map([
          ...messagesRef.current,
          ...page.items.map((m) => [m.id, m] as const),
        ]);
      })
      .catch((e: Error) => setError(e.message))
      .finally(() => {
        olderInFlight.current = null;
        setLoadingOlder(false);
      });
    olderInFlight.current = run;
    return run;
  }, [conversationId, merge]);

  /** Loads older pages until the message with this seq is in the list (or none are left). */
  const loadUntil = useCallback(
    async (seq: number) => {
      for (let i = 0; i < 100; i++) {
        const oldest = Math.min(...[...messagesRef.current.values()].map((m) => m.seq));
        if (oldest <= seq) return;
        const before = messagesRef.current.size;
        await loadOlder();
        if (messagesRef.current.size === before) return;
      }
    },
    [loadOlder],
  );

  const lastTyping = useRef(0);
  const typing = useCallback(() => {
    const now = Date.now();
    if (now - lastTyping.current < 2_000 || !getSocket().connected) return;
    lastTyping.current = now;
    void request('chat:typing', { conversationId, typing: true });
  }, [conversationId]);

  const sorted = useMemo(() => [...messages.values()].sort((a, b) => a.seq - b.seq), [messages]);
  // Visible while it is being read: everything shown is read. A tab in the background
  // marks it once it comes to the front.
  const lastSeq = sorted.at(-1)?.seq ?? 0;
  const readUpTo = useRef(0);
  useEffect(() => {
    if (!detail) return;
    const mark = () => {
      const floor = Math.max(readUpTo.current, detail.myLastReadSeq);
      if (lastSeq <= floor || !visible()) return;
      readUpTo.current = lastSeq;
      void request('chat:read', { conversationId, seq: lastSeq });
    };
    mark();
    document.addEventListener('visibilitychange', mark);
    return () => document.removeEventListener('visibilitychange', mark);
  }, [conversationId, detail, lastSeq]);

  // Drop a pending copy once its message arrived (a resend after a lost ack).
  const shownPending = pending.filter((p) => !messages.has(p.id));
  return {
    detail,
    messages: sorted,
    pinned: useMemo(() => pinsOf(pins.values()), [pins]),
    pending: shownPending,
    hasOlder,
    loadingOlder,
    otherReadSeq,
    otherTypingUntil,
    presence,
    announcement,
    error,
    send,
    retry,
    loadOlder,
    loadUntil,
    typing,
    reload: load,
    merge,
  };
}
