import type { Request } from 'express';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { signUpInput } from '../../shared/api/auth';
import type { AppContext } from '../context';
import { AppError, invalid } from '../http/errors';
import { enqueueEmail } from '../mail/outbox';
import { requestBase } from '../mail/templates';
import { hashPassword } from './password';
import { endSessionsOf, findUserByEmail, handleTaken } from './queries';
import { consumeToken } from './tokens';
import { isUniqueViolation } from '../db/errors';

// Each auth email is a durable job (server/mail/outbox.ts); the token is issued when it is sent.
const mailJob = (ctx: AppContext, template: string, userId: string, req?: Request) =>
  enqueueEmail(ctx.db, { template, ids: { userId }, base: requestBase(ctx.config, req) });

/** A new confirmation link for a signed-in person whose address is not confirmed yet. */
export async function resendVerification(
  ctx: AppContext,
  userId: string,
  req: Request,
): Promise<void> {
  await mailJob(ctx, 'verify_email', userId, req);
}

/**
 * Creates an unverified account and mails a verification link. An email address already in
 * use gets a "you already have an account" mail instead, and the caller gets the very same
 * answer, after the same argon2 work — sign-up says nothing about who is registered.
 * Handles are public, so a taken handle is a plain 409 on the handle field.
 */
export async function signUp(
  ctx: AppContext,
  input: z.output<typeof signUpInput>,
  req: Request,
): Promise<void> {
  const takenHandle = () => new AppError('conflict', 'handle: is already taken', 'handle');
  if (await handleTaken(ctx.db, input.handle)) throw takenHandle();
  const passwordHash = await hashPassword(input.password, ctx.config);
  const existing = await findUserByEmail(ctx.db, input.email);
  if (existing) {
    await mailJob(ctx, 'already_registered', existing.id, req);
    return;
  }
  try {
    // The account and its verification email commit together.
    await ctx.db.transaction().execute(async (trx) => {
      const user = await trx
        .insertInto('users')
        .values({
          email: input.email,
          handle: input.handle,
          display_name: input.displayName,
          password_hash: passwordHash,
          time_zone: input.timeZone,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await enqueueEmail(trx, {
        template: 'verify_email',
        ids: { userId: user.id },
        base: requestBase(ctx.config, req),
      });
    });
  } catch (err) {
    if (isUniqueViolation(err, 'users_handle_lower_key')) throw takenHandle();
    if (isUniqueViolation(err, 'users_email_lower_key')) return; // a race with the same email
    throw err;
  }
}

export async function verifyEmail(ctx: AppContext, token: string): Promise<void> {
  const used = await consumeToken(ctx.db, token, 'verify_email');
  const expired = invalid(
    'token',
    'this link has expired or was already used. Sign in and ask for a new one from the banner.',
  );
  if (!used) throw expired;
  const res = await ctx.db
    .updateTable('users')
    .set({ email_verified_at: sql`coalesce(email_verified_at, now())` })
    .where('id', '=', used.userId)
    .where(sql`lower(email)`, '=', (used.email ?? '').toLowerCase())
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) throw expired;
}

/** Sends a reset link if the address belongs to an account; the caller never learns which. */
export async function requestPasswordReset(
  ctx: AppContext,
  email: string,
  req: Request,
): Promise<void> {
  await enqueueEmail(ctx.db, {
    template: 'reset_password',
    ids: { email },
    base: requestBase(ctx.config, req),
  });
}

/**
 * Sets the new password and ends every session of that account (except the one making the
 * request, if it is that person's). The link came by email, so the address is now verified.
 */
export async function confirmPasswordReset(
  ctx: AppContext,
  token: string,
  password: string,
  current?: { userId: string; sid: string },
): Promise<void> {
  const used = await consumeToken(ctx.db, token, 'reset_password');
  if (!used)
    throw invalid('token', 'this reset link has expired or was already used. Ask for a new one.');
  const passwordHash = await hashPassword(password, ctx.config);
  await ctx.db
    .updateTable('users')
    .set({
      password_hash: passwordHash,
      email_verified_at: sql`coalesce(email_verified_at, now())`,
    })
    .where('id', '=', used.userId)
    .execute();
  await endSessionsOf(
    ctx.db,
    used.userId,
    current?.userId === used.userId ? current.sid : undefined,
  );
}
