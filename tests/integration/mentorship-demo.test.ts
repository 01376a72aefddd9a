import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MentorshipOverview, ThreadMentorPanel } from '../../shared/api/mentorships';
import type { NotificationItem } from '../../shared/api/notifications';
import type { PathSummary } from '../../shared/api/paths';
import type { Page } from '../../shared/api/threads';
import { DEMO_PASSWORD } from '../../server/seed/demo';
import { startTestApp, type TestApp } from '../helpers/app';
import { signIn } from '../helpers/auth';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ seed: true });
});

const demo = (handle: string) => signIn(app, { handle, password: DEMO_PASSWORD });

describe('demo mentorships', () => {
  it('shows a first-time visitor requests in several states and an active mentorship', async () => {
    const priya = await demo('priya_pm');
    const p = (await priya.get('/api/mentorships/overview').expect(200)).body as MentorshipOverview;
    expect(p.openReceived.map((r) => r.asker.handle)).toEqual(['maya_builds']);
    expect(p.openReceived[0]!.can.accept).toBe(true);

    const devon = await demo('devon-k');
    const d = (await devon.get('/api/mentorships/overview').expect(200)).body as MentorshipOverview;
    expect(d.active.map((m) => m.partner.handle)).toEqual(['tomas_r']);
    const bell = (await devon.get('/api/notifications').expect(200)).body as Page<NotificationItem>;
    expect(bell.items[0]!.text).toBe('Tomás Rivera accepted your mentorship request');

    const lin = await demo('lin_qa');
    const sent = (await lin.get('/api/mentorship-requests?box=sent').expect(200)).body;
    expect(sent.items.map((r: { status: string }) => r.status).sort()).toEqual([
      'declined',
      'expired',
    ]);
    expect(
      (await lin.get('/api/notifications/unread-count').expect(200)).body.unread,
    ).toBeGreaterThan(0);

    // Maya's question shows mentors who made her switch.
    const maya = await demo('maya_builds');
    const threadId = p.openReceived[0]!.thread!.id;
    const panel = (await maya.get(`/api/thread-mentors/${threadId}`).expect(200))
      .body as ThreadMentorPanel;
    expect(panel.viewerIsAsker).toBe(true);
    expect(panel.items.length).toBe(3);
    expect(panel.items.find((m) => m.handle === 'priya_pm')?.mine.requestId).toBeTruthy();

    const paths = (await request(app.url).get('/api/paths').expect(200)).body as PathSummary[];
    expect(paths.filter((x) => x.mentorCount > 0).length).toBeGreaterThan(3);
  });
});
