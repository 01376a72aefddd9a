import { describe, expect, it } from 'vitest';
import {
  DEVICE_COOKIE,
  DEVICE_COOKIE_MAX_AGE_SECONDS,
  deviceCookieOptions,
  deviceKey,
  deviceOf,
  issueDeviceCookie,
  verifyDeviceCookie,
} from '../../server/auth/device-cookie';

const key = deviceKey('k'.repeat(40));
const userId = '0b6c3a9e-1f2d-4c5b-8a7e-9d0f1e2a3b4c';

describe('device cookies', () => {
  it('verify for the account they were issued to, with a fresh nonce each time', () => {
    const one = verifyDeviceCookie(key, issueDeviceCookie(key, userId));
    const two = verifyDeviceCookie(key, issueDeviceCookie(key, userId));
    expect(one?.userId).toBe(userId);
    expect(two?.userId).toBe(userId);
    expect(one!.nonce).not.toBe(two!.nonce);
  });

  it('expire after a year, and refuse a date far in the future', () => {
    const now = Date.now();
    const almost = now - (DEVICE_COOKIE_MAX_AGE_SECONDS - 60) * 1000;
    const past = now - (DEVICE_COOKIE_MAX_AGE_SECONDS + 60) * 1000;
    expect(verifyDeviceCookie(key, issueDeviceCookie(key, userId, almost), now)).not.toBeNull();
    expect(verifyDeviceCookie(key, issueDeviceCookie(key, userId, past), now)).toBeNull();
    expect(
      verifyDeviceCookie(key, issueDeviceCookie(key, userId, now + 3_600_000), now),
    ).toBeNull();
  });

  it('are read from the Cookie header; a bad one beside a good one does not hide it', () => {
    const good = issueDeviceCookie(key, userId);
    const headers = { cookie: `sb.sid=x; ${DEVICE_COOKIE}=v1.nope; ${DEVICE_COOKIE}=${good}` };
    expect(deviceOf(key, { headers })?.userId).toBe(userId);
    expect(deviceOf(key, { headers: { cookie: `${DEVICE_COOKIE}=v1.nope` } })).toBeNull();
    expect(deviceOf(key, { headers: {} })).toBeNull();
    expect(deviceOf(deviceKey('other'.repeat(8)), { headers })).toBeNull();
  });

  it('are httpOnly, sameSite=lax, scoped to sign-in, and Secure in production', () => {
    const dev = deviceCookieOptions({ secure: false }, false);
    expect(dev).toMatchObject({ httpOnly: true, sameSite: 'lax', secure: false });
    expect(dev.path).toBe('/api/auth/sign-in');
    expect(dev.maxAge).toBe(DEVICE_COOKIE_MAX_AGE_SECONDS * 1000);
    expect(deviceCookieOptions({ secure: false }, true).secure).toBe(true);
    expect(deviceCookieOptions({ secure: true }, false).secure).toBe(true);
  });
});
