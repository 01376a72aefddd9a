import type {
  MentorshipItem,
  MentorshipListQuery,
  MentorshipOverview,
  RequestDetail,
  RequestItem,
  RequestListQuery,
} from '../../shared/api/mentorships';
import { MESSAGE_MAX, MESSAGE_MIN } from '../../shared/api/mentorships';
import type { Page } from '../../shared/api/threads';
import type { Viewer } from '../auth/viewer';
import type { AppContext } from '../context';
import { afterKey, pageOf } from '../lib/paging';
import { ownRow } from './policy';
import { presentMentorship, presentRequest, presentRequestDetail } from './presenter';
import * as q from './queries';

const sortKey = (r: { sort_key: string }) => r.sort_key;

/** Everything /mentorships shows first: active pairs, open requests both ways, pause state. */
export async function overview(
  ctx: AppContext,
  viewer: Viewer,
  now = new Date(),
): Promise<MentorshipOverview> {
  const { db, config } = ctx;
  // Open lists are short by construction (3 sent at most; received bounded by expiry).
  const [active, openSent, openReceived, mentor] = await Promise.all([
    q.listMentorships(db, { userId: viewer.id, status: 'active', limit: 100 }),
    q.listRequests(db, { userId: viewer.id, box: 'sent', status: 'open', limit: 50 }),
    q.listRequests(db, { userId: viewer.id, box: 'received', status: 'open', limit: 50 }),
    q.mentorState(db, viewer.id),
  ]);
  const activeMentees = active.filter((m) => m.mentor_id === viewer.id).length;
  const paused = !!mentor && mentor.capacity === 0;
  const autoPaused = paused && !!mentor.paused_at && !mentor.resumed_at;
  return {
    active: active.map((r) => presentMentorship(r, viewer.id)),
    openSent: openSent.map((r) => presentRequest(r, viewer.id, now)),
    openReceived: openReceived.map((r) => presentRequest(r, viewer.id, now)),
    mentor: mentor
      ? {
          capacity: mentor.capacity,
          activeMentees,
          pause: {
            paused,
            reason: autoPaused
              ? (mentor.pause_reason as 'expired_requests' | 'manual')
              : paused
                ? 'manual'
                : null,
            pausedAt:
              autoPaused && mentor.paused_at ? new Date(mentor.paused_at).toISOString() : null,
            capacityBefore: autoPaused ? mentor.capacity_before : null,
          },
        }
      : null,
    limits: {
      maxOpenRequests: config.MENTORSHIP_MAX_OPEN_REQUESTS,
      messageMin: MESSAGE_MIN,
      messageMax: MESSAGE_MAX,
      ttlDays: config.MENTORSHIP_REQUEST_TTL_DAYS,
    },
  };
}

export async function requestPage(
  ctx: AppContext,
  viewer: Viewer,
  query: RequestListQuery,
  now = new Date(),
): Promise<Page<RequestItem>> {
  const rows = await q.listRequests(ctx.db, {
    userId: viewer.id,
    box: query.box,
    limit: query.limit + 1,
    after: afterKey(query.cursor),
  });
  return pageOf(rows, query.limit, sortKey, (r) => presentRequest(r, viewer.id, now));
}

export async function mentorshipPage(
  ctx: AppContext,
  viewer: Viewer,
  query: MentorshipListQuery,
): Promise<Page<MentorshipItem>> {
  const rows = await q.listMentorships(ctx.db, {
    userId: viewer.id,
    status: query.status,
    limit: query.limit + 1,
    after: afterKey(query.cursor),
  });
  return pageOf(rows, query.limit, sortKey, (r) => presentMentorship(r, viewer.id));
}

export async function requestDetail(
  ctx: AppContext,
  viewer: Viewer,
  id: string,
  now = new Date(),
): Promise<RequestDetail> {
  const row = ownRow(await q.findRequest(ctx.db, id), viewer, 'That mentorship request');
  const events = await q.requestEvents(ctx.db, row.id, row.mentorship_id);
  return presentRequestDetail(row, events, viewer.id, now);
}
