import express, { Router } from 'express';
import { categoryNames, settingsInput } from '../../shared/api/notification-settings';
import { requireViewer } from '../auth/viewer';
import type { AppContext } from '../context';
import { escapeHtml } from '../mail/templates';
import { parse } from '../http/validate';
import { getSettings, saveSettings, unsubscribe } from './settings';
import { verifyUnsubscribeToken } from './unsubscribe';

/** GET/PUT /api/me/notification-settings (signed in; under the API's CSRF like any write). */
export function notificationSettingsRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get('/me/notification-settings', async (req, res) => {
    const viewer = requireViewer(req);
    res.setHeader('Cache-Control', 'private, no-store');
    res.json(await getSettings(ctx.db, viewer.id));
  });
  router.put('/me/notification-settings', async (req, res) => {
    const viewer = requireViewer(req);
    await saveSettings(ctx.db, viewer.id, parse(settingsInput, req.body));
    res.json(await getSettings(ctx.db, viewer.id));
  });
  return router;
}

const knownCategory = (c: string) => c === 'digest' || (categoryNames as string[]).includes(c);

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8">` +
  `<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="color-scheme" content="light dark">` +
  `<title>${escapeHtml(title)} · Switchboard</title></head>` +
  `<body style="font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;line-height:1.5">${body}</body></html>`;

/**
 * RFC 8058 one-click unsubscribe, outside /api on purpose: the mail client POSTs
 * `List-Unsubscribe=One-Click` with no cookie and no CSRF token — the HMAC token in the URL is
 * the authorisation. A GET (mail scanners prefetch links) only shows a page with a button.
 */
export function unsubscribeRoutes(ctx: AppContext): Router {
  const router = Router();
  const check = (token: unknown) => {
    const t = typeof token === 'string' ? verifyUnsubscribeToken(ctx.config, token) : null;
    return t && knownCategory(t.category) ? t : null;
  };
  router.get('/unsubscribe', (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    const t = check(req.query.token);
    if (!t) {
      res.status(400).send(page('Link not valid', '<h1>This unsubscribe link is not valid</h1>'));
      return;
    }
    const what = t.category === 'digest' ? 'the email digest' : 'these notification emails';
    res.send(
      page(
        'Unsubscribe',
        `<h1>Unsubscribe from ${what}?</h1>` +
          `<form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click">` +
          `<button type="submit" style="font-size:1rem;padding:.6rem 1rem">Unsubscribe</button></form>` +
          `<p><a href="/settings/notifications">Or choose what we send you</a></p>`,
      ),
    );
  });
  router.post(
    '/unsubscribe',
    express.urlencoded({ extended: false, limit: '1kb' }),
    async (req, res) => {
      res.setHeader('Cache-Control', 'no-store');
      const t = check(req.query.token);
      if (!t) {
        res.status(400).send(page('Link not valid', '<h1>This unsubscribe link is not valid</h1>'));
        return;
      }
      await unsubscribe(ctx.db, t.userId, t.category);
      res.send(
        page(
          'Unsubscribed',
          `<h1>You are unsubscribed</h1><p>We will not send you ${t.category === 'digest' ? 'the digest' : 'these emails'} any more.</p>` +
            `<p><a href="/settings/notifications">Notification settings</a></p>`,
        ),
      );
    },
  );
  return router;
}
