import { useState } from 'react';
import { CHAT_EDIT_WINDOW_MINUTES, type ChatMessage } from '../../../../shared/api/chat';
import { apiFetch } from '../../lib/api';
import { timeAgo } from '../../lib/time';

/** One message: body (the forum's safe markdown, rendered by the server), state, own actions. */
export function MessageItem(p: {
  message: ChatMessage;
  mine: boolean;
  otherName: string;
  firstUnread: boolean;
  seen: boolean;
  canAct: boolean;
  conversationId: string;
  onChanged: (m: ChatMessage) => void;
  onPin: (pinned: boolean) => void;
}) {
  const m = p.message;
  const [editing, setEditing] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const url = `/api/conversations/${p.conversationId}/messages/${m.id}`;
  const recent = Date.now() - Date.parse(m.createdAt) < CHAT_EDIT_WINDOW_MINUTES * 60_000;
  const act = (init: RequestInit, path = url) =>
    apiFetch<ChatMessage>(path, init).then(p.onChanged, (e: Error) => setNote(e.message));
  return (
    <>
      {p.firstUnread && (
        <li className="chat-divider" role="separator">
          New messages
        </li>
      )}
      <li id={`seq-${m.seq}`} className={`chat-message${p.mine ? ' mine' : ''}`}>
        <span className="visually-hidden">{p.mine ? 'You' : p.otherName}: </span>
        {m.deletedAt ? (
          <div className="chat-body muted">message deleted</div>
        ) : editing !== null ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void act({ method: 'PATCH', body: JSON.stringify({ body: editing }) }).then(() =>
                setEditing(null),
              );
            }}
          >
            <label className="visually-hidden" htmlFor={`edit-${m.id}`}>
              Edit message
            </label>
            <textarea
              id={`edit-${m.id}`}
              value={editing}
              onChange={(e) => setEditing(e.target.value)}
            />
            <button type="submit">Save</button>{' '}
            <button type="button" className="button-secondary" onClick={() => setEditing(null)}>
              Cancel
            </button>
          </form>
        ) : (
          <div className="chat-body" dangerouslySetInnerHTML={{ __html: m.bodyHtml }} />
        )}
        <small className="muted">
          {timeAgo(m.createdAt)}
          {m.editedAt && !m.deletedAt && ' · edited'}
          {m.pinned && ' · next step'}
          {p.mine && (p.seen ? ' · Seen' : ' · sent')}
        </small>
        {!m.deletedAt && p.canAct && editing === null && (
          <span className="chat-actions">
            {p.mine && recent && (
              <>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => setEditing(m.bodyMarkdown)}
                >
                  Edit
                </button>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => void act({ method: 'DELETE' })}
                >
                  Delete
                </button>
              </>
            )}
            <button type="button" className="link-button" onClick={() => p.onPin(!m.pinned)}>
              {m.pinned ? 'Unpin' : 'Pin as next step'}
            </button>
            {!p.mine && (
              <button
                type="button"
                className="link-button"
                onClick={() =>
                  void apiFetch(`${url}/report`, {
                    method: 'POST',
                    body: JSON.stringify({ reason: 'other' }),
                  }).then(
                    () => setNote('Reported to the moderators.'),
                    (e: Error) => setNote(e.message),
                  )
                }
              >
                Report
              </button>
            )}
          </span>
        )}
        {note && <small role="status">{note}</small>}
      </li>
    </>
  );
}
