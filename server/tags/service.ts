import { TAG_FOLLOWS_MAX, type TagFollowState } from '../../shared/api/tags';
import type { Viewer } from '../auth/viewer';
import type { AppContext } from '../context';
import { AppError, notFound } from '../http/errors';
import { followCount, isFollowing, tagExists } from './queries';

export async function tagFollowState(
  ctx: AppContext,
  viewer: Viewer,
  tag: string,
): Promise<TagFollowState> {
  return { tag, following: await isFollowing(ctx.db, viewer.id, tag) };
}

/**
 * Follow or unfollow a tag. Idempotent both ways (a retried click changes nothing). The row
 * lock on the person's user row makes the cap exact under concurrent follows.
 */
export async function setTagFollow(
  ctx: AppContext,
  viewer: Viewer,
  tag: string,
  follow: boolean,
): Promise<TagFollowState> {
  if (!follow) {
    await ctx.db
      .deleteFrom('tag_follows')
      .where('user_id', '=', viewer.id)
      .where('tag', '=', tag)
      .execute();
    return { tag, following: false };
  }
  return ctx.db.transaction().execute(async (trx) => {
    if (!(await tagExists(trx, tag))) throw notFound(`The tag "${tag}"`);
    await trx.selectFrom('users').select('id').where('id', '=', viewer.id).forUpdate().execute();
    if (await isFollowing(trx, viewer.id, tag)) return { tag, following: true };
    if ((await followCount(trx, viewer.id)) >= TAG_FOLLOWS_MAX)
      throw new AppError(
        'conflict',
        `tag: you already follow ${TAG_FOLLOWS_MAX} tags; unfollow one first`,
        'tag',
      );
    await trx
      .insertInto('tag_follows')
      .values({ user_id: viewer.id, tag })
      .onConflict((oc) => oc.doNothing())
      .execute();
    return { tag, following: true };
  });
}
