import { isModerator, requireViewer, type Viewer } from '../auth/viewer';
import type { Request } from 'express';
import { forbidden } from '../http/errors';

/** Moderators and admins only; everyone else gets a 403 (anonymous a 401). */
export function requireModerator(req: Request): Viewer {
  const viewer = requireViewer(req);
  if (!isModerator(viewer)) throw forbidden('Only moderators can do that');
  return viewer;
}
