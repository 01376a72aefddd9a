import { useMutation } from '@tanstack/react-query';
import { useId } from 'react';
import type { EditThreadInput, ThreadDetail } from '../../../../shared/api/threads';
import { ErrorAlert, FieldError, fieldError } from './errors';
import { sendJson, useThreadCache } from './forum-api';
import { MarkdownEditor } from './MarkdownEditor';
import { TagPicker } from './TagPicker';
import { useDraft, type Draft } from './useDraft';

interface ThreadDraft extends Draft {
  title: string;
  body: string;
  tags: string[];
}

export function ThreadEditForm({
  thread,
  onClose,
}: {
  thread: ThreadDetail['thread'];
  onClose: () => void;
}) {
  const id = useId();
  const { draft, update, reset } = useDraft<ThreadDraft>(
    `sb:draft:edit:thread:${thread.id}`,
    () => ({
      title: thread.title,
      body: thread.bodyMarkdown ?? '',
      tags: thread.tags,
    }),
  );
  const apply = useThreadCache(thread.id);
  const save = useMutation({
    mutationFn: (input: EditThreadInput) =>
      sendJson<ThreadDetail['thread']>('PATCH', `/api/threads/${thread.id}`, input),
    onSuccess: (updated) => {
      apply({ type: 'thread.updated', thread: updated });
      reset();
      onClose();
    },
  });
  const submit = () => {
    if (!save.isPending) save.mutate({ title: draft.title, body: draft.body, tags: draft.tags });
  };
  const titleError = fieldError(save.error, 'title');
  return (
    <form
      className="thread-edit"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <label className="field-label" htmlFor={`${id}-title`}>
        Title
      </label>
      <input
        id={`${id}-title`}
        type="text"
        value={draft.title}
        onChange={(e) => update({ title: e.target.value })}
        aria-invalid={titleError ? true : undefined}
        aria-describedby={titleError ? `${id}-title-error` : undefined}
      />
      <FieldError id={`${id}-title-error`} message={titleError} />
      <MarkdownEditor
        label="Question"
        value={draft.body}
        onChange={(body) => update({ body })}
        error={fieldError(save.error, 'body')}
        rows={10}
        onSubmitShortcut={submit}
      />
      <TagPicker
        value={draft.tags}
        onChange={(tags) => update({ tags })}
        error={fieldError(save.error, 'tags')}
      />
      <ErrorAlert
        error={save.error}
        fields={['title', 'body', 'tags']}
        onRetry={submit}
        retryLabel="Save again"
      />
      <div className="form-actions">
        <button type="submit" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save changes'}
        </button>
        <button
          type="button"
          className="button-secondary"
          onClick={() => {
            reset();
            onClose();
          }}
        >
          Discard changes
        </button>
      </div>
    </form>
  );
}
