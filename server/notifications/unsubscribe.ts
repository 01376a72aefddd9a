import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Config } from '../config';
import { jobUrl } from '../mail/templates';

/**
 * One-click unsubscribe (RFC 8058). The link's token is an HMAC over (user, category), so a
 * POST needs no cookie and no CSRF token: only someone holding that email can make it. A
 * tampered or foreign token does not verify. Category: a notification category or 'digest'.
 */
const DEV_SECRET = 'switchboard-development-unsubscribe-secret-not-for-production';

const secretOf = (config: Pick<Config, 'UNSUBSCRIBE_SECRET' | 'SESSION_SECRET'>) =>
  config.UNSUBSCRIBE_SECRET ?? config.SESSION_SECRET ?? DEV_SECRET;

const mac = (secret: string, userId: string, category: string) =>
  createHmac('sha256', secret).update(`unsubscribe\n${userId}\n${category}`).digest('base64url');

export function unsubscribeToken(
  config: Pick<Config, 'UNSUBSCRIBE_SECRET' | 'SESSION_SECRET'>,
  userId: string,
  category: string,
): string {
  return `${userId}.${category}.${mac(secretOf(config), userId, category)}`;
}

export function verifyUnsubscribeToken(
  config: Pick<Config, 'UNSUBSCRIBE_SECRET' | 'SESSION_SECRET'>,
  token: string,
): { userId: string; category: string } | null {
  const m = /^([0-9a-f-]{36})\.([a-z_]{1,40})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return null;
  const [, userId, category, given] = m as unknown as [string, string, string, string];
  const expected = Buffer.from(mac(secretOf(config), userId, category));
  const got = Buffer.from(given);
  return got.length === expected.length && timingSafeEqual(got, expected)
    ? { userId, category }
    : null;
}

/** The List-Unsubscribe headers and footer links of a non-transactional email. */
export function unsubscribeParts(
  config: Config,
  base: string | undefined,
  userId: string,
  category: string,
) {
  const url = jobUrl(
    config,
    base,
    `/unsubscribe?token=${encodeURIComponent(unsubscribeToken(config, userId, category))}`,
  );
  return {
    url,
    preferencesUrl: jobUrl(config, base, '/settings/notifications'),
    headers: {
      'List-Unsubscribe': `<${url}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
}
