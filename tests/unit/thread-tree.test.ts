import { describe, expect, it } from 'vitest';
import type { ReplyNode, ThreadDetail } from '../../shared/api/threads';
import { TREE_DEPTH_LIMIT } from '../../shared/api/threads';
import {
  ancestorPath,
  applyThreadEvent,
  buildTree,
  descendantCounts,
  flattenTree,
  visibleReplyIds,
} from '../../client/src/lib/thread-tree';

const perms = {
  edit: false,
  delete: false,
  vote: true,
  reply: true,
  flag: true,
  markHelpful: false,
  moderate: false,
};

function reply(id: string, parentId: string | null, depth: number, extra: Partial<ReplyNode> = {}) {
  return {
    id,
    threadId: 't1',
    parentId,
    depth,
    author: { id: 'u1', handle: 'ann', displayName: 'Ann' },
    bodyHtml: `<p>${id}</p>`,
    state: 'visible',
    points: 1,
    helpful: false,
    createdAt: '2026-11-25T10:00:00.000Z',
    editedAt: null,
    updatedAt: '2026-11-25T10:00:00.000Z',
    revisionCount: 0,
    childCount: 0,
    moreReplies: 0,
    permalink: `/q/t1/r/${id}`,
    viewer: { voted: false, permissions: perms },
    ...extra,
  } satisfies ReplyNode;
}

// a
// ├─ b
// │  └─ c
// └─ d
// e
function detail(sort: ThreadDetail['sort'] = 'best'): ThreadDetail {
  return {
    thread: {
      id: 't1',
      title: 'A question title',
      excerpt: '',
      tags: ['career-switch'],
      author: { id: 'u0', handle: 'asker', displayName: 'Asker' },
      points: 1,
      replyCount: 5,
      answered: false,
      locked: false,
      createdAt: '2026-11-25T09:00:00.000Z',
      lastActivityAt: '2026-11-25T10:00:00.000Z',
      bodyHtml: '<p>q</p>',
      state: 'visible',
      editedAt: null,
      updatedAt: '2026-11-25T10:00:00.000Z',
      revisionCount: 0,
      followerCount: 1,
      viewer: { voted: false, following: false, permissions: perms },
    },
    replies: [
      reply('a', null, 0, { childCount: 2 }),
      reply('b', 'a', 1, { childCount: 1 }),
      reply('c', 'b', 2),
      reply('d', 'a', 1),
      reply('e', null, 0),
    ],
    helpfulReplyIds: [],
    helpfulReplies: [],
    sort,
  };
}

const ids = (d: ThreadDetail) => d.replies.map((r) => `${r.id}${r.depth}`).join(' ');

describe('reply tree shape', () => {
  it('nests the flat list and flattens back to the same order', () => {
    const d = detail();
    const roots = buildTree(d.replies);
    expect(roots.map((n) => n.reply.id)).toEqual(['a', 'e']);
    expect(roots[0]!.children.map((n) => n.reply.id)).toEqual(['b', 'd']);
    expect(flattenTree(roots)).toEqual(d.replies);
  });

  it('treats replies whose parent is not loaded as roots (subtree views)', () => {
    const roots = buildTree([reply('c', 'b', 2), reply('x', 'c', 3)]);
    expect(roots.map((n) => n.reply.id)).toEqual(['c']);
    expect(roots[0]!.children[0]!.reply.id).toBe('x');
  });

  it('finds the path from the top to a reply, for permalinks', () => {
    expect(ancestorPath(detail().replies, 'c')).toEqual(['a', 'b', 'c']);
    expect(ancestorPath(detail().replies, 'nope')).toEqual([]);
  });

  it('counts descendants including the ones held back by the depth limit', () => {
    const d = detail();
    d.replies[2] = { ...d.replies[2]!, moreReplies: 3 };
    const counts = descendantCounts(d.replies);
    expect(counts.get('a')).toBe(6); // b, c, d + 3 below c
    expect(counts.get('b')).toBe(4);
    expect(counts.get('e')).toBe(0);
  });

  it('skips replies inside collapsed branches for j/k', () => {
    expect(visibleReplyIds(detail().replies, new Set())).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(visibleReplyIds(detail().replies, new Set(['b']))).toEqual(['a', 'b', 'd', 'e']);
    expect(visibleReplyIds(detail().replies, new Set(['a', 'c']))).toEqual(['a', 'e']);
  });
});

