import { sql, type Transaction } from 'kysely';
import { categoryOf } from '../../shared/api/notification-settings';
import { extractMentions } from '../../shared/markdown';
import type { DB } from '../db/types';
import { enqueueEmails } from '../mail/outbox';
import { channelsOfMany } from './preferences';
import { insertNotifications, type NewNotification } from './queries';

type Trx = Transaction<DB>;
interface Person {
  id: string;
  handle: string;
  displayName: string;
}

export const excerptOf = (markdown: string, max = 140) => {
  const line = markdown
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/[#>*_`[\]]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
};

/**
 * A new thread or reply tells the people it concerns, ONE notification per person per post
 * (dedupe key = the post), the most specific reason winning: an @mention, then a reply to
 * their reply, then a reply to their question, then activity on a thread they follow. Never
 * the author. A mention inside code is no mention (extractMentions reads the rendered HTML).
 * Each person's preference decides: off = nothing, email = also a durable mail job (in this
 * transaction), app/digest = the in-app row the digest reads. Constant queries per post.
 */
export async function notifyPostCreated(
  trx: Trx,
  post: {
    threadId: string;
    replyId?: string;
    parentId?: string | null;
    body: string;
    author: Person;
  },
): Promise<void> {
  const handles = extractMentions(post.body);
  const [thread, parent, mentioned, followers] = await Promise.all([
    trx
      .selectFrom('threads')
      .select(['author_id', 'title'])
      .where('id', '=', post.threadId)
      .executeTakeFirstOrThrow(),
    post.parentId
      ? trx
          .selectFrom('replies')
          .select('author_id')
          .where('id', '=', post.parentId)
          .executeTakeFirst()
      : undefined,
    handles.length
      ? trx
          .selectFrom('users')
          .select('id')
          .where(sql<string>`lower(handle)`, 'in', handles)
          .where('deleted_at', 'is', null)
          .execute()
      : [],
    post.replyId
      ? trx
          .selectFrom('thread_follows')
          .select('user_id')
          .where('thread_id', '=', post.threadId)
          .execute()
      : [],
  ]);
  const reasons = new Map<string, string>();
  const add = (userId: string | null | undefined, kind: string) => {
    if (userId && userId !== post.author.id && !reasons.has(userId)) reasons.set(userId, kind);
  };
  for (const m of mentioned) add(m.id, 'mention');
  if (post.replyId) {
    add(parent?.author_id, 'reply_to_reply');
    add(thread.author_id, 'reply_to_thread');
    for (const f of followers) add(f.user_id, 'followed_activity');
  }
  if (reasons.size === 0) return;
  const channels = await channelsOfMany(trx, [...reasons.keys()]);
  const payload = {
    threadId: post.threadId,
    ...(post.replyId ? { replyId: post.replyId } : {}),
    title: thread.title,
    by: { handle: post.author.handle, displayName: post.author.displayName },
    excerpt: excerptOf(post.body),
  };
  const items: NewNotification[] = [];
  for (const [userId, kind] of reasons) {
    if (channels.get(userId)![categoryOf(kind)!] === 'off') continue;
    items.push({ userId, kind, payload, dedupeKey: `post:${post.replyId ?? post.threadId}` });
  }
  await notifyAndMail(trx, items, channels);
}

/** Inserts the rows and enqueues an email for those whose channel for the kind is "email". */
export async function notifyAndMail(
  trx: Trx,
  items: NewNotification[],
  channels?: Awaited<ReturnType<typeof channelsOfMany>>,
): Promise<void> {
  if (items.length === 0) return;
  const rows = await insertNotifications(trx, items, { returning: true });
  const prefs = channels ?? (await channelsOfMany(trx, [...new Set(items.map((i) => i.userId))]));
  const emailed = rows.filter((r) => {
    const category = categoryOf(r.kind);
    return category && prefs.get(r.user_id)?.[category] === 'email';
  });
  await enqueueEmails(
    trx,
    emailed.map((r) => ({ template: 'notification', ids: { notificationId: String(r.id) } })),
  );
}
