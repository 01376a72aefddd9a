import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { notify } from '../../server/notifications/service';
import { startTestApp, type TestApp } from '../helpers/app';
import { createUser, signIn, type Client } from '../helpers/auth';
import { collect, connectSocket, eventually } from '../helpers/cluster';

let app: TestApp;
let maya: Client;
let omar: Client;
beforeAll(async () => {
  app = await startTestApp();
  maya = await signIn(app, await createUser(app.ctx.db));
  omar = await signIn(app, await createUser(app.ctx.db));
});

it('pushes notifications:changed to the user’s own sockets, after commit only', async () => {
  const mayaTabs = await Promise.all([1, 2].map(() => connectSocket(app.url, maya.cookie)));
  const omarTab = await connectSocket(app.url, omar.cookie);
  const anonymousTab = await connectSocket(app.url);
  const mayaGot = mayaTabs.map((s) => collect(s, 'notifications:changed'));
  const omarGot = collect(omarTab, 'notifications:changed');
  const anonymousGot = collect(anonymousTab, 'notifications:changed');

  // A rolled-back insert says nothing.
  await app.ctx.db
    .transaction()
    .execute(async (trx) => {
      await notify(trx, [{ userId: maya.viewer.id, kind: 'mentorship_ended', payload: {} }]);
      throw new Error('roll back');
    })
    .catch(() => undefined);
  // A committed one reaches both of Maya's tabs, once each, and nobody else.
  await notify(app.ctx.db, [{ userId: maya.viewer.id, kind: 'mentorship_ended', payload: {} }]);
  await eventually(() => expect(mayaGot.map((g) => g.length)).toEqual([1, 1]));

  // Reading them all in one request is one more signal (the other tab's bell clears too).
  await maya.post('/api/notifications/read').send({ all: true }).expect(200);
  await eventually(() => expect(mayaGot.map((g) => g.length)).toEqual([2, 2]));
  await new Promise((r) => setTimeout(r, 300));
  expect(mayaGot.map((g) => g.length)).toEqual([2, 2]);
  expect(omarGot).toHaveLength(0);
  expect(anonymousGot).toHaveLength(0);
  const unread = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM notifications WHERE user_id = ${maya.viewer.id} AND read_at IS NULL`.execute(
    app.ctx.db,
  );
  expect(unread.rows[0]!.n).toBe(0);
});
