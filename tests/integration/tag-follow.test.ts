import { beforeAll, describe, expect, it } from 'vitest';
import { TAG_FOLLOWS_MAX } from '../../shared/api/tags';
import { startTestApp, type TestApp } from '../helpers/app';
import { anonymous, createUser, signIn } from '../helpers/auth';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ jobs: false });
});

const followsOf = async (userId: string) =>
  (
    await app.ctx.db
      .selectFrom('tag_follows')
      .select('tag')
      .where('user_id', '=', userId)
      .orderBy('tag')
      .execute()
  ).map((r) => r.tag);

describe('following a tag (/api/tags/:tag/follow)', () => {
  it('follows, reports and unfollows; both ways are idempotent', async () => {
    const user = await createUser(app.ctx.db);
    const client = await signIn(app, user);
    expect((await client.get('/api/tags/pm-interviews/follow').expect(200)).body).toEqual({
      tag: 'pm-interviews',
      following: false,
    });
    for (let i = 0; i < 2; i++)
      expect((await client.post('/api/tags/pm-interviews/follow').expect(200)).body).toEqual({
        tag: 'pm-interviews',
        following: true,
      });
    const got = await client.get('/api/tags/pm-interviews/follow').expect(200);
    expect(got.body.following).toBe(true);
    expect(got.headers['cache-control']).toBe('private, no-store');
    expect(await followsOf(user.id)).toEqual(['pm-interviews']);
    // Another member's follows are their own.
    const other = await signIn(app, await createUser(app.ctx.db));
    expect((await other.get('/api/tags/pm-interviews/follow').expect(200)).body.following).toBe(
      false,
    );

    for (let i = 0; i < 2; i++)
      expect((await client.delete('/api/tags/pm-interviews/follow').expect(200)).body).toEqual({
        tag: 'pm-interviews',
        following: false,
      });
    expect(await followsOf(user.id)).toEqual([]);
  });

  it('normalises the slug and names the field of a bad one; an unknown tag is 404', async () => {
    const user = await createUser(app.ctx.db);
    const client = await signIn(app, user);
    const bad = await client
      .post(`/api/tags/${encodeURIComponent('not a tag!')}/follow`)
      .expect(400);
    expect(bad.body.error).toMatchObject({ code: 'invalid_input', field: 'tag' });
    expect(bad.body.error.message).toMatch(/^tag: /);
    const long = await client.get(`/api/tags/${'a'.repeat(41)}/follow`).expect(400);
    expect(long.body.error.field).toBe('tag');
    const missing = await client.post('/api/tags/no-such-tag-here/follow').expect(404);
    expect(missing.body.error.code).toBe('not_found');
    await client.post('/api/tags/MBA/follow').expect(200);
    expect(await followsOf(user.id)).toEqual(['mba']);
  });

  it('visitors get 401; a write without the CSRF token is refused and changes nothing', async () => {
    const visitor = anonymous(app);
    for (const method of ['get', 'post', 'delete'] as const) {
      const res = await visitor[method]('/api/tags/startups/follow').expect(401);
      expect(res.body.error.code).toBe('unauthorized');
    }
    const user = await createUser(app.ctx.db);
    const client = await signIn(app, user);
    await client.post('/api/tags/startups/follow').set('X-CSRF-Token', 'forged').expect(403);
    expect(await followsOf(user.id)).toEqual([]);
    await client.post('/api/tags/startups/follow').expect(200);
    await client.delete('/api/tags/startups/follow').set('X-CSRF-Token', 'forged').expect(403);
    expect(await followsOf(user.id)).toEqual(['startups']);
  });

  it(`caps follows at ${TAG_FOLLOWS_MAX} per person`, async () => {
    const user = await createUser(app.ctx.db);
    const slugs = Array.from({ length: TAG_FOLLOWS_MAX + 1 }, (_, i) => `capped-tag-${i}`);
    await app.ctx.db
      .insertInto('tags')
      .values(slugs.map((slug) => ({ slug })))
      .execute();
    await app.ctx.db
      .insertInto('tag_follows')
      .values(slugs.slice(0, TAG_FOLLOWS_MAX).map((tag) => ({ user_id: user.id, tag })))
      .execute();
    const client = await signIn(app, user);
    const res = await client.post(`/api/tags/${slugs.at(-1)}/follow`).expect(409);
    expect(res.body.error).toMatchObject({ code: 'conflict', field: 'tag' });
    // Following one already followed is still fine at the cap.
    await client.post(`/api/tags/${slugs[0]}/follow`).expect(200);
    expect(await followsOf(user.id)).toHaveLength(TAG_FOLLOWS_MAX);
  });
});
