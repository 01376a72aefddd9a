/**
 * The reply tree of one thread page, as pure functions over the API's ThreadDetail.
 *
 * The query cache keeps the server's shape (a flat, display-ordered `replies` list with
 * `depth` and `parentId`). Everything live — a new reply, an edit, a vote, a helpful mark,
 * a delete — is an event applied here with `applyThreadEvent(detail, event)`, which returns
 * a new object and never mutates. Realtime code only has to call
 * `queryClient.setQueryData(key, (d) => d && applyThreadEvent(d, event))`.
 */
import type { ReplyNode, ReplySort, ThreadDetail } from '../../../shared/api/threads';
import { TREE_DEPTH_LIMIT } from '../../../shared/api/threads';

export type ThreadEvent =
  /** A reply was posted (also the echo of our own post: same client id, so no duplicate). */
  | { type: 'reply.created'; reply: ReplyNode }
  /** Edited, hidden, restored — the reply's new presentation. */
  | { type: 'reply.updated'; reply: ReplyNode }
  | { type: 'reply.deleted'; replyId: string }
  | { type: 'reply.points'; replyId: string; points: number }
  | { type: 'helpful'; helpfulReplyIds: string[] }
  | { type: 'thread.updated'; thread: Partial<ThreadDetail['thread']> }
  /** This viewer's own vote/follow answered by the API (never broadcast). */
  | { type: 'viewer.vote'; target: 'thread' | 'reply'; id: string; voted: boolean; points: number }
  | { type: 'viewer.follow'; following: boolean; followerCount: number };

export interface TreeNode {
  reply: ReplyNode;
  children: TreeNode[];
}

