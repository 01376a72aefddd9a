import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { replySorts, type ReplySort, type ReplySubtree } from '../../../shared/api/threads';
import { DeleteDialog } from '../components/forum/DeleteDialog';
import { ErrorAlert, Loading } from '../components/forum/errors';
import { FlagDialog } from '../components/forum/FlagDialog';
import { fetchThreadDetail, forumKeys } from '../components/forum/forum-api';
import { HelpfulReplies } from '../components/forum/HelpfulReplies';
import { HistoryDialog } from '../components/forum/HistoryDialog';
import { ThreadHeader } from '../components/forum/ThreadHeader';
import { ThreadMentorPanel } from '../components/mentorship/ThreadMentorPanel';
import { LiveThreadStatus } from '../components/live/LiveThreadStatus';
import { ThreadReplies } from '../components/forum/ThreadReplies';
import { ThreadUiContext, type ThreadDialog, type ThreadUi } from '../components/forum/thread-ui';
import { ApiError, apiFetch } from '../lib/api';
import { useLiveThread } from '../lib/useLiveThread';
import { useSession } from '../lib/session';
import { stepIndex, useShortcuts } from '../lib/keyboard';
import { ancestorPath, descendantCounts, visibleReplyIds } from '../lib/thread-tree';
import { usePageTitle } from '../lib/title';

/** /q/:threadId[/:slug] and /q/:threadId/r/:replyId (a reply permalink). */
export function ThreadPage() {
  const { threadId = '' } = useParams();
  // Another thread is a fresh page: no collapsed branches or open composers carried over.
  return <ThreadView key={threadId} threadId={threadId} />;
}

