import { sql } from 'kysely';
import {
  withDefaults,
  type Category,
  type Channel,
  type NotificationSettings,
  type SettingsInput,
} from '../../shared/api/notification-settings';
import type { Db } from '../db';

/** The /settings/notifications page's data: the person's choices over the defaults. */
export async function getSettings(db: Db, userId: string): Promise<NotificationSettings> {
  const row = await db
    .selectFrom('users as u')
    .leftJoin('notification_settings as s', 's.user_id', 'u.id')
    .select([
      'u.time_zone',
      'u.email_verified_at',
      's.channels',
      's.digest_frequency',
      's.digest_hour',
      's.digest_weekday',
    ])
    .where('u.id', '=', userId)
    .executeTakeFirstOrThrow();
  return {
    channels: withDefaults(row.channels as Record<string, unknown> | null),
    digest: {
      frequency: (row.digest_frequency ?? 'daily') as NotificationSettings['digest']['frequency'],
      hour: row.digest_hour ?? 8,
      weekday: row.digest_weekday ?? 1,
    },
    timeZone: row.time_zone,
    emailVerified: !!row.email_verified_at,
  };
}

export async function saveSettings(db: Db, userId: string, input: SettingsInput): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('notification_settings')
      .values({
        user_id: userId,
        channels: JSON.stringify(input.channels),
        digest_frequency: input.digest.frequency,
        digest_hour: input.digest.hour,
        digest_weekday: input.digest.weekday,
      })
      .onConflict((oc) =>
        oc.column('user_id').doUpdateSet({
          channels: sql`notification_settings.channels || excluded.channels`,
          digest_frequency: input.digest.frequency,
          digest_hour: input.digest.hour,
          digest_weekday: input.digest.weekday,
          updated_at: sql`now()`,
        }),
      )
      .execute();
    await trx
      .updateTable('users')
      .set({ time_zone: input.timeZone })
      .where('id', '=', userId)
      .execute();
  });
}

/** One-click unsubscribe: that category goes to the app only; 'digest' stops the digest. */
export async function unsubscribe(db: Db, userId: string, category: string): Promise<void> {
  const digest = category === 'digest';
  await db
    .insertInto('notification_settings')
    .values({
      user_id: userId,
      channels: JSON.stringify(digest ? {} : { [category]: 'app' }),
      digest_frequency: digest ? 'never' : 'daily',
    })
    .onConflict((oc) =>
      oc.column('user_id').doUpdateSet(
        digest
          ? { digest_frequency: 'never', updated_at: sql`now()` }
          : {
              channels: sql`notification_settings.channels || excluded.channels`,
              updated_at: sql`now()`,
            },
      ),
    )
    .execute();
}

/** One category's channel, the others left as they are (the Messages page's chat toggle). */
export async function setChannel(
  db: Db,
  userId: string,
  category: Category,
  channel: Channel,
): Promise<void> {
  await db
    .insertInto('notification_settings')
    .values({ user_id: userId, channels: JSON.stringify({ [category]: channel }) })
    .onConflict((oc) =>
      oc.column('user_id').doUpdateSet({
        channels: sql`notification_settings.channels || excluded.channels`,
        updated_at: sql`now()`,
      }),
    )
    .execute();
}
