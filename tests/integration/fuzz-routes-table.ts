/**
 * What the route fuzz (fuzz-routes.test.ts) knows about each route beyond what the router
 * tells it: valid path parameters (so a hostile body reaches the body's validation), the
 * schemas a route parses (their fields are fuzzed one by one) and a valid body to fuzz from.
 * A route missing here is still fuzzed: its path parameters, the generic query names and
 * whole-body mistakes.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import {
  changePasswordInput,
  deleteAccountInput,
  resetConfirmInput,
  resetRequestInput,
  signInInput,
  signUpInput,
  tokenInput,
} from '../../shared/api/auth';
import * as chat from '../../shared/api/chat';
import {
  createRequestInput,
  declineInput,
  directoryQuery,
  endInput,
  mentorshipListQuery,
  requestListQuery,
} from '../../shared/api/mentorships';
import {
  auditQuery,
  chatReportsQuery,
  flagInput,
  queueQuery,
  reasonInput,
  suspendInput,
  targetInput,
} from '../../shared/api/moderation';
import { settingsInput as notificationSettingsInput } from '../../shared/api/notification-settings';
import { markReadInput, notificationListQuery } from '../../shared/api/notifications';
import { userPostsQuery } from '../../shared/api/user-posts';
import {
  askerProfileInput,
  mentorListQuery,
  mentorProfileInput,
  profileBasicsInput,
} from '../../shared/api/profiles';
import { searchQuery } from '../../shared/api/search';
import {
  createReplyInput,
  createThreadInput,
  editReplyInput,
  editThreadInput,
  suggestQuery,
  threadDetailQuery,
  threadListQuery,
} from '../../shared/api/threads';
import { matchListQuery } from '../../shared/matching/api';
import { DEFAULT_PASSWORD, type TestUser } from '../helpers/auth';
import { goodMessage, mentorStory } from './mentorship-fixtures';

/** The rows the fuzz points valid path parameters at (made in the test's beforeAll). */
export interface Fixtures {
  member: TestUser;
  /** Another member: author of otherThreadId / otherReplyId, the moderators' suspend target. */
  other: TestUser;
  mentor: TestUser;
  blockable: TestUser;
  /** The member's question and a reply to it: what reads, edits and deletes point at. */
  threadId: string;
  replyId: string;
  /** Where fuzzed replies land (under one reply), so the thread read above stays small. */
  busyThreadId: string;
  busyReplyId: string;
  otherThreadId: string;
  otherReplyId: string;
  modThreadId: string;
  conversationId: string;
  messageId: string;
  otherMessageId: string;
  requestId: string;
  mentorshipId: string;
}

export type Staff = 'moderator' | 'admin';

export interface RouteSpec {
  params?: (fx: Fixtures) => Record<string, string>;
  /** The query schema the route parses (its keys are fuzzed) or the names it reads. */
  query?: z.ZodType | readonly string[];
  /**
   * Query values sent along, so the fuzzed one is the only mistake; with several, the cursor
   * is fuzzed with each (a cursor means something else in every sort).
   */
  baseQuery?: Record<string, string> | Record<string, string>[];
  body?: z.ZodType;
  /** A valid body: each field (nested ones too) is replaced by a hostile value in turn. */
  base?: (fx: Fixtures, self: TestUser) => Record<string, unknown>;
  /** Also fuzzed as this role (moderation, admin pages). */
  staff?: Staff;
  /** Fuzzed by a member of its own: the route may end or change the session. */
  ownUser?: true;
  /** Fuzzed after every other route: it may delete what they use (DELETEs always are). */
  last?: true;
}

const thread = (fx: Fixtures) => ({ id: fx.threadId });
const reply = (fx: Fixtures) => ({ id: fx.replyId });
const conversation = (fx: Fixtures) => ({ id: fx.conversationId });
const ownMessage = (fx: Fixtures) => ({ id: fx.conversationId, mid: fx.messageId });
const newPassword = 'a long enough new password';
const fakeToken = 'A'.repeat(32);

