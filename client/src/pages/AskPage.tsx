import { useMutation } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import {
  TITLE_MAX,
  TITLE_MIN,
  type CreateThreadInput,
  type ThreadDetail,
} from '../../../shared/api/threads';
import { EarlierPostLink, ErrorAlert } from '../components/forum/errors';
import { signInHref, threadPath, sendJson } from '../components/forum/forum-api';
import { toTagSlug } from '../components/forum/TagPicker';
import { ThreadFields, type ThreadDraft } from '../components/forum/ThreadFields';
import { useDraft } from '../components/forum/useDraft';
import { ApiError } from '../lib/api';
import { useSession } from '../lib/session';
import { usePageTitle } from '../lib/title';

/** /ask — title, body with preview, tags with suggestions. The draft outlives a failed send. */
export function AskPage() {
  const { viewer, isPending: sessionPending } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { draft, update, reset, renewId } = useDraft<ThreadDraft>('sb:draft:ask', () => ({
    title: '',
    body: '',
    tags: [],
  }));
  // /ask?tag=x (from a tag page) pre-fills the tag once.
  const preset = toTagSlug(params.get('tag') ?? '');
  useEffect(() => {
    if (preset && draft.tags.length === 0) update({ tags: [preset] });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [preset]);
  usePageTitle('Ask a question');

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
        <ThreadFields
          draft={draft}
          update={update}
          error={send.error}
          bodyLabel="Your question"
          rows={12}
          onSubmitShortcut={submit}
          titleInput={{
            maxLength: TITLE_MAX + 50,
            placeholder: 'e.g. Agency developer, 8 years in: which road into product works?',
          }}
          titleHint={`${TITLE_MIN}–${TITLE_MAX} characters (${titleLength} so far).`}
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
