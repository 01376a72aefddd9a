/** HTTP overhead of the whole middleware stack on /healthz vs a bare node:http handler. */
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
      for (let i = 0; i < 2; i++) {
        bareRuns.push(await requestsPerSecond(bare.url + '/healthz'));
        appRuns.push(await requestsPerSecond(app.url + '/healthz'));
      }
      const best = (xs: number[]) => Math.max(...xs);
      return [
        figure({
          name: 'GET /healthz through the full middleware stack',
          value: best(appRuns),
          unit: 'req/s',
          baseline: best(bareRuns),
          baselineLabel: 'bare node:http',
          budget: { ratioAtLeast: 0.4 },
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