function ThreadView({ threadId }: { threadId: string }) {
  const { replyId } = useParams();
  const [params, setParams] = useSearchParams();
  const sortParam = params.get('sort') as ReplySort | null;
  const sort: ReplySort = sortParam && replySorts.includes(sortParam) ? sortParam : 'best';

  const session = useSession();
  const viewer = session.viewer;
  const detail = useQuery({
    queryKey: [...forumKeys.detail(threadId, sort), viewer?.id ?? null],
    queryFn: () => fetchThreadDetail(threadId, sort, viewer),
    // Who is reading decides what to fetch (public body, + overlay, or a moderator's build).
    enabled: !session.isPending,
  });
  const live = useLiveThread(threadId, detail.data);
  // A permalink below the depth limit, or "continue this thread" on a reply whose replies
  // were held back, needs that branch fetched on its own.
  const target = replyId ? detail.data?.replies.find((r) => r.id === replyId) : undefined;
  const inTree = !replyId || (!!target && target.moreReplies === 0);
  const branch = useQuery({
    queryKey: forumKeys.subtree(threadId, replyId ?? '', sort),
    queryFn: () =>
      apiFetch<ReplySubtree>(`/api/threads/${threadId}/replies/${replyId}?sort=${sort}`),
    enabled: !!replyId && detail.isSuccess && !inTree,
  });
  const branchMode = !!replyId && !inTree;
  const replies = useMemo(
    () =>
      branchMode
        ? branch.data
          ? [...branch.data.ancestors, ...branch.data.replies]
          : []
        : (detail.data?.replies ?? []),
    [branchMode, branch.data, detail.data],
  );

  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [replyingTo, setReplyingTo] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const [dialog, setDialog] = useState<ThreadDialog | null>(null);
  const composerRef = useRef<HTMLTextAreaElement>(null);

  const repliesRef = useRef(replies);
  useEffect(() => {
    repliesRef.current = replies;
  });
  const reveal = useCallback((id: string) => {
    const path = ancestorPath(repliesRef.current, id);
    setCollapsed((c) =>
      path.some((p) => c.has(p)) ? new Set([...c].filter((x) => !path.includes(x))) : c,
    );
    setFocusedId(id);
    // After React has rendered the expanded branch.
    requestAnimationFrame(() => {
      const el = document.getElementById(`r-${id}`);
      el?.scrollIntoView({ block: 'center' });
      el?.focus({ preventScroll: true });
    });
  }, []);

  // Open a permalink scrolled to its reply, once the reply is on the page.
  const revealed = useRef<string | null>(null);
  useEffect(() => {
    if (replyId && revealed.current !== replyId && replies.some((r) => r.id === replyId)) {
      revealed.current = replyId;
      reveal(replyId);
    }
  }, [replyId, replies, reveal]);

  usePageTitle(detail.data?.thread.title ?? (detail.isError ? 'Question not found' : null));

  const thread = detail.data?.thread;
  useShortcuts(
    {
      j: () => move(1),
      k: () => move(-1),
      r: () => {
        if (!thread || thread.locked) return;
        const target = focusedId ? replies.find((r) => r.id === focusedId) : undefined;
        if (target?.viewer.permissions.reply) setReplyingTo(target.id);
        else if (thread.viewer.permissions.reply) composerRef.current?.focus();
      },
    },
    !!thread,
  );
  function move(step: 1 | -1) {
    const ids = visibleReplyIds(replies, collapsed);
    const next = ids[stepIndex(ids.length, focusedId ? ids.indexOf(focusedId) : -1, step)];
    if (next) reveal(next);
  }

  const hiddenCounts = useMemo(() => descendantCounts(replies), [replies]);
  const ui: ThreadUi | null = thread
    ? {
        thread,
        collapsed,
        toggleCollapsed: (id) =>
          setCollapsed((c) => {
            const n = new Set(c);
            if (!n.delete(id)) n.add(id);
            return n;
          }),
        replyingTo,
        setReplyingTo,
        editing,
        setEditing,
        focusedId,
        setFocusedId,
        targetId: replyId ?? null,
        fresh: live.fresh,
        reveal,
        openDialog: setDialog,
        hiddenCounts,
        reply: (id) => replies.find((r) => r.id === id),
      }
    : null;

  if (detail.isPending) return <Loading label="Loading the question…" />;
  if (detail.isError) {
    const gone = detail.error instanceof ApiError && [400, 404].includes(detail.error.status);
    return (
      <section>
        <h1>{gone ? 'Question not found' : 'Could not load this question'}</h1>
        <ErrorAlert error={detail.error} onRetry={gone ? undefined : () => void detail.refetch()} />
        <p>
          <Link to="/">Back to the questions</Link>
        </p>
      </section>
    );
  }
  if (!ui || !thread) return null;

  return (
    <ThreadUiContext.Provider value={ui}>
      <div className="thread-page">
        <LiveThreadStatus live={live} />
        <ThreadHeader thread={thread} />
        {!branchMode && (
          <HelpfulReplies ids={detail.data.helpfulReplyIds} nodes={detail.data.helpfulReplies} />
        )}
        {!branchMode && <ThreadMentorPanel threadId={thread.id} />}
        {branchMode && branch.isPending && (
          <Loading label="Loading this part of the conversation…" />
        )}
        {branchMode && branch.isError && (
          <ErrorAlert error={branch.error} onRetry={() => void branch.refetch()} />
        )}
        {(!branchMode || branch.data) && (
          <ThreadReplies
            replies={replies}
            sort={sort}
            onSort={(s) => setParams(s === 'best' ? {} : { sort: s }, { replace: true })}
            branchOf={branchMode ? replyId : undefined}
            composerRef={composerRef}
          />
        )}
      </div>
      {dialog?.type === 'flag' && (
        <FlagDialog
          targetType={dialog.targetType}
          targetId={dialog.targetId}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.type === 'history' && (
        <HistoryDialog
          kind={dialog.kind}
          id={dialog.id}
          currentHtml={dialog.currentHtml}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.type === 'delete' && (
        <DeleteDialog
          kind={dialog.kind}
          id={dialog.id}
          threadId={thread.id}
          onClose={() => setDialog(null)}
        />
      )}
    </ThreadUiContext.Provider>
  );
}
