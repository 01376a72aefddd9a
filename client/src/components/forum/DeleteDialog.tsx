import { useMutation } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { Dialog } from './Dialog';
import { ErrorAlert } from './errors';
import { sendJson, useThreadCache } from './forum-api';

export function DeleteDialog({
  kind,
  id,
  threadId,
  onClose,
}: {
  kind: 'thread' | 'reply';
  id: string;
  threadId: string;
  onClose: () => void;
}) {
  const apply = useThreadCache(threadId);
  const navigate = useNavigate();
  const del = useMutation({
    mutationFn: () =>
      sendJson<void>('DELETE', `/api/${kind === 'thread' ? 'threads' : 'replies'}/${id}`),
    onSuccess: () => {
      onClose();
      if (kind === 'reply') apply({ type: 'reply.deleted', replyId: id });
      else navigate('/', { state: { notice: 'Your question was deleted.' } });
    },
  });
  const what = kind === 'thread' ? 'question' : 'reply';
  return (
    <Dialog title={`Delete this ${what}?`} onClose={onClose}>
      <p>
        {kind === 'thread'
          ? 'The question and its place on the front page go away. Replies by others stay readable only if the question had any.'
          : 'If people replied to it, their replies stay and yours shows as “[deleted]”.'}
      </p>
      <ErrorAlert error={del.error} />
      <div className="form-actions">
        <button
          type="button"
          className="button-danger"
          disabled={del.isPending}
          onClick={() => del.mutate()}
        >
          {del.isPending ? 'Deleting…' : `Delete ${what}`}
        </button>
        <button type="button" className="button-secondary" onClick={onClose} autoFocus>
          Keep it
        </button>
      </div>
    </Dialog>
  );
}
