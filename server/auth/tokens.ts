import { sql } from 'kysely';
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db';

/**
 * One-time tokens for email links: 256 random bits from the CSPRNG, only the SHA-256 stored,
 * single use, expiring. A new token of the same purpose voids the older ones.
 */
export type TokenPurpose = 'verify_email' | 'reset_password';

export const TOKEN_TTL_MS: Record<TokenPurpose, number> = {
  verify_email: 24 * 3_600_000,
  reset_password: 3_600_000,
};

const digest = (token: string) => createHash('sha256').update(token).digest();

export async function issueToken(
  db: Db,
  userId: string,
  purpose: TokenPurpose,
  email?: string,
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('auth_tokens')
      .set({ used_at: sql`now()` })
      .where('user_id', '=', userId)
      .where('purpose', '=', purpose)
      .where('used_at', 'is', null)
      .execute();
    await trx
      .insertInto('auth_tokens')
      .values({
        user_id: userId,
        purpose,
        token_hash: digest(token),
        email: email ?? null,
        expires_at: new Date(Date.now() + TOKEN_TTL_MS[purpose]),
      })
      .execute();
  });
  return token;
}

/**
 * Marks the token used and returns whose it was — or null when it is unknown, used or expired
 * (one answer for all three: the link simply no longer works).
 */
export async function consumeToken(
  db: Db,
  token: string,
  purpose: TokenPurpose,
): Promise<{ userId: string; email: string | null } | null> {
  const row = await db
    .updateTable('auth_tokens')
    .set({ used_at: sql`now()` })
    .where('token_hash', '=', digest(token))
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .returning(['user_id', 'email'])
    .executeTakeFirst();
  return row ? { userId: row.user_id, email: row.email } : null;
}
