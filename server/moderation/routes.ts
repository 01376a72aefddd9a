import { Router } from 'express';
import {
  auditQuery,
  chatReportsQuery,
  flagInput,
  queueQuery,
  reasonInput,
  suspendInput,
  targetInput,
} from '../../shared/api/moderation';
import { idParam } from '../../shared/api/threads';
import { requireViewer } from '../auth/viewer';
import type { AppContext } from '../context';
import { parse } from '../http/validate';
import { requireModerator } from './policy';
import { auditPage, queuePage } from './lists';
import { chatReportPage, resolveChatReports } from './chat-reports';
import { dismissFlags, flag, setHidden, setLocked, setSuspended } from './service';

export function moderationRoutes(ctx: AppContext): Router {
  const router = Router();

  router.post('/flags', async (req, res) => {
    const viewer = requireViewer(req);
    const result = await flag(ctx, viewer, parse(flagInput, req.body));
    res.status(result.created ? 201 : 200).json(result);
  });

  router.get('/moderation/flags', async (req, res) => {
    requireModerator(req);
    res.json(await queuePage(ctx, parse(queueQuery, req.query)));
  });

  // Reported chat messages: each with the five before it, nothing else of the conversation.
  router.get('/moderation/chat-reports', async (req, res) => {
    requireModerator(req);
    res.json(await chatReportPage(ctx, parse(chatReportsQuery, req.query)));
  });

  router.post('/moderation/chat-reports/:id/resolve', async (req, res) => {
    const mod = requireModerator(req);
    const { id } = parse(idParam, req.params);
    const { reason } = parse(reasonInput, req.body);
    res.json(await resolveChatReports(ctx, mod, id, reason));
  });

  router.post('/moderation/flags/dismiss', async (req, res) => {
    const mod = requireModerator(req);
    res.json(await dismissFlags(ctx, mod, parse(targetInput, req.body)));
  });

  router.post('/moderation/hide', async (req, res) => {
    const mod = requireModerator(req);
    res.json(await setHidden(ctx, mod, parse(targetInput, req.body), true));
  });

  router.post('/moderation/restore', async (req, res) => {
    const mod = requireModerator(req);
    res.json(await setHidden(ctx, mod, parse(targetInput, req.body), false));
  });

  for (const [path, locked] of [
    ['lock', true],
    ['unlock', false],
  ] as const) {
    router.post(`/moderation/threads/:id/${path}`, async (req, res) => {
      const mod = requireModerator(req);
      const { id } = parse(idParam, req.params);
      const { reason } = parse(reasonInput, req.body);
      res.json(await setLocked(ctx, mod, id, locked, reason));
    });
  }

  router.post('/moderation/users/:id/suspend', async (req, res) => {
    const mod = requireModerator(req);
    const { id } = parse(idParam, req.params);
    res.json(await setSuspended(ctx, mod, id, parse(suspendInput, req.body)));
  });

  router.post('/moderation/users/:id/unsuspend', async (req, res) => {
    const mod = requireModerator(req);
    const { id } = parse(idParam, req.params);
    parse(reasonInput, req.body);
    res.json(await setSuspended(ctx, mod, id, null));
  });

  router.get('/moderation/audit', async (req, res) => {
    requireModerator(req);
    res.json(await auditPage(ctx, parse(auditQuery, req.query)));
  });

  return router;
}
