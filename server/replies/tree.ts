import type { ReplyNode, ReplySort } from '../../shared/api/threads';
import { isModerator } from '../auth/viewer';
import { permissionsFor, type PolicyContext, type ThreadFacts } from '../forum/policy';
import { postFacts } from '../forum/posting';
import { replyUrl } from '../forum/urls';
import { replyComparator } from '../threads/ranking';
import { deletedAuthor, HIDDEN_NOTICE_HTML, presentAuthor, stateOf } from '../threads/presenter';
import type { ReplyRow } from './queries';

export interface TreeOptions {
  threadId: string;
  thread: ThreadFacts;
  order: ReplySort;
  policy: PolicyContext;
  /** Replies deeper than this below the root(s) come back as `moreReplies` counts. */
  depthLimit: number;
  /** Build only this reply's subtree (rows may also hold its ancestors). */
  rootId?: string;
}

interface Item {
  row: ReplyRow;
  pos: number;
  children: Item[];
  /** Kept (visible or deleted-with-kept-children) descendants. */
  keptBelow: number;
  kept: boolean;
}

/**
 * Rows (depth-first by path) -> the flat display list. Pure: no I/O, same output for HTTP
 * and socket payloads.
 *  - A deleted reply with surviving replies below stays as "[deleted]"; without, it goes.
 *  - Siblings are ordered by the chosen sort (ranking.ts); the list is depth-first.
 *  - Below `depthLimit` levels only counts are sent ("continue this thread").
 */
export function buildTree(rows: ReplyRow[], opts: TreeOptions): ReplyNode[] {
  return treeOf(indexRows(rows), opts);
}

/** The thread page's tree and its helpful replies, from one index of the rows. */
export function threadReplies(
  rows: ReplyRow[],
  opts: TreeOptions,
): { replies: ReplyNode[]; helpful: ReplyNode[] } {
  const items = indexRows(rows);
  return { replies: treeOf(items, opts), helpful: helpfulOf(items, opts) };
}

function treeOf(items: Map<string, Item>, opts: TreeOptions): ReplyNode[] {
  const roots = opts.rootId
    ? [items.get(opts.rootId)].filter((i): i is Item => !!i)
    : [...items.values()].filter((i) => i.row.parent_id === null);
  const cmp = comparator(opts);
  const out: ReplyNode[] = [];
  const walk = (item: Item, relDepth: number) => {
    if (!item.kept) return;
    const kids = item.children.filter((c) => c.kept).sort(cmp);
    const cut = relDepth + 1 >= opts.depthLimit;
    out.push(presentReply(item.row, opts, kids.length, cut ? item.keptBelow : 0));
    if (!cut) for (const k of kids) walk(k, relDepth + 1);
  };
  for (const root of roots.filter((r) => r.kept).sort(cmp)) walk(root, 0);
  return out;
}

/** Marked replies, best first — whatever their depth. */
function helpfulOf(items: Map<string, Item>, opts: TreeOptions): ReplyNode[] {
  return [...items.values()]
    .filter((i) => i.row.helpful_at && !i.row.deleted_at && !i.row.hidden_at)
    .sort(comparator(opts))
    .map((i) => presentReply(i.row, opts, i.children.filter((c) => c.kept).length, 0));
}

function indexRows(rows: ReplyRow[]): Map<string, Item> {
  const items = new Map<string, Item>();
  rows.forEach((row, pos) =>
    items.set(row.id, { row, pos, children: [], keptBelow: 0, kept: false }),
  );
  for (const item of items.values()) {
    if (item.row.parent_id) items.get(item.row.parent_id)?.children.push(item);
  }
  // Path order puts every child after its parent, so walking backwards sees children first.
  for (let i = rows.length - 1; i >= 0; i--) {
    const item = items.get(rows[i]!.id)!;
    const keptKids = item.children.filter((c) => c.kept);
    item.keptBelow = keptKids.reduce((n, c) => n + 1 + c.keptBelow, 0);
    item.kept = !item.row.deleted_at || keptKids.length > 0;
  }
  return items;
}

function comparator(opts: TreeOptions) {
  const rank = replyComparator(opts.order, opts.policy.now);
  const key = (i: Item) => ({
    points: i.row.points,
    createdAt: i.row.created_at,
    helpful: !!i.row.helpful_at && !i.row.deleted_at && !i.row.hidden_at,
    num: i.pos,
  });
  return (a: Item, b: Item) => rank(key(a), key(b));
}

export function presentReply(
  row: ReplyRow,
  opts: Pick<TreeOptions, 'threadId' | 'thread' | 'policy'>,
  childCount: number,
  moreReplies: number,
): ReplyNode {
  const state = stateOf(row);
  const mod = isModerator(opts.policy.viewer);
  const showBody = state === 'visible' || (state === 'hidden' && mod);
  return {
    id: row.id,
    threadId: opts.threadId,
    parentId: row.parent_id,
    depth: row.depth,
    author: state === 'deleted' ? deletedAuthor : presentAuthor(row),
    bodyHtml: showBody ? row.body_html : state === 'hidden' ? HIDDEN_NOTICE_HTML : '',
    ...(showBody && row.body_md !== null ? { bodyMarkdown: row.body_md } : {}),
    state,
    points: row.points,
    helpful: !!row.helpful_at && state === 'visible',
    createdAt: row.created_at.toISOString(),
    editedAt: row.edited_at?.toISOString() ?? null,
    updatedAt: row.updated_at.toISOString(),
    revisionCount: row.revision_count,
    childCount,
    moreReplies,
    permalink: replyUrl(opts.threadId, row.id),
    viewer: {
      voted: row.viewer_voted,
      permissions: permissionsFor(opts.policy, postFacts(row), opts.thread, 'reply'),
    },
  };
}
