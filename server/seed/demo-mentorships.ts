import type { Db } from '../db';
import { demoThreads } from './demo-content';

/*
 * Mentorships for the demo community, so a first-time visitor sees the flow working: an active
 * mentorship (Devon ↔ Tomás, with its conversation), an open request waiting for Priya, a
 * declined and an expired request of Lin's, and the notifications each of them would have got.
 * Written for this project; the messages are original.
 */

const DAY = 86_400_000;

interface DemoRequest {
  asker: string;
  mentor: string;
  thread?: string;
  daysAgo: number;
  status: 'open' | 'accepted' | 'declined' | 'expired';
  answeredDaysAgo?: number;
  declineReason?: 'no_time' | 'not_my_expertise' | 'better_fit' | 'other';
  declineNote?: string;
  message: string;
}

const requests: DemoRequest[] = [
  {
    asker: 'devon-k',
    mentor: 'tomas_r',
    thread: 'internal-transfer',
    daysAgo: 12,
    status: 'accepted',
    answeredDaysAgo: 11,
    message:
      'Backend engineer at a 600-person logistics scale-up, five years in. My manager supports a move to product but says "show product thinking first". You did exactly this transfer; I would love help turning that advice into a concrete plan for the next two quarters.',
  },
  {
    asker: 'maya_builds',
    mentor: 'priya_pm',
    thread: 'agency-dev',
    daysAgo: 1,
    status: 'open',
    message:
      'Eight years as a web developer at a six-person agency, no PM role in sight. Your path from agency frontend work to startup engineering lead is the one I keep coming back to. Could you help me decide within three months whether to chase a startup lead role, and what evidence to build first?',
  },
  {
    asker: 'lin_qa',
    mentor: 'sam_founder',
    thread: 'qa-to-pm',
    daysAgo: 6,
    status: 'declined',
    answeredDaysAgo: 5,
    declineReason: 'not_my_expertise',
    declineNote:
      'Your question is about resumes and internal moves at a scale-up; Grace or Tomás know that world far better than I do.',
    message:
      'QA automation lead in fintech, seven years. My test plans end up being the spec, but recruiters filter on my title. I would like help rewriting my resume so the product work is visible, and choosing between a product owner role and a PM role.',
  },
  {
    asker: 'lin_qa',
    mentor: 'grace-h',
    thread: 'consulting-pm',
    daysAgo: 10,
    status: 'expired',
    answeredDaysAgo: 3,
    message:
      'I am weighing a consulting PM role as a stepping stone out of QA. You went from an IT services firm to consulting PM and then product lead; I would value an honest view on whether consulting helped or slowed you down.',
  },
];

export async function seedDemoMentorships(trx: Db, now = Date.now()): Promise<void> {
  const users = await trx.selectFrom('users').select(['id', 'handle', 'display_name']).execute();
  const user = (handle: string) => {
    const u = users.find((x) => x.handle === handle);
    if (!u) throw new Error(`demo user ${handle} missing`);
    return u;
  };
  const threads = await trx.selectFrom('threads').select(['id', 'title']).execute();
  const threadId = (key?: string) => {
    const title = demoThreads.find((t) => t.key === key)?.title;
    return threads.find((t) => t.title === title)?.id ?? null;
  };
  const person = (u: { handle: string; display_name: string }) => ({
    handle: u.handle,
    displayName: u.display_name,
  });

  for (const r of requests) {
    const asker = user(r.asker);
    const mentor = user(r.mentor);
    const created = new Date(now - r.daysAgo * DAY);
    const answered =
      r.answeredDaysAgo !== undefined ? new Date(now - r.answeredDaysAgo * DAY) : null;
    const req = await trx
      .insertInto('mentorship_requests')
      .values({
        asker_id: asker.id,
        mentor_id: mentor.id,
        thread_id: threadId(r.thread),
        message: r.message,
        status: r.status,
        decline_reason: r.declineReason ?? null,
        decline_note: r.declineNote ?? null,
        created_at: created,
        expires_at: new Date(created.getTime() + 7 * DAY),
        decided_at: answered,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const event = (kind: string, actor: string | null, at: Date, mentorshipId?: string) =>
      trx
        .insertInto('mentorship_events')
        .values({
          mentor_id: mentor.id,
          request_id: req.id,
          mentorship_id: mentorshipId ?? null,
          actor_id: actor,
          kind,
          created_at: at,
        })
        .execute();
    const notify = (userId: string, kind: string, payload: object, at: Date, read: boolean) =>
      trx
        .insertInto('notifications')
        .values({
          user_id: userId,
          kind,
          payload: JSON.stringify(payload),
          dedupe_key: `${kind}:${req.id}`,
          created_at: at,
          read_at: read ? at : null,
        })
        .execute();

    await event('requested', asker.id, created);
    await notify(
      mentor.id,
      'mentorship_requested',
      { requestId: req.id, asker: person(asker) },
      created,
      r.status !== 'open',
    );

    if (r.status === 'accepted' && answered) {
      const pairKey =
        asker.id < mentor.id ? `${asker.id}:${mentor.id}` : `${mentor.id}:${asker.id}`;
      const conv = await trx
        .insertInto('conversations')
        .values({ kind: 'mentorship', pair_key: pairKey, created_at: answered })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('conversation_participants')
        .values([
          { conversation_id: conv.id, user_id: asker.id, joined_at: answered },
          { conversation_id: conv.id, user_id: mentor.id, joined_at: answered },
        ])
        .execute();
      const ms = await trx
        .insertInto('mentorships')
        .values({
          request_id: req.id,
          asker_id: asker.id,
          mentor_id: mentor.id,
          conversation_id: conv.id,
          started_at: answered,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await event('accepted', mentor.id, answered, ms.id);
      await notify(
        asker.id,
        'mentorship_accepted',
        { requestId: req.id, mentorshipId: ms.id, mentor: person(mentor) },
        answered,
        false,
      );
      await trx
        .insertInto('mentor_match_stats')
        .values({ mentor_id: mentor.id, active_mentees: 1, response_count: 1, response_hours: 24 })
        .onConflict((oc) => oc.column('mentor_id').doUpdateSet({ active_mentees: 1 }))
        .execute();
    }
    if (r.status === 'declined' && answered) {
      await event('declined', mentor.id, answered);
      await notify(
        asker.id,
        'mentorship_declined',
        { requestId: req.id, mentor: person(mentor), reason: r.declineReason },
        answered,
        false,
      );
    }
    if (r.status === 'expired' && answered) {
      await event('expired', null, answered);
      await notify(
        asker.id,
        'mentorship_expired',
        { requestId: req.id, mentor: person(mentor) },
        answered,
        true,
      );
    }
  }

  // Priya was told about Maya's question when it was posted.
  const agency = threadId('agency-dev');
  const priya = user('priya_pm');
  if (agency)
    await trx
      .insertInto('notifications')
      .values({
        user_id: priya.id,
        kind: 'question_match',
        payload: JSON.stringify({
          threadId: agency,
          title: demoThreads.find((t) => t.key === 'agency-dev')!.title,
          asker: person(user('maya_builds')),
          reasons: ['Was a frontend developer at an agency for 6 years'],
        }),
        dedupe_key: `question:${agency}`,
        created_at: new Date(now - 2 * DAY),
      })
      .execute();
}
