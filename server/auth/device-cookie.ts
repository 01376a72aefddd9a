import type { CookieOptions, Request } from 'express';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Device cookies (OWASP, "Slow Down Online Guessing Attacks with Device Cookies"): a browser
 * that once signed in to an account gets a signed cookie naming that account. Sign-ins from
 * it draw on their own failure budget, so strangers exhausting the shared budget of a login
 * cannot lock the member out. The cookie proves nothing else: it never signs anyone in.
 *
 * One token per account: `v1.<userId>.<issued, unix seconds>.<nonce>.<HMAC-SHA256>`, the MAC
 * keyed with a key derived from the session secret (so it changes when that secret does) and
 * covering every other part. A token that does not verify, has expired or is malformed counts
 * as none. The cookie holds the tokens of the last few accounts signed in on the browser
 * (`~`-separated, newest first), so members sharing a computer keep theirs.
 */
export const DEVICE_COOKIE = 'sb.device';
/** Only the sign-in request needs it; no other request carries it. */
export const DEVICE_COOKIE_PATH = '/api/auth/sign-in';
export const DEVICE_COOKIE_MAX_AGE_SECONDS = 365 * 86_400;
/** Clocks of several instances may differ a little. */
const CLOCK_SKEW_SECONDS = 300;
/** Accounts one browser remembers (a token is about 120 bytes). */
export const DEVICE_COOKIE_MAX_ACCOUNTS = 5;

export interface Device {
  userId: string;
  /** Names this browser's failure budget; new at every successful sign-in. */
  nonce: string;
}

export type DeviceKey = Buffer;

export function deviceKey(sessionSecret: string): DeviceKey {
  return createHmac('sha256', sessionSecret)
    .update('switchboard sign-in device cookie v1')
    .digest();
}

const mac = (key: DeviceKey, userId: string, issued: string, nonce: string) =>
  createHmac('sha256', key).update(`${userId}\n${issued}\n${nonce}`).digest('base64url');

export function issueDeviceCookie(key: DeviceKey, userId: string, now = Date.now()): string {
  const issued = String(Math.floor(now / 1000));
  const nonce = randomBytes(16).toString('base64url');
  return `v1.${userId}.${issued}.${nonce}.${mac(key, userId, issued, nonce)}`;
}

const shape = /^v1\.([0-9a-f-]{36})\.(\d{1,12})\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/;

export function verifyDeviceCookie(key: DeviceKey, value: string, now = Date.now()): Device | null {
  const m = shape.exec(value);
  if (!m) return null;
  const [, userId, issued, nonce, given] = m as unknown as [string, string, string, string, string];
  const expected = Buffer.from(mac(key, userId, issued, nonce));
  const got = Buffer.from(given);
  if (got.length !== expected.length || !timingSafeEqual(got, expected)) return null;
  const age = now / 1000 - Number(issued);
  if (age > DEVICE_COOKIE_MAX_AGE_SECONDS || age < -CLOCK_SKEW_SECONDS) return null;
  return { userId, nonce };
}

/** Every token in the request's device cookie(s), verified or not. */
function tokensOf(req: Pick<Request, 'headers'>): string[] {
  const tokens: string[] = [];
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq >= 0 && part.slice(0, eq).trim() === DEVICE_COOKIE)
      tokens.push(
        ...part
          .slice(eq + 1)
          .trim()
          .split('~'),
      );
  }
  return tokens;
}

/** The valid device tokens the request carries, one per account (forged ones are ignored). */
function validTokensOf(key: DeviceKey, req: Pick<Request, 'headers'>) {
  const found = new Map<string, { device: Device; token: string }>();
  for (const token of tokensOf(req).slice(0, 2 * DEVICE_COOKIE_MAX_ACCOUNTS)) {
    const device = verifyDeviceCookie(key, token);
    if (device && !found.has(device.userId)) found.set(device.userId, { device, token });
  }
  return [...found.values()];
}

export function devicesOf(key: DeviceKey, req: Pick<Request, 'headers'>): Device[] {
  return validTokensOf(key, req).map((t) => t.device);
}

/**
 * The cookie value after `userId` signed in: a fresh token for them first, then the still-valid
 * tokens of the other accounts this browser holds, the oldest dropped past the cap.
 */
export function renewedDeviceCookie(
  key: DeviceKey,
  req: Pick<Request, 'headers'>,
  userId: string,
): string {
  const others = validTokensOf(key, req)
    .filter((t) => t.device.userId !== userId)
    .map((t) => t.token);
  return [issueDeviceCookie(key, userId), ...others].slice(0, DEVICE_COOKIE_MAX_ACCOUNTS).join('~');
}

export function deviceCookieOptions(
  req: Pick<Request, 'secure'>,
  isProduction: boolean,
): CookieOptions {
  return {
    httpOnly: true,
    sameSite: 'lax',
    // Always in production; elsewhere when the request came over HTTPS (as the session cookie).
    secure: isProduction || req.secure,
    path: DEVICE_COOKIE_PATH,
    maxAge: DEVICE_COOKIE_MAX_AGE_SECONDS * 1000,
  };
}
