import request from 'supertest';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { isLoopback } from '../../server/mail/dev-routes';
import { startTestApp, type TestApp } from '../helpers/app';

let proxied: TestApp;
let production: TestApp;
beforeAll(async () => {
  proxied = await startTestApp({ env: { TRUST_PROXY: 'true' } });
  production = await startTestApp({
    env: { NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40), ARGON2_MEMORY_KIB: '19456' },
  });
});
afterAll(async () => {
  await proxied?.close();
  await production?.close();
});

it('answers the person at this machine and 404s a request forwarded from elsewhere', async () => {
  expect((await request(proxied.url).get('/dev/mail')).status).toBe(200);
  const fromAfar = await request(proxied.url)
    .get('/dev/mail')
    .set('X-Forwarded-For', '203.0.113.9');
  expect(fromAfar.status).toBe(404);
  const message = await request(proxied.url)
    .get('/dev/mail/00000000-0000-4000-8000-000000000000')
    .set('X-Forwarded-For', '198.51.100.7');
  expect(message.status).toBe(404);
});

it('is not mounted with NODE_ENV=production', async () => {
  expect((await request(production.url).get('/dev/mail')).status).toBe(404);
});

it('tells loopback addresses from others', () => {
  for (const a of ['127.0.0.1', '127.8.9.1', '::1', '::ffff:127.0.0.1'])
    expect(isLoopback(a)).toBe(true);
  for (const a of ['192.0.2.2', '::ffff:10.0.0.1', 'fd00::2', '', undefined])
    expect(isLoopback(a)).toBe(false);
});
