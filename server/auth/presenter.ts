import type { ViewerInfo } from '../../shared/api/auth';
import type { Viewer } from './viewer';

export function toViewer(row: {
  id: string;
  handle: string;
  display_name: string;
  role: string;
  created_at: Date;
  email_verified_at: Date | null;
}): Viewer {
  return {
    id: row.id,
    handle: row.handle,
    displayName: row.display_name,
    role: row.role as Viewer['role'],
    createdAt: row.created_at,
    emailVerified: row.email_verified_at !== null,
  };
}

export function presentViewer(v: Viewer): ViewerInfo {
  return { ...v, createdAt: v.createdAt.toISOString() };
}
