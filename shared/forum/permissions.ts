import type { Permissions } from '../api/threads';

/**
 * What a viewer may do to a thread or reply, as a pure function of public facts — shared so
 * the server (policy checks, per-viewer presenters) and the client (deriving a member's
 * buttons from the shared public thread body plus their overlay) decide the same way. The
 * server still enforces every write with server/forum/policy.ts, which builds on this.
 */
export interface PolicyViewer {
  id: string;
  role: 'member' | 'moderator' | 'admin';
}

export interface PolicyContext {
  viewer: PolicyViewer | null;
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

export const isModeratorRole = (v: PolicyViewer | null) =>
  v?.role === 'moderator' || v?.role === 'admin';
export const isAuthor = (v: PolicyViewer | null, p: PostFacts) =>
  !!v && !!p.authorId && v.id === p.authorId;
const isLive = (p: PostFacts) => !p.deletedAt && !p.hiddenAt;

export function withinEditWindow(ctx: PolicyContext, p: PostFacts) {
  return ctx.now.getTime() - p.createdAt.getTime() < ctx.editWindowHours * 3_600_000;
}

export function canEdit(ctx: PolicyContext, post: PostFacts, thread: ThreadFacts): boolean {
  if (!ctx.viewer || post.deletedAt) return false;
  if (isModeratorRole(ctx.viewer)) return true;
  return (
    isAuthor(ctx.viewer, post) && !post.hiddenAt && !thread.lockedAt && withinEditWindow(ctx, post)
  );
}

export function permissionsFor(
  ctx: PolicyContext,
  post: PostFacts,
  thread: ThreadFacts,
  kind: 'thread' | 'reply',
): Permissions {
  const v = ctx.viewer;
  const mod = isModeratorRole(v);
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
