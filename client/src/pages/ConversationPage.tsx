import { useEffect, useState, type KeyboardEvent } from 'react';
import { Link, useParams } from 'react-router';
import { CHAT_MAX_CHARS } from '../../../shared/api/chat';
import { apiFetch } from '../lib/api';
import { useChat } from '../lib/useChat';
import { useSession } from '../lib/session';
import { timeAgo } from '../lib/time';
import { MessageItem } from '../components/chat/MessageItem';

/** /messages/:id — one conversation, live. */
export function ConversationPage() {
  const { id = '' } = useParams();
  const { viewer } = useSession();
  const chat = useChat(id);
  const [draft, setDraft] = useState('');
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (chat.otherTypingUntil <= now) return;
    const t = setTimeout(() => setNow(Date.now()), chat.otherTypingUntil - Date.now() + 50);
    return () => clearTimeout(t);
  }, [chat.otherTypingUntil, now]);
  const d = chat.detail;
  if (chat.error && !d)
    return (
      <main id="main" className="container">
        <h1>Conversation not found</h1>
        <p>{chat.error}</p>
        <Link to="/messages">← Back to messages</Link>
      </main>
    );
  if (!d || !viewer)
    return (
      <main id="main" className="container">
        <p>Loading the conversation…</p>
      </main>
    );
  const submit = () => {
    const body = draft.trim();
    if (!body || body.length > CHAT_MAX_CHARS) return;
    chat.send(draft);
    setDraft('');
  };
  const onKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      submit();
    } else chat.typing();
  };
  const mine = chat.messages.filter((m) => m.senderId === viewer.id && !m.deletedAt);
  const seenSeq = mine.filter((m) => m.seq <= chat.otherReadSeq).at(-1)?.seq;
  const typingNow = chat.otherTypingUntil > Date.now();
  const pinAction = (mid: string, path: 'pin' | 'done', value: boolean) =>
    apiFetch(`/api/conversations/${id}/messages/${mid}/${path}`, {
      method: 'PUT',
      body: JSON.stringify(path === 'pin' ? { pinned: value } : { done: value }),
    }).then(() => chat.reload());
  return (
    <main id="main" className="container chat-page">
      <p>
        <Link to="/messages">← All messages</Link>
      </p>
      <h1>{d.other.displayName}</h1>
      <p className="muted" data-testid="presence">
        {chat.presence.online
          ? 'In this chat now'
          : chat.presence.lastSeenAt
            ? `Last seen ${timeAgo(chat.presence.lastSeenAt)}`
            : 'Not here yet'}
      </p>
      {d.pinned.length > 0 && (
        <section aria-label="Next steps" className="chat-pins">
          <h2>Next steps</h2>
          <ul>
            {d.pinned.map((p) => (
              <li key={p.id}>
                <label>
                  <input
                    type="checkbox"
                    checked={!!p.done}
                    disabled={!d.canSend}
                    onChange={(e) => void pinAction(p.id, 'done', e.target.checked)}
                  />{' '}
                  <span dangerouslySetInnerHTML={{ __html: p.bodyHtml }} />
                </label>
              </li>
            ))}
          </ul>
        </section>
      )}
      {d.firstUnreadSeq !== null && (
        <p>
          <a href={`#seq-${d.firstUnreadSeq}`}>Jump to first unread</a>
        </p>
      )}
      {chat.hasOlder && (
        <button type="button" className="button-secondary" onClick={() => void chat.loadOlder()}>
          Load earlier messages
        </button>
      )}
      <ol className="chat-messages" aria-label="Messages" aria-live="polite">
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
          <li key={p.id} className="chat-message mine pending">
            <div className="chat-body">{p.body}</div>
            <small className="muted">
              {p.failed ? (
                <>
                  not sent — {p.failed}{' '}
                  <button type="button" className="link-button" onClick={() => chat.retry(p.id)}>
                    retry
                  </button>
                </>
              ) : (
                'sending…'
              )}
            </small>
          </li>
        ))}
      </ol>
      {typingNow && <p className="muted">{d.other.displayName} is typing…</p>}
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
            value={draft}
            maxLength={CHAT_MAX_CHARS}
            rows={3}
            placeholder="Write a message — Enter sends, Shift+Enter for a new line"
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={onKey}
          />
          <button type="submit">Send</button>
        </form>
      ) : (
        <p className="notice">You cannot send messages right now.</p>
      )}
    </main>
  );
}
