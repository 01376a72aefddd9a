import { Router } from 'express';
import { threadListQuery, type Page, type ThreadSummary } from '../../shared/api/threads';
import type { AppContext } from '../context';
import { decodeCursor, encodeCursor } from '../lib/cursor';
import { parse } from '../http/validate';
import { presentThreadSummary } from './presenter';
import { listNewThreads } from './queries';

export function threadRoutes(ctx: AppContext): Router {
  const router = Router();

  router.get('/threads', async (req, res) => {
    const query = parse(threadListQuery, req.query);
    const after = decodeCursor<[string, string]>(query.cursor, ['string', 'string']);
    const rows = await listNewThreads(ctx.db, { limit: query.limit + 1, tag: query.tag, after });
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    const body: Page<ThreadSummary> = {
      items: page.map(presentThreadSummary),
      nextCursor:
        rows.length > query.limit && last
          ? encodeCursor([last.created_at.toISOString(), last.id])
          : null,
    };
    res.json(body);
  });

  return router;
}
