import { useMutation } from '@tanstack/react-query';
import { useEffect, useId } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import {
  TITLE_MAX,
  TITLE_MIN,
  type CreateThreadInput,
  type ThreadDetail,
} from '../../../shared/api/threads';
import { EarlierPostLink, ErrorAlert, FieldError, fieldError } from '../components/forum/errors';
import { threadPath, sendJson } from '../components/forum/forum-api';
import { MarkdownEditor } from '../components/forum/MarkdownEditor';
import { TagPicker, toTagSlug } from '../components/forum/TagPicker';
import { useDraft, type Draft } from '../components/forum/useDraft';
import { ApiError } from '../lib/api';
import { useSession } from '../lib/session';
import { Link } from 'react-router';
import { signInHref } from '../components/forum/forum-api';

interface AskDraft extends Draft {
  title: string;
  body: string;
  tags: string[];
}

/** /ask — title, body with preview, tags with suggestions. The draft outlives a failed send. */
export function AskPage() {
  const id = useId();
  const { viewer, isPending: sessionPending } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { draft, update, reset, renewId } = useDraft<AskDraft>('sb:draft:ask', () => ({
    title: '',
    body: '',
    tags: [],
  }));
  // /ask?tag=x (from a tag page) pre-fills the tag once.
  const preset = toTagSlug(params.get('tag') ?? '');
  useEffect(() => {
    if (preset && !draft.tags.includes(preset) && draft.tags.length === 0)
      update({ tags: [preset] });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [preset]);
  useEffect(() => {
    document.title = 'Ask a question — Switchboard';
  }, []);

  const send = useMutation({
    mutationFn: (input: CreateThreadInput) => sendJson<ThreadDetail>('POST', '/api/threads', input),
    onSuccess: (created) => {
      reset();
      navigate(threadPath(created.thread.id, created.thread.title));
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'conflict') renewId();
    },
  });
  const submit = () => {
    if (!send.isPending)
      send.mutate({ id: draft.id, title: draft.title, body: draft.body, tags: draft.tags });
  };
  const titleError = fieldError(send.error, 'title');
  const titleLength = draft.title.trim().length;

  return (
    <section aria-labelledby="ask-title" className="ask-page">
      <h1 id="ask-title">Ask a question</h1>
      <p className="muted">
        Say where you are (role, years, company type), which paths into product you are weighing,
        and what is holding you back. Mentors who made a similar switch will see it.
      </p>
      {!sessionPending && !viewer && (
        <p className="notice">
          You can write your question now; <Link to={signInHref()}>sign in</Link> to post it. The
          draft stays in this tab.
        </p>
      )}
      <form
        className="ask-form"
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
          maxLength={TITLE_MAX + 50}
          placeholder="e.g. Agency developer, 8 years in: which road into product works?"
          onChange={(e) => update({ title: e.target.value })}
          aria-invalid={titleError ? true : undefined}
          aria-describedby={`${id}-title-hint${titleError ? ` ${id}-title-error` : ''}`}
        />
        <p id={`${id}-title-hint`} className="field-hint">
          {TITLE_MIN}–{TITLE_MAX} characters ({titleLength} so far).
        </p>
        <FieldError id={`${id}-title-error`} message={titleError} />

        <MarkdownEditor
          label="Your question"
          value={draft.body}
          onChange={(body) => update({ body })}
          error={fieldError(send.error, 'body')}
          rows={12}
          onSubmitShortcut={submit}
        />
        <TagPicker
          value={draft.tags}
          onChange={(tags) => update({ tags })}
          error={fieldError(send.error, 'tags')}
        />
        <EarlierPostLink error={send.error} />
        <ErrorAlert
          error={send.error}
          fields={['title', 'body', 'tags']}
          onRetry={submit}
          retryLabel="Post again"
        />
        <div className="form-actions">
          <button type="submit" disabled={send.isPending}>
            {send.isPending ? 'Posting…' : 'Post your question'}
          </button>
          <span className="muted">Your draft is kept in this tab until it is posted.</span>
        </div>
      </form>
    </section>
  );
}
