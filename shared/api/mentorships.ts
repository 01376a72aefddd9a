/**
 * Mentorship requests and mentorships: the API contract. Every path is under /api.
 *
 *   POST /mentorship-requests              createRequestInput -> 201 RequestItem
 *   GET  /mentorship-requests?box=sent|received&cursor&limit  -> Page<RequestItem> (newest first)
 *   GET  /mentorship-requests/:id                             -> RequestDetail (with its timeline)
 *   POST /mentorship-requests/:id/accept                      -> 200 MentorshipItem (409 when full)
 *   POST /mentorship-requests/:id/decline  declineInput       -> 200 RequestItem
 *   POST /mentorship-requests/:id/withdraw                    -> 200 RequestItem (asker)
 *   GET  /mentorships/overview                                -> MentorshipOverview
 *   GET  /mentorships?status=active|ended&cursor&limit        -> Page<MentorshipItem>
 *   POST /mentorships/:id/end              endInput           -> 200 MentorshipItem
 *   POST /mentorships/resume                                  -> 200 MentorshipOverview (a paused mentor)
 *
 * Errors name the problem: `mentor: ...` (unknown, paused, yourself, no mentor profile),
 * `message: must be 50-2000 characters`, 409 conflict for the open-request cap, a duplicate
 * open request, a full mentor, or a request that is no longer open.
 */
import { z } from 'zod';
import type { MatchResult } from '../matching/types';
import {
  careerPathIds,
  companyTypeIds,
  roleFamilyIds,
  type CareerPathId,
  type CompanyTypeId,
} from '../taxonomy';
import { pageCursor, pageLimit } from './paging';

export const MESSAGE_MIN = 50;
export const MESSAGE_MAX = 2000;
export const FEEDBACK_MAX = 2000;
export const DECLINE_NOTE_MAX = 500;

export const declineReasons = [
  { id: 'no_time', label: 'No time right now' },
  { id: 'not_my_expertise', label: 'Not my expertise' },
  { id: 'better_fit', label: 'Another mentor fits better' },
  { id: 'other', label: 'Other' },
] as const;
export type DeclineReason = (typeof declineReasons)[number]['id'];
export const declineReasonIds = declineReasons.map((r) => r.id) as [
  DeclineReason,
  ...DeclineReason[],
];
export const declineReasonLabel = (id: string) =>
  declineReasons.find((r) => r.id === id)?.label ?? id;

const messageText = z
  .string({ message: 'is required' })
  .trim()
  .min(1, { message: 'is required' })
  .refine((s) => s.length >= MESSAGE_MIN && s.length <= MESSAGE_MAX, {
    error: (iss) =>
      `must be ${MESSAGE_MIN}-${MESSAGE_MAX} characters (yours has ${String(iss.input).trim().length}): say where you are now and what you want help with`,
  });

export const createRequestInput = z.object({
  /** The mentor's handle. */
  mentor: z
    .string({ message: 'is required: the handle of the mentor you are asking' })
    .trim()
    .min(1, { message: 'is required: the handle of the mentor you are asking' })
    .max(64, { message: 'is not a known mentor handle' }),
  message: messageText,
  /** The question this request comes from, when it does. */
  threadId: z.uuid({ message: 'must be a question id' }).optional(),
});
export type CreateRequestInput = z.input<typeof createRequestInput>;

export const declineInput = z.object({
  reason: z.enum(declineReasonIds, {
    message: 'pick one: no time now, not my expertise, another mentor fits better, or other',
  }),
  note: z
    .string({ message: 'must be text' })
    .trim()
    .max(DECLINE_NOTE_MAX, { message: `must be at most ${DECLINE_NOTE_MAX} characters` })
    .optional(),
});
export type DeclineInput = z.input<typeof declineInput>;

export const endInput = z.object({
  feedback: z
    .string({ message: 'must be text' })
    .trim()
    .max(FEEDBACK_MAX, { message: `must be at most ${FEEDBACK_MAX} characters` })
    .optional(),
});
export type EndInput = z.input<typeof endInput>;

const limit = pageLimit(50, 20);
const cursor = pageCursor(300);

export const requestListQuery = z.object({
  box: z.enum(['sent', 'received'], { message: 'must be sent or received' }),
  cursor,
  limit,
});
export type RequestListQuery = z.infer<typeof requestListQuery>;

export const mentorshipListQuery = z.object({
  status: z.enum(['active', 'ended'], { message: 'must be active or ended' }).default('ended'),
  cursor,
  limit,
});
export type MentorshipListQuery = z.infer<typeof mentorshipListQuery>;

// ---- Response shapes -------------------------------------------------------------------

export type RequestStatus = 'open' | 'accepted' | 'declined' | 'expired' | 'withdrawn';
export type MentorshipStatus = 'active' | 'ended';

/** Another person as a mentorship shows them: never an email address. */
export interface PersonRef {
  id: string;
  handle: string;
  displayName: string;
}

export interface RequestItem {
  id: string;
  asker: PersonRef;
  mentor: PersonRef;
  /** Which side the viewer is on. */
  role: 'asker' | 'mentor';
  message: string;
  status: RequestStatus;
  declineReason: DeclineReason | null;
  declineNote: string | null;
  thread: { id: string; title: string } | null;
  createdAt: string;
  expiresAt: string;
  decidedAt: string | null;
  mentorshipId: string | null;
  /** What the viewer may do now, so the UI shows only working buttons. */
  can: { accept: boolean; decline: boolean; withdraw: boolean };
}

export interface MentorshipEventItem {
  id: string;
  kind: string;
  actor: PersonRef | null;
  detail: Record<string, unknown>;
  createdAt: string;
}

export interface RequestDetail extends RequestItem {
  events: MentorshipEventItem[];
}

