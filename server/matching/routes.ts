import { Router } from 'express';
import { matchListQuery, mentorIdParam, type MatchList } from '../../shared/matching/api';
import { requireViewer } from '../auth/viewer';
import type { AppContext } from '../context';
import { AppError, invalid, notFound } from '../http/errors';
import { parse } from '../http/validate';
import { blockMentor, unblockMentor } from './seats';
import { loadThread, matchesForAsker } from './service';

export function matchingRoutes(ctx: AppContext): Router {
  const router = Router();

  router.get('/matches', async (req, res) => {
    const viewer = requireViewer(req);
    const { threadId, limit, ...filters } = parse(matchListQuery, req.query);
    const thread = threadId ? await loadThread(ctx.db, threadId) : null;
    if (threadId && !thread) throw notFound('That question');
    const sections = await matchesForAsker(ctx.db, {
      askerId: viewer.id,
      limit,
      filters,
      question: thread?.question,
    });
    if (!sections)
      throw new AppError(
        'not_found',
        'Add your asker profile first: matching needs your role, the paths you weigh and your languages',
        undefined,
        { reason: 'no_asker_profile' },
      );
    // Only matches (principle 7): a short list stays short; Find a mentor lists the others.
    const body: MatchList = { items: sections.matches, threadId: threadId ?? null };
    res.json(body);
  });

  router.put('/matches/blocked/:mentorId', async (req, res) => {
    const viewer = requireViewer(req);
    const { mentorId } = parse(mentorIdParam, req.params);
    if (mentorId === viewer.id) throw invalid('mentorId', 'you cannot block yourself');
    const exists = await ctx.db
      .selectFrom('users')
      .select('id')
      .where('id', '=', mentorId)
      .executeTakeFirst();
    if (!exists) throw notFound('That mentor');
    await blockMentor(ctx.db, viewer.id, mentorId);
    res.status(204).end();
  });

  router.delete('/matches/blocked/:mentorId', async (req, res) => {
    const viewer = requireViewer(req);
    const { mentorId } = parse(mentorIdParam, req.params);
    await unblockMentor(ctx.db, viewer.id, mentorId);
    res.status(204).end();
  });

  return router;
}
