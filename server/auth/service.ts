import type { Request } from 'express';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { signUpInput } from '../../shared/api/auth';
import type { AppContext } from '../context';
import { AppError, invalid } from '../http/errors';
import { sendMailInBackground } from '../mail';
import { appUrl } from '../mail/templates';
import { alreadyRegisteredMessage, resetPasswordMessage, verifyEmailMessage } from './emails';
import { hashPassword } from './password';
import { endSessionsOf, findUserByEmail, handleTaken } from './queries';
import { consumeToken, issueToken } from './tokens';
import { isUniqueViolation } from '../db/errors';

async function sendVerification(
  ctx: AppContext,
  user: { id: string; email: string; display_name: string },
  req?: Request,
): Promise<void> {
  const token = await issueToken(ctx.db, user.id, 'verify_email', user.email);
  const url = appUrl(ctx.config, `/verify-email?token=${token}`, req);
  void sendMailInBackground(ctx, verifyEmailMessage(user.email, user.display_name, url));
}

/** A new confirmation link for a signed-in person whose address is not confirmed yet. */
export async function resendVerification(
  ctx: AppContext,
  userId: string,
  req: Request,
): Promise<void> {
  const user = await ctx.db
    .selectFrom('users')
    .select(['id', 'email', 'display_name'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  await sendVerification(ctx, { ...user, email: user.email! }, req);
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
    void sendMailInBackground(
      ctx,
      alreadyRegisteredMessage(
        input.email,
        existing.display_name,
        appUrl(ctx.config, '/sign-in', req),
        appUrl(ctx.config, '/forgot-password', req),
      ),
    );
    return;
  }
  let user;
  try {
    user = await ctx.db
      .insertInto('users')
      .values({
        email: input.email,
        handle: input.handle,
        display_name: input.displayName,
        password_hash: passwordHash,
      })
      .returning(['id', 'email', 'display_name'])
      .executeTakeFirstOrThrow();
  } catch (err) {
    if (isUniqueViolation(err, 'users_handle_lower_key')) throw takenHandle();
    if (isUniqueViolation(err, 'users_email_lower_key')) return; // a race with the same email
    throw err;
  }
  await sendVerification(ctx, { ...user, email: user.email! }, req);
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
  const user = await findUserByEmail(ctx.db, email);
  if (!user || user.deleted_at || !user.email) return;
  const token = await issueToken(ctx.db, user.id, 'reset_password', user.email);
  const url = appUrl(ctx.config, `/reset-password?token=${token}`, req);
  await sendMailInBackground(ctx, resetPasswordMessage(user.email, user.display_name, url));
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
