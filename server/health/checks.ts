import type { ServerResponse } from 'node:http';
import { sql } from 'kysely';
import type { AppContext } from '../context';

/**
 * /healthz (the process is alive) and /readyz (the database answers and every migration
 * this build knows about is applied). Plain node:http: the front door answers them before
 * Express, because load balancers call them all the time and they need no session.
 */
export function healthChecks(ctx: AppContext) {
  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.statusCode = status;
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    res.end(JSON.stringify(body));
  };

  return {
    live(res: ServerResponse): void {
      send(res, 200, { status: 'ok', uptimeSeconds: Math.round(process.uptime()) });
    },

    async ready(res: ServerResponse): Promise<void> {
      // Stopping: the load balancer takes this instance out of rotation at once.
      if (ctx.draining) return send(res, 503, { status: 'stopping' });
      try {
        const row = await sql<{ applied: number }>`
          SELECT count(*)::int AS applied FROM kysely_migration`.execute(ctx.db);
        const applied = row.rows[0]?.applied ?? 0;
        const current = applied >= ctx.migrationCount;
        send(res, current ? 200 : 503, {
          status: current ? 'ready' : 'migrations_pending',
          database: 'ok',
          migrations: { applied, expected: ctx.migrationCount },
        });
      } catch (err) {
        ctx.logger.warn({ err }, 'readiness check failed');
        send(res, 503, { status: 'unavailable', database: 'unreachable' });
      }
    },
  };
}
