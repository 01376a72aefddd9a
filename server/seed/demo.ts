import { sql } from 'kysely';
import type { Db } from '../db';
import { demoThreads, demoUsers } from './demo-content';

export const DEMO_SEED_LOCK = 724_001;

/**
 * Seeds the demo community once, into an empty database. The advisory lock makes two
 * instances starting together seed once; the emptiness check makes restarts no-ops.
 */
export async function seedDemo(db: Db): Promise<{ seeded: boolean }> {
  return db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${DEMO_SEED_LOCK})`.execute(trx);
    const existing = await trx.selectFrom('users').select('id').limit(1).executeTakeFirst();
    if (existing) return { seeded: false };

    const now = Date.now();
    const users = await trx
      .insertInto('users')
      .values(
        demoUsers.map((u) => ({
          handle: u.handle,
          display_name: u.displayName,
          email: u.email,
          bio: u.bio,
          role: u.role ?? 'member',
          email_verified_at: new Date(now - 90 * 86_400_000),
          created_at: new Date(now - 120 * 86_400_000),
        })),
      )
      .returning(['id', 'handle'])
      .execute();
    const idByHandle = new Map(users.map((u) => [u.handle, u.id]));

    await trx
      .insertInto('threads')
      .values(
        demoThreads.map((t) => {
          const at = new Date(now - t.hoursAgo * 3_600_000);
          return {
            author_id: idByHandle.get(t.author)!,
            title: t.title,
            body_md: t.body,
            body_html: '',
            tags: t.tags,
            points: t.points,
            created_at: at,
            last_activity_at: at,
          };
        }),
      )
      .execute();
    return { seeded: true };
  });
}
