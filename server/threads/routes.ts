import { Router } from 'express';
import {
  createThreadInput,
  editThreadInput,
  idParam,
  threadDetailQuery,
  threadListQuery,
} from '../../shared/api/threads';
import { isModerator, requireViewer, viewerOf } from '../auth/viewer';
import type { AppContext } from '../context';
import { sendCachedJson } from '../http/json-cache';
import { anonymousCache } from '../http/anonymous-cache';
import { parse } from '../http/validate';
import { setVote } from '../votes/service';
import { publicThreadEntry, threadListEntry } from './public-reads';
import { setFollow, threadRevisions } from './history-follow';
import { threadViewerOverlay } from './viewer-overlay';
import {
  assertThreadReadable,
  createThread,
  deleteThread,
  editThread,
  getThreadDetail,
} from './service';

export function threadRoutes(ctx: AppContext): Router {
  const router = Router();

  router.get('/threads', async (req, res) => {
    const query = parse(threadListQuery, req.query);
    const entry = await threadListEntry(ctx, query);
    anonymousCache(ctx).remember(req.originalUrl, entry); // lists are the same for everyone
    sendCachedJson(req, res, entry);
  });

  router.post('/threads', async (req, res) => {
    const viewer = requireViewer(req);
    const input = parse(createThreadInput, req.body);
    const { created, id } = await createThread(ctx, viewer, input);
    res.status(created ? 201 : 200).json(await getThreadDetail(ctx, viewer, id, 'best'));
  });

  // The thread page's shared body: the same bytes for every reader, signed in or not, so the
  // front door answers members from the same cache as visitors (front-door.ts). What is
  // per-person comes from /threads/:id/viewer; moderators, who also see hidden posts, ask
  // for their own build with ?view=moderation.
  router.get('/threads/:id', async (req, res) => {
    const { id } = parse(idParam, req.params);
    const { sort } = parse(threadDetailQuery, req.query);
    const viewer = viewerOf(req);
    if (req.query.view === 'moderation' && isModerator(viewer)) {
      res.json(await getThreadDetail(ctx, viewer, id, sort));
      return;
    }
    const entry = await publicThreadEntry(ctx, id, sort);
    anonymousCache(ctx).remember(req.originalUrl, entry);
    sendCachedJson(req, res, entry);
  });

  router.get('/threads/:id/viewer', async (req, res) => {
    const viewer = requireViewer(req);
    res.setHeader('Cache-Control', 'private, no-store');
    res.json(await threadViewerOverlay(ctx, viewer, parse(idParam, req.params).id));
  });

  router.patch('/threads/:id', async (req, res) => {
    const viewer = requireViewer(req);
    const { id } = parse(idParam, req.params);
    await editThread(ctx, viewer, id, parse(editThreadInput, req.body));
    res.json((await getThreadDetail(ctx, viewer, id, 'best')).thread);
  });

  router.delete('/threads/:id', async (req, res) => {
    const viewer = requireViewer(req);
    await deleteThread(ctx, viewer, parse(idParam, req.params).id);
    res.status(204).end();
  });

  router.get('/threads/:id/revisions', async (req, res) => {
    const { id } = parse(idParam, req.params);
    const viewer = viewerOf(req);
    await assertThreadReadable(ctx, viewer, id);
    res.json(await threadRevisions(ctx, viewer, { threadId: id, replyId: null }));
  });

  for (const [method, up] of [
    ['put', true],
    ['delete', false],
  ] as const) {
    router[method]('/threads/:id/vote', async (req, res) => {
      const viewer = requireViewer(req);
      res.json(await setVote(ctx, viewer, 'thread', parse(idParam, req.params).id, up));
    });
    router[method]('/threads/:id/follow', async (req, res) => {
      const viewer = requireViewer(req);
      res.json(await setFollow(ctx, viewer, parse(idParam, req.params).id, up));
    });
  }

  return router;
}
