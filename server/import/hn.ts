import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import type { Db } from '../db';
import type { Trx } from '../forum/author';
import { recountTags } from '../threads/tags';
import { MemberCache } from './hn-members';
import { toHnItem, type HnItem, type ParsedItem } from './hn-parse';
import { BatchRenderer } from './hn-render';
import { commentRow, Rows, storyRow, writeRows, type Placed } from './hn-rows';
import { openHnSource, type SourceEntry, type SourceFormat } from './hn-source';

export interface ImportProblem {
  where: string;
  id?: number;
  message: string;
}

export interface ImportReport {
  format?: SourceFormat;
  gzip?: boolean;
  /** Records read this run (a resumed run starts after the checkpoint). */
  records: number;
  /** Records an interrupted earlier run had committed: not read again. */
  resumedAfter: number;
  threads: number;
  replies: number;
  members: number;
  /** Items imported by an earlier run (keyed by HN id): left exactly as they are. */
  alreadyImported: number;
  /** Replies whose parent has not been seen yet: kept, attached when the parent comes. */
  waiting: number;
  /** Bad records and items not imported (first 1,000 kept; `problemCount` counts all). */
  problems: ImportProblem[];
  problemCount: number;
  /** True when the run stopped early (signal); a rerun resumes from the checkpoint. */
  interrupted: boolean;
  /** Where the time went, in milliseconds (stages overlap, so they add up to more than the run). */
  timings: ImportTimings;
}

export interface ImportTimings {
  /** Rendering HN HTML -> markdown -> sanitized HTML, summed over the render workers. */
  renderMs: number;
  /** Inside the batches' transactions: lookups, row building and the writes. */
  dbMs: number;
  /** How many worker threads rendered (0: all on the main thread). */
  renderWorkers: number;
  /** Items rendered on the main thread instead (no worker, or a worker died). */
  renderedInline: number;
}

export interface ImportOptions {
  tag: string;
  batchSize?: number;
  /** Aborting stops after the batch in flight is committed. */
  signal?: AbortSignal;
  onBatch?: (report: ImportReport) => void;
  onProblem?: (p: ImportProblem) => void;
  /** Told what the file turned out to be, and how far reading has got (for a progress bar). */
  /** Render on a worker thread (default); false renders inline. */
  renderInWorker?: boolean;
  onOpen?: (s: {
    format: SourceFormat;
    gzip: boolean;
    size: number;
    bytesRead: () => number;
  }) => void;
}

const STORY_TYPES = new Set(['story', 'job', 'poll']);
const MAX_KEPT_PROBLEMS = 1000;

/**
 * Streams a Hacker News dump into the forum in batches. Each batch is one transaction that
 * also advances the file's checkpoint, so Ctrl-C loses at most the batch in flight and a
 * rerun starts after the last committed one; every item is keyed by its HN id as well, so
 * even a rerun without a checkpoint (or another file with the same items) doubles nothing.
 */
export async function importHnFile(
  db: Db,
  file: string,
  opts: ImportOptions,
): Promise<ImportReport> {
  const source = await openHnSource(file);
  opts.onOpen?.(source);
  const key = await sourceKey(file, source.size);
  const report = await importHnEntries(db, source.entries, { ...opts, checkpoint: key });
  return { ...report, format: source.format, gzip: source.gzip };
}

/** Identifies a file by name, size and its first 64 KiB: a changed file starts afresh. */
async function sourceKey(file: string, size: number): Promise<string> {
  const fh = await open(file);
  try {
    const head = Buffer.alloc(Math.min(size, 65536));
    await fh.read(head, 0, head.length, 0);
    const digest = createHash('sha256').update(head).digest('hex').slice(0, 32);
    return `${path.basename(file)}:${size}:${digest}`;
  } finally {
    await fh.close();
  }
}

