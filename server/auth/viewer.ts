import type { Request } from 'express';
import { unauthorized } from '../http/errors';

/**
 * The signed-in person making a request, as every feature sees them. Passport puts it on
 * `req.user` (see server/auth/); features only ever call these two functions.
 */
export interface Viewer {
  id: string;
  handle: string;
  displayName: string;
  role: 'member' | 'moderator' | 'admin';
  createdAt: Date;
  emailVerified: boolean;
}

export function viewerOf(req: Request): Viewer | null {
  return ((req as Request & { user?: Viewer }).user as Viewer | undefined) ?? null;
}

export function requireViewer(req: Request): Viewer {
  const viewer = viewerOf(req);
  if (!viewer) throw unauthorized();
  return viewer;
}

export const isModerator = (v: Viewer | null) => v?.role === 'moderator' || v?.role === 'admin';