describe('applyThreadEvent', () => {
  it('inserts a new nested reply after its parent subtree, counts it, and does not mutate', () => {
    const before = detail();
    const snapshot = JSON.stringify(before);
    const after = applyThreadEvent(before, { type: 'reply.created', reply: reply('f', 'b', 9) });
    expect(ids(after)).toBe('a0 b1 c2 f2 d1 e0');
    expect(after.replies.find((r) => r.id === 'b')!.childCount).toBe(2);
    expect(after.thread.replyCount).toBe(6);
    expect(JSON.stringify(before)).toBe(snapshot);
  });

  it('puts a new reply first under newest sort, last otherwise', () => {
    const top = reply('f', null, 0);
    expect(ids(applyThreadEvent(detail('newest'), { type: 'reply.created', reply: top }))).toBe(
      'f0 a0 b1 c2 d1 e0',
    );
    expect(ids(applyThreadEvent(detail('oldest'), { type: 'reply.created', reply: top }))).toBe(
      'a0 b1 c2 d1 e0 f0',
    );
  });

  it('does not duplicate the echo of our own post (same client id)', () => {
    const mine = reply('f', 'a', 1, { bodyHtml: '<p>mine</p>' });
    const once = applyThreadEvent(detail(), { type: 'reply.created', reply: mine });
    const twice = applyThreadEvent(once, { type: 'reply.created', reply: mine });
    expect(twice.replies.filter((r) => r.id === 'f')).toHaveLength(1);
    expect(twice.thread.replyCount).toBe(6);
  });

  it('counts a reply below the depth limit as "more replies" instead of showing it', () => {
    const d = detail();
    const deep = reply('deep', null, 0);
    d.replies = [{ ...deep, depth: TREE_DEPTH_LIMIT }];
    const after = applyThreadEvent(d, { type: 'reply.created', reply: reply('z', 'deep', 0) });
    expect(after.replies.map((r) => r.id)).toEqual(['deep']);
    expect(after.replies[0]!.moreReplies).toBe(1);
  });

  it('ignores a new reply whose parent is not loaded, but counts it for the thread', () => {
    const after = applyThreadEvent(detail(), {
      type: 'reply.created',
      reply: reply('z', 'elsewhere', 9),
    });
    expect(ids(after)).toBe('a0 b1 c2 d1 e0');
    expect(after.thread.replyCount).toBe(6);
  });

  it('applies an edit but keeps what only this viewer knows, and drops a stale edit', () => {
    const d = detail();
    d.replies[1] = { ...d.replies[1]!, viewer: { voted: true, permissions: perms } };
    const edited = reply('b', 'a', 1, {
      bodyHtml: '<p>new</p>',
      editedAt: '2026-11-25T11:00:00.000Z',
      updatedAt: '2026-11-25T11:00:00.000Z',
      revisionCount: 1,
    });
    const after = applyThreadEvent(d, { type: 'reply.updated', reply: edited });
    const b = after.replies.find((r) => r.id === 'b')!;
    expect(b.bodyHtml).toBe('<p>new</p>');
    expect(b.viewer.voted).toBe(true);
    expect(b.depth).toBe(1);
    const stale = reply('b', 'a', 1, {
      bodyHtml: '<p>old</p>',
      updatedAt: '2026-11-25T10:30:00.000Z',
    });
    const later = applyThreadEvent(after, { type: 'reply.updated', reply: stale });
    expect(later.replies.find((r) => r.id === 'b')!.bodyHtml).toBe('<p>new</p>');
  });

  it('ignores an update for a reply it never loaded', () => {
    const d = detail();
    expect(applyThreadEvent(d, { type: 'reply.updated', reply: reply('zz', null, 0) })).toBe(d);
  });

  it('removes a deleted leaf and keeps a deleted reply with children as a placeholder', () => {
    const leaf = applyThreadEvent(detail(), { type: 'reply.deleted', replyId: 'c' });
    expect(ids(leaf)).toBe('a0 b1 d1 e0');
    expect(leaf.replies.find((r) => r.id === 'b')!.childCount).toBe(0);
    expect(leaf.thread.replyCount).toBe(4);
    const inner = applyThreadEvent(detail(), { type: 'reply.deleted', replyId: 'b' });
    expect(ids(inner)).toBe('a0 b1 c2 d1 e0');
    const b = inner.replies.find((r) => r.id === 'b')!;
    expect(b.state).toBe('deleted');
    expect(b.bodyHtml).toBe('');
    expect(b.author.id).toBeNull();
  });

  it('updates points and helpful marks', () => {
    const voted = applyThreadEvent(detail(), { type: 'reply.points', replyId: 'd', points: 7 });
    expect(voted.replies.find((r) => r.id === 'd')!.points).toBe(7);
    const helped = applyThreadEvent(voted, { type: 'helpful', helpfulReplyIds: ['c'] });
    expect(helped.helpfulReplyIds).toEqual(['c']);
    expect(helped.helpfulReplies.map((r) => [r.id, r.helpful, r.points])).toEqual([['c', true, 1]]);
    const votedAgain = applyThreadEvent(helped, { type: 'reply.points', replyId: 'c', points: 4 });
    expect(votedAgain.helpfulReplies[0]!.points).toBe(4);
    const gone = applyThreadEvent(votedAgain, { type: 'reply.deleted', replyId: 'c' });
    expect(gone.helpfulReplies).toEqual([]);
    expect(gone.helpfulReplyIds).toEqual([]);
    expect(helped.replies.filter((r) => r.helpful).map((r) => r.id)).toEqual(['c']);
    expect(helped.thread.answered).toBe(true);
    const unhelped = applyThreadEvent(helped, { type: 'helpful', helpfulReplyIds: [] });
    expect(unhelped.thread.answered).toBe(false);
    expect(unhelped.replies.some((r) => r.helpful)).toBe(false);
  });

  it('merges a thread update without touching the viewer', () => {
    const d = detail();
    const after = applyThreadEvent(d, {
      type: 'thread.updated',
      thread: { title: 'A better title', locked: true, updatedAt: '2026-11-25T11:00:00.000Z' },
    });
    expect(after.thread.title).toBe('A better title');
    expect(after.thread.locked).toBe(true);
    expect(after.thread.viewer).toBe(d.thread.viewer);
    const stale = applyThreadEvent(after, {
      type: 'thread.updated',
      thread: { title: 'Old title', updatedAt: '2026-11-25T10:30:00.000Z' },
    });
    expect(stale.thread.title).toBe('A better title');
  });

  it("records the viewer's own vote and follow", () => {
    const d = detail();
    const r = applyThreadEvent(d, {
      type: 'viewer.vote',
      target: 'reply',
      id: 'c',
      voted: true,
      points: 2,
    });
    expect(r.replies.find((x) => x.id === 'c')!.viewer.voted).toBe(true);
    expect(r.replies.find((x) => x.id === 'c')!.points).toBe(2);
    const t = applyThreadEvent(r, {
      type: 'viewer.vote',
      target: 'thread',
      id: 't1',
      voted: true,
      points: 5,
    });
    expect(t.thread.points).toBe(5);
    expect(t.thread.viewer.voted).toBe(true);
    const f = applyThreadEvent(t, { type: 'viewer.follow', following: true, followerCount: 2 });
    expect(f.thread.viewer.following).toBe(true);
    expect(f.thread.followerCount).toBe(2);
    expect(d.thread.viewer.voted).toBe(false);
  });
});
