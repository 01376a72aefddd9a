import { randomUUID } from 'node:crypto';
import { decodeHTML } from 'entities';
import { sql } from 'kysely';
import { renderMarkdown } from '../../shared/markdown';
import type { Trx } from '../forum/author';
import { hnHtmlToMarkdown } from './hn-html';
import type { HnItem, ParsedItem } from './hn-parse';

/**
 * Rows for one batch, column by column, written with one INSERT … SELECT FROM unnest(…)
 * per table: one round trip and one plan for thousands of rows, close to COPY speed
 * without a second protocol.
 */
export class Rows {
  threads = cols([
    'id',
    'author_id',
    'title',
    'body_md',
    'body_html',
    'tags',
    'points',
    'created_at',
    'deleted_at',
    'hidden_at',
    'hidden_reason',
  ]);
  replies = cols([
    'id',
    'num',
    'thread_id',
    'parent_id',
    'path',
    'depth',
    'author_id',
    'body_md',
    'body_html',
    'points',
    'created_at',
    'deleted_at',
    'hidden_at',
    'hidden_reason',
    'hn_id',
    'from_pending',
  ]);
  items = cols(['hn_id', 'thread_id', 'reply_id']);
  get size() {
    return this.items.hn_id.length;
  }
}

function cols<const K extends string>(names: K[]): Record<K, unknown[]> {
  return Object.fromEntries(names.map((n) => [n, []])) as unknown as Record<K, unknown[]>;
}

const at = (item: HnItem) => new Date((item.time ?? Date.now() / 1000) * 1000).toISOString();
const points = (item: HnItem) => Math.max(item.score ?? 1, 1);

/**
 * The item's markdown and sanitized HTML: the CPU-heavy part of an import, pure, so it is
 * done while the previous batch is being written.
 */
export function renderItem(item: HnItem): { md: string; html: string } {
  if (item.deleted) return { md: '', html: '' };
  let md: string;
  if (item.type === 'comment') md = hnHtmlToMarkdown(item.text ?? '');
  else {
    const parts = [
      item.url ? `<${item.url.replace(/[<>\s]/g, encodeURIComponent)}>` : '',
      item.text ? hnHtmlToMarkdown(item.text) : '',
    ].filter(Boolean);
    md = parts.join('\n\n') || '(no text)';
  }
  return { md, html: md ? renderMarkdown(md) : '' };
}

export function storyRow(rows: Rows, p: ParsedItem, authorId: string | null, tag: string): string {
  const { item } = p;
  const body = p.rendered ?? renderItem(item);
  // HN titles are plain text (the odd entity decoded), never markup.
  const title = (item.deleted ? '[deleted]' : decodeHTML(item.title ?? '').trim()).slice(0, 200);
  const id = randomUUID();
  const t = rows.threads;
  t.id.push(id);
  t.author_id.push(item.deleted ? null : authorId);
  t.title.push(title || `Hacker News item ${item.id}`);
  t.body_md.push(body.md);
  t.body_html.push(body.html);
  t.tags.push(`{${tag}}`);
  t.points.push(points(item));
  t.created_at.push(at(item));
  t.deleted_at.push(item.deleted ? at(item) : null);
  t.hidden_at.push(item.dead ? at(item) : null);
  t.hidden_reason.push(item.dead ? 'dead on Hacker News' : null);
  rows.items.hn_id.push(item.id);
  rows.items.thread_id.push(id);
  rows.items.reply_id.push(null);
  return id;
}

export interface Placed {
  threadId: string;
  replyId: string | null;
  path: string;
  depth: number;
}

