/**
 * Matching API contract (paths under /api; signed-in viewer required, 401 otherwise):
 *
 *   GET    /matches?threadId=&limit=&path=&roleFamily=&industry=&companyType=&language=&minOverlapHours=
 *          -> MatchList: the mentors who match the signed-in asker (isMatch: role and path
 *             at least closely related), best first — at most `limit`, fewer when fewer
 *             match: never padded with mentors who do not (issue 13, principle 7; Find a
 *             mentor lists those apart). With threadId, the question's words count too.
 *             404 {reason:'no_asker_profile'} until the viewer has an asker profile; 404
 *             when the thread does not exist.
 *   PUT    /matches/blocked/:mentorId   -> 204: never show me this mentor again
 *   DELETE /matches/blocked/:mentorId   -> 204
 *
 * A MatchResult carries a score in [0, 1], each factor's contribution (they add up to the
 * score; "exposure" is negative when a mentor is being shown a lot today) and reasons to
 * read. Paused, full and blocked mentors and mentors with no shared language never appear.
 */
import { z } from 'zod';
import { careerPathIds, companyTypeIds, roleFamilyIds } from '../taxonomy';
import type { MatchResult } from './types';
import { pageLimit } from '../api/paging';

export type { FactorScore, MatchResult } from './types';

const uuid = z.uuid({ message: 'must be a question id (uuid)' });

export const matchListQuery = z.object({
  threadId: uuid.optional(),
  limit: pageLimit(20, 5),
  path: z.enum(careerPathIds, { message: 'must be one of the listed paths' }).optional(),
  roleFamily: z
    .enum(roleFamilyIds, { message: 'must be one of the listed role families' })
    .optional(),
  industry: z
    .string()
    .trim()
    .min(2, { message: 'must be 2-40 characters' })
    .max(40, { message: 'must be 2-40 characters' })
    .optional(),
  companyType: z
    .enum(companyTypeIds, { message: 'must be one of the listed company types' })
    .optional(),
  language: z
    .string()
    .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,4})*$/, {
      message: 'must be a language code such as en or pt-BR',
    })
    .optional(),
  minOverlapHours: z.coerce
    .number({ message: 'must be a number' })
    .min(0, { message: 'must be between 0 and 9' })
    .max(9, { message: 'must be between 0 and 9' })
    .optional(),
});
export type MatchListQuery = z.infer<typeof matchListQuery>;

export const mentorIdParam = z.object({
  mentorId: z.uuid({ message: 'must be a user id (uuid)' }),
});

export interface MatchList {
  /** Matches only, best first; fewer than the limit when fewer mentors match. */
  items: MatchResult[];
  /** The question the list was ranked for, when one was given. */
  threadId: string | null;
}
