import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { renderMarkdown } from '../../shared/markdown';
import type { Db } from '../db';
import type { Trx } from '../forum/author';
import { insertReply } from '../replies/queries';
import { recountTags } from '../threads/tags';
import { hnHtmlToMarkdown } from './hn-html';
import type { HnItem, ParsedItem } from './hn-parse';

export interface ImportReport {
  threads: number;
  replies: number;
  members: number;
  /** Items imported by an earlier run (keyed by HN id): left exactly as they are. */
  alreadyImported: number;
  skipped: { where: string; id: number; reason: string }[];
}

const STORY_TYPES = new Set(['story', 'job', 'poll']);

/**
 * Creates threads (stories, jobs, polls) and nested replies (comments) with their original
 * times. Authors become placeholder members marked `imported` (no email, no password: they
 * cannot sign in). Keyed by HN id in hn_items, so importing the same file again changes
 * nothing. Each item is its own transaction: an interrupted import resumes where it stopped.
 */
export async function importHnItems(
  db: Db,
  parsed: ParsedItem[],
  opts: { tag: string },
): Promise<ImportReport> {
  const report: ImportReport = {
    threads: 0,
    replies: 0,
    members: 0,
    alreadyImported: 0,
    skipped: [],
  };
  const byId = new Map(parsed.map((p) => [p.item.id, p]));
  const known = new Map<number, { threadId: string; replyId: string | null }>();
  const existing = parsed.length
    ? await db
        .selectFrom('hn_items')
        .select(['hn_id', 'thread_id', 'reply_id'])
        .where('hn_id', 'in', [...byId.keys()].map(String))
        .execute()
    : [];
  for (const e of existing)
    known.set(Number(e.hn_id), { threadId: e.thread_id, replyId: e.reply_id });
  report.alreadyImported = existing.length;

  await db
    .insertInto('tags')
    .values({ slug: opts.tag })
    .onConflict((oc) => oc.column('slug').doNothing())
    .execute();

  // Looked up once per item: a scan of the file per item is quadratic in a large import.
  const parentsInFile = new Set(parsed.filter((p) => !p.item.deleted).map((p) => p.item.parent));
  const hasKids = (item: HnItem) => (item.kids ?? []).length > 0 || parentsInFile.has(item.id);
  const todo = parsed
    .filter((p) => !known.has(p.item.id))
    .sort((a, b) => (a.item.time ?? 0) - (b.item.time ?? 0) || a.item.id - b.item.id);
  const touched = new Set<string>();
  const created = { members: 0 };

  // Parents first: stories, then comments whose parent is known, repeated until stuck.
  let pending = todo;
  for (let pass = 0; pending.length > 0; pass++) {
    const next: ParsedItem[] = [];
    for (const p of pending) {
      const { item } = p;
      if (item.type === 'pollopt') {
        report.skipped.push({
          where: p.where,
          id: item.id,
          reason: 'poll options are not imported',
        });
        continue;
      }
      if (item.deleted && !hasKids(item)) {
        report.skipped.push({ where: p.where, id: item.id, reason: 'deleted, with no replies' });
        continue;
      }
      if (STORY_TYPES.has(item.type)) {
        const threadId = await db
          .transaction()
          .execute((trx) => importStory(trx, item, opts.tag, created));
        known.set(item.id, { threadId, replyId: null });
        touched.add(threadId);
        report.threads++;
        continue;
      }
      const parent = item.parent ? known.get(item.parent) : undefined;
      if (!parent) {
        next.push(p);
        continue;
      }
      const replyId = await db
        .transaction()
        .execute((trx) => importComment(trx, item, parent, created));
      known.set(item.id, { threadId: parent.threadId, replyId });
      touched.add(parent.threadId);
      report.replies++;
    }
    if (next.length === pending.length) {
      for (const p of next)
        report.skipped.push({
          where: p.where,
          id: p.item.id,
          reason: p.item.parent
            ? `its parent ${p.item.parent} is neither in the file nor imported before`
            : 'a comment without a parent',
        });
      break;
    }
    pending = next;
  }

  await finish(db, [...touched], opts.tag);
  report.members = created.members;
  return report;
}

