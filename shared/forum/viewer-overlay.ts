import type { ReplyNode, ThreadDetail, ThreadViewerOverlay } from '../api/threads';
import { permissionsFor, type PolicyContext, type ThreadFacts } from './permissions';

/**
 * A member's thread page = the shared public body (the same bytes every reader gets, cached
 * once) + their overlay (GET /api/threads/:id/viewer). This merges the two, deriving what the
 * member may do from the public facts with the same rules the server enforces on writes. Pure,
 * so the client, the server-rendered page and the tests all merge the same way.
 *
 * Not for moderators: they see hidden posts, which the public body does not carry; they get
 * their own build (GET /api/threads/:id?view=moderation).
 */
export function withViewer(detail: ThreadDetail, overlay: ThreadViewerOverlay): ThreadDetail {
  const ctx: PolicyContext = {
    viewer: overlay.viewer,
    now: new Date(overlay.now),
    editWindowHours: overlay.editWindowHours,
  };
  const t = detail.thread;
  const threadFacts: ThreadFacts = {
    ...facts(t),
    lockedAt: t.locked ? new Date(0) : null,
  };
  const voted = new Set(overlay.votedReplyIds);
  const reply = (r: ReplyNode): ReplyNode => {
    const md = r.state === 'visible' ? overlay.replyMarkdown[r.id] : undefined;
    return {
      ...r,
      ...(md !== undefined ? { bodyMarkdown: md } : {}),
      viewer: {
        voted: voted.has(r.id),
        permissions: permissionsFor(ctx, facts(r), threadFacts, 'reply'),
      },
    };
  };
  return {
    ...detail,
    thread: {
      ...t,
      ...(overlay.threadMarkdown !== null && t.state === 'visible'
        ? { bodyMarkdown: overlay.threadMarkdown }
        : {}),
      viewer: {
        voted: overlay.voted,
        following: overlay.following,
        permissions: permissionsFor(ctx, threadFacts, threadFacts, 'thread'),
      },
    },
    replies: detail.replies.map(reply),
    helpfulReplies: detail.helpfulReplies.map(reply),
  };
}

/** The policy's facts from a presented post: `state` stands in for the removal dates. */
function facts(p: { author: { id: string | null }; createdAt: string; state: string }) {
  return {
    authorId: p.author.id,
    createdAt: new Date(p.createdAt),
    deletedAt: p.state === 'deleted' ? new Date(0) : null,
    hiddenAt: p.state === 'hidden' ? new Date(0) : null,
  };
}
