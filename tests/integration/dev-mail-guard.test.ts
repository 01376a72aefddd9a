import os from 'node:os';
import request from 'supertest';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { isLoopback } from '../../server/mail/dev-routes';
import { startTestApp, type TestApp } from '../helpers/app';
import { createUser } from '../helpers/auth';
import { signInAt } from '../helpers/cluster';

/** This machine's own address on its network: a request to it does not come from loopback. */
const lanAddress = Object.values(os.networkInterfaces())
  .flat()
  .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;

let proxied: TestApp;
let production: TestApp;
let listening: TestApp;
beforeAll(async () => {
  proxied = await startTestApp({ env: { TRUST_PROXY: 'true' } });
  listening = await startTestApp({ env: { HOST: '0.0.0.0' }, jobs: false });
  production = await startTestApp({
    env: { NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40), ARGON2_MEMORY_KIB: '19456' },
  });
});
afterAll(async () => {
  await proxied?.close();
  await production?.close();
  await listening?.close();
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

// No proxy, no header: the guard on its own, for a connection from another address. A CI
// machine always has a network address; a laptop without one has nothing to test here.
it.skipIf(!lanAddress && process.env.CI !== 'true')(
  'answers a connection from a non-loopback address with 404, unless an admin is signed in',
  async () => {
    expect(lanAddress, 'no non-loopback IPv4 address on this machine').toBeDefined();
    const port = listening.server.port;
    const fromLan = `http://${lanAddress}:${port}`;
    expect((await request(`http://127.0.0.1:${port}`).get('/dev/mail')).status).toBe(200);
    expect((await request(fromLan).get('/dev/mail')).status).toBe(404);
    expect((await request(fromLan).get('/dev/mail.css')).status).toBe(404);

    const member = await signInAt(fromLan, await createUser(listening.ctx.db));
    expect((await member.get('/dev/mail')).status).toBe(404);
    const admin = await signInAt(fromLan, await createUser(listening.ctx.db, { role: 'admin' }));
    expect((await admin.get('/dev/mail')).status).toBe(200);
  },
);

it('is not mounted with NODE_ENV=production', async () => {
  expect((await request(production.url).get('/dev/mail')).status).toBe(404);
});

it('tells loopback addresses from others', () => {
  for (const a of ['127.0.0.1', '127.8.9.1', '::1', '::ffff:127.0.0.1'])
    expect(isLoopback(a)).toBe(true);
  for (const a of ['192.0.2.2', '::ffff:10.0.0.1', 'fd00::2', '', undefined])
    expect(isLoopback(a)).toBe(false);
});
