import { sql, type Transaction } from 'kysely';
import { categoryOf } from '../../shared/api/notification-settings';
import type { Config } from '../config';
import type { DB } from '../db/types';
import { enqueueEmails } from '../mail/outbox';
import { channelsOfMany } from '../notifications/preferences';
import { isEmpty, type DigestContent } from './content';
import { topTagThreadsOf, unreadChatsOf } from './sections';

export interface DigestKey {
  userId: string;
  period: string;
}

/** Kinds that end up in the "replies per thread" section. */
const POST_KINDS = new Set(['reply_to_thread', 'reply_to_reply', 'mention', 'followed_activity']);

/** A chat section goes to people whose chat category is email (right away) or digest. */
const CHAT_CHANNELS = new Set(['email', 'digest']);

/**
 * Builds one batch of claimed digests in ONE transaction with a fixed number of queries,
 * whatever the batch size: lock the claimed rows (SKIP LOCKED: another worker's rows are its
 * own), read everyone's unread notifications, preferences, waiting requests and unread chats
 * at once, then the top threads in followed tags (one query, after the other sections so it
 * can leave out what they already show), then one UPDATE and one INSERT of mail jobs. A worker killed in the middle rolls the whole batch
 * back; pg-boss runs the batch again and only rows still 'claimed' are built.
 */
export async function buildDigestBatch(
  trx: Transaction<DB>,
  config: Pick<Config, 'DIGEST_ACTIVE_HOURS'>,
  keys: DigestKey[],
  now = new Date(),
): Promise<{ queued: number; empty: number; skipped: number; queries: number }> {
  let queries = 0;
  const q = <T>(p: Promise<T>) => (queries++, p);
  const result = { queued: 0, empty: 0, skipped: 0, queries: 0 };
  if (keys.length === 0) return result;
  const keyValues = sql.join(keys.map((k) => sql`(${k.userId}::uuid, ${k.period})`));
  const { rows: claimed } = await q(
    sql<{
      user_id: string;
      period: string;
      since: Date;
      last_active_at: Date;
      display_name: string;
    }>`
      SELECT d.user_id, d.period, d.since, u.last_active_at, u.display_name
        FROM digest_deliveries d JOIN users u ON u.id = d.user_id
       WHERE (d.user_id, d.period) IN (VALUES ${keyValues}) AND d.status = 'claimed'
       FOR UPDATE OF d SKIP LOCKED`.execute(trx),
  );
  if (claimed.length === 0) return { ...result, queries };
  const ids = claimed.map((c) => c.user_id);
  const sinceOf = sql.join(claimed.map((c) => sql`(${c.user_id}::uuid, ${c.since}::timestamptz)`));
  const [notes, channels, requests, chatsByUser] = await Promise.all([
    q(
      sql<{ user_id: string; kind: string; payload: Record<string, unknown>; created_at: Date }>`
        SELECT n.user_id, n.kind, n.payload, n.created_at
          FROM notifications n JOIN (VALUES ${sinceOf}) AS w(user_id, since) ON w.user_id = n.user_id
         WHERE n.read_at IS NULL AND n.created_at > w.since
         ORDER BY n.created_at DESC, n.id DESC`.execute(trx),
    ),
    q(channelsOfMany(trx, ids)),
    q(
      trx
        .selectFrom('mentorship_requests as r')
        .innerJoin('users as a', 'a.id', 'r.asker_id')
        .select(['r.mentor_id', 'r.id', 'a.display_name'])
        .where('r.mentor_id', 'in', ids)
        .where('r.status', '=', 'open')
        .where('r.expires_at', '>', now)
        .orderBy('r.created_at')
        .execute(),
    ),
    q(
      unreadChatsOf(
        trx,
        claimed.map((c) => ({ userId: c.user_id, since: c.since })),
      ),
    ),
  ]);
  const unread = new Map<string, number>();
  const byUser = new Map<string, typeof notes.rows>();
  for (const n of notes.rows) {
    unread.set(n.user_id, (unread.get(n.user_id) ?? 0) + 1);
    const category = categoryOf(n.kind);
    if (!category || channels.get(n.user_id)?.[category] !== 'digest') continue;
    if (!byUser.has(n.user_id)) byUser.set(n.user_id, []);
    byUser.get(n.user_id)!.push(n);
  }
  const activeSince = now.getTime() - config.DIGEST_ACTIVE_HOURS * 3_600_000;
  const updates: {
    userId: string;
    period: string;
    status: string;
    content: string | null;
    reason: string | null;
  }[] = [];
  const built: { c: (typeof claimed)[number]; content: DigestContent }[] = [];
  for (const c of claimed) {
    const mentor = requests.filter((r) => r.mentor_id === c.user_id);
    const chatChannel = channels.get(c.user_id)?.chat_message;
    const chats =
      chatChannel && CHAT_CHANNELS.has(chatChannel) ? (chatsByUser.get(c.user_id) ?? []) : [];
    if (
      c.last_active_at.getTime() > activeSince &&
      !unread.get(c.user_id) &&
      mentor.length === 0 &&
      chats.length === 0
    ) {
      updates.push({
        userId: c.user_id,
        period: c.period,
        status: 'skipped',
        content: null,
        reason: 'active recently, nothing unread',
      });
      continue;
    }
    const content = contentOf(c.display_name, c.period, byUser.get(c.user_id) ?? [], mentor);
    content.chats = chats;
    built.push({ c, content });
  }
  const tagThreads = await q(
    topTagThreadsOf(
      trx,
      built.map(({ c, content }) => ({
        userId: c.user_id,
        since: c.since,
        exclude: [
          ...content.threads.map((t) => t.threadId),
          ...content.questions.map((x) => x.threadId),
        ],
      })),
    ),
  );
  const mails: { template: string; ids: Record<string, string> }[] = [];
  for (const { c, content } of built) {
    content.tagThreads = tagThreads.get(c.user_id) ?? [];
    if (isEmpty(content)) {
      updates.push({
        userId: c.user_id,
        period: c.period,
        status: 'empty',
        content: null,
        reason: null,
      });
      continue;
    }
    updates.push({
      userId: c.user_id,
      period: c.period,
      status: 'queued',
      content: JSON.stringify(content),
      reason: null,
    });
    mails.push({ template: 'digest', ids: { userId: c.user_id, period: c.period } });
  }
  await q(
    sql`UPDATE digest_deliveries d SET status = v.status, content = v.content::jsonb, reason = v.reason
          FROM (VALUES ${sql.join(
            updates.map(
              (u) => sql`(${u.userId}::uuid, ${u.period}, ${u.status}, ${u.content}, ${u.reason})`,
            ),
          )}) AS v(user_id, period, status, content, reason)
         WHERE d.user_id = v.user_id AND d.period = v.period`.execute(trx),
  );
  await q(enqueueEmails(trx, mails));
  for (const u of updates) result[u.status as 'queued' | 'empty' | 'skipped']++;
  return { ...result, queries };
}

