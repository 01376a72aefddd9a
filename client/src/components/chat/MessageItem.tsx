import { useRef, useState, type RefObject } from 'react';
import {
  CHAT_EDIT_WINDOW_MINUTES,
  reportReasons,
  type ChatMessage,
} from '../../../../shared/api/chat';
import { apiFetch } from '../../lib/api';
import { timeAgo } from '../../lib/time';

const reasonLabels: Record<(typeof reportReasons)[number], string> = {
  spam: 'Spam',
  harassment: 'Harassment',
  off_topic: 'Off topic',
  other: 'Something else',
};

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
  const [reporting, setReporting] = useState(false);
  const [reason, setReason] = useState<(typeof reportReasons)[number]>('other');
  const [note, setNote] = useState<string | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const reportButton = useRef<HTMLButtonElement>(null);
  const url = `/api/conversations/${p.conversationId}/messages/${m.id}`;
  const recent = Date.now() - Date.parse(m.createdAt) < CHAT_EDIT_WINDOW_MINUTES * 60_000;
  const bodyId = `body-${m.id}`;
  // Focus goes back to the button that opened a form once it closes.
  const refocus = (b: RefObject<HTMLButtonElement | null>) =>
    requestAnimationFrame(() => b.current?.focus());
  const act = (init: RequestInit, path = url) =>
    apiFetch<ChatMessage>(path, init).then(
      (changed) => {
        p.onChanged(changed);
        return true;
      },
      (e: Error) => {
        setNote(e.message);
        return false;
      },
    );
  const stopEditing = () => {
    setEditing(null);
    refocus(editButton);
  };
  return (
    <li className={`chat-row${p.mine ? ' mine' : ''}`} data-seq={m.seq}>
      {p.firstUnread && (
        <div id="first-unread" className="chat-divider" tabIndex={-1}>
          New messages
        </div>
      )}
      <div className="chat-message" id={`seq-${m.seq}`}>
        <span className="visually-hidden">{p.mine ? 'You' : p.otherName}: </span>
        {m.deletedAt ? (
          <div className="chat-body muted">message deleted</div>
        ) : editing !== null ? (
          <form
            className="chat-edit"
            onSubmit={(e) => {
              e.preventDefault();
              void act({ method: 'PATCH', body: JSON.stringify({ body: editing }) }).then(
                (ok) => ok && stopEditing(),
              );
            }}
            onKeyDown={(e) => {
              if (e.key === 'Escape') stopEditing();
            }}
          >
            <label className="visually-hidden" htmlFor={`edit-${m.id}`}>
              Edit message
            </label>
            <textarea
              id={`edit-${m.id}`}
              value={editing}
              autoFocus
              onChange={(e) => setEditing(e.target.value)}
            />
            <button type="submit">Save</button>{' '}
            <button type="button" className="button-secondary" onClick={stopEditing}>
              Cancel
            </button>
          </form>
        ) : (
          <div id={bodyId} className="chat-body" dangerouslySetInnerHTML={{ __html: m.bodyHtml }} />
        )}
        <small className="muted">
          {timeAgo(m.createdAt)}
          {m.editedAt && !m.deletedAt && ' · edited'}
          {m.pinned && ' · next step'}
          {p.mine && <span className="chat-state">{p.seen ? ' · Seen' : ' · sent'}</span>}
        </small>
        {!m.deletedAt && p.canAct && editing === null && !reporting && (
          <span className="chat-actions">
            {p.mine && recent && (
              <>
                <button
                  ref={editButton}
                  type="button"
                  className="link-button"
                  aria-describedby={bodyId}
                  onClick={() => setEditing(m.bodyMarkdown)}
                >
                  Edit
                </button>
                <button
                  type="button"
                  className="link-button"
                  aria-describedby={bodyId}
                  onClick={() => {
                    if (window.confirm('Delete this message for both of you?'))
                      void act({ method: 'DELETE' });
                  }}
                >
                  Delete
                </button>
              </>
            )}
            <button
              type="button"
              className="link-button"
              aria-describedby={bodyId}
              onClick={() => p.onPin(!m.pinned)}
            >
              {m.pinned ? 'Unpin' : 'Pin as next step'}
            </button>
            {!p.mine && (
              <button
                ref={reportButton}
                type="button"
                className="link-button"
                aria-describedby={bodyId}
                onClick={() => setReporting(true)}
              >
                Report
              </button>
            )}
          </span>
        )}
        {reporting && (
          <form
            className="chat-report"
            aria-label="Report this message to the moderators"
            onSubmit={(e) => {
              e.preventDefault();
              void apiFetch(`${url}/report`, {
                method: 'POST',
                body: JSON.stringify({ reason }),
              }).then(
                () => setNote('Reported to the moderators.'),
                (err: Error) => setNote(err.message),
              );
              setReporting(false);
              refocus(reportButton);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                setReporting(false);
                refocus(reportButton);
              }
            }}
          >
            <label htmlFor={`reason-${m.id}`}>Why?</label>{' '}
            <select
              id={`reason-${m.id}`}
              value={reason}
              autoFocus
              onChange={(e) => setReason(e.target.value as typeof reason)}
            >
              {reportReasons.map((r) => (
                <option key={r} value={r}>
                  {reasonLabels[r]}
                </option>
              ))}
            </select>{' '}
            <button type="submit">Send report</button>{' '}
            <button
              type="button"
              className="button-secondary"
              onClick={() => {
                setReporting(false);
                refocus(reportButton);
              }}
            >
              Cancel
            </button>
          </form>
        )}
        {note && <small role="status">{note}</small>}
      </div>
    </li>
  );
}
