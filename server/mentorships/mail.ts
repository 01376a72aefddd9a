import type { AppContext } from '../context';
import { sendMailInBackground, type MailMessage } from '../mail';
import * as q from './queries';

/** Absolute link for an e-mail (built by the route from the request and PUBLIC_URL). */
export type Links = (path: string) => string;

/**
 * Sends after commit, in the background: the answer never waits for SMTP and a failed send is
 * logged. Only to a confirmed address of an account that still exists.
 */
export async function mailTo(
  ctx: AppContext,
  userId: string,
  build: (to: string, displayName: string) => MailMessage,
): Promise<void> {
  const user = await q.userEmail(ctx.db, userId);
  if (!user?.email || !user.email_verified_at || user.deleted_at) return;
  void sendMailInBackground(ctx, build(user.email, user.display_name));
}
