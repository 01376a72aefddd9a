/**
 * The admin email page's contract (admins only: 401 signed out, 403 for everyone else).
 *
 *   GET /api/admin/email?cursor=&limit=   -> EmailAdminPage
 *
 * Counts are for the last 24 hours; failures are the most recent permanent ones (an SMTP 5xx,
 * kept with the server's own reason), newest first, 50 a page by default; `nextCursor` pages
 * on. Addresses are masked (m***@example.com) in `to` and inside `reason`.
 */
import { z } from 'zod';
import { pageCursor, pageLimit } from './paging';

export const emailAdminQuery = z.object({
  cursor: pageCursor(200),
  limit: pageLimit(100, 50),
});

export interface EmailCounts {
  sent: number;
  failed: number;
  skipped: number;
}

export interface EmailFailure {
  id: string;
  /** When the failure was recorded (ISO 8601). */
  at: string;
  /** Which email it was: verify_email, reset_password, digest, mentorship_request, … */
  template: string;
  /** The recipient, masked: m***@example.com. */
  to: string | null;
  /** What the SMTP server said, e.g. "550 5.1.1 No such user". */
  reason: string | null;
}

export interface EmailAdminPage {
  last24h: EmailCounts;
  /** Emails that failed for a moment (refused, 4xx) and wait for their next try. */
  retrying: number;
  failures: EmailFailure[];
  nextCursor: string | null;
}
