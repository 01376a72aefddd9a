import type { Viewer } from '../auth/viewer';
import { notFound } from '../http/errors';

/**
 * A request or a mentorship belongs to its two people; to anyone else it does not exist (a
 * plain 404, so ids cannot be probed).
 */
export function ownRow<R extends { asker_id: string; mentor_id: string }>(
  row: R | undefined,
  viewer: Viewer,
  what: string,
): R {
  if (!row || (row.asker_id !== viewer.id && row.mentor_id !== viewer.id)) throw notFound(what);
  return row;
}
