import { useId, type ReactNode } from 'react';
import { fieldError } from './errors';
import { Field } from './Field';
import { MarkdownEditor } from './MarkdownEditor';
import { TagPicker } from './TagPicker';
import type { Draft } from './useDraft';

export interface ThreadDraft extends Draft {
  title: string;
  body: string;
  tags: string[];
}

/** Title, body and tags: what asking a question and editing one both fill in. */
export function ThreadFields({
  draft,
  update,
  error,
  bodyLabel,
  rows,
  onSubmitShortcut,
  titleHint,
  titleInput,
}: {
  draft: ThreadDraft;
  update: (patch: Partial<Omit<ThreadDraft, 'id'>>) => void;
  /** The failed send: its field errors stand beside their fields. */
  error: unknown;
  bodyLabel: string;
  rows: number;
  onSubmitShortcut: () => void;
  titleHint?: ReactNode;
  titleInput?: { maxLength?: number; placeholder?: string };
}) {
  const id = useId();
  return (
    <>
      <Field id={`${id}-title`} label="Title" hint={titleHint} error={fieldError(error, 'title')}>
        {(aria) => (
          <input
            {...aria}
            {...titleInput}
            type="text"
            value={draft.title}
            onChange={(e) => update({ title: e.target.value })}
          />
        )}
      </Field>
      <MarkdownEditor
        label={bodyLabel}
        value={draft.body}
        onChange={(body) => update({ body })}
        error={fieldError(error, 'body')}
        rows={rows}
        onSubmitShortcut={onSubmitShortcut}
      />
      <TagPicker
        value={draft.tags}
        onChange={(tags) => update({ tags })}
        error={fieldError(error, 'tags')}
      />
    </>
  );
}
