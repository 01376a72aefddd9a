import { describe, expect, it } from 'vitest';
import {
  DEVICE_COOKIE,
  DEVICE_COOKIE_MAX_AGE_SECONDS,
  deviceCookieOptions,
  deviceKey,
  DEVICE_COOKIE_MAX_ACCOUNTS,
  devicesOf,
  issueDeviceCookie,
  renewedDeviceCookie,
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
    expect(devicesOf(key, { headers }).map((d) => d.userId)).toEqual([userId]);
    expect(devicesOf(key, { headers: { cookie: `${DEVICE_COOKIE}=v1.nope~${good}x` } })).toEqual(
      [],
    );
    expect(devicesOf(key, { headers: {} })).toEqual([]);
    expect(devicesOf(deviceKey('other'.repeat(8)), { headers })).toEqual([]);
  });

  it('keep one token per account, newest first, for a few accounts', () => {
    const ids = Array.from({ length: 7 }, (_, i) => userId.slice(0, -1) + String(i));
    let value = '';
    for (const id of ids) {
      const headers = value ? { cookie: `${DEVICE_COOKIE}=${value}~garbage` } : {};
      value = renewedDeviceCookie(key, { headers }, id);
    }
    const held = devicesOf(key, { headers: { cookie: `${DEVICE_COOKIE}=${value}` } });
    expect(held.map((d) => d.userId)).toEqual(ids.slice(-DEVICE_COOKIE_MAX_ACCOUNTS).reverse());
    // Signing in again as one of them moves it to the front with a fresh nonce, no duplicate.
    const again = renewedDeviceCookie(
      key,
      { headers: { cookie: `${DEVICE_COOKIE}=${value}` } },
      ids[4]!,
    );
    const after = devicesOf(key, { headers: { cookie: `${DEVICE_COOKIE}=${again}` } });
    expect(after.map((d) => d.userId)).toEqual([ids[4], ids[6], ids[5], ids[3], ids[2]]);
    expect(after[0]!.nonce).not.toBe(held.find((d) => d.userId === ids[4])!.nonce);
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
