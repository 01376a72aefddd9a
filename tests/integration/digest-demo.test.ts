import { beforeAll, describe, expect, it } from 'vitest';
import { previewDigest } from '../../server/digests/preview';
import { demoTagFollows } from '../../server/seed/demo-digest';
import { DEMO_PASSWORD } from '../../server/seed/demo';
import { startTestApp, type TestApp } from '../helpers/app';
import { signIn } from '../helpers/auth';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ seed: true, jobs: false });
});

const preview = async (handle: string) => {
  const r = await previewDigest(app.ctx.db, app.ctx.config, handle, false);
  if ('none' in r) throw new Error(r.none);
  return r;
};

describe('demo digest (npm run digest:preview -- devon-k)', () => {
  it('Devon’s digest has replies, his unread chat with Tomás and top threads in the tags he follows', async () => {
    const r = await preview('devon-k');
    expect(r.subject).toMatch(/2 unread messages from Tomás Rivera/);
    expect(r.subject).toMatch(/\d top threads? in tags you follow/);
    expect(r.text).toContain('Tomás Rivera · 2 unread messages: “Bring one question you would');
    const top = r.text.split('TOP THREADS IN TAGS YOU FOLLOW')[1]!.split('\n\n')[1]!;
    const lines = top.split('\n').filter((l) => l.startsWith('- '));
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(lines.length).toBeLessThanOrEqual(5);
    for (const l of lines) expect(l).toMatch(/\((internal-transfer|pm-interviews)/);
    // Nothing twice: a thread in the replies section is not repeated among the top threads.
    const links = [...r.text.matchAll(/\/q\/([0-9a-f-]{36})(?!\/r)/g)].map((m) => m[1]);
    expect(new Set(links).size).toBe(links.length);
  });

  it('the demo members who follow tags see it on the tag page', async () => {
    for (const [handle, tags] of Object.entries(demoTagFollows)) {
      const client = await signIn(app, { handle, password: DEMO_PASSWORD });
      for (const tag of tags)
        expect((await client.get(`/api/tags/${tag}/follow`).expect(200)).body.following).toBe(true);
    }
  });
});
