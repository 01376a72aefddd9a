import type { EditReplyInput, ReplyNode } from '../../../../shared/api/threads';
import { EditForm, useEditSave } from './EditForm';
import { fieldError } from './errors';
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
  const close = () => {
    reset();
    onClose();
  };
  const save = useEditSave<EditReplyInput, ReplyNode>(
    reply.threadId,
    `/api/replies/${reply.id}`,
    (updated) => ({ type: 'reply.updated', reply: updated }),
    close,
  );
  const submit = () => {
    if (!save.isPending) save.mutate({ body: draft.body });
  };
  return (
    <EditForm
      className="reply-composer"
      save={save}
      fields={['body']}
      onSubmit={submit}
      onDiscard={close}
      canSave={!!draft.body.trim()}
      saveLabel="Save edit"
      discardLabel="Discard edit"
    >
      <MarkdownEditor
        label="Edit your reply"
        value={draft.body}
        onChange={(body) => update({ body })}
        error={fieldError(save.error, 'body')}
        autoFocus
        onSubmitShortcut={submit}
      />
    </EditForm>
  );
}
