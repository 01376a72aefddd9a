/**
 * What a person wrote, for the tabs on their profile. Public; newest first, keyset-paginated.
 *
 *   GET /users/:handle/questions?cursor&limit -> Page<UserQuestion>
 *   GET /users/:handle/replies?cursor&limit   -> Page<UserReply>
 *
 * Deleted and moderator-hidden posts are left out, as the profile's counts leave them out.
 */
import { z } from 'zod';
import { pageCursor, pageLimit } from './paging';

export const userPostsQuery = z.object({
  cursor: pageCursor(100),
  limit: pageLimit(50, 20),
});
export type UserPostsQuery = z.infer<typeof userPostsQuery>;

export interface UserQuestion {
  id: string;
  title: string;
  url: string;
  createdAt: string;
  replyCount: number;
  tags: string[];
}

export interface UserReply {
  id: string;
  /** Links to the reply in its thread. */
  url: string;
  createdAt: string;
  excerpt: string;
  thread: { id: string; title: string };
}
