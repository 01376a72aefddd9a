/**
 * Following a tag: the API contract. Under /api; a signed-in viewer (401 otherwise), and the
 * writes need the CSRF header like every other write.
 *
 *   GET    /tags/:tag/follow   -> TagFollowState
 *   POST   /tags/:tag/follow   -> TagFollowState   (following an unknown tag: 404)
 *   DELETE /tags/:tag/follow   -> TagFollowState   (not following it: still 200)
 *
 * Errors: 400 invalid_input field "tag" (not a tag slug), 409 conflict when the viewer already
 * follows TAG_FOLLOWS_MAX tags. What following does: the digest gets "Top threads in tags you
 * follow" (server/digests/sections.ts).
 */
import { z } from 'zod';
import { tagSlug } from './threads';

export const TAG_FOLLOWS_MAX = 50;

export const tagParam = z.object({ tag: tagSlug });

export interface TagFollowState {
  tag: string;
  following: boolean;
}