/** Nests the flat, display-ordered list; sibling order is kept as the server sent it. */
export function buildTree(replies: readonly ReplyNode[]): TreeNode[] {
  const roots: TreeNode[] = [];
  const byId = new Map<string, TreeNode>();
  for (const reply of replies) {
    const node: TreeNode = { reply, children: [] };
    byId.set(reply.id, node);
    const parent = reply.parentId ? byId.get(reply.parentId) : undefined;
    // A reply whose parent is not in the list (a subtree view) is a root of this view.
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

/** Depth-first flattening: the inverse of buildTree. */
export function flattenTree(roots: readonly TreeNode[]): ReplyNode[] {
  const out: ReplyNode[] = [];
  const walk = (nodes: readonly TreeNode[]) => {
    for (const n of nodes) {
      out.push(n.reply);
      walk(n.children);
    }
  };
  walk(roots);
  return out;
}

/** Ids from the top-level reply down to `id` (inclusive); empty when `id` is not loaded. */
export function ancestorPath(replies: readonly ReplyNode[], id: string): string[] {
  const byId = new Map(replies.map((r) => [r.id, r]));
  const path: string[] = [];
  let cur = byId.get(id);
  while (cur) {
    path.unshift(cur.id);
    cur = cur.parentId ? byId.get(cur.parentId) : undefined;
  }
  return path;
}

/** Number of loaded replies below each reply, plus the ones the server held back. */
export function descendantCounts(replies: readonly ReplyNode[]): Map<string, number> {
  const counts = new Map<string, number>();
  const byId = new Map(replies.map((r) => [r.id, r]));
  for (const r of replies) counts.set(r.id, (counts.get(r.id) ?? 0) + r.moreReplies);
  for (const r of replies) {
    let p = r.parentId ? byId.get(r.parentId) : undefined;
    while (p) {
      counts.set(p.id, (counts.get(p.id) ?? 0) + 1 + r.moreReplies);
      p = p.parentId ? byId.get(p.parentId) : undefined;
    }
  }
  return counts;
}

/** Replies that are not inside a collapsed reply, in display order (j/k walk these). */
export function visibleReplyIds(replies: readonly ReplyNode[], collapsed: ReadonlySet<string>) {
  const out: string[] = [];
  let skipBelowDepth = Infinity;
  for (const r of replies) {
    if (r.depth > skipBelowDepth) continue;
    skipBelowDepth = Infinity;
    out.push(r.id);
    if (collapsed.has(r.id)) skipBelowDepth = r.depth;
  }
  return out;
}

/** Maps every copy of a reply: in the tree and in the "helped the asker" list. */
function mapReplies(detail: ThreadDetail, fn: (r: ReplyNode) => ReplyNode): ThreadDetail {
  let changed = false;
  const map = (list: ReplyNode[]) =>
    list.map((r) => {
      const next = fn(r);
      if (next !== r) changed = true;
      return next;
    });
  const replies = map(detail.replies);
  const helpfulReplies = map(detail.helpfulReplies);
  return changed ? { ...detail, replies, helpfulReplies } : detail;
}

/**
 * Keeps what only this viewer knows (their vote, their permissions) across broadcasts, and
 * drops an update older than what the cache already shows (events can arrive out of order).
 */
function merge(old: ReplyNode, incoming: ReplyNode): ReplyNode {
  if (incoming.updatedAt < old.updatedAt) return old;
  return { ...old, ...incoming, depth: old.depth, viewer: old.viewer };
}

function insertReply(detail: ThreadDetail, reply: ReplyNode, sort: ReplySort): ThreadDetail {
  const roots = buildTree(detail.replies);
  const byId = new Map<string, TreeNode>();
  const index = (nodes: TreeNode[]) =>
    nodes.forEach((n) => {
      byId.set(n.reply.id, n);
      index(n.children);
    });
  index(roots);

  const parent = reply.parentId ? byId.get(reply.parentId) : undefined;
  const threadCount = { ...detail.thread, replyCount: detail.thread.replyCount + 1 };
  if (reply.parentId && !parent) return { ...detail, thread: threadCount }; // not loaded here
  if (parent && (parent.reply.moreReplies > 0 || parent.reply.depth + 1 >= TREE_DEPTH_LIMIT)) {
    // Below the depth limit: counted, reachable through "continue this thread".
    parent.reply = {
      ...parent.reply,
      childCount: parent.reply.childCount + 1,
      moreReplies: parent.reply.moreReplies + 1,
    };
    return { ...detail, thread: threadCount, replies: flattenTree(roots) };
  }
  const node: TreeNode = {
    reply: { ...reply, depth: parent ? parent.reply.depth + 1 : 0 },
    children: [],
  };
  const siblings = parent ? parent.children : roots;
  // Newest-first puts it on top; otherwise a fresh 1-point reply goes last among siblings.
  if (sort === 'newest') siblings.unshift(node);
  else siblings.push(node);
  if (parent) parent.reply = { ...parent.reply, childCount: parent.reply.childCount + 1 };
  return { ...detail, thread: threadCount, replies: flattenTree(roots) };
}

function deleteReply(detail: ThreadDetail, replyId: string): ThreadDetail {
  const target = detail.replies.find((r) => r.id === replyId);
  if (!target) {
    if (!detail.helpfulReplyIds.includes(replyId)) return detail;
    return {
      ...detail,
      helpfulReplyIds: detail.helpfulReplyIds.filter((id) => id !== replyId),
      helpfulReplies: detail.helpfulReplies.filter((r) => r.id !== replyId),
    };
  }
  const hasChildren = detail.replies.some((r) => r.parentId === replyId) || target.moreReplies > 0;
  const thread = { ...detail.thread, replyCount: Math.max(0, detail.thread.replyCount - 1) };
  const helpfulReplyIds = detail.helpfulReplyIds.filter((id) => id !== replyId);
  const helpfulReplies = detail.helpfulReplies.filter((r) => r.id !== replyId);
  if (hasChildren) {
    // Kept as a "[deleted]" placeholder so its replies keep their place.
    const placeholder: ReplyNode = {
      ...target,
      state: 'deleted',
      bodyHtml: '',
      bodyMarkdown: undefined,
      author: { id: null, handle: '[deleted]', displayName: '[deleted]' },
      helpful: false,
    };
    return {
      ...detail,
      thread,
      helpfulReplyIds,
      helpfulReplies,
      replies: detail.replies.map((r) => (r.id === replyId ? placeholder : r)),
    };
  }
  const replies = detail.replies
    .filter((r) => r.id !== replyId)
    .map((r) =>
      r.id === target.parentId ? { ...r, childCount: Math.max(0, r.childCount - 1) } : r,
    );
  return { ...detail, thread, helpfulReplyIds, helpfulReplies, replies };
}

export function applyThreadEvent(detail: ThreadDetail, event: ThreadEvent): ThreadDetail {
  switch (event.type) {
    case 'reply.created':
    case 'reply.updated': {
      const existing =
        detail.replies.some((r) => r.id === event.reply.id) ||
        detail.helpfulReplies.some((r) => r.id === event.reply.id);
      if (existing)
        return mapReplies(detail, (r) => (r.id === event.reply.id ? merge(r, event.reply) : r));
      // An update for a reply this view never loaded (below the depth limit) changes nothing.
      return event.type === 'reply.created'
        ? insertReply(detail, event.reply, detail.sort)
        : detail;
    }
    case 'reply.deleted':
      return deleteReply(detail, event.replyId);
    case 'reply.points':
      return mapReplies(detail, (r) =>
        r.id === event.replyId && r.points !== event.points ? { ...r, points: event.points } : r,
      );
    case 'helpful': {
      const ids = new Set(event.helpfulReplyIds);
      const next = mapReplies(detail, (r) =>
        r.helpful === ids.has(r.id) ? r : { ...r, helpful: ids.has(r.id) },
      );
      // Nodes for the list on top; one never loaded here stays out until the next fetch.
      const known = new Map([...next.helpfulReplies, ...next.replies].map((r) => [r.id, r]));
      const helpfulReplies = event.helpfulReplyIds
        .map((id) => known.get(id))
        .filter((r): r is ReplyNode => !!r)
        .map((r) => (r.helpful ? r : { ...r, helpful: true }));
      return {
        ...next,
        helpfulReplyIds: event.helpfulReplyIds,
        helpfulReplies,
        thread: { ...next.thread, answered: ids.size > 0 },
      };
    }
    case 'viewer.vote': {
      const { voted, points } = event;
      if (event.target === 'thread')
        return {
          ...detail,
          thread: { ...detail.thread, points, viewer: { ...detail.thread.viewer, voted } },
        };
      return mapReplies(detail, (r) =>
        r.id === event.id ? { ...r, points, viewer: { ...r.viewer, voted } } : r,
      );
    }
    case 'viewer.follow':
      return {
        ...detail,
        thread: {
          ...detail.thread,
          followerCount: event.followerCount,
          viewer: { ...detail.thread.viewer, following: event.following },
        },
      };
    case 'thread.updated':
      if (event.thread.updatedAt && event.thread.updatedAt < detail.thread.updatedAt) return detail;
      return {
        ...detail,
        thread: { ...detail.thread, ...event.thread, viewer: detail.thread.viewer },
      };
  }
}
