import { Router } from 'express';
import { searchQuery } from '../../shared/api/search';
import { suggestQuery, type HandleSuggestion, type TagSuggestion } from '../../shared/api/threads';
import type { AppContext } from '../context';
import { parse } from '../http/validate';
import { suggestHandles, suggestTags } from './queries';
import { search } from './service';

export function searchRoutes(ctx: AppContext): Router {
  const router = Router();

  router.get('/search', async (req, res) => {
    res.json(await search(ctx, parse(searchQuery, req.query)));
  });

  router.get('/tags', async (req, res) => {
    const { q } = parse(suggestQuery, req.query);
    res.json(await tagSuggestions(ctx, q));
  });

  router.get('/users/suggest', async (req, res) => {
    const { q } = parse(suggestQuery, req.query);
    const rows = q ? await suggestHandles(ctx.db, q) : [];
    const body: HandleSuggestion[] = rows.map((r) => ({
      id: r.id,
      handle: r.handle,
      displayName: r.display_name,
    }));
    res.json(body);
  });

  return router;
}

/** GET /api/tags's answer; the server-rendered tag filter reads the same. */
export async function tagSuggestions(ctx: AppContext, q: string): Promise<TagSuggestion[]> {
  const rows = await suggestTags(ctx.db, q.toLowerCase());
  return rows.map((r) => ({ slug: r.slug, threadCount: r.thread_count, starter: r.starter }));
}
