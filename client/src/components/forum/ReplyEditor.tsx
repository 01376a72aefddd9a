import { useMutation } from '@tanstack/react-query';
import type { EditReplyInput, ReplyNode } from '../../../../shared/api/threads';
import { ErrorAlert, fieldError } from './errors';
import { sendJson, useThreadCache } from './forum-api';
import { MarkdownEditor } from './MarkdownEditor';
import { useDraft, type Draft } from './useDraft';

interface EditDraft extends Draft {
  body: string;
}

/** Edits a reply in place; the unsaved text survives a failed save or a reload. */
export function ReplyEditor({ reply, onClose }: { reply: ReplyNode; onClose: () => void }) {
  const { draft, update, reset } = useDraft<EditDraft>(`sb:draft:edit:reply:${reply.id}`, () => ({
    body: reply.bodyMarkdown ?? '',
  }));
  const apply = useThreadCache(reply.threadId);
  const save = useMutation({
    mutationFn: (input: EditReplyInput) =>
      sendJson<ReplyNode>('PATCH', `/api/replies/${reply.id}`, input),
    onSuccess: (updated) => {
      apply({ type: 'reply.updated', reply: updated });
      reset();
      onClose();
    },
  });
  const submit = () => {
    if (!save.isPending) save.mutate({ body: draft.body });
  };
  return (
    <form
      className="reply-composer"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <MarkdownEditor
        label="Edit your reply"
        value={draft.body}
        onChange={(body) => update({ body })}
        error={fieldError(save.error, 'body')}
        autoFocus
        onSubmitShortcut={submit}
      />
      <ErrorAlert error={save.error} fields={['body']} onRetry={submit} retryLabel="Save again" />
      <div className="form-actions">
        <button type="submit" disabled={save.isPending || !draft.body.trim()}>
          {save.isPending ? 'Saving…' : 'Save edit'}
        </button>
        <button
          type="button"
          className="button-secondary"
          onClick={() => {
            reset();
            onClose();
          }}
        >
          Discard edit
        </button>
      </div>
    </form>
  );
}
