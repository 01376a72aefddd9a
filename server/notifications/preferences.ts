import {
  categoryOf,
  withDefaults,
  type Category,
  type Channel,
} from '../../shared/api/notification-settings';
import type { Db } from '../db';

/** The person's channel for each category (defaults filled in), in one query. */
export async function channelsOf(db: Db, userId: string): Promise<Record<Category, Channel>> {
  const row = await db
    .selectFrom('notification_settings')
    .select('channels')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return withDefaults(row?.channels as Record<string, unknown> | undefined);
}

/** Whether a notification of this kind should be emailed right away (checked at send time). */
export async function wantsEmailNow(db: Db, userId: string, kind: string): Promise<boolean> {
  const category = categoryOf(kind);
  if (!category) return false;
  return (await channelsOf(db, userId))[category] === 'email';
}

/** Channels for many people at once (no query per person). */
export async function channelsOfMany(db: Db, userIds: string[]) {
  const rows = userIds.length
    ? await db
        .selectFrom('notification_settings')
        .select(['user_id', 'channels'])
        .where('user_id', 'in', userIds)
        .execute()
    : [];
  const byUser = new Map(rows.map((r) => [r.user_id, r.channels as Record<string, unknown>]));
  return new Map(userIds.map((id) => [id, withDefaults(byUser.get(id))]));
}
