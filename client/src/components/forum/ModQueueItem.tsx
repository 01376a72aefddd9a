import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import {
  flagReasonLabels,
  type ModerationResult,
  type QueueItem,
} from '../../../../shared/api/moderation';
import { timeAgo } from '../../lib/time';
import { errorMessage } from './errors';
import { sendJson } from './forum-api';

type Action = 'dismiss' | 'hide' | 'restore' | 'lock' | 'unlock';

/** One flagged item with its flags and what a moderator can do about it. */
export function ModQueueItem({
  item,
  onDone,
  onSuspend,
}: {
  item: QueueItem;
  onDone: (message: string) => void;
  onSuspend: (item: QueueItem) => void;
}) {
  const id = useId();
  const t = item.target;
  const [reason, setReason] = useState('');
  const act = useMutation({
    mutationFn: (action: Action) => {
      const r = reason.trim() ? { reason: reason.trim() } : {};
      const target = { targetType: t.type, targetId: t.id, ...r };
      switch (action) {
        case 'dismiss':
          return sendJson<ModerationResult>('POST', '/api/moderation/flags/dismiss', target);
        case 'hide':
        case 'restore':
          return sendJson<ModerationResult>('POST', `/api/moderation/${action}`, target);
        case 'lock':
        case 'unlock':
          return sendJson<ModerationResult>(
            'POST',
            `/api/moderation/threads/${t.threadId}/${action}`,
            r,
          );
      }
    },
    onSuccess: (res, action) => {
      const done: Record<Action, string> = {
        dismiss: 'Flags dismissed',
        hide: 'Hidden',
        restore: 'Restored',
        lock: 'Thread locked',
        unlock: 'Thread unlocked',
      };
      onDone(`${done[action]} (${res.closedFlags} flags closed): ${t.threadTitle}`);
    },
  });
  const what = t.type === 'thread' ? 'Question' : 'Reply';

  return (
    <li className="mod-item">
      <article aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`} className="mod-item-title">
          {what} in <Link to={t.url}>{t.threadTitle}</Link>
        </h2>
        <p className="muted">
          by {t.author.displayName} (@{t.author.handle}, karma {t.author.karma}
          {t.author.suspendedUntil
            ? `, suspended until ${new Date(t.author.suspendedUntil).toLocaleDateString()}`
            : ''}
          ) · posted {timeAgo(t.createdAt)}
          {t.hidden && <span className="badge badge-locked">hidden</span>}
          {t.deleted && <span className="badge badge-locked">deleted</span>}
          {t.threadLocked && <span className="badge badge-locked">thread locked</span>}
        </p>
        {t.parentExcerpt && (
          <blockquote className="mod-context">In reply to: {t.parentExcerpt}</blockquote>
        )}
        <details>
          <summary>{t.excerpt || 'Show the full text'}</summary>
          <div className="prose" dangerouslySetInnerHTML={{ __html: t.bodyHtml }} />
        </details>
        <h3 className="mod-flags-title">
          {item.flags.length} {item.flags.length === 1 ? 'flag' : 'flags'}, first{' '}
          {timeAgo(item.firstFlaggedAt)}
        </h3>
        <ul className="mod-flags">
          {item.flags.map((f) => (
            <li key={f.id}>
              <strong>{flagReasonLabels[f.reason]}</strong> — {f.reporter.displayName}
              {f.note ? `: “${f.note}”` : ''} <span className="muted">{timeAgo(f.createdAt)}</span>
            </li>
          ))}
        </ul>
        <label className="field-label" htmlFor={`${id}-reason`}>
          Note for the audit log (optional)
        </label>
        <input
          id={`${id}-reason`}
          type="text"
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        <div className="form-actions mod-actions">
          <button
            type="button"
            className="button-secondary"
            disabled={act.isPending}
            onClick={() => act.mutate('dismiss')}
          >
            Dismiss flags
          </button>
          {t.hidden ? (
            <button type="button" disabled={act.isPending} onClick={() => act.mutate('restore')}>
              Restore
            </button>
          ) : (
            <button
              type="button"
              className="button-danger"
              disabled={act.isPending}
              onClick={() => act.mutate('hide')}
            >
              Hide {what.toLowerCase()}
            </button>
          )}
          <button
            type="button"
            className="button-secondary"
            disabled={act.isPending}
            onClick={() => act.mutate(t.threadLocked ? 'unlock' : 'lock')}
          >
            {t.threadLocked ? 'Unlock thread' : 'Lock thread'}
          </button>
          {t.author.id && (
            <button type="button" className="button-secondary" onClick={() => onSuspend(item)}>
              Suspend {t.author.displayName}…
            </button>
          )}
        </div>
        {act.error && (
          <p role="alert" className="field-error">
            {errorMessage(act.error)}
          </p>
        )}
      </article>
    </li>
  );
}
