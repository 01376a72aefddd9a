import { Router, type Request } from 'express';
import { z } from 'zod';
import {
  conversationListQuery,
  doneInput,
  editInput,
  messagePageQuery,
  pinInput,
  readInput,
  reportInput,
  sendInput,
  settingsInput,
} from '../../shared/api/chat';
import { requireViewer } from '../auth/viewer';
import type { AppContext } from '../context';
import { notFound } from '../http/errors';
import { parse } from '../http/validate';
import { emailUnreadOn, setEmailUnread, unreadTotal } from './queries';
import * as chat from './service';

const uuid = z.uuid();
/** A malformed conversation or message id is simply one that does not exist: 404. */
function idParam(req: Request, name: 'id' | 'mid', what: string): string {
  const id = String(req.params[name]);
  if (!uuid.safeParse(id).success) throw notFound(what);
  return id;
}

/** Thin: parse, call the service (which checks access), answer. */
export function chatRoutes(ctx: AppContext): Router {
  const router = Router();
  router.use(['/conversations', '/chat'], (_req, res, next) => {
    res.setHeader('Cache-Control', 'private, no-store');
    next();
  });
  const conv = (req: Request) => idParam(req, 'id', 'That conversation');
  const msg = (req: Request) => idParam(req, 'mid', 'That message');

  router.get('/conversations', async (req, res) => {
    const viewer = requireViewer(req);
    res.json(await chat.inbox(ctx, viewer.id, parse(conversationListQuery, req.query)));
  });
  router.get('/conversations/unread', async (req, res) => {
    res.json({ unread: await unreadTotal(ctx.db, requireViewer(req).id) });
  });
  router.get('/conversations/:id', async (req, res) => {
    res.json(await chat.conversationDetail(ctx, requireViewer(req).id, conv(req)));
  });
  router.get('/conversations/:id/messages', async (req, res) => {
    const viewer = requireViewer(req);
    const id = conv(req);
    res.json(await chat.history(ctx, viewer.id, id, parse(messagePageQuery, req.query)));
  });
  router.post('/conversations/:id/messages', async (req, res) => {
    const viewer = requireViewer(req);
    const id = conv(req);
    res.status(201).json(await chat.sendMessage(ctx, viewer.id, id, parse(sendInput, req.body)));
  });
  router.patch('/conversations/:id/messages/:mid', async (req, res) => {
    const viewer = requireViewer(req);
    const [id, mid] = [conv(req), msg(req)];
    const { body } = parse(editInput, req.body);
    res.json(await chat.editMessage(ctx, viewer.id, id, mid, body));
  });
  router.delete('/conversations/:id/messages/:mid', async (req, res) => {
    const viewer = requireViewer(req);
    res.json(await chat.deleteMessage(ctx, viewer.id, conv(req), msg(req)));
  });
  router.put('/conversations/:id/messages/:mid/pin', async (req, res) => {
    const viewer = requireViewer(req);
    const [id, mid] = [conv(req), msg(req)];
    const { pinned } = parse(pinInput, req.body);
    res.json(await chat.pinMessage(ctx, viewer.id, id, mid, pinned));
  });
  router.put('/conversations/:id/messages/:mid/done', async (req, res) => {
    const viewer = requireViewer(req);
    const [id, mid] = [conv(req), msg(req)];
    const { done } = parse(doneInput, req.body);
    res.json(await chat.markDone(ctx, viewer.id, id, mid, done));
  });
  router.post('/conversations/:id/messages/:mid/report', async (req, res) => {
    const viewer = requireViewer(req);
    const [id, mid] = [conv(req), msg(req)];
    await chat.reportMessage(ctx, viewer.id, id, mid, parse(reportInput, req.body));
    res.status(201).json({ reported: true });
  });
  router.post('/conversations/:id/read', async (req, res) => {
    const viewer = requireViewer(req);
    const id = conv(req);
    res.json(await chat.markRead(ctx, viewer.id, id, parse(readInput, req.body).seq));
  });
  router.get('/chat/settings', async (req, res) => {
    res.json({ emailUnread: await emailUnreadOn(ctx.db, requireViewer(req).id) });
  });
  router.put('/chat/settings', async (req, res) => {
    const viewer = requireViewer(req);
    const { emailUnread } = parse(settingsInput, req.body);
    await setEmailUnread(ctx.db, viewer.id, emailUnread);
    res.json({ emailUnread });
  });
  return router;
}