export const routeSpecs: Record<string, RouteSpec> = {
  // ------------------------------------------------------------ auth and account
  'GET /api/session': {},
  'POST /api/auth/sign-up': {
    body: signUpInput,
    base: () => {
      const n = randomUUID().slice(0, 8);
      return {
        email: `fuzz-${n}@example.test`,
        handle: `fuzz_${n}`,
        displayName: 'Fuzz',
        password: newPassword,
      };
    },
  },
  'POST /api/auth/sign-in': {
    ownUser: true,
    body: signInInput,
    base: (_fx, self) => ({ login: self.handle, password: DEFAULT_PASSWORD }),
  },
  'POST /api/auth/sign-out': { ownUser: true },
  'POST /api/auth/verify-email': { body: tokenInput, base: () => ({ token: fakeToken }) },
  'POST /api/auth/verify-email/resend': {},
  'POST /api/auth/password-reset': {
    body: resetRequestInput,
    base: () => ({ email: 'nobody@example.test' }),
  },
  'POST /api/auth/password-reset/confirm': {
    body: resetConfirmInput,
    base: () => ({ token: fakeToken, password: newPassword }),
  },
  'GET /api/account': {},
  'POST /api/account/password': {
    ownUser: true,
    body: changePasswordInput,
    base: () => ({ currentPassword: DEFAULT_PASSWORD, newPassword }),
  },
  'GET /api/account/sessions': {},
  'DELETE /api/account/sessions/:id': { params: () => ({ id: 'abcdefgh12345678' }) },
  'DELETE /api/account/sessions': {},
  'GET /api/me/export': {},
  'POST /api/account/delete': {
    ownUser: true,
    last: true,
    body: deleteAccountInput,
    base: () => ({ password: DEFAULT_PASSWORD, confirm: 'delete my account' }),
  },

  // ------------------------------------------------------------ forum
  'GET /api/threads': {
    query: threadListQuery,
    baseQuery: [{}, { sort: 'new' }, { sort: 'top', period: 'all' }, { sort: 'unanswered' }],
  },
  'POST /api/threads': {
    body: createThreadInput,
    base: () => ({
      id: randomUUID(),
      title: 'A fuzzed question about switching',
      body: 'How did you move from engineering to product?',
      tags: ['career-switch'],
    }),
  },
  'GET /api/threads/:id': {
    params: thread,
    query: [...Object.keys(threadDetailQuery.shape), 'view'],
    staff: 'moderator',
  },
  'GET /api/threads/:id/viewer': { params: thread },
  'PATCH /api/threads/:id': {
    params: thread,
    body: editThreadInput,
    base: () => ({
      title: 'An edited question title',
      body: 'An edited body.',
      tags: ['career-switch'],
    }),
  },
  'DELETE /api/threads/:id': { params: thread },
  'GET /api/threads/:id/revisions': { params: thread },
  'PUT /api/threads/:id/vote': { params: (fx) => ({ id: fx.otherThreadId }) },
  'DELETE /api/threads/:id/vote': { params: (fx) => ({ id: fx.otherThreadId }) },
  'PUT /api/threads/:id/follow': { params: (fx) => ({ id: fx.otherThreadId }) },
  'DELETE /api/threads/:id/follow': { params: (fx) => ({ id: fx.otherThreadId }) },
  'POST /api/threads/:id/replies': {
    params: (fx) => ({ id: fx.busyThreadId }),
    body: createReplyInput,
    base: (fx) => ({ id: randomUUID(), parentId: fx.busyReplyId, body: 'A fuzzed reply.' }),
  },
  'GET /api/threads/:id/replies/:replyId': {
    params: (fx) => ({ id: fx.threadId, replyId: fx.replyId }),
    query: threadDetailQuery,
  },
  'GET /api/replies/:id': { params: reply },
  'PATCH /api/replies/:id': {
    params: reply,
    body: editReplyInput,
    base: () => ({ body: 'An edited reply.' }),
  },
  'DELETE /api/replies/:id': { params: reply },
  'GET /api/replies/:id/revisions': { params: reply },
  'PUT /api/replies/:id/vote': { params: (fx) => ({ id: fx.otherReplyId }) },
  'DELETE /api/replies/:id/vote': { params: (fx) => ({ id: fx.otherReplyId }) },
  'PUT /api/replies/:id/helpful': { params: (fx) => ({ id: fx.otherReplyId }) },
  'DELETE /api/replies/:id/helpful': { params: (fx) => ({ id: fx.otherReplyId }) },
  'GET /api/search': { query: searchQuery, baseQuery: { q: 'product' } },
  'GET /api/tags': { query: suggestQuery },
  'GET /api/tags/:tag/follow': { params: () => ({ tag: 'career-switch' }) },
  'POST /api/tags/:tag/follow': { params: () => ({ tag: 'career-switch' }) },
  'DELETE /api/tags/:tag/follow': { params: () => ({ tag: 'career-switch' }) },
  'GET /api/users/suggest': { query: suggestQuery },

  // ------------------------------------------------------------ moderation
  'POST /api/flags': {
    body: flagInput,
    base: (fx) => ({
      targetType: 'thread',
      targetId: fx.otherThreadId,
      reason: 'other',
      note: 'Looks like spam',
    }),
  },
  'GET /api/moderation/flags': { query: queueQuery, staff: 'moderator' },
  'GET /api/moderation/chat-reports': { query: chatReportsQuery, staff: 'moderator' },
  'POST /api/moderation/chat-reports/:id/resolve': {
    staff: 'moderator',
    params: (fx) => ({ id: fx.otherMessageId }),
    body: reasonInput,
    base: () => ({ reason: 'Fuzz' }),
  },
  ...Object.fromEntries(
    ['dismiss', 'hide', 'restore'].map((action) => [
      `POST /api/moderation/${action === 'dismiss' ? 'flags/dismiss' : action}`,
      {
        staff: 'moderator',
        body: targetInput,
        base: (fx: Fixtures) => ({
          targetType: 'thread',
          targetId: fx.modThreadId,
          reason: 'Fuzz',
        }),
      } satisfies RouteSpec,
    ]),
  ),
  ...Object.fromEntries(
    ['lock', 'unlock'].map((action) => [
      `POST /api/moderation/threads/:id/${action}`,
      {
        staff: 'moderator',
        params: (fx: Fixtures) => ({ id: fx.modThreadId }),
        body: reasonInput,
        base: () => ({ reason: 'Fuzz' }),
      } satisfies RouteSpec,
    ]),
  ),
  'POST /api/moderation/users/:id/suspend': {
    staff: 'moderator',
    params: (fx) => ({ id: fx.other.id }),
    body: suspendInput,
    base: () => ({ days: 1, reason: 'Fuzz' }),
  },
  'POST /api/moderation/users/:id/unsuspend': {
    staff: 'moderator',
    params: (fx) => ({ id: fx.other.id }),
    body: reasonInput,
    base: () => ({ reason: 'Fuzz' }),
  },
  'GET /api/moderation/audit': { query: auditQuery, staff: 'moderator' },

  // ------------------------------------------------------------ profiles
  'GET /api/users/:handle': { params: (fx) => ({ handle: fx.member.handle }) },
  'GET /api/users/:handle/questions': {
    params: (fx) => ({ handle: fx.member.handle }),
    query: userPostsQuery,
  },
  'GET /api/users/:handle/replies': {
    params: (fx) => ({ handle: fx.member.handle }),
    query: userPostsQuery,
  },
  'GET /api/mentors': { query: mentorListQuery },
  'GET /api/me/profile': {},
  'PATCH /api/me/profile': {
    body: profileBasicsInput,
    base: () => ({ displayName: 'Fuzz Member', bio: 'A bio.' }),
  },
  'PUT /api/me/asker-profile': {
    body: askerProfileInput,
    base: () => ({
      currentRole: 'Web developer',
      currentRoleFamily: 'frontend',
      yearsOfExperience: 8,
      companyType: 'agency',
      companySize: '11-50',
      industries: ['e-commerce'],
      pathsWeighed: ['startup-eng-lead'],
      constraints: 'None.',
      timeZone: 'Europe/London',
      languages: ['en'],
      focus: ['choosing-path'],
      goals: 'Become a PM.',
    }),
  },
  'DELETE /api/me/asker-profile': {},
  'PUT /api/me/mentor-profile': { body: mentorProfileInput, base: () => ({ ...mentorStory() }) },
  'DELETE /api/me/mentor-profile': {},

  // ------------------------------------------------------------ mentorships
  'GET /api/thread-mentors/:threadId': { params: (fx) => ({ threadId: fx.threadId }) },
  'GET /api/mentor-directory': { query: directoryQuery },
  'POST /api/mentorship-requests': {
    body: createRequestInput,
    base: (fx) => ({ mentor: fx.mentor.handle, message: goodMessage, threadId: fx.threadId }),
  },
  'GET /api/mentorship-requests': {
    query: requestListQuery,
    baseQuery: [{ box: 'sent' }, { box: 'received' }],
  },
  'GET /api/mentorship-requests/:id': { params: (fx) => ({ id: fx.requestId }) },
  'POST /api/mentorship-requests/:id/accept': { params: (fx) => ({ id: fx.requestId }) },
  'POST /api/mentorship-requests/:id/decline': {
    params: (fx) => ({ id: fx.requestId }),
    body: declineInput,
    base: () => ({ reason: 'other', note: 'Not now.' }),
  },
  'POST /api/mentorship-requests/:id/withdraw': {
    params: (fx) => ({ id: fx.requestId }),
    last: true,
  },
  'GET /api/mentorships/overview': {},
  'GET /api/mentorships': {
    query: mentorshipListQuery,
    baseQuery: [{}, { status: 'active' }],
  },
  'POST /api/mentorships/resume': {},
  'POST /api/mentorships/:id/end': {
    params: (fx) => ({ id: fx.mentorshipId }),
    body: endInput,
    base: () => ({ feedback: 'Thank you.' }),
    last: true,
  },

  // ------------------------------------------------------------ notifications, paths, matching
  'GET /api/notifications': { query: notificationListQuery },
  'GET /api/notifications/unread-count': {},
  'POST /api/notifications/read': { body: markReadInput, base: () => ({ ids: ['1'] }) },
  'GET /api/admin/email': { staff: 'admin' },
  'GET /api/me/notification-settings': {},
  'PUT /api/me/notification-settings': {
    body: notificationSettingsInput,
    base: () => ({
      channels: { mention: 'app' },
      digest: { frequency: 'daily', hour: 8, weekday: 1 },
      timeZone: 'Europe/Berlin',
    }),
  },
  'GET /api/paths': {},
  'GET /api/paths/:pathId': { params: () => ({ pathId: 'startup-eng-lead' }) },
  'GET /api/matches': { query: matchListQuery },
  'PUT /api/matches/blocked/:mentorId': { params: (fx) => ({ mentorId: fx.blockable.id }) },
  'DELETE /api/matches/blocked/:mentorId': { params: (fx) => ({ mentorId: fx.blockable.id }) },

  // ------------------------------------------------------------ chat
  'GET /api/conversations': { query: chat.conversationListQuery },
  'GET /api/conversations/unread': {},
  'GET /api/conversations/:id': { params: conversation },
  'GET /api/conversations/:id/messages': {
    params: conversation,
    query: chat.messagePageQuery,
  },
  'POST /api/conversations/:id/messages': {
    params: conversation,
    body: chat.sendInput,
    base: () => ({ id: randomUUID(), body: 'A fuzzed message.' }),
  },
  'PATCH /api/conversations/:id/messages/:mid': {
    params: ownMessage,
    body: chat.editInput,
    base: () => ({ body: 'An edited message.' }),
  },
  'DELETE /api/conversations/:id/messages/:mid': { params: ownMessage },
  'PUT /api/conversations/:id/messages/:mid/pin': {
    params: ownMessage,
    body: chat.pinInput,
    base: () => ({ pinned: true }),
  },
  'PUT /api/conversations/:id/messages/:mid/done': {
    params: ownMessage,
    body: chat.doneInput,
    base: () => ({ done: true }),
  },
  'POST /api/conversations/:id/messages/:mid/report': {
    params: (fx) => ({ id: fx.conversationId, mid: fx.otherMessageId }),
    body: chat.reportInput,
    base: () => ({ reason: 'other', note: 'Fuzz.' }),
  },
  'POST /api/conversations/:id/read': {
    params: conversation,
    body: chat.readInput,
    base: () => ({ seq: 1 }),
  },
  'GET /api/chat/settings': {},
  'PUT /api/chat/settings': { body: chat.settingsInput, base: () => ({ emailUnread: true }) },

  // ------------------------------------------------------------ outside /api
  'GET /unsubscribe': { query: ['token'] },
  'POST /unsubscribe': { query: ['token'] },
  'GET /dev/mail.css': { staff: 'admin' },
  'GET /dev/mail': { staff: 'admin' },
  'GET /dev/mail/:id': { staff: 'admin', params: () => ({ id: randomUUID() }) },
  'GET /dev/mail/:id/html': { staff: 'admin', params: () => ({ id: randomUUID() }) },
  'GET /dev/mail/:id/raw': { staff: 'admin', params: () => ({ id: randomUUID() }) },
};

/** Query names every GET route is tried with, whatever it reads. */
export const genericQueryNames = ['cursor', 'q', 'limit', 'sort', 'tag'];
