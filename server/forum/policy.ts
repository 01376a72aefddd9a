import type { Permissions } from '../../shared/api/threads';
import { isModerator, type Viewer } from '../auth/viewer';
import { forbidden, notFound } from '../http/errors';

/**
 * Who may do what to a thread or reply — the one place that decides. Services call the
 * `assert…` functions (403/404); presenters call `permissionsFor` so the UI shows only the
 * buttons that will work.
 */
export interface PolicyContext {
  viewer: Viewer | null;
  now: Date;
  editWindowHours: number;
}

export interface PostFacts {
  authorId: string | null;
  createdAt: Date;
  deletedAt: Date | null;
  hiddenAt: Date | null;
}

export interface ThreadFacts extends PostFacts {
  lockedAt: Date | null;
}

const isAuthor = (v: Viewer | null, p: PostFacts) => !!v && !!p.authorId && v.id === p.authorId;
const isLive = (p: PostFacts) => !p.deletedAt && !p.hiddenAt;

function withinEditWindow(ctx: PolicyContext, p: PostFacts) {
  return ctx.now.getTime() - p.createdAt.getTime() < ctx.editWindowHours * 3_600_000;
}

export function canEdit(ctx: PolicyContext, post: PostFacts, thread: ThreadFacts): boolean {
  if (!ctx.viewer || post.deletedAt) return false;
  if (isModerator(ctx.viewer)) return true;
  return (
    isAuthor(ctx.viewer, post) && !post.hiddenAt && !thread.lockedAt && withinEditWindow(ctx, post)
  );
}

export function permissionsFor(
  ctx: PolicyContext,
  post: PostFacts,
  thread: ThreadFacts & { authorId: string | null },
  kind: 'thread' | 'reply',
): Permissions {
  const v = ctx.viewer;
  const mod = isModerator(v);
  const live = isLive(post) && (kind === 'thread' || isLive(thread));
  const own = isAuthor(v, post);
  const asker = !!v && !!thread.authorId && v.id === thread.authorId;
  return {
    edit: canEdit(ctx, post, thread),
    delete: !!v && !post.deletedAt && (own || mod),
    vote: !!v && live && !own,
    reply: !!v && live && isLive(thread) && !thread.lockedAt,
    flag: !!v && live && !own,
    markHelpful: kind === 'thread' ? asker && live : asker && live && !own,
    moderate: mod,
  };
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
