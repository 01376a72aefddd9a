import request from 'supertest';
import { beforeAll, expect, it } from 'vitest';
import type { ReplyNode, ThreadDetail } from '../../shared/api/threads';
import { startTestApp, type TestApp } from '../helpers/app';
import { createUser, signIn } from '../helpers/auth';
import { apiReply, apiThread } from '../e2e/forum-helpers';
import { createMentor } from './mentorship-fixtures';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});

it("a mentor's replies carry their switch for the badge; a member's do not", async () => {
  const mentor = await createMentor(app.ctx.db, {
    roleBefore: 'Backend engineer',
    switchYear: 2019,
  });
  const member = await createUser(app.ctx.db);
  const t = await apiThread(await signIn(app, member), 'Backend to product: what should I read?');
  await apiReply(await signIn(app, mentor), t.id, 'Start with the support queue, honestly.');
  await apiReply(await signIn(app, member), t.id, 'Thanks, that helps a lot!');
  const detail = (await request(app.url).get(`/api/threads/${t.id}`).expect(200))
    .body as ThreadDetail & { replies: ReplyNode[] };
  const byHandle = new Map(detail.replies.map((r) => [r.author.handle, r.author]));
  expect(byHandle.get(mentor.handle)!.mentor).toEqual({
    switchYear: 2019,
    roleBefore: 'Backend engineer',
  });
  expect(byHandle.get(member.handle)!.mentor).toBeUndefined();
});
