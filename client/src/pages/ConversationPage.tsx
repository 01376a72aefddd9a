import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Link, useParams } from 'react-router';
import { CHAT_MAX_CHARS, type ChatMessage } from '../../../shared/api/chat';
import { apiFetch } from '../lib/api';
import { useChat } from '../lib/useChat';
import { useConnectionState } from '../lib/realtime';
import { useSession } from '../lib/session';
import { timeAgo } from '../lib/time';
import { MessageItem } from '../components/chat/MessageItem';
import { NextSteps } from '../components/chat/NextSteps';
import { useChatScroll } from '../components/chat/useChatScroll';
import { usePageTitle } from '../lib/title';

const connectionText = {
  connecting: '',
  live: '',
  reconnecting: 'Reconnecting… messages you write are kept and sent once the connection is back.',
  offline: 'You are offline. Messages you write are kept and sent when you are back online.',
} as const;

/** /messages/:id — one conversation, live. */
export function ConversationPage() {
  const { id = '' } = useParams();
  const { viewer } = useSession();
  const chat = useChat(id);
  const connection = useConnectionState();
  const [draft, setDraft] = useState('');
  const [actionError, setActionError] = useState<string | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const composer = useRef<HTMLTextAreaElement>(null);
  const scroll = useChatScroll(chat);
  useEffect(() => {
    if (chat.otherTypingUntil <= now) return;
    const t = setTimeout(() => setNow(Date.now()), chat.otherTypingUntil - Date.now() + 50);
    return () => clearTimeout(t);
  }, [chat.otherTypingUntil, now]);
  const d = chat.detail;
  usePageTitle(
    d ? `${d.other.displayName} · Messages` : chat.error ? 'Conversation not found' : 'Messages',
  );
  if (chat.error && !d)
    return (
      <div className="chat-page">
        <h1>Conversation not found</h1>
        <p>{chat.error}</p>
        <Link to="/messages">
          <span aria-hidden="true">← </span>All messages
        </Link>
      </div>
    );
  if (!d || !viewer)
    return (
      <div className="chat-page">
        <p role="status">Loading the conversation…</p>
      </div>
    );
  const submit = () => {
    const body = draft.trim();
    if (!body || draft.length > CHAT_MAX_CHARS) return;
    chat.send(draft);
    setDraft('');
    scroll.toBottomOnNext();
    composer.current?.focus();
  };
  const onKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      submit();
    } else if (e.key.length === 1 || e.key === 'Backspace') chat.typing();
  };
  const mine = chat.messages.filter((m) => m.senderId === viewer.id && !m.deletedAt);
  const seenSeq = mine.filter((m) => m.seq <= chat.otherReadSeq).at(-1)?.seq;
  const typingNow = chat.otherTypingUntil > Date.now();
  const pinAction = (mid: string, path: 'pin' | 'done', value: boolean) => {
    setActionError(null);
    // A tick shows at once (the box follows the click); the server's answer, or the other
    // side's event, settles it; a refusal puts it back and says why.
    const before = chat.pinned.find((m) => m.id === mid);
    if (path === 'done' && before)
      chat.merge([
        { ...before, done: value ? { at: new Date().toISOString(), byId: viewer.id } : null },
      ]);
    return apiFetch<ChatMessage>(`/api/conversations/${id}/messages/${mid}/${path}`, {
      method: 'PUT',
      body: JSON.stringify(path === 'pin' ? { pinned: value } : { done: value }),
    }).then(
      (m) => chat.merge([m]),
      (e: Error) => {
        if (path === 'done' && before) chat.merge([before]);
        setActionError(e.message);
      },
    );
  };
  const online = connection === 'live';
  return (
    <div className="chat-page">
      <p className="chat-back">
        <Link to="/messages">
          <span aria-hidden="true">← </span>All messages
        </Link>
      </p>
      <div className="chat-head">
        <h1>{d.other.displayName}</h1>
        <p className="muted" data-testid="presence">
          {chat.presence.online
            ? 'In this chat now'
            : chat.presence.lastSeenAt
              ? `Last seen ${timeAgo(chat.presence.lastSeenAt)}`
              : 'Not here yet'}
        </p>
      </div>
      <p role="status" className="chat-connection">
        {connectionText[connection]}
      </p>
      <NextSteps
        pinned={chat.pinned}
        canTick={d.canSend}
        onDone={(mid, done) => void pinAction(mid, 'done', done)}
      />
      {actionError && (
        <p role="alert" className="error-box">
          {actionError}
        </p>
      )}
      {d.firstUnreadSeq !== null && (
        <button
          type="button"
          className="button-secondary chat-jump"
          onClick={() => scroll.jumpTo(d.firstUnreadSeq!)}
        >
          Jump to first unread
        </button>
      )}
      <section
        ref={scroll.container}
        className="chat-scroll"
        aria-label={`Conversation with ${d.other.displayName}`}
        tabIndex={0}
        onScroll={scroll.onScroll}
      >
        {chat.hasOlder && (
          <div ref={scroll.sentinel} className="chat-older">
            <button
              type="button"
              className="button-secondary"
              disabled={chat.loadingOlder}
              onClick={() => void scroll.loadOlderByHand()}
            >
              {chat.loadingOlder ? 'Loading earlier messages…' : 'Load earlier messages'}
            </button>
          </div>
        )}
        {!chat.hasOlder && chat.messages.length > 0 && (
          <p className="muted chat-start">This is the start of your conversation.</p>
        )}
        <ol className="chat-messages" aria-label="Messages">
          {chat.messages.map((m) => (
            <MessageItem
              key={m.id}
              message={m}
              mine={m.senderId === viewer.id}
              otherName={d.other.displayName}
              firstUnread={m.seq === d.firstUnreadSeq}
              seen={m.seq === seenSeq}
              canAct={d.canSend}
              conversationId={id}
              onChanged={(msg) => chat.merge([msg])}
              onPin={(value) => void pinAction(m.id, 'pin', value)}
            />
          ))}
          {chat.pending.map((p) => (
            <li key={p.id} className="chat-row mine">
              <div className="chat-message pending" data-pending-id={p.id}>
                <span className="visually-hidden">You: </span>
                <div className="chat-body chat-plain">{p.body}</div>
                <small className="muted">
                  {p.failed ? (
                    <>
                      not sent — {p.failed}{' '}
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => chat.retry(p.id)}
                      >
                        retry
                      </button>
                    </>
                  ) : online ? (
                    'sending…'
                  ) : (
                    'waiting for the connection — sends when you are back online'
                  )}
                </small>
              </div>
            </li>
          ))}
        </ol>
      </section>
      {scroll.newBelow && (
        <button type="button" className="chat-new-below" onClick={scroll.toBottom}>
          New messages below <span aria-hidden="true">↓</span>
        </button>
      )}
      <p className="muted chat-typing" data-testid="typing">
        {typingNow ? `${d.other.displayName} is typing…` : ''}
      </p>
      <div className="visually-hidden" aria-live="polite" aria-atomic="true">
        {chat.announcement}
      </div>
      {d.ended ? (
        <p className="notice">
          This mentorship ended {timeAgo(d.ended.at)}
          {d.ended.by ? ` (ended by ${d.ended.by})` : ''}. The conversation is read-only.
        </p>
      ) : d.canSend ? (
        <form
          className="chat-composer"
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <label htmlFor="chat-draft" className="visually-hidden">
            Message {d.other.displayName}
          </label>
          <textarea
            id="chat-draft"
            ref={composer}
            value={draft}
            maxLength={CHAT_MAX_CHARS}
            rows={2}
            aria-describedby="chat-draft-hint"
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={onKey}
          />
          <div className="chat-composer-row">
            <small id="chat-draft-hint" className="muted">
              Enter sends, Shift+Enter adds a new line
            </small>
            <button type="submit">Send</button>
          </div>
        </form>
      ) : (
        <p className="notice">You cannot send messages right now.</p>
      )}
    </div>
  );
}