export function commentRow(
  rows: Rows,
  p: ParsedItem,
  parent: Placed,
  num: string,
  authorId: string | null,
): Placed {
  const { item } = p;
  // null: the body is in the item's hn_pending row, and the INSERT takes it from there.
  const body =
    p.pending === 'rendered' ? { md: null, html: null } : (p.rendered ?? renderItem(item));
  const id = randomUUID();
  const path = parent.path + BigInt(num).toString(16).padStart(12, '0');
  const depth = parent.replyId ? parent.depth + 1 : 0;
  const r = rows.replies;
  r.id.push(id);
  r.num.push(num);
  r.thread_id.push(parent.threadId);
  r.parent_id.push(parent.replyId);
  r.path.push(path);
  r.depth.push(depth);
  r.author_id.push(item.deleted ? null : authorId);
  r.body_md.push(body.md);
  r.body_html.push(body.html);
  r.points.push(points(item));
  r.created_at.push(at(item));
  r.deleted_at.push(item.deleted ? at(item) : null);
  r.hidden_at.push(item.dead ? at(item) : null);
  r.hidden_reason.push(item.dead ? 'dead on Hacker News' : null);
  r.hn_id.push(item.id);
  r.from_pending.push(p.pending !== undefined);
  rows.items.hn_id.push(item.id);
  rows.items.thread_id.push(parent.threadId);
  rows.items.reply_id.push(id);
  return { threadId: parent.threadId, replyId: id, path, depth };
}

export async function writeRows(trx: Trx, rows: Rows): Promise<void> {
  const t = rows.threads;
  if (t.id.length)
    await sql`
      INSERT INTO threads (id, author_id, title, body_md, body_html, tags, points, created_at,
                           last_activity_at, updated_at, deleted_at, hidden_at, hidden_reason)
      SELECT id, author_id, title, body_md, body_html, tags::text[], points, created_at,
             created_at, created_at, deleted_at, hidden_at, hidden_reason
        FROM unnest(${t.id}::uuid[], ${t.author_id}::uuid[], ${t.title}::text[], ${t.body_md}::text[],
                    ${t.body_html}::text[], ${t.tags}::text[], ${t.points}::int[],
                    ${t.created_at}::timestamptz[], ${t.deleted_at}::timestamptz[],
                    ${t.hidden_at}::timestamptz[], ${t.hidden_reason}::text[])
             AS x(id, author_id, title, body_md, body_html, tags, points, created_at, deleted_at,
                  hidden_at, hidden_reason)`.execute(trx);
  const r = rows.replies;
  if (r.id.length)
    await sql`
      INSERT INTO replies (id, num, thread_id, parent_id, path, depth, author_id, body_md, body_html,
                           points, created_at, updated_at, deleted_at, hidden_at, hidden_reason)
      SELECT x.id, x.num, x.thread_id, x.parent_id, x.path, x.depth, x.author_id,
             coalesce(x.body_md, p.body_md), coalesce(x.body_html, p.body_html), x.points,
             x.created_at, x.created_at, x.deleted_at, x.hidden_at, x.hidden_reason
        FROM unnest(${r.id}::uuid[], ${r.num}::bigint[], ${r.thread_id}::uuid[], ${r.parent_id}::uuid[],
                    ${r.path}::text[], ${r.depth}::int[], ${r.author_id}::uuid[], ${r.body_md}::text[],
                    ${r.body_html}::text[], ${r.points}::int[], ${r.created_at}::timestamptz[],
                    ${r.deleted_at}::timestamptz[], ${r.hidden_at}::timestamptz[], ${r.hidden_reason}::text[],
                    ${r.hn_id}::bigint[])
             AS x(id, num, thread_id, parent_id, path, depth, author_id, body_md, body_html, points,
                  created_at, deleted_at, hidden_at, hidden_reason, hn_id)
        -- A reply attached from hn_pending: its body was rendered when it was read.
        LEFT JOIN hn_pending p ON x.body_md IS NULL AND p.hn_id = x.hn_id`.execute(trx);
  const h = rows.items;
  if (h.hn_id.length) {
    await sql`
      INSERT INTO hn_items (hn_id, thread_id, reply_id)
      SELECT * FROM unnest(${h.hn_id}::bigint[], ${h.thread_id}::uuid[], ${h.reply_id}::uuid[])`.execute(
      trx,
    );
    await sql`
      INSERT INTO hn_import_dirty (thread_id)
      SELECT DISTINCT unnest(${h.thread_id}::uuid[]) ON CONFLICT DO NOTHING`.execute(trx);
  }
}
