import { randomUUID } from 'node:crypto';
import { io as connect, type Socket } from 'socket.io-client';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../server/auth/password';
import { startTestApp, type TestApp } from '../helpers/app';
import { anonymous, createUser, signIn, type Client } from '../helpers/auth';

describe('account settings: password, sessions, export, deletion, privacy', () => {
  let app: TestApp;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    app = await startTestApp({ seed: true });
  });
  afterAll(() => sockets.forEach((s) => s.close()));

  const postThread = (client: Client, title: string) =>
    client
      .post('/api/threads')
      .send({
        id: randomUUID(),
        title,
        body: `Body of ${title}, long enough to count.`,
        tags: ['career-switch'],
      })
      .expect(201);

  it('changing the password ends every other session of that user, not this one', async () => {
    const u = await createUser(app.ctx.db);
    const here = await signIn(app, u);
    const there = await signIn(app, u);
    const wrong = await here
      .post('/api/account/password')
      .send({ currentPassword: 'not my password at all', newPassword: 'a new long passphrase' })
      .expect(400);
    expect(wrong.body.error).toMatchObject({ field: 'currentPassword' });
    await here
      .post('/api/account/password')
      .send({ currentPassword: u.password, newPassword: 'a new long passphrase' })
      .expect(200);
    expect((await here.get('/api/session')).body.viewer.id).toBe(u.id);
    expect((await there.get('/api/session')).body.viewer).toBeNull();
  });

  it('lists the sessions without their secret ids and ends one of them', async () => {
    const u = await createUser(app.ctx.db);
    const here = await signIn(app, u);
    const there = await signIn(app, u);
    const list = await here.get('/api/account/sessions').expect(200);
    expect(list.body).toHaveLength(2);
    expect(list.body[0].current).toBe(true);
    const sids = (
      await app.ctx.db.selectFrom('session').select('sid').where('user_id', '=', u.id).execute()
    ).map((r) => r.sid);
    for (const sid of sids) expect(JSON.stringify(list.body)).not.toContain(sid);
    const other = list.body.find((s: { current: boolean }) => !s.current);
    await here.delete(`/api/account/sessions/${other.id}`).expect(204);
    expect((await there.get('/api/session')).body.viewer).toBeNull();
    await here.delete(`/api/account/sessions/${other.id}`).expect(404);
    // Another person cannot end my session by its id.
    const mine = list.body.find((s: { current: boolean }) => s.current);
    const stranger = await signIn(app, await createUser(app.ctx.db));
    await stranger.delete(`/api/account/sessions/${mine.id}`).expect(404);
    expect((await here.get('/api/session')).body.viewer.id).toBe(u.id);
  });

  it('exports everything the user wrote as JSON', async () => {
    const u = await createUser(app.ctx.db);
    const client = await signIn(app, u);
    await postThread(client, 'My exported question about switching');
    const res = await client.get('/api/me/export').expect(200);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="switchboard-/);
    expect(res.body.account).toMatchObject({ id: u.id, handle: u.handle, email: u.email });
    expect(res.body.account).not.toHaveProperty('password_hash');
    expect(res.body.threads.map((t: { title: string }) => t.title)).toEqual([
      'My exported question about switching',
    ]);
    expect(JSON.stringify(res.body)).not.toContain('argon2');
    await anonymous(app).get('/api/me/export').expect(401);
  });

  it('deletes an account: personal data gone, sessions ended, posts kept as [deleted]', async () => {
    const u = await createUser(app.ctx.db, { bio: 'I was here' });
    const client = await signIn(app, u);
    const other = await signIn(app, u);
    const thread = await postThread(client, 'A question that outlives its author');
    const id = thread.body.thread?.id ?? thread.body.id;

    const bad = await client
      .post('/api/account/delete')
      .send({ password: u.password, confirm: 'yes' })
      .expect(400);
    expect(bad.body.error.field).toBe('confirm');
    await client
      .post('/api/account/delete')
      .send({ password: 'wrong password!!', confirm: 'delete my account' })
      .expect(400);
    await client
      .post('/api/account/delete')
      .send({ password: u.password, confirm: 'delete my account' })
      .expect(204);

    expect((await client.get('/api/session')).body.viewer).toBeNull();
    expect((await other.get('/api/session')).body.viewer).toBeNull();
    const row = await app.ctx.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', u.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      email: null,
      password_hash: null,
      bio: '',
      display_name: '[deleted]',
    });
    expect(row.deleted_at).not.toBeNull();
    expect(row.handle).not.toBe(u.handle);
    expect(
      await app.ctx.db.selectFrom('session').where('user_id', '=', u.id).selectAll().execute(),
    ).toEqual([]);

    const detail = await request(app.url).get(`/api/threads/${id}`).expect(200);
    const text = JSON.stringify(detail.body);
    expect(text).toContain('A question that outlives its author');
    expect(text).toContain('[deleted]');
    expect(text).not.toContain(u.handle);
    const list = await request(app.url).get('/api/threads?sort=new&limit=100').expect(200);
    const item = list.body.items.find((t: { id: string }) => t.id === id);
    expect(item.author).toMatchObject({ handle: '[deleted]', displayName: '[deleted]' });

    await anonymous(app)
      .post('/api/auth/sign-in')
      .send({ login: u.email, password: u.password })
      .expect(401);
    // The handle and email are free again.
    await anonymous(app)
      .post('/api/auth/sign-up')
      .send({
        email: u.email,
        handle: u.handle,
        displayName: 'New me',
        password: 'fresh start passphrase',
      })
      .expect(202);
    expect(
      await app.ctx.db.selectFrom('users').select('id').where('email', '=', u.email).execute(),
    ).toHaveLength(1);
  });

  it('never shows another person their email address', async () => {
    const victim = await createUser(app.ctx.db, { email: 'private.person@example.test' });
    const victimClient = await signIn(app, victim);
    const thread = await postThread(victimClient, 'Question by someone with a private email');
    const id = thread.body.thread?.id ?? thread.body.id;
    const snoop = await signIn(app, await createUser(app.ctx.db));
    const bodies: string[] = [];
    for (const path of [
      '/api/session',
      '/api/account',
      '/api/account/sessions',
      '/api/me/export',
      '/api/threads?limit=100',
      `/api/threads/${id}`,
    ]) {
      bodies.push((await snoop.get(path)).text);
      bodies.push((await anonymous(app).get(path)).text);
    }
    bodies.push(
      (
        await snoop
          .post('/api/auth/sign-in')
          .send({ login: victim.email, password: 'wrong password!!' })
      ).text,
    );
    bodies.push(
      (
        await anonymous(app).post('/api/auth/password-reset').send({ email: victim.email })
      ).text.replace(victim.email, ''),
    );
    for (const b of bodies) {
      expect(b).not.toContain('private.person@example.test');
      expect(b).not.toMatch(/@demo\.switchboard\.test/);
    }
    // Their own email: only on their own account page and export.
    expect((await victimClient.get('/api/account')).body.email).toBe(victim.email);
  });

  it('re-hashes a password stored with weaker parameters at the next sign-in', async () => {
    const weak = await hashPassword('upgrade me please', {
      ARGON2_MEMORY_KIB: 4096,
      ARGON2_TIME_COST: 1,
      ARGON2_PARALLELISM: 1,
    });
    const u = await createUser(app.ctx.db, { password: 'upgrade me please' });
    await app.ctx.db
      .updateTable('users')
      .set({ password_hash: weak })
      .where('id', '=', u.id)
      .execute();
    await signIn(app, u);
    const row = await app.ctx.db
      .selectFrom('users')
      .select('password_hash')
      .where('id', '=', u.id)
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    await signIn(app, u); // and the new hash works
  });

  it('lets the demo accounts sign in with the printed password', async () => {
    const c = await signIn(app, { handle: 'maya_builds', password: 'switchboard-demo' });
    expect(c.viewer.displayName).toBe('Maya Okafor');
  });

  it('authenticates Socket.IO handshakes with the same session; anonymous sockets are allowed', async () => {
    const u = await createUser(app.ctx.db);
    const client = await signIn(app, u);
    const open = (headers: Record<string, string>) =>
      new Promise<Socket>((resolve, reject) => {
        const s = connect(app.url, {
          transports: ['websocket'],
          extraHeaders: headers,
          reconnection: false,
        });
        sockets.push(s);
        s.on('connect', () => resolve(s));
        s.on('connect_error', reject);
      });
    const mine = await open({ cookie: client.cookie });
    const anon = await open({});
    const byId = new Map((await app.server.io.fetchSockets()).map((s) => [s.id, s.data.userId]));
    expect(byId.get(mine.id!)).toBe(u.id);
    expect(byId.get(anon.id!)).toBeNull();
    // After sign-out the old cookie authenticates nobody.
    await client.post('/api/auth/sign-out').expect(204);
    const stale = await open({ cookie: client.cookie });
    const after = new Map((await app.server.io.fetchSockets()).map((s) => [s.id, s.data.userId]));
    expect(after.get(stale.id!)).toBeNull();
    // A foreign Origin is refused at the handshake.
    await expect(open({ origin: 'https://evil.example', cookie: client.cookie })).rejects.toThrow();
  });
});