export async function importHnEntries(
  db: Db,
  entries: AsyncIterable<SourceEntry>,
  opts: ImportOptions & { checkpoint?: string },
): Promise<ImportReport> {
  const report: ImportReport = {
    records: 0,
    resumedAfter: 0,
    threads: 0,
    replies: 0,
    members: 0,
    alreadyImported: 0,
    waiting: 0,
    problems: [],
    problemCount: 0,
    interrupted: false,
    timings: { renderMs: 0, dbMs: 0, renderWorkers: 0, renderedInline: 0 },
  };
  const problem = (p: ImportProblem) => {
    report.problemCount++;
    if (report.problems.length < MAX_KEPT_PROBLEMS) report.problems.push(p);
    opts.onProblem?.(p);
  };
  await db
    .insertInto('tags')
    .values({ slug: opts.tag })
    .onConflict((oc) => oc.column('slug').doNothing())
    .execute();
  // An interrupted earlier run may have left threads to recount.
  await recount(db, opts.tag);

  if (opts.checkpoint) {
    const cp = await db
      .selectFrom('hn_import_checkpoints')
      .select('records')
      .where('source', '=', opts.checkpoint)
      .executeTakeFirst();
    report.resumedAfter = cp ? Number(cp.records) : 0;
  }
  const members = new MemberCache();
  const nums = new NumPool();
  const size = opts.batchSize ?? 2000;
  let batch: ParsedItem[] = [];
  let lastN = 0;
  const flush = async (items: ParsedItem[], upTo: number) => {
    const t = performance.now();
    await db.transaction().execute(async (trx) => {
      await importBatch(trx, items, opts.tag, members, nums, report, problem);
      if (opts.checkpoint)
        await trx
          .insertInto('hn_import_checkpoints')
          .values({ source: opts.checkpoint, records: upTo })
          .onConflict((oc) =>
            oc.column('source').doUpdateSet({ records: upTo, updated_at: sql`now()` }),
          )
          .execute();
    });
    report.timings.dbMs += performance.now() - t;
    report.timings.renderMs = renderer.cpuMs;
    report.timings.renderedInline = renderer.inlineItems;
    report.records = upTo - report.resumedAfter;
    report.members = members.created;
    opts.onBatch?.(report);
  };

  // Three stages at once: this thread reads batch N+2 while the render workers render N+1
  // and the database writes N. Batches still commit strictly one after another.
  const renderer = new BatchRenderer(opts.renderInWorker ?? true);
  report.timings.renderWorkers = renderer.poolSize;
  const start = (items: ParsedItem[], upTo: number) => {
    const rendered = renderer.render(items.map((p) => p.item));
    return async () => {
      const out = await rendered;
      items.forEach((p, i) => (p.rendered = out[i]));
      await flush(items, upTo);
    };
  };
  let inflight: Promise<void> | null = null;
  try {
    for await (const e of entries) {
      if (e.n <= report.resumedAfter) continue;
      lastN = e.n;
      if ('problem' in e) problem({ where: e.where, message: e.problem });
      else {
        const r = toHnItem(e.value);
        if ('problem' in r) problem({ where: e.where, message: r.problem });
        else batch.push({ item: r.item, where: e.where });
      }
      if (batch.length >= size) {
        const job = start(batch, lastN);
        batch = [];
        await inflight;
        if (opts.signal?.aborted) {
          report.interrupted = true;
          break;
        }
        inflight = job();
        inflight.catch(() => {}); // awaited below; not an unhandled rejection meanwhile
      }
    }
    await inflight;
    if (!report.interrupted) await start(batch, lastN)();
  } finally {
    report.timings.renderMs = renderer.cpuMs;
    report.timings.renderedInline = renderer.inlineItems;
    await renderer.close();
  }
  if (!report.interrupted) {
    // Done: forget the checkpoint, so a rerun reads the file again (and finds it imported).
    if (opts.checkpoint)
      await db.deleteFrom('hn_import_checkpoints').where('source', '=', opts.checkpoint).execute();
  }
  await recount(db, opts.tag);
  const waiting = await db
    .selectFrom('hn_pending')
    .select(['hn_id', 'parent_hn_id', 'position'])
    .orderBy('hn_id')
    .limit(20)
    .execute();
  report.waiting = Number(
    (
      await db
        .selectFrom('hn_pending')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  if (!report.interrupted)
    for (const w of waiting)
      problem({
        where: w.position,
        id: Number(w.hn_id),
        message: `its parent ${w.parent_hn_id} is not imported yet: kept, and attached when an import brings it`,
      });
  return report;
}

async function importBatch(
  trx: Trx,
  parsed: ParsedItem[],
  tag: string,
  members: MemberCache,
  numPool: NumPool,
  report: ImportReport,
  problem: (p: ImportProblem) => void,
): Promise<void> {
  // Duplicates inside the batch: the first one counts.
  const unique = new Map<number, ParsedItem>();
  for (const p of parsed) if (!unique.has(p.item.id)) unique.set(p.item.id, p);
  const ids = [...unique.keys()];
  const seen = await sql<{ hn_id: string }>`
    SELECT hn_id FROM hn_items WHERE hn_id = ANY(${ids}::bigint[])
    UNION ALL SELECT hn_id FROM hn_pending WHERE hn_id = ANY(${ids}::bigint[])`.execute(trx);
  for (const s of seen.rows) unique.delete(Number(s.hn_id));
  report.alreadyImported += seen.rows.length + (parsed.length - ids.length);

  const rows = new Rows();
  const placed = new Map<number, Placed>();
  let comments: ParsedItem[] = [];
  const stories: ParsedItem[] = [];
  for (const p of unique.values()) {
    const { item } = p;
    if (item.type === 'pollopt')
      problem({ where: p.where, id: item.id, message: 'poll options are not imported' });
    else if (item.deleted && !item.kids?.length)
      problem({
        where: p.where,
        id: item.id,
        message: 'deleted, with no replies: nothing to show',
      });
    else if (STORY_TYPES.has(item.type)) stories.push(p);
    else if (!item.parent)
      problem({ where: p.where, id: item.id, message: 'a comment without a parent' });
    else comments.push(p);
  }
  const authors = await authorsOf(trx, members, stories);
  for (const p of stories) {
    const { item } = p;
    const threadId = storyRow(rows, p, authors.get(item.by ?? '') ?? null, tag);
    placed.set(item.id, { threadId, replyId: null, path: '', depth: 0 });
    report.threads++;
  }

  // Comments go in parents first; a parent is in this batch, imported before, or not seen yet
  // (then the comment waits in hn_pending). Those waiting for this batch's items join in.
  const outside = comments.map((c) => c.item.parent!).filter((id) => !unique.has(id));
  await placeKnown(trx, outside, placed);
  const newlyPlaced = stories.map((s) => s.item.id);
  for (;;) {
    for (;;) {
      comments.sort((a, b) => (a.item.time ?? 0) - (b.item.time ?? 0) || a.item.id - b.item.id);
      const ready = comments.filter((c) => placed.has(c.item.parent!));
      if (!ready.length) break;
      comments = comments.filter((c) => !placed.has(c.item.parent!));
      const nums = await numPool.take(trx, ready.length);
      for (const [k, v] of await authorsOf(trx, members, ready)) authors.set(k, v);
      ready.forEach((p, i) => {
        const { item } = p;
        const parent = placed.get(item.parent!)!;
        const author = authors.get(item.by ?? '') ?? null;
        placed.set(item.id, commentRow(rows, p, parent, nums[i]!, author));
        newlyPlaced.push(item.id);
        report.replies++;
      });
    }
    // Replies that arrived earlier and waited for what this batch just placed. Their rendered
    // bodies stay in hn_pending: the replies' INSERT takes them from there (no round trip).
    if (!newlyPlaced.length) break;
    const adopted = await sql<{ item: HnItem; position: string; rendered: boolean }>`
      SELECT item, position, body_md IS NOT NULL AND body_html IS NOT NULL AS rendered
        FROM hn_pending WHERE parent_hn_id = ANY(${newlyPlaced.splice(0)}::bigint[])
         FOR UPDATE`.execute(trx);
    if (!adopted.rows.length) break;
    for (const r of adopted.rows)
      // Rows an older importer left carry no rendering (but their text): rendered on attaching.
      comments.push({ item: r.item, where: r.position, pending: r.rendered ? 'rendered' : 'raw' });
  }
  const waiting = comments.filter((c) => !c.pending);
  if (waiting.length) {
    await sql`
      INSERT INTO hn_pending (hn_id, parent_hn_id, item, position, body_md, body_html)
      SELECT * FROM unnest(${waiting.map((c) => c.item.id)}::bigint[],
                           ${waiting.map((c) => c.item.parent!)}::bigint[],
                           ${waiting.map((c) => pendingJson(c))}::jsonb[],
                           ${waiting.map((c) => c.where)}::text[],
                           ${waiting.map((c) => c.rendered?.md ?? null)}::text[],
                           ${waiting.map((c) => c.rendered?.html ?? null)}::text[])
      ON CONFLICT (hn_id) DO NOTHING`.execute(trx);
  }
  await writeRows(trx, rows);
  // Attached now: no longer waiting (after the INSERT above read their bodies).
  const attached = rows.replies.hn_id.filter((_, i) => rows.replies.from_pending[i]);
  if (attached.length)
    await sql`DELETE FROM hn_pending WHERE hn_id = ANY(${attached}::bigint[])`.execute(trx);
}

/** A waiting reply as hn_pending keeps it: without its HTML text once that is rendered. */
function pendingJson(p: ParsedItem): string {
  if (!p.rendered) return JSON.stringify(p.item);
  const { text: _text, ...rest } = p.item;
  return JSON.stringify(rest);
}

async function authorsOf(trx: Trx, members: MemberCache, items: ParsedItem[]) {
  const wanted = new Map<string, number>();
  for (const { item } of items)
    if (item.by && !item.deleted && !wanted.has(item.by)) wanted.set(item.by, item.id);
  return members.resolve(trx, wanted);
}

async function placeKnown(trx: Trx, hnIds: number[], placed: Map<number, Placed>) {
  if (!hnIds.length) return;
  const { rows } = await sql<{
    hn_id: string;
    thread_id: string;
    reply_id: string | null;
    path: string | null;
    depth: number | null;
  }>`
    SELECT h.hn_id, h.thread_id, h.reply_id, r.path, r.depth
      FROM hn_items h LEFT JOIN replies r ON r.id = h.reply_id
     WHERE h.hn_id = ANY(${[...new Set(hnIds)]}::bigint[])`.execute(trx);
  for (const r of rows)
    placed.set(Number(r.hn_id), {
      threadId: r.thread_id,
      replyId: r.reply_id,
      path: r.path ?? '',
      depth: r.depth ?? 0,
    });
}

/**
 * Reply numbers (replies_num_seq) taken from the sequence a few thousand at a time rather
 * than once per round of placing (a shuffled batch has a dozen rounds). Handed out in the
 * order the sequence gave them, so later replies still sort after earlier ones; numbers
 * fetched in a batch that then rolls back are simply skipped (a sequence has gaps anyway).
 */
class NumPool {
  private nums: string[] = [];
  private at = 0;

  async take(trx: Trx, n: number): Promise<string[]> {
    if (this.nums.length - this.at < n) {
      const want = Math.max(n - (this.nums.length - this.at), 4096);
      const { rows } = await sql<{ num: string }>`
        SELECT nextval('replies_num_seq')::text AS num FROM generate_series(1, ${want}::int)`.execute(
        trx,
      );
      this.nums = [...this.nums.slice(this.at), ...rows.map((r) => r.num)];
      this.at = 0;
    }
    const out = this.nums.slice(this.at, this.at + n);
    this.at += n;
    return out;
  }
}

/** Counters the lists read, for threads the import touched (in chunks: a dump has many). */
async function recount(db: Db, tag: string): Promise<void> {
  for (;;) {
    const done = await db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ thread_id: string }>`
        DELETE FROM hn_import_dirty WHERE thread_id IN
          (SELECT thread_id FROM hn_import_dirty LIMIT 5000 FOR UPDATE SKIP LOCKED)
        RETURNING thread_id`.execute(trx);
      if (!rows.length) return true;
      await sql`
        UPDATE threads t SET
          reply_count = c.replies, helpful_count = 0,
          last_activity_at = greatest(t.created_at, coalesce(c.last_reply, t.created_at)),
          hot_score = forum_hot_score(t.points, t.created_at, now())
          FROM (SELECT t2.id,
                       count(r.id) FILTER (WHERE r.deleted_at IS NULL AND r.hidden_at IS NULL)::int AS replies,
                       max(r.created_at) AS last_reply
                  FROM threads t2 LEFT JOIN replies r ON r.thread_id = t2.id
                 WHERE t2.id = ANY(${rows.map((r) => r.thread_id)}::uuid[]) GROUP BY t2.id) c
         WHERE c.id = t.id`.execute(trx);
      return false;
    });
    if (done) break;
  }
  await db.transaction().execute((trx) => recountTags(trx, [tag]));
}