/** The placeholder member for an HN username, created once. */
async function memberFor(
  trx: Trx,
  username: string | undefined,
  created: { members: number },
): Promise<string | null> {
  if (!username) return null;
  const found = await trx
    .selectFrom('hn_users')
    .select('user_id')
    .where('username', '=', username)
    .executeTakeFirst();
  if (found) return found.user_id;
  const base = username.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 24) || 'hn_user';
  // Never take over a real member's handle: imported people get a suffix instead.
  for (let i = 0; ; i++) {
    const handle = i === 0 ? base : `${base}-hn${i === 1 ? '' : i}`;
    const row = await trx
      .insertInto('users')
      .values({ handle, display_name: username, imported: true, bio: 'Imported from Hacker News.' })
      .onConflict((oc) => oc.expression(sql`lower(handle)`).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (row) {
      await trx.insertInto('hn_users').values({ username, user_id: row.id }).execute();
      created.members++;
      return row.id;
    }
  }
}

const at = (item: HnItem) => (item.time ? new Date(item.time * 1000) : new Date());

async function importStory(
  trx: Trx,
  item: HnItem,
  tag: string,
  counter: { members: number },
): Promise<string> {
  const authorId = item.deleted ? null : await memberFor(trx, item.by, counter);
  const parts = [
    item.url ? `<${item.url.replace(/[<>\s]/g, encodeURIComponent)}>` : '',
    item.text ? hnHtmlToMarkdown(item.text) : '',
  ].filter(Boolean);
  const body = item.deleted ? '' : parts.join('\n\n') || '(no text)';
  const title =
    (item.deleted ? '[deleted]' : hnHtmlToMarkdown(item.title ?? '').replace(/\\/g, '')).slice(
      0,
      200,
    ) || `Hacker News item ${item.id}`;
  const id = randomUUID();
  const created = at(item);
  await trx
    .insertInto('threads')
    .values({
      id,
      author_id: authorId,
      title,
      body_md: body,
      body_html: body ? renderMarkdown(body) : '',
      tags: [tag],
      points: Math.max(item.score ?? 1, 1),
      created_at: created,
      last_activity_at: created,
      updated_at: created,
      deleted_at: item.deleted ? created : null,
      hidden_at: item.dead ? created : null,
      hidden_reason: item.dead ? 'dead on Hacker News' : null,
    })
    .execute();
  await trx.insertInto('hn_items').values({ hn_id: item.id, thread_id: id }).execute();
  return id;
}

async function importComment(
  trx: Trx,
  item: HnItem,
  parent: { threadId: string; replyId: string | null },
  created: { members: number },
): Promise<string> {
  const body = item.deleted ? '' : hnHtmlToMarkdown(item.text ?? '');
  const id = randomUUID();
  await insertReply(trx, {
    id,
    threadId: parent.threadId,
    parentId: parent.replyId,
    authorId: item.deleted ? null : await memberFor(trx, item.by, created),
    bodyMd: body,
    bodyHtml: body ? renderMarkdown(body) : '',
    createdAt: at(item),
    deletedAt: item.deleted ? at(item) : null,
    hiddenAt: item.dead ? at(item) : null,
    points: Math.max(item.score ?? 1, 1),
  });
  await trx
    .insertInto('hn_items')
    .values({ hn_id: item.id, thread_id: parent.threadId, reply_id: id })
    .execute();
  return id;
}

/** Counters the lists read, for the threads this run touched. */
async function finish(db: Db, threadIds: string[], tag: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (threadIds.length)
      await sql`
        UPDATE threads t SET
          reply_count = c.replies, helpful_count = 0,
          last_activity_at = greatest(t.created_at, coalesce(c.last_reply, t.created_at)),
          hot_score = forum_hot_score(t.points, t.created_at, now())
          FROM (SELECT t2.id,
                       count(r.id) FILTER (WHERE r.deleted_at IS NULL AND r.hidden_at IS NULL)::int AS replies,
                       max(r.created_at) AS last_reply
                  FROM threads t2 LEFT JOIN replies r ON r.thread_id = t2.id
                 WHERE t2.id = ANY(${threadIds}::uuid[]) GROUP BY t2.id) c
         WHERE c.id = t.id`.execute(trx);
    await recountTags(trx, [tag]);
  });
}
