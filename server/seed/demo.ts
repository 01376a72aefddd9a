import { sql } from 'kysely';
import { hashPassword } from '../auth/password';
import type { Db } from '../db';
import { demoThreads, demoUsers } from './demo-content';
import { seedDemoProfiles } from './demo-profiles';
import { demoPersonas } from '../profiles/demo-personas';
import { seedDemoMentorships } from './demo-mentorships';
import { seedDemoChat } from './demo-chat';
import { renderMarkdown } from '../../shared/markdown';
import { seedDemoForum } from './demo-forum';
import { seedDemoDigest } from './demo-digest';

export const DEMO_SEED_LOCK = 724_001;
/** Printed by server/main.ts at start-up; every demo account signs in with it. */
export const DEMO_PASSWORD = 'switchboard-demo';

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
    // One argon2id hash shared by every demo account: the password is printed at start-up, so
    // a salt per account protects nothing here, and 30 hashes would cost most of a second.
    const demoHash = await hashPassword(DEMO_PASSWORD);
    const passwordHashes = demoUsers.map(() => demoHash);
    const personaHashes = demoPersonas.map(() => demoHash);
    const users = await trx
      .insertInto('users')
      .values(
        demoUsers.map((u, i) => ({
          handle: u.handle,
          display_name: u.displayName,
          email: u.email,
          bio: u.bio,
          role: u.role ?? 'member',
          email_verified_at: new Date(now - 90 * 86_400_000),
          password_hash: passwordHashes[i]!,
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
            body_html: renderMarkdown(t.body),
            tags: t.tags,
            points: t.points,
            created_at: at,
            last_activity_at: at,
          };
        }),
      )
      .execute();
    // Profiles first: they create the mentor personas, who also write replies.
    await seedDemoProfiles(trx, personaHashes);
    await seedDemoForum(trx, now);
    await seedDemoDigest(trx, now);
    await seedDemoMentorships(trx, now);
    await seedDemoChat(trx, now);
    return { seeded: true };
  });
}
