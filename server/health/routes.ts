import { Router } from 'express';
import { sql } from 'kysely';
import type { AppContext } from '../context';

export function healthRoutes(ctx: AppContext): Router {
  const router = Router();

  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', uptimeSeconds: Math.round(process.uptime()) });
  });

  // Ready = the database answers and every migration this build knows about is applied.
  router.get('/readyz', async (_req, res) => {
    try {
      const row = await sql<{ applied: number }>`
        SELECT count(*)::int AS applied FROM kysely_migration`.execute(ctx.db);
      const applied = row.rows[0]?.applied ?? 0;
      const current = applied >= ctx.migrationCount;
      res.status(current ? 200 : 503).json({
        status: current ? 'ready' : 'migrations_pending',
        database: 'ok',
        migrations: { applied, expected: ctx.migrationCount },
      });
    } catch (err) {
      ctx.logger.warn({ err }, 'readiness check failed');
      res.status(503).json({ status: 'unavailable', database: 'unreachable' });
    }
  });

  return router;
}
