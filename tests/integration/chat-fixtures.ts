import type { Db } from '../../server/db';
import { createUser, type TestUser } from '../helpers/auth';
import { goodMessage } from './mentorship-fixtures';

/** An active mentorship between two new members and its conversation, as an accept leaves it. */
export async function createPair(
  db: Db,
): Promise<{ mentor: TestUser; mentee: TestUser; conversationId: string; mentorshipId: string }> {
  const mentor = await createUser(db, { displayName: 'Priya Raman' });
  const mentee = await createUser(db, { displayName: 'Devon Ellis' });
  const req = await db
    .insertInto('mentorship_requests')
    .values({
      asker_id: mentee.id,
      mentor_id: mentor.id,
      message: goodMessage,
      status: 'accepted',
      expires_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const conv = await db
    .insertInto('conversations')
    .values({ kind: 'mentorship', pair_key: [mentor.id, mentee.id].sort().join(':') })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('conversation_participants')
    .values([
      { conversation_id: conv.id, user_id: mentor.id },
      { conversation_id: conv.id, user_id: mentee.id },
    ])
    .execute();
  const m = await db
    .insertInto('mentorships')
    .values({
      request_id: req.id,
      asker_id: mentee.id,
      mentor_id: mentor.id,
      conversation_id: conv.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { mentor, mentee, conversationId: conv.id, mentorshipId: m.id };
}
