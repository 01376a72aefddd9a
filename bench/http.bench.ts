/**
 * HTTP overhead of the middleware stack every request passes (server/http/front-door.ts) on
 * /healthz vs a bare node:http handler, and, for reference, of Express on the cheapest API route.
 */
import { requestsPerSecond } from './autocannon';
import { benchPostgres, freshDatabase, spawnApp, spawnHelper } from './env';
import { figure, type Figure } from './lib';

export default async function run(): Promise<Figure[]> {
  const pg = await benchPostgres();
  try {
    const url = await freshDatabase(pg.adminUrl);
    const app = await spawnApp({ DATABASE_URL: url, BUILD_CLIENT: 'false', SEED_DEMO: 'false' });
    const bare = await spawnHelper('bare-http.ts');
    try {
      // Alternate to spread the machine's noise over both sides.
      const appRuns: number[] = [];
      const bareRuns: number[] = [];
      const expressRuns: number[] = [];
      for (let i = 0; i < 2; i++) {
        bareRuns.push(await requestsPerSecond(bare.url + '/healthz'));
        appRuns.push(await requestsPerSecond(app.url + '/healthz'));
        expressRuns.push(await requestsPerSecond(app.url + '/api/session'));
      }
      const best = (xs: number[]) => Math.max(...xs);
      return [
        figure({
          name: 'GET /healthz through the front door (every request passes it)',
          value: best(appRuns),
          unit: 'req/s',
          baseline: best(bareRuns),
          baselineLabel: 'bare node:http',
          budget: { ratioAtLeast: 0.4 },
        }),
        // For reading the one above: /healthz is answered by the front door (request id,
        // security headers, log line) before Express; this is the cheapest route that goes
        // through Express and the /api middleware (origin check, auth skip for anonymous).
        figure({
          name: 'GET /api/session, anonymous, through Express (for reference)',
          value: best(expressRuns),
          unit: 'req/s',
          baseline: best(bareRuns),
          baselineLabel: 'bare node:http',
          budget: { report: true },
        }),
      ];
    } finally {
      await app.stop();
      await bare.stop();
    }
  } finally {
    await pg.stop();
  }
}
