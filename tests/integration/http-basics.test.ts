import { Writable } from 'node:stream';
import { pino } from 'pino';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app';

describe('HTTP basics on the real app', () => {
  let app: TestApp;
  const logLines: string[] = [];
  beforeAll(async () => {
    app = await startTestApp({
      seed: true,
      logger: pino(
        { level: 'info' },
        new Writable({
          write(chunk, _enc, cb) {
            logLines.push(String(chunk));
            cb();
          },
        }),
      ),
      extraApiRoutes: (api) => {
        api.get('/test/explode', () => {
          throw new Error('kaboom: secret internal detail');
        });
        api.get('/test/explode-async', async () => {
          await Promise.resolve();
          throw new Error('async kaboom');
        });
      },
    });
  });

  it('answers /healthz and /readyz as JSON', async () => {
    const health = await request(app.url).get('/healthz').expect(200);
    expect(health.body.status).toBe('ok');
    const ready = await request(app.url).get('/readyz').expect(200);
    expect(ready.body).toMatchObject({ status: 'ready', database: 'ok' });
    expect(ready.body.migrations.applied).toBe(ready.body.migrations.expected);
  });

  it('reports not ready when the database lacks a migration this build has', async () => {
    app.ctx.migrationCount += 1;
    try {
      const res = await request(app.url).get('/readyz').expect(503);
      expect(res.body.status).toBe('migrations_pending');
    } finally {
      app.ctx.migrationCount -= 1;
    }
  });

  it('gives a JSON 404 for unknown API routes', async () => {
    const res = await request(app.url).get('/api/definitely-not-here').expect(404);
    expect(res.headers['content-type']).toMatch(/json/);
    expect(res.body.error).toMatchObject({ code: 'not_found' });
    expect(res.body.error.message).toContain('/definitely-not-here');
    expect(res.body.error.requestId).toBe(res.headers['x-request-id']);
  });

  it('answers a malformed JSON body with 400 invalid_json', async () => {
    const res = await request(app.url)
      .post('/api/threads')
      .set('Content-Type', 'application/json')
      .send('{"title": ')
      .expect(400);
    expect(res.body.error).toMatchObject({ code: 'invalid_json', field: '(body)' });
  });

  it('answers a bad query parameter with 400 naming the field', async () => {
    const res = await request(app.url).get('/api/threads?limit=5000').expect(400);
    expect(res.body.error).toMatchObject({ code: 'invalid_input', field: 'limit' });
    expect(res.body.error.message).toBe('limit: must be between 1 and 100');
    const bad = await request(app.url).get('/api/threads?cursor=garbage').expect(400);
    expect(bad.body.error.field).toBe('cursor');
  });

  it.each(['/api/test/explode', '/api/test/explode-async'])(
    'turns a throwing handler (%s) into a generic 500 with the request id; the log gets the stack',
    async (path) => {
      const res = await request(app.url)
        .get(path)
        .set('X-Request-Id', 'test-req-123456')
        .expect(500);
      expect(res.body.error.code).toBe('internal');
      expect(res.body.error.requestId).toBe('test-req-123456');
      expect(JSON.stringify(res.body)).not.toContain('kaboom');
      const logged = logLines.filter((l) => l.includes('test-req-123456'));
      expect(logged.join('\n')).toContain('kaboom');
      expect(logged.join('\n')).toContain('stack');
    },
  );

  it('pages the thread list by key with no overlap', async () => {
    const first = await request(app.url).get('/api/threads?sort=new&limit=3').expect(200);
    expect(first.body.items).toHaveLength(3);
    expect(first.body.nextCursor).toBeTruthy();
    const second = await request(app.url)
      .get(`/api/threads?sort=new&limit=3&cursor=${first.body.nextCursor}`)
      .expect(200);
    const ids = [...first.body.items, ...second.body.items].map((t: { id: string }) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    const dates = [...first.body.items, ...second.body.items].map(
      (t: { createdAt: string }) => t.createdAt,
    );
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it('never sends an email address in the thread list', async () => {
    const res = await request(app.url).get('/api/threads?limit=100').expect(200);
    expect(JSON.stringify(res.body)).not.toMatch(/@demo\.switchboard\.test/);
  });

  it('sets a strict Content-Security-Policy', async () => {
    const res = await request(app.url).get('/healthz');
    const csp = res.headers['content-security-policy'];
    const directives = new Map(
      (csp ?? '').split(';').map((d: string) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values] as const;
      }),
    );
    // Scripts from this origin only: no inline script, no eval, whichever directive says it.
    expect(directives.get('script-src')).toEqual(["'self'"]);
    for (const name of ['script-src-attr', 'script-src-elem', 'default-src'])
      expect(directives.get(name) ?? []).not.toContain("'unsafe-inline'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
  });
});
