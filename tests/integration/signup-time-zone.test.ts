import { beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app';
import { anonymous, signIn } from '../helpers/auth';

/**
 * The time zone asked at sign-up (the form sends the browser's IANA zone) is the profile's
 * zone: it is what the notification settings show and what the digest schedule uses.
 */
describe('time zone at sign-up', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ jobs: false });
  });

  const person = (handle: string, extra: Record<string, unknown> = {}) => ({
    email: `${handle}@example.test`,
    handle,
    displayName: 'Zoned Person',
    password: 'a long enough passphrase',
    ...extra,
  });
  const zoneOf = async (handle: string) =>
    (
      await app.ctx.db
        .selectFrom('users')
        .select('time_zone')
        .where('handle', '=', handle)
        .executeTakeFirst()
    )?.time_zone;

  it('stores a real IANA zone, spelled the way the zone database spells it', async () => {
    await anonymous(app)
      .post('/api/auth/sign-up')
      .send(person('kathmandu', { timeZone: 'asia/kathmandu' }))
      .expect(202);
    expect(await zoneOf('kathmandu')).toBe('Asia/Kathmandu');
    // The settings page shows it (and the digest schedule reads the same column).
    const client = await signIn(app, { handle: 'kathmandu', password: 'a long enough passphrase' });
    const settings = await client.get('/api/me/notification-settings').expect(200);
    expect(settings.body.timeZone).toBe('Asia/Kathmandu');
  });

  it.each(['Mars/Olympus_Mons', 'GMT+5; DROP TABLE users', '', 'Europe/'])(
    'refuses %j with a 400 naming the field, and creates no account',
    async (timeZone) => {
      const res = await anonymous(app)
        .post('/api/auth/sign-up')
        .send(person('badzone', { timeZone }))
        .expect(400);
      expect(res.body.error).toMatchObject({ code: 'invalid_input', field: 'timeZone' });
      expect(res.body.error.message).toBe(
        'timeZone: must be an IANA time zone such as Europe/Berlin',
      );
      expect(await zoneOf('badzone')).toBeUndefined();
    },
  );

  it('refuses a zone that is not text', async () => {
    const res = await anonymous(app)
      .post('/api/auth/sign-up')
      .send(person('numzone', { timeZone: 330 }))
      .expect(400);
    expect(res.body.error.field).toBe('timeZone');
  });

  it('takes UTC when the client sends no zone (an older client, a script)', async () => {
    await anonymous(app).post('/api/auth/sign-up').send(person('nozone')).expect(202);
    expect(await zoneOf('nozone')).toBe('UTC');
  });
});