function contentOf(
  name: string,
  period: string,
  notes: { kind: string; payload: Record<string, unknown>; created_at: Date }[],
  requests: { id: string; display_name: string }[],
): DigestContent {
  const threads = new Map<string, DigestContent['threads'][number]>();
  const questions: DigestContent['questions'] = [];
  for (const n of notes) {
    const p = n.payload;
    const threadId = String(p.threadId ?? '');
    if (n.kind === 'question_match') {
      if (questions.length < 5 && !questions.some((x) => x.threadId === threadId))
        questions.push({
          threadId,
          title: String(p.title ?? ''),
          url: `/q/${threadId}`,
          reasons: Array.isArray(p.reasons) ? p.reasons.map(String).slice(0, 2) : [],
        });
      continue;
    }
    if (!POST_KINDS.has(n.kind) || !threadId) continue;
    let t = threads.get(threadId);
    if (!t)
      threads.set(
        threadId,
        (t = { threadId, title: String(p.title ?? ''), mine: false, items: [] }),
      );
    if (n.kind === 'reply_to_thread') t.mine = true;
    const by = (p.by as { displayName?: string } | undefined)?.displayName ?? 'Someone';
    t.items.push({
      by,
      kind: n.kind,
      excerpt: String(p.excerpt ?? ''),
      url: p.replyId ? `/q/${threadId}/r/${String(p.replyId)}` : `/q/${threadId}`,
      at: n.created_at.toISOString(),
    });
  }
  return {
    name,
    frequency: period.startsWith('weekly') ? 'weekly' : 'daily',
    threads: [...threads.values()], // notes come newest first, so threads and items are too
    questions,
    requests: requests.map((r) => ({ asker: r.display_name, url: '/mentorships#received' })),
    extra: [],
  };
}
