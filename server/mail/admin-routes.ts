import { Router } from 'express';
import { sql } from 'kysely';
import { requireViewer } from '../auth/viewer';
import type { AppContext } from '../context';
import { forbidden } from '../http/errors';

/**
 * For admins: is email getting out? Counts of sent / failed / skipped in the last 24 h and the
 * last failures with the SMTP server's own reason, plus how many are waiting to be retried.
 *
 *   GET /api/admin/email -> { last24h: {sent, failed, skipped}, retrying, failures: [...] }
 */
export function mailAdminRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get('/admin/email', async (req, res) => {
    const viewer = requireViewer(req);
    if (viewer.role !== 'admin') throw forbidden('Only admins can see email deliveries.');
    const since = sql<Date>`now() - interval '24 hours'`;
    const [counts, failures, retrying] = await Promise.all([
      ctx.db
        .selectFrom('email_deliveries')
        .select(['status', sql<number>`count(*)::int`.as('n')])
        .where('created_at', '>', since)
        .groupBy('status')
        .execute(),
      ctx.db
        .selectFrom('email_deliveries')
        .select(['template', 'to_address', 'reason', 'created_at'])
        .where('status', '=', 'failed')
        .orderBy('created_at', 'desc')
        .limit(50)
        .execute(),
      sql<{ n: number }>`SELECT count(*)::int AS n FROM pgboss.job
        WHERE name = 'mail.send' AND state = 'retry'`.execute(ctx.db),
    ]);
    const last24h = { sent: 0, failed: 0, skipped: 0 };
    for (const c of counts) last24h[c.status as keyof typeof last24h] = c.n;
    res.setHeader('Cache-Control', 'private, no-store');
    res.json({
      last24h,
      retrying: retrying.rows[0]?.n ?? 0,
      failures: failures.map((f) => ({
        template: f.template,
        to: f.to_address,
        reason: f.reason,
        at: f.created_at.toISOString(),
      })),
    });
  });
  return router;
}
