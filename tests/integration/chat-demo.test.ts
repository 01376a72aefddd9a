import { beforeAll, describe, expect, it } from 'vitest';
import type { ConversationDetail, ConversationSummary, MessagePage } from '../../shared/api/chat';
import { DEMO_PASSWORD } from '../../server/seed/demo';
import { startTestApp, type TestApp } from '../helpers/app';
import { signIn } from '../helpers/auth';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ seed: true });
});

describe('demo chat', () => {
  it('Devon has a conversation with two unread messages and a pinned next step; Maya has one too', async () => {
    const devon = await signIn(app, { handle: 'devon-k', password: DEMO_PASSWORD });
    const inbox = (await devon.get('/api/conversations').expect(200)).body
      .items as ConversationSummary[];
    expect(inbox.map((c) => [c.other.handle, c.unread])).toEqual([['tomas_r', 2]]);
    expect((await devon.get('/api/conversations/unread')).body.unread).toBe(2);
    const d = (await devon.get(`/api/conversations/${inbox[0]!.id}`)).body as ConversationDetail;
    expect(d.pinned.map((m) => m.bodyHtml)).toEqual([
      expect.stringContaining('<strong>update your CV summary</strong>'),
    ]);
    expect(d.firstUnreadSeq).toBe(6);
    const page = (await devon.get(`/api/conversations/${inbox[0]!.id}/messages`))
      .body as MessagePage;
    expect(page.items.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    // The next message continues the conversation's sequence.
    const next = await devon
      .post(`/api/conversations/${inbox[0]!.id}/messages`)
      .send({ id: crypto.randomUUID(), body: 'Will do — shadowing Thursday.' })
      .expect(201);
    expect(next.body.seq).toBe(8);

    const maya = await signIn(app, { handle: 'maya_builds', password: DEMO_PASSWORD });
    const mine = (await maya.get('/api/conversations').expect(200)).body
      .items as ConversationSummary[];
    expect(mine.map((c) => c.other.handle)).toEqual(['grace-h']);
  });
});
