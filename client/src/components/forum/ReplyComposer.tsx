import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateReplyInput, ReplyNode } from '../../../../shared/api/threads';
import { ApiError } from '../../lib/api';
import { EarlierPostLink, ErrorAlert, fieldError } from './errors';
import { forumKeys, sendJson, useThreadCache } from './forum-api';
import { MarkdownEditor } from './MarkdownEditor';
import { useDraft, type Draft } from './useDraft';

interface ReplyDraft extends Draft {
  body: string;
}

/**
 * Inline reply form. The text lives in sessionStorage until the server has it; a failed
 * send keeps it (with its client id, so pressing Send again can never post it twice).
 */
export function ReplyComposer({
  threadId,
  parentId,
  label,
  onDone,
  onCancel,
  autoFocus,
  textareaRef,
}: {
  threadId: string;
  parentId: string | null;
  label: string;
  onDone?: (reply: ReplyNode) => void;
  onCancel?: () => void;
  autoFocus?: boolean;
  textareaRef?: React.Ref<HTMLTextAreaElement>;
}) {
  const { draft, update, reset, renewId } = useDraft<ReplyDraft>(
    `sb:draft:reply:${threadId}:${parentId ?? 'thread'}`,
    () => ({ body: '' }),
  );
  const apply = useThreadCache(threadId);
  const queryClient = useQueryClient();
  const send = useMutation({
    mutationFn: (input: CreateReplyInput) =>
      sendJson<ReplyNode>('POST', `/api/threads/${threadId}/replies`, input),
    onSuccess: (reply) => {
      apply({ type: 'reply.created', reply });
      reset();
      onDone?.(reply);
    },
    onError: (error) => {
      // Someone else's item already has this id: keep the text, use a fresh id next time.
      if (error instanceof ApiError && error.code === 'conflict') {
        renewId();
        void queryClient.invalidateQueries({ queryKey: forumKeys.thread(threadId) });
      }
    },
  });

  const submit = () => {
    if (send.isPending) return;
    send.mutate({ id: draft.id, parentId, body: draft.body });
  };
  const bodyError = fieldError(send.error, 'body');

  return (
    <form
      className="reply-composer"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      noValidate
    >
      <MarkdownEditor
        label={label}
        value={draft.body}
        onChange={(body) => update({ body })}
        error={bodyError}
        rows={4}
        autoFocus={autoFocus}
        textareaRef={textareaRef}
        onSubmitShortcut={submit}
      />
      <EarlierPostLink error={send.error} />
      <ErrorAlert error={send.error} fields={['body']} onRetry={submit} retryLabel="Send again" />
      <div className="form-actions">
        <button type="submit" disabled={send.isPending || !draft.body.trim()}>
          {send.isPending ? 'Sending…' : 'Send reply'}
        </button>
        {onCancel && (
          <button type="button" className="button-secondary" onClick={onCancel}>
            {draft.body.trim() ? 'Close (draft kept)' : 'Cancel'}
          </button>
        )}
      </div>
    </form>
  );
}
