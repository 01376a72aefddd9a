import { describe, expect, it } from 'vitest';
import type { Viewer } from '../../server/auth/viewer';
import { presentReply } from '../../server/replies/tree';
import type { ReplyRow } from '../../server/replies/queries';
import { publicReply, publicThread } from '../../server/realtime/public';
import { presentThread } from '../../server/threads/presenter';
import type { ThreadRow } from '../../server/threads/thread-queries';

/**
 * A broadcast must show exactly what the forum's presenters show an anonymous reader,
 * whoever caused it (the author sees their markdown, a moderator a hidden body).
 */
const author: Viewer = {
  id: '00000000-0000-4000-8000-000000000001',
  handle: 'ada',
  displayName: 'Ada',
  role: 'member',
  createdAt: new Date('2026-01-01'),
  emailVerified: true,
};
const moderator: Viewer = {
  ...author,
  id: '00000000-0000-4000-8000-000000000002',
  role: 'moderator',
};
const at = new Date('2026-11-25T10:00:00Z');
const policy = (viewer: Viewer | null) => ({ viewer, now: at, editWindowHours: 24 });
const states = {
  visible: { deleted_at: null, hidden_at: null },
  hidden: { deleted_at: null, hidden_at: at },
  deleted: { deleted_at: at, hidden_at: null },
};

const replyRow = (s: keyof typeof states, viewer: Viewer | null): ReplyRow => ({
  id: '00000000-0000-4000-8000-0000000000aa',
  parent_id: null,
  path: '000000000001',
  depth: 0,
  body_html: '<p>the body</p>',
  points: 3,
  helpful_at: at,
  created_at: at,
  edited_at: null,
  updated_at: new Date('2026-11-25T10:00:00Z'),
  ...states[s],
  revision_count: 0,
  author_id: author.id,
  author_handle: 'ada',
  author_display_name: 'Ada',
  author_deleted_at: null,
  author_imported: false,
  author_mentor_role_before: null,
  author_mentor_switch_year: null,
  viewer_voted: !!viewer,
  body_md: viewer?.id === author.id ? 'the body' : null,
});

const threadRow = (s: keyof typeof states, viewer: Viewer | null) =>
  ({
    id: '00000000-0000-4000-8000-0000000000bb',
    title: 'How do I move into product?',
    body_md: 'the **question**',
    body_html: '<p>the <strong>question</strong></p>',
    tags: ['career-switch'],
    points: 2,
    reply_count: 1,
    helpful_count: 0,
    follower_count: 1,
    revision_count: 0,
    locked_at: null,
    ...states[s],
    hidden_reason: null,
    created_at: at,
    edited_at: null,
    updated_at: new Date('2026-11-25T10:00:00Z'),
    last_activity_at: new Date('2026-11-25T10:00:00Z'),
    author_id: author.id,
    author_handle: 'ada',
    author_display_name: 'Ada',
    author_deleted_at: null,
    author_imported: false,
    viewer_voted: !!viewer,
    viewer_following: !!viewer,
  }) as unknown as ThreadRow;

const facts = {
  authorId: author.id,
  createdAt: at,
  deletedAt: null,
  hiddenAt: null,
  lockedAt: null,
};

describe('broadcast payloads equal the anonymous presentation', () => {
  for (const s of ['visible', 'hidden', 'deleted'] as const)
    for (const actor of [author, moderator]) {
      it(`reply, ${s}, written by the ${actor.role === 'member' ? 'author' : 'moderator'}`, () => {
        const opts = { threadId: 't', thread: facts };
        const asActor = presentReply(replyRow(s, actor), { ...opts, policy: policy(actor) }, 0, 0);
        const asAnon = presentReply(replyRow(s, null), { ...opts, policy: policy(null) }, 0, 0);
        expect(publicReply(asActor)).toEqual(asAnon);
      });

      it(`thread, ${s}, written by the ${actor.role === 'member' ? 'author' : 'moderator'}`, () => {
        const { viewer: _v, ...anon } = presentThread(threadRow(s, null), policy(null));
        expect(publicThread(presentThread(threadRow(s, actor), policy(actor)))).toEqual(anon);
      });
    }
});
