import { beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app';
import { anonymous, createUser, signIn, type Client } from '../helpers/auth';

/** Client mistakes that used to reach SQL or the router's decoder are 400s naming the field. */
let app: TestApp;
let member: Client;
beforeAll(async () => {
  app = await startTestApp();
  member = await signIn(app, await createUser(app.ctx.db));
});

const expect400 = (
  res: { status: number; body: { error?: { field?: string } } },
  field: string,
) => {
  expect({ status: res.status, field: res.body.error?.field }).toEqual({ status: 400, field });
};

describe('hostile input', () => {
  it('malformed percent-encoding in a path', async () => {
    for (const path of [
      '/api/users/%E0%A4%A',
      '/api/threads/%ZZ',
      '/api/conversations/%',
      // Outside /api too: the dev mail catcher's routes decoded their :id into a 500.
      '/dev/mail/%E0%A4%A',
      '/dev/mail/%ZZ/raw',
    ])
      expect400(await anonymous(app).get(path), 'path');
  });

  it('a NUL byte in a path, a query, a sign-in and a post body', async () => {
    expect400(await anonymous(app).get('/api/users/a%00b'), 'path');
    expect400(await anonymous(app).get('/api/search?q=a%00b'), 'q');
    const session = anonymous(app);
    const { body } = await session.get('/api/session').expect(200);
    const signInRes = await session
      .post('/api/auth/sign-in')
      .set('X-CSRF-Token', body.csrfToken)
      .send({ login: 'a\u0000b', password: 'long enough password' });
    expect400(signInRes, 'login');
    const post = await member.post('/api/threads').send({
      id: '7d0c3c2e-8f1b-4a6e-9c1d-2b3a4c5d6e7f',
      title: 'A title with a NUL \u0000 inside it',
      body: 'A body long enough to be a question about moving into product.',
      tags: ['career-switch'],
    });
    expect400(post, 'title');
    // Nothing was stored.
    await anonymous(app).get('/api/threads/7d0c3c2e-8f1b-4a6e-9c1d-2b3a4c5d6e7f').expect(404);
  });

  it('a body nested thousands deep', async () => {
    // Within the size limit, and deep enough to overflow a recursive walk (it did: a 500).
    const deepList = `${'['.repeat(60_000)}${']'.repeat(60_000)}`;
    const deepField = `{"title":${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}}`;
    for (const [text, field] of [
      [deepList, '(body)'],
      [deepField, 'title'],
    ] as const)
      expect400(
        await member.post('/api/threads').set('Content-Type', 'application/json').send(text),
        field,
      );
  });
});
