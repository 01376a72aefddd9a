import type { EditThreadInput, ThreadDetail } from '../../../../shared/api/threads';
import { EditForm, useEditSave } from './EditForm';
import { ThreadFields, type ThreadDraft } from './ThreadFields';
import { useDraft } from './useDraft';

export function ThreadEditForm({
  thread,
  onClose,
}: {
  thread: ThreadDetail['thread'];
  onClose: () => void;
}) {
  const { draft, update, reset } = useDraft<ThreadDraft>(
    `sb:draft:edit:thread:${thread.id}`,
    () => ({
      title: thread.title,
      body: thread.bodyMarkdown ?? '',
      tags: thread.tags,
    }),
  );
  const close = () => {
    reset();
    onClose();
  };
  const save = useEditSave<EditThreadInput, ThreadDetail['thread']>(
    thread.id,
    `/api/threads/${thread.id}`,
    (updated) => ({ type: 'thread.updated', thread: updated }),
    close,
  );
  const submit = () => {
    if (!save.isPending) save.mutate({ title: draft.title, body: draft.body, tags: draft.tags });
  };
  return (
    <EditForm
      className="thread-edit"
      save={save}
      fields={['title', 'body', 'tags']}
      onSubmit={submit}
      onDiscard={close}
      saveLabel="Save changes"
      discardLabel="Discard changes"
    >
      <ThreadFields
        draft={draft}
        update={update}
        error={save.error}
        bodyLabel="Question"
        rows={10}
        onSubmitShortcut={submit}
      />
    </EditForm>
  );
}
