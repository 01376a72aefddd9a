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

/**
 * One conversation, live: history over HTTP, then the socket room joined with the last
 * sequence number applied (replay fills any gap), events applied through the shared
 * sequencer (in order, once), messages ordered by seq. Sends go through a persistent queue,
 * in order, each with its own uuid until acknowledged — a resend is harmless by design.
 */
export function useChat(conversationId: string) {
  const [detail, setDetail] = useState<ConversationDetail | null>(null);
  const [messages, setMessages] = useState<Map<string, ChatMessage>>(new Map());
  const [hasOlder, setHasOlder] = useState(false);
  const [pending, setPending] = useState<Pending[]>(() => loadQueue(conversationId));
  const [otherReadSeq, setOtherReadSeq] = useState(0);
  const [otherTypingUntil, setOtherTypingUntil] = useState(0);
  const [presence, setPresence] = useState<{ online: boolean; lastSeenAt: string | null }>({
    online: false,
    lastSeenAt: null,
  });
  const [error, setError] = useState<string | null>(null);
  const sequencer = useRef<EventSequencer<ChatEventEnvelope> | null>(null);
  const sending = useRef(false);

  const merge = useCallback((items: ChatMessage[]) => {
    setMessages((prev) => {
      const next = new Map(prev);
      for (const m of items) next.set(m.id, m);
      return next;
    });
  }, []);

  const load = useCallback(async () => {
    const d = await apiFetch<ConversationDetail>(`/api/conversations/${conversationId}`);
    const page = await apiFetch<MessagePage>(`/api/conversations/${conversationId}/messages`);
    setDetail(d);
    setOtherReadSeq(d.otherLastReadSeq);
    setHasOlder(page.hasOlder);
    setMessages(new Map(page.items.map((m) => [m.id, m])));
    sequencer.current = new EventSequencer<ChatEventEnvelope>(
      (e) => merge([e.event.message]),
      d.seq,
    );
    return d;
  }, [conversationId, merge]);

  const flush = useCallback(async () => {
    if (sending.current) return;
    sending.current = true;
    try {
      for (;;) {
        const next = loadQueue(conversationId).find((p) => !p.failed);
        if (!next || !getSocket().connected) return;
        const res = await request('chat:send', { conversationId, id: next.id, body: next.body });
        if (!res.ok && (res.error.code === 'timeout' || !getSocket().connected)) return; // retry on reconnect
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
      const res = await request('chat:join', {
        conversationId,
        lastSeq: sequencer.current?.lastSeq ?? null,
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
      void request('chat:leave', { conversationId });
    };
  }, [conversationId, load, flush]);

  const detailRef = useRef(detail);
  detailRef.current = detail;

  const send = useCallback(
    (body: string) => {
      const q = [...loadQueue(conversationId), { id: crypto.randomUUID(), body }];
      saveQueue(conversationId, q);
      setPending(q);
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

  const loadOlder = useCallback(async () => {
    const first = [...messages.values()].sort((a, b) => a.seq - b.seq)[0];
    if (!first) return;
    const page = await apiFetch<MessagePage>(
      `/api/conversations/${conversationId}/messages?before=${first.seq}`,
    );
    setHasOlder(page.hasOlder);
    merge(page.items);
  }, [conversationId, messages, merge]);

  const lastTyping = useRef(0);
  const typing = useCallback(() => {
    const now = Date.now();
    if (now - lastTyping.current < 2_000) return;
    lastTyping.current = now;
    void request('chat:typing', { conversationId, typing: true });
  }, [conversationId]);

  const sorted = useMemo(() => [...messages.values()].sort((a, b) => a.seq - b.seq), [messages]);
  // Visible while it is being read: everything shown is read.
  const lastSeq = sorted.at(-1)?.seq ?? 0;
  useEffect(() => {
    if (!detail || lastSeq <= detail.myLastReadSeq) return;
    if (typeof document !== 'undefined' && document.visibilityState !== 'visible') return;
    void request('chat:read', { conversationId, seq: lastSeq });
  }, [conversationId, detail, lastSeq]);

  // Drop a pending copy once its message arrived (a resend after a lost ack).
  const shownPending = pending.filter((p) => !messages.has(p.id));
  return {
    detail,
    messages: sorted,
    pending: shownPending,
    hasOlder,
    otherReadSeq,
    otherTypingUntil,
    presence,
    error,
    send,
    retry,
    loadOlder,
    typing,
    reload: load,
    merge,
  };
}
