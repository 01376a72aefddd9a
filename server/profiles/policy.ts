import { AppError } from '../http/errors';

/**
 * A deleted account answers 410 Gone: the handle existed, the person chose to leave, and
 * nothing about them (bio, story, counts) is shown any more.
 */
export class GoneError extends AppError {
  override readonly status: number = 410;
  constructor(handle: string) {
    super('not_found', `@${handle} deleted their account`, undefined, { deleted: true });
  }
}

/** Profiles of deleted users are gone for everyone, the (former) owner included. */
export function assertNotDeleted<T extends { deleted_at: Date | null; handle: string }>(row: T): T {
  if (row.deleted_at) throw new GoneError(row.handle);
  return row;
}
