import { useCallback, useEffect, useLayoutEffect, useRef, useState, type UIEvent } from 'react';
import type { useChat } from '../../lib/useChat';

type Chat = ReturnType<typeof useChat>;

/** How close to the bottom still counts as "following the conversation" (px). */
const FOLLOW_PX = 48;

/**
 * The conversation's scroll box: opens at the newest message, follows new ones while the
 * reader is at the bottom (always after their own send), loads the older page when the
 * top comes near (keyset on seq: `before` = the oldest shown) without moving what is on
 * screen, and jumps to the first unread message (loading pages until it is there).
 */
export function useChatScroll(chat: Chat) {
  const container = useRef<HTMLElement>(null);
  const sentinel = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const forceBottom = useRef(false);
  /** Distance from the bottom to restore once an older page is in (null: none pending). */
  const keepFromBottom = useRef<number | null>(null);
  const prevFirst = useRef<number | undefined>(undefined);
  const prevLast = useRef<number | undefined>(undefined);
  const [ready, setReady] = useState(false);
  /** Something new came in while the reader was scrolled up: offer to go down. */
  const [newBelow, setNewBelow] = useState(false);
  const [jump, setJump] = useState<number | null>(null);
  const first = chat.messages[0]?.seq;
  const last = chat.messages.at(-1)?.seq;
  const pendingCount = chat.pending.length;
  const loaded = !!chat.detail;

  // The box takes the window's height left under what is above it and over the composer,
  // so the conversation is one screen (at 375 px as on a desktop) and the page itself does
  // not scroll; at least 16rem on a very short window.
  const fit = useCallback(() => {
    const el = container.current;
    const page = el?.closest('.chat-page');
    if (!el || !page) return;
    const box = el.getBoundingClientRect();
    const below = page.getBoundingClientRect().bottom - box.bottom;
    const room = window.innerHeight - (box.top + window.scrollY) - below - 16;
    const height = `${Math.max(256, Math.floor(room))}px`;
    if (el.style.height === height) return;
    el.style.height = height;
    if (atBottom.current) el.scrollTop = el.scrollHeight;
  }, []);
  useLayoutEffect(fit);
  useEffect(() => {
    window.addEventListener('resize', fit);
    return () => window.removeEventListener('resize', fit);
  }, [fit]);

  useLayoutEffect(() => {
    const el = container.current;
    if (!el) return;
    const prepended = prevFirst.current !== undefined && first !== prevFirst.current;
    const appended =
      prevLast.current !== undefined && last !== undefined && last > prevLast.current;
    prevFirst.current = first;
    prevLast.current = last;
    if (prepended && keepFromBottom.current !== null) {
      el.scrollTop = el.scrollHeight - keepFromBottom.current;
      keepFromBottom.current = null;
    } else if (!ready || atBottom.current || forceBottom.current) {
      el.scrollTop = el.scrollHeight;
      forceBottom.current = false;
    } else if (appended) setNewBelow(true);
    if (!ready) setReady(true);
  }, [first, last, pendingCount, loaded, ready]);

  const loadOlderKeeping = useCallback(async () => {
    const el = container.current;
    if (el && keepFromBottom.current === null)
      keepFromBottom.current = el.scrollHeight - el.scrollTop;
    await chat.loadOlder();
  }, [chat]);

  // Scrolling up to the top loads the page before (the button does the same by hand).
  const hasOlder = chat.hasOlder;
  useEffect(() => {
    const el = sentinel.current;
    const root = container.current;
    if (!ready || !el || !root || !hasOlder || typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) void loadOlderKeeping();
      },
      { root, rootMargin: '150px 0px 0px 0px' },
    );
    io.observe(el);
    return () => io.disconnect();
    // `first` too: after a page came in, observe afresh (still in view: load the next one).
  }, [ready, hasOlder, first, loadOlderKeeping]);

  useEffect(() => {
    if (jump === null) return;
    const target = document.getElementById('first-unread');
    if (!target) return;
    atBottom.current = false;
    target.scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
    setJump(null);
  }, [jump, first]);

  return {
    container,
    sentinel,
    onScroll: (e: UIEvent<HTMLElement>) => {
      const el = e.currentTarget;
      atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < FOLLOW_PX;
      if (atBottom.current) setNewBelow(false);
    },
    newBelow,
    toBottom: () => {
      const el = container.current;
      if (el) el.scrollTo({ top: el.scrollHeight });
      atBottom.current = true;
      setNewBelow(false);
    },
    /** The next render scrolls to the newest message (after the viewer's own send). */
    toBottomOnNext: () => {
      forceBottom.current = true;
    },
    loadOlderByHand: async () => {
      await loadOlderKeeping();
      // No more pages: the button is gone, keep focus in the conversation.
      requestAnimationFrame(() => {
        if (!sentinel.current) container.current?.focus();
      });
    },
    jumpTo: async (seq: number) => {
      await chat.loadUntil(seq);
      setJump(seq);
    },
  };
}
