import {
  canEdit,
  isAuthor,
  type PolicyContext as SharedPolicyContext,
  type PostFacts,
  type ThreadFacts,
} from '../../shared/forum/permissions';
import { isModerator, type Viewer } from '../auth/viewer';
import { forbidden, notFound } from '../http/errors';

/**
 * Who may do what to a thread or reply — the one place that decides. The pure rules live in
 * shared/forum/permissions.ts (the client derives a member's buttons with them too); services
 * call the `assert…` functions here (403/404) before every write.
 */
export { canEdit, permissionsFor } from '../../shared/forum/permissions';
export type { PostFacts, ThreadFacts };

/** The server's policy context: the viewer is the whole signed-in person. */
export interface PolicyContext extends SharedPolicyContext {
  viewer: Viewer | null;
}

export function assertCanEdit(ctx: PolicyContext, post: PostFacts, thread: ThreadFacts): void {
  if (post.deletedAt) throw notFound('That post');
  if (canEdit(ctx, post, thread)) return;
  if (!isAuthor(ctx.viewer, post)) throw forbidden('Only the author or a moderator can edit this');
  if (post.hiddenAt) throw forbidden('A moderator hid this post; it cannot be edited');
  if (thread.lockedAt) throw forbidden('This thread is locked');
  throw forbidden(
    `Posts can be edited for ${ctx.editWindowHours} hours after posting; this one is older`,
  );
}

export function assertCanDelete(ctx: PolicyContext, post: PostFacts): void {
  if (isAuthor(ctx.viewer, post) || isModerator(ctx.viewer)) return;
  throw forbidden('Only the author or a moderator can delete this');
}

/** Ordinary readers never see deleted threads with no replies, nor anything in a hidden one. */
export function assertReadable(
  viewer: Viewer | null,
  thread: ThreadFacts & { replyCount: number },
): void {
  if (thread.deletedAt && thread.replyCount === 0 && !isModerator(viewer))
    throw notFound('That thread');
}
