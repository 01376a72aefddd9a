import { beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app';
import { anonymous, createUser, signIn, type Client } from '../helpers/auth';

/**
 * Keyset cursors are opaque, but a client can send anything: each list decodes its cursor
 * with the shape it hands out (real timestamps, real uuids, whole numbers where they are),
 * so a forged one is a 400 naming `cursor` — never a SQL error, never a 500.
 */
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const uuid = '00000000-0000-4000-8000-000000000000';
const forgeries: Record<string, string> = {
  'not base64 JSON': '!!not-a-cursor!!',
  'JSON but no array': b64({ a: 1 }),
  'letters where a time goes': b64(['n', 'x', 'y']),
  'a date that does not exist': b64(['n', '2026-02-31 10:00:00+00', uuid]),
  'February 31st, key shape': b64(['2026-02-31T10:00:00.000000Z', uuid]),
  '36 dashes as a uuid': b64(['2026-12-01T10:00:00.000000Z', '-'.repeat(36)]),
  '1.5 as points': b64(['t', 0, 1.5, '2026-12-01 10:00:00+00', uuid]),
  'a rank out of range': b64([1e300, uuid]),
  'a NUL inside': b64(['n\u0000', '2026-12-01 10:00:00+00', uuid]),
  'an offset that is not whole': b64(['rank', 1.5]),
  'a UTC offset Postgres refuses': b64(['2026-12-01 10:00:00+99', uuid]),
  'a UTC offset past 15:59': b64(['n', '2026-12-01T10:00:00+16:00', uuid]),
  'points past a Postgres integer': b64(['t', 0, 2 ** 31, '2026-12-01 10:00:00+00', uuid]),
};

let app: TestApp;
let member: Client;
let moderator: Client;
beforeAll(async () => {
  app = await startTestApp();
  member = await signIn(app, await createUser(app.ctx.db));
  moderator = await signIn(app, await createUser(app.ctx.db, { role: 'moderator' }));
});

const lists: [string, () => Client | ReturnType<typeof anonymous>, string][] = [
  ['new threads', () => anonymous(app), '/api/threads?sort=new'],
  ['hot threads', () => anonymous(app), '/api/threads?sort=hot'],
  ['top threads', () => anonymous(app), '/api/threads?sort=top'],
  ['unanswered threads', () => anonymous(app), '/api/threads?sort=unanswered'],
  ['search', () => anonymous(app), '/api/search?q=product'],
  ['mentors', () => anonymous(app), '/api/mentors'],
  ['mentor directory', () => member, '/api/mentor-directory'],
  ['notifications', () => member, '/api/notifications'],
  ['sent requests', () => member, '/api/mentorship-requests?box=sent'],
  ['mentorships', () => member, '/api/mentorships?status=active'],
  ['conversations', () => member, '/api/conversations'],
  ['moderation queue', () => moderator, '/api/moderation/flags'],
  ['moderation log', () => moderator, '/api/moderation/audit'],
];

describe('forged pagination cursors', () => {
  it.each(lists)('%s: every forgery is a 400 naming cursor', async (_name, who, url) => {
    // The list itself answers (so the 400s below are about the cursor alone).
    expect((await who().get(url)).status).toBe(200);
    const answers = await Promise.all(
      Object.entries(forgeries).map(async ([what, cursor]) => {
        const res = await who().get(
          `${url}&cursor=${encodeURIComponent(cursor)}`.replace(/^([^?]*)&/, '$1?'),
        );
        return { what, status: res.status, field: res.body?.error?.field };
      }),
    );
    expect(answers).toEqual(
      Object.keys(forgeries).map((what) => ({ what, status: 400, field: 'cursor' })),
    );
  });
});
