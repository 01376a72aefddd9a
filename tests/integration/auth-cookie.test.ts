import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { needsRehash, hashPassword } from '../../server/auth/password';
import { startTestApp, type TestApp } from '../helpers/app';
import { createUser, sessionCookieFrom } from '../helpers/auth';

describe('session cookie behind a TLS-terminating proxy, and password parameters', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: { TRUST_PROXY: 'true' } });
  });

  it('marks the cookie Secure when the request came over HTTPS (X-Forwarded-Proto)', async () => {
    const u = await createUser(app.ctx.db);
    const https = await request(app.url)
      .post('/api/auth/sign-in')
      .set('X-Forwarded-Proto', 'https')
      .send({ login: u.handle, password: u.password })
      .expect(200);
    const cookie = String(https.headers['set-cookie']);
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Expires=/); // idle timeout, renewed with activity
    const plain = await request(app.url)
      .post('/api/auth/sign-in')
      .send({ login: u.handle, password: u.password })
      .expect(200);
    expect(String(plain.headers['set-cookie'])).not.toMatch(/Secure/);
    expect(sessionCookieFrom(plain.headers['set-cookie'])).toMatch(/^sb\.sid=s%3A/);
  });

  it('hashes with argon2id m=19456 t=2 p=1 and flags weaker hashes for an upgrade', async () => {
    const h = await hashPassword('parameters check');
    expect(h).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(needsRehash(h)).toBe(false);
    const weak = await hashPassword('parameters check', {
      ARGON2_MEMORY_KIB: 8192,
      ARGON2_TIME_COST: 2,
      ARGON2_PARALLELISM: 1,
    });
    expect(needsRehash(weak)).toBe(true);
    expect(needsRehash('$2b$10$notargon')).toBe(true);
  });
});
