import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { ChatReportItem as Item, ModerationResult } from '../../../../shared/api/moderation';
import type { UserRef } from '../../../../shared/api/threads';
import { timeAgo } from '../../lib/time';
import { errorMessage } from './errors';
import { sendJson } from './forum-api';

const reasonLabels: Record<string, string> = {
  spam: 'Spam',
  harassment: 'Harassment',
  off_topic: 'Off topic',
  other: 'Other',
};

/**
 * One reported chat message: the message and the five before it (all a moderator may see of
 * a private conversation), the reports, and what can be done: resolve, or suspend the sender.
 */
export function ChatReportItem({
  item,
  onDone,
  onSuspend,
}: {
  item: Item;
  onDone: (message: string) => void;
  onSuspend: (user: UserRef) => void;
}) {
  const id = useId();
  const [note, setNote] = useState('');
  const reported = item.context.find((c) => c.reported);
  const resolve = useMutation({
    mutationFn: () =>
      sendJson<ModerationResult>(
        'POST',
        `/api/moderation/chat-reports/${item.messageId}/resolve`,
        note.trim() ? { reason: note.trim() } : {},
      ),
    onSuccess: (res) => onDone(`Chat report resolved (${res.closedFlags} reports closed)`),
  });
  const between = item.participants.map((p) => p.displayName).join(' and ');

  return (
    <li className="mod-item">
      <article aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`} className="mod-item-title">
          Chat message between {between}
        </h2>
        <p className="muted">
          {item.reports.length} {item.reports.length === 1 ? 'report' : 'reports'}, first{' '}
          {timeAgo(item.firstReportedAt)}. You see the reported message and the five before it,
          nothing else of this private conversation.
        </p>
        <ol className="mod-chat-context" aria-label="The reported message and the five before it">
          {item.context.map((c) => (
            <li key={c.id} className={c.reported ? 'mod-chat-reported' : undefined}>
              <span className="mod-chat-sender">
                {c.sender.displayName}
                {c.reported && <span className="badge badge-locked">reported</span>}
              </span>{' '}
              <span className="muted">{timeAgo(c.createdAt)}</span>
              {c.bodyHtml === null ? (
                <p className="muted">message deleted</p>
              ) : (
                <div className="prose" dangerouslySetInnerHTML={{ __html: c.bodyHtml }} />
              )}
            </li>
          ))}
        </ol>
        <ul className="mod-flags">
          {item.reports.map((r) => (
            <li key={r.id}>
              <strong>{reasonLabels[r.reason] ?? r.reason}</strong> — {r.reporter.displayName}
              {r.note ? `: “${r.note}”` : ''} <span className="muted">{timeAgo(r.createdAt)}</span>
            </li>
          ))}
        </ul>
        <label className="field-label" htmlFor={`${id}-note`}>
          Note for the audit log (optional)
        </label>
        <input
          id={`${id}-note`}
          type="text"
          maxLength={500}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
        <div className="form-actions mod-actions">
          <button type="button" disabled={resolve.isPending} onClick={() => resolve.mutate()}>
            {resolve.isPending ? 'Resolving…' : 'Resolve'}
          </button>
          {reported?.sender.id && (
            <button
              type="button"
              className="button-secondary"
              onClick={() => onSuspend(reported.sender)}
            >
              Suspend {reported.sender.displayName}…
            </button>
          )}
        </div>
        {resolve.isError && (
          <p role="alert" className="field-error">
            {errorMessage(resolve.error)}
          </p>
        )}
      </article>
    </li>
  );
}
