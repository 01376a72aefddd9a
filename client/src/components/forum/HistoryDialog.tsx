import { useQuery } from '@tanstack/react-query';
import type { Revision } from '../../../../shared/api/threads';
import { apiFetch } from '../../lib/api';
import { timeAgo } from '../../lib/time';
import { Dialog } from './Dialog';
import { ErrorAlert, Loading } from './errors';
import { forumKeys } from './forum-api';

/** Every earlier version of a question or reply, newest first, under the current text. */
export function HistoryDialog({
  kind,
  id,
  currentHtml,
  onClose,
}: {
  kind: 'thread' | 'reply';
  id: string;
  currentHtml: string;
  onClose: () => void;
}) {
  const query = useQuery({
    queryKey: forumKeys.revisions(kind, id),
    queryFn: () =>
      apiFetch<Revision[]>(`/api/${kind === 'thread' ? 'threads' : 'replies'}/${id}/revisions`),
  });
  return (
    <Dialog title="Edit history" onClose={onClose}>
      <section className="revision" aria-label="Current version">
        <h3 className="revision-title">Current version</h3>
        <div className="prose" dangerouslySetInnerHTML={{ __html: currentHtml }} />
      </section>
      {query.isPending && <Loading label="Loading earlier versions…" />}
      <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      {query.data?.length === 0 && <p className="muted">This was never edited.</p>}
      {query.data?.map((rev) => (
        <section className="revision" key={rev.number} aria-label={`Version ${rev.number}`}>
          <h3 className="revision-title">
            Version {rev.number}
            {rev.number === 1 ? ' (original)' : ''}{' '}
            <span className="muted">
              by {rev.editor.displayName}, replaced{' '}
              <time dateTime={rev.replacedAt} title={new Date(rev.replacedAt).toLocaleString()}>
                {timeAgo(rev.replacedAt)}
              </time>
            </span>
          </h3>
          {rev.title && <p className="revision-field">Title: {rev.title}</p>}
          {rev.tags && <p className="revision-field">Tags: {rev.tags.join(', ')}</p>}
          <div className="prose" dangerouslySetInnerHTML={{ __html: rev.bodyHtml }} />
        </section>
      ))}
    </Dialog>
  );
}
