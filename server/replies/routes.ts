import { Router } from 'express';
import {
  createReplyInput,
  editReplyInput,
  idParam,
  replyIdParam,
  threadDetailQuery,
} from '../../shared/api/threads';
import { requireViewer, viewerOf } from '../auth/viewer';
import type { AppContext } from '../context';
import { notFound } from '../http/errors';
import { parse } from '../http/validate';
import { threadRevisions } from '../threads/history-follow';
import { setVote } from '../votes/service';
import { getReplyNode, getSubtree, replyLocation } from './read';
import { createReply, deleteReply, editReply, setHelpful } from './service';

export function replyRoutes(ctx: AppContext): Router {
  const router = Router();

  router.post('/threads/:id/replies', async (req, res) => {
    const viewer = requireViewer(req);
    const { id: threadId } = parse(idParam, req.params);
    const input = parse(createReplyInput, req.body);
    const { created, id } = await createReply(ctx, viewer, threadId, input);
    res.status(created ? 201 : 200).json(await getReplyNode(ctx, viewer, id));
  });

  router.get('/threads/:id/replies/:replyId', async (req, res) => {
    const { id, replyId } = parse(replyIdParam, req.params);
    const { sort } = parse(threadDetailQuery, req.query);
    res.json(await getSubtree(ctx, viewerOf(req), id, replyId, sort));
  });

  router.get('/replies/:id', async (req, res) => {
    res.json(await replyLocation(ctx, parse(idParam, req.params).id));
  });

  router.patch('/replies/:id', async (req, res) => {
    const viewer = requireViewer(req);
    const { id } = parse(idParam, req.params);
    await editReply(ctx, viewer, id, parse(editReplyInput, req.body).body);
    res.json(await getReplyNode(ctx, viewer, id));
  });

  router.delete('/replies/:id', async (req, res) => {
    const viewer = requireViewer(req);
    await deleteReply(ctx, viewer, parse(idParam, req.params).id);
    res.status(204).end();
  });

  router.get('/replies/:id/revisions', async (req, res) => {
    const { id } = parse(idParam, req.params);
    const loc = await replyLocation(ctx, id).catch(() => {
      throw notFound('That reply');
    });
    res.json(await threadRevisions(ctx, viewerOf(req), { threadId: loc.threadId, replyId: id }));
  });

  for (const [method, on] of [
    ['put', true],
    ['delete', false],
  ] as const) {
    router[method]('/replies/:id/vote', async (req, res) => {
      const viewer = requireViewer(req);
      res.json(await setVote(ctx, viewer, 'reply', parse(idParam, req.params).id, on));
    });
    router[method]('/replies/:id/helpful', async (req, res) => {
      const viewer = requireViewer(req);
      res.json(await setHelpful(ctx, viewer, parse(idParam, req.params).id, on));
    });
  }

  return router;
}