export interface MentorshipItem {
  id: string;
  requestId: string;
  asker: PersonRef;
  mentor: PersonRef;
  role: 'asker' | 'mentor';
  /** The other person. */
  partner: PersonRef;
  status: MentorshipStatus;
  conversationId: string;
  startedAt: string;
  endedAt: string | null;
  endedBy: PersonRef | null;
  /** Only the two participants ever see it. */
  endFeedback: string | null;
  can: { end: boolean };
}

export interface PauseInfo {
  paused: boolean;
  reason: 'expired_requests' | 'manual' | null;
  pausedAt: string | null;
  /** Capacity restored by "resume". */
  capacityBefore: number | null;
}

export interface MentorshipOverview {
  active: MentorshipItem[];
  openSent: RequestItem[];
  openReceived: RequestItem[];
  /** Present when the viewer has a mentor profile. */
  mentor: {
    capacity: number;
    activeMentees: number;
    pause: PauseInfo;
  } | null;
  limits: { maxOpenRequests: number; messageMin: number; messageMax: number; ttlDays: number };
}

// ---- Where matching shows ---------------------------------------------------------------
//
//   GET /thread-mentors/:threadId        -> ThreadMentorPanel ("PMs who made this switch")
//   GET /mentor-directory?…filters       -> DirectoryPage (Find a mentor)

/** A mentor as the panel and the directory show them: story basics, never contact details. */
export interface MentorCard {
  id: string;
  handle: string;
  displayName: string;
  headline: string;
  roleBefore: string;
  roleNow: string;
  pathTaken: CareerPathId;
  switchYear: number;
  monthsToSwitch: number;
  companyTypeBefore: CompanyTypeId;
  industries: string[];
  timeZone: string;
  languages: string[];
  capacity: number;
  openSeats: number;
  lastActiveAt: string;
}

export type Fit = Pick<MatchResult, 'score' | 'fit' | 'reasons' | 'factors' | 'overlapHours'>;

export interface PanelMatch extends MentorCard {
  match: Fit;
  /** The viewer's own open request or active mentorship with this mentor, if any. */
  mine: { requestId: string | null; mentorshipId: string | null };
}

export interface ThreadMentorPanel {
  threadId: string;
  /** The viewer posted this question: the panel is "PMs who made this switch". */
  viewerIsAsker: boolean;
  /**
   * The question's author has an asker profile. Without one, matches rest on the question's
   * words alone: the panel says what is missing and shows no fit percentages.
   */
  askerHasProfile: boolean;
  /** The asker's first name, as reasons speak of them to others (null: account deleted). */
  askerName: string | null;
  /** Signed-in viewer has an asker profile of their own (null for visitors). */
  viewerHasAskerProfile: boolean | null;
  /** The viewer may send a request now (signed in, asker, under the open-request cap). */
  canRequest: boolean;
  openRequests: number;
  maxOpenRequests: number;
  /**
   * Only mentors who match the asker's switch (issue 13, principle 7), best first: at most
   * `limit`, fewer when fewer match — never padded with mentors who do not.
   */
  items: PanelMatch[];
  /** The most the panel shows; fewer items means only that many mentors match so far. */
  limit: number;
  /** Career paths this question's tags are about (links to /paths/:pathId). */
  paths: { id: CareerPathId; label: string }[];
}

const optionalFlag = z.enum(['true', 'false'], { message: 'must be true or false' }).optional();

export const directoryQuery = z.object({
  path: z.enum(careerPathIds, { message: 'must be one of the listed paths' }).optional(),
  roleFamily: z
    .enum(roleFamilyIds, { message: 'must be one of the listed role families' })
    .optional(),
  industry: z
    .string()
    .trim()
    .toLowerCase()
    .max(40, { message: 'must be at most 40 characters' })
    .optional(),
  companyType: z
    .enum(companyTypeIds, { message: 'must be one of the listed company types' })
    .optional(),
  language: z
    .string()
    .trim()
    .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, {
      message: 'must be a language code such as en or pt-BR',
    })
    .optional(),
  /** Time-zone window: mentors whose clock is within `within` hours of `tz`. */
  tz: z
    .string()
    .trim()
    .max(64, { message: 'must be an IANA time zone such as Europe/Berlin' })
    .optional(),
  within: z.coerce
    .number({ message: 'must be a number of hours' })
    .min(0, { message: 'must be between 0 and 12 hours' })
    .max(12, { message: 'must be between 0 and 12 hours' })
    .optional(),
  hasRoom: optionalFlag,
  /**
   * Rank for this question (its title and body), as the question's mentor panel and
   * /api/matches?threadId= do, so all three give the same order (issue 13).
   */
  threadId: z.uuid({ message: 'must be a question id' }).optional(),
  cursor,
  limit,
});
export type DirectoryQuery = z.infer<typeof directoryQuery>;

export interface DirectoryItem extends MentorCard {
  /** Present when the list is ranked for the signed-in asker and this mentor could be matched. */
  match: Fit | null;
  /**
   * Ranked lists only (issue 13, an honest directory): 'match' — the engine matches them to
   * you (a same or closely related role and path); 'other' — listed apart, after every match,
   * never mixed in. Null when the list is not ranked.
   */
  section: 'match' | 'other' | null;
  /** Why an "other" mentor is not a match, when it is about them: four months away, no room. */
  note: 'not active lately' | 'no room right now' | null;
}

export interface DirectoryPage {
  /** true: ranked by fit for you; false: by recent activity. */
  ranked: boolean;
  /** Ranked lists: how many mentors match you in all (the "other mentors" come after). */
  matchCount: number | null;
  items: DirectoryItem[];
  nextCursor: string | null;
}
