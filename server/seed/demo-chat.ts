import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { renderMarkdown } from '../../shared/markdown';
import type { DB } from '../db/types';
import { presentMessage } from '../chat/presenter';

/*
 * Demo chat: a second ongoing mentorship (Maya ↔ Grace) and an original conversation in
 * each active mentorship, with a pinned next step and, for Devon, two unread messages from
 * Tomás — so a first `npm start` shows Messages working. Messages are stored with their
 * conversation's stream sequence numbers, as the live chat would have left them.
 */

const MIN = 60_000;

type Line = [who: 'asker' | 'mentor', minutesAgo: number, text: string, pin?: boolean];

const conversations: Record<
  string,
  { asker: string; mentor: string; lines: Line[]; askerRead: number }
> = {
  devon: {
    asker: 'devon-k',
    mentor: 'tomas_r',
    askerRead: 5, // the last two lines are unread for Devon
    lines: [
      [
        'asker',
        3 * 24 * 60,
        'Thanks for taking this on! My goal: a PM title within a year, ideally at my current company.',
      ],
      [
        'mentor',
        3 * 24 * 60 - 40,
        'Happy to. First thing: write down the product calls you already make as a tech lead — even small ones.',
      ],
      [
        'asker',
        2 * 24 * 60,
        'Started a list. Biggest so far: I argued us out of building our own auth and we shipped a month earlier.',
      ],
      [
        'mentor',
        2 * 24 * 60 - 15,
        'That is a product decision with a measurable outcome. Lead with it.',
      ],
      [
        'mentor',
        2 * 24 * 60 - 14,
        'Next step: **update your CV summary** so it opens with outcomes, not stacks.',
        true,
      ],
      ['mentor', 90, 'Also — ask your PM if you can shadow their Thursday stakeholder review.'],
      ['mentor', 88, 'Bring one question you would have asked as the PM. Tell me how it went.'],
    ],
  },
  maya: {
    asker: 'maya_builds',
    mentor: 'grace-h',
    askerRead: 4,
    lines: [
      [
        'mentor',
        5 * 24 * 60,
        'Hi Maya — I read your post about the onboarding redesign. What part did you own?',
      ],
      [
        'asker',
        5 * 24 * 60 - 30,
        'The research plan and the prototype. Eng owned the build, I owned "is this the right thing".',
      ],
      [
        'mentor',
        4 * 24 * 60,
        'Then you already do discovery. Next step: **shadow the PM standup** for two weeks and take notes on trade-offs.',
        true,
      ],
      ['asker', 4 * 24 * 60 - 60, 'Asked my manager — starting Monday.'],
    ],
  },
};

export async function seedDemoChat(trx: Transaction<DB>, now: number): Promise<void> {
  const at = (minutesAgo: number) => new Date(now - minutesAgo * MIN);
  const users = await trx.selectFrom('users').select(['id', 'handle']).execute();
  const id = (handle: string) => users.find((u) => u.handle === handle)?.id;
  for (const c of Object.values(conversations)) {
    const asker = id(c.asker);
    const mentor = id(c.mentor);
    if (!asker || !mentor) continue;
    let conv = await trx
      .selectFrom('mentorships')
      .select('conversation_id')
      .where('asker_id', '=', asker)
      .where('mentor_id', '=', mentor)
      .where('status', '=', 'active')
      .executeTakeFirst();
    const started = at(c.lines[0]![1] + 60);
    if (!conv) {
      const req = await trx
        .insertInto('mentorship_requests')
        .values({
          asker_id: asker,
          mentor_id: mentor,
          message: 'I would love a mentor who made the move from design-adjacent work into PM.',
          status: 'accepted',
          created_at: at(c.lines[0]![1] + 24 * 60),
          expires_at: at(c.lines[0]![1] - 6 * 24 * 60),
          decided_at: started,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const pairKey = asker < mentor ? `${asker}:${mentor}` : `${mentor}:${asker}`;
      const created = await trx
        .insertInto('conversations')
        .values({ kind: 'mentorship', pair_key: pairKey, created_at: started })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('conversation_participants')
        .values([
          { conversation_id: created.id, user_id: asker, joined_at: started },
          { conversation_id: created.id, user_id: mentor, joined_at: started },
        ])
        .execute();
      await trx
        .insertInto('mentorships')
        .values({
          request_id: req.id,
          asker_id: asker,
          mentor_id: mentor,
          conversation_id: created.id,
          started_at: started,
        })
        .execute();
      conv = { conversation_id: created.id };
    }
    const cid = conv.conversation_id;
    const rows = c.lines.map(([who, ago, text, pin], i) => ({
      id: randomUUID(),
      conversation_id: cid,
      seq: i + 1,
      sender_id: who === 'asker' ? asker : mentor,
      body_md: text,
      body_html: renderMarkdown(text),
      created_at: at(ago),
      pinned_at: pin ? at(ago - 1) : null,
      pinned_by: pin ? asker : null,
    }));
    await trx.insertInto('chat_messages').values(rows).execute();
    await trx
      .insertInto('thread_events')
      .values(
        rows.map((r) => ({
          thread_id: cid,
          seq: r.seq,
          type: 'message.created',
          payload: JSON.stringify({
            type: 'message.created',
            message: presentMessage({
              ...r,
              seq: String(r.seq),
              edited_at: null,
              deleted_at: null,
              done_at: null,
              done_by: null,
            }),
          }),
          created_at: r.created_at,
        })),
      )
      .execute();
    await trx
      .insertInto('thread_event_counters')
      .values({ thread_id: cid, last_seq: rows.length })
      .execute();
    await trx
      .updateTable('conversations')
      .set({ last_message_at: rows.at(-1)!.created_at })
      .where('id', '=', cid)
      .execute();
    await trx
      .updateTable('conversation_participants')
      .set({ last_read_seq: c.askerRead })
      .where('conversation_id', '=', cid)
      .where('user_id', '=', asker)
      .execute();
    await trx
      .updateTable('conversation_participants')
      .set({ last_read_seq: rows.length, emailed_seq: rows.length })
      .where('conversation_id', '=', cid)
      .where('user_id', '=', mentor)
      .execute();
  }
}
