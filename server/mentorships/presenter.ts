import type {
  DeclineReason,
  MentorshipEventItem,
  MentorshipItem,
  PersonRef,
  RequestDetail,
  RequestItem,
  RequestStatus,
} from '../../shared/api/mentorships';
import type { EventRow, MentorshipRow, RequestRow } from './queries';

const iso = (v: Date | string) => new Date(v).toISOString();

const person = (id: string, handle: string, displayName: string): PersonRef => ({
  id,
  handle,
  displayName,
});

/** A request as one of its two people sees it; `now` decides whether it can still be answered. */
export function presentRequest(row: RequestRow, viewerId: string, now: Date): RequestItem {
  const role = row.mentor_id === viewerId ? 'mentor' : 'asker';
  const answerable = row.status === 'open' && new Date(row.expires_at) > now;
  return {
    id: row.id,
    asker: person(row.asker_id, row.asker_handle, row.asker_name),
    mentor: person(row.mentor_id, row.mentor_handle, row.mentor_name),
    role,
    message: row.message,
    status: row.status as RequestStatus,
    declineReason: row.decline_reason as DeclineReason | null,
    declineNote: row.decline_note,
    thread:
      row.thread_id && row.thread_title ? { id: row.thread_id, title: row.thread_title } : null,
    createdAt: iso(row.created_at),
    expiresAt: iso(row.expires_at),
    decidedAt: row.decided_at ? iso(row.decided_at) : null,
    mentorshipId: row.mentorship_id,
    can: {
      accept: role === 'mentor' && answerable,
      decline: role === 'mentor' && answerable,
      withdraw: role === 'asker' && row.status === 'open',
    },
  };
}

export function presentEvent(row: EventRow): MentorshipEventItem {
  return {
    id: String(row.id),
    kind: row.kind,
    actor:
      row.actor_id && row.actor_handle
        ? person(row.actor_id, row.actor_handle, row.actor_name ?? row.actor_handle)
        : null,
    detail: (row.detail ?? {}) as Record<string, unknown>,
    createdAt: iso(row.created_at),
  };
}

export function presentRequestDetail(
  row: RequestRow,
  events: EventRow[],
  viewerId: string,
  now: Date,
): RequestDetail {
  return { ...presentRequest(row, viewerId, now), events: events.map(presentEvent) };
}

export function presentMentorship(row: MentorshipRow, viewerId: string): MentorshipItem {
  const asker = person(row.asker_id, row.asker_handle, row.asker_name);
  const mentor = person(row.mentor_id, row.mentor_handle, row.mentor_name);
  const role = row.mentor_id === viewerId ? 'mentor' : 'asker';
  return {
    id: row.id,
    requestId: row.request_id,
    asker,
    mentor,
    role,
    partner: role === 'mentor' ? asker : mentor,
    status: row.status as MentorshipItem['status'],
    conversationId: row.conversation_id,
    startedAt: iso(row.started_at),
    endedAt: row.ended_at ? iso(row.ended_at) : null,
    endedBy:
      row.ended_by && row.ended_by_handle
        ? person(row.ended_by, row.ended_by_handle, row.ended_by_name ?? row.ended_by_handle)
        : null,
    endFeedback: row.end_feedback,
    can: { end: row.status === 'active' },
  };
}
