import { Router, type NextFunction, type Request, type Response } from 'express';
import { isIP } from 'node:net';
import { authMiddleware } from '../auth/middleware';
import { viewerOf } from '../auth/viewer';
import { z } from 'zod';
import type { AppContext } from '../context';
import { notFound } from '../http/errors';
import { parse } from '../http/validate';
import { getCaughtMail, listCaughtMail } from './catcher';
import { escapeHtml } from './templates';

const idParam = z.object({ id: z.uuid({ message: 'is not a message id' }) });

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8">` +
  `<meta name="viewport" content="width=device-width, initial-scale=1">` +
  `<title>${escapeHtml(title)} · Switchboard mail catcher</title>` +
  `<link rel="stylesheet" href="/dev/mail.css"></head><body><main>${body}</main></body></html>`;

const css = `body{font-family:system-ui,sans-serif;margin:0;background:#f7f7f4;color:#1c1f23;line-height:1.5}
main{max-width:60rem;margin:0 auto;padding:1rem}a{color:#1f4e79}table{width:100%;border-collapse:collapse}
th,td{text-align:left;padding:.4rem;border-bottom:1px solid #dcdfe3;vertical-align:top;overflow-wrap:anywhere}
pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#fff;border:1px solid #dcdfe3;padding:1rem}
iframe{width:100%;height:32rem;border:1px solid #dcdfe3;background:#fff}dt{font-weight:600}dd{margin:0 0 .5rem}
ul.links li{overflow-wrap:anywhere}`;

/**
 * The local mail catcher's inbox (outside production only): /dev/mail lists what the app
 * "sent", /dev/mail/:id shows one message (links, text part, rendered HTML part), so a new
 * user on a laptop can click their verification link.
 */
export function devMailRoutes(ctx: AppContext): Router {
  const router = Router();
  router.use(['/dev/mail', '/dev/mail.css'], devMailGuard(ctx));

  router.get('/dev/mail.css', (_req, res) => {
    res.type('text/css').send(css);
  });

  router.get('/dev/mail', async (_req, res) => {
    const rows = await listCaughtMail(ctx.db);
    const list = rows.length
      ? `<table><thead><tr><th scope="col">When</th><th scope="col">To</th><th scope="col">Subject</th></tr></thead><tbody>${rows
          .map(
            (m) =>
              `<tr><td><time datetime="${m.created_at.toISOString()}">${escapeHtml(m.created_at.toISOString().replace('T', ' ').slice(0, 19))}</time></td>` +
              `<td>${escapeHtml(m.to_address)}</td><td><a href="/dev/mail/${m.id}">${escapeHtml(m.subject)}</a></td></tr>`,
          )
          .join('')}</tbody></table>`
      : '<p>No mail yet. Sign up or ask for a password reset and it will appear here.</p>';
    const note = ctx.config.SMTP_URL
      ? '<p>SMTP_URL is set, so new mail goes to that server instead of here.</p>'
      : '<p>No SMTP_URL is set, so every email the app sends is kept here instead.</p>';
    res.setHeader('Cache-Control', 'no-store');
    res.send(page('Inbox', `<h1>Caught mail</h1>${note}${list}`));
  });

  router.get('/dev/mail/:id', async (req, res) => {
    const { id } = parse(idParam, req.params);
    const m = await getCaughtMail(ctx.db, id);
    if (!m) throw notFound('That message');
    const links = [...m.html_body.matchAll(/href="([^"]+)"/g)].map((x) =>
      x[1]!.replaceAll('&amp;', '&'),
    );
    const body =
      `<p><a href="/dev/mail">← All mail</a></p><h1>${escapeHtml(m.subject)}</h1>` +
      `<dl><dt>From</dt><dd>${escapeHtml(m.from_address)}</dd><dt>To</dt><dd>${escapeHtml(m.to_address)}</dd>` +
      `<dt>Sent</dt><dd>${m.created_at.toISOString()}</dd></dl>` +
      (links.length
        ? `<h2>Links in this message</h2><ul class="links">${[...new Set(links)]
            .map((l) => `<li><a href="${escapeHtml(l)}">${escapeHtml(l)}</a></li>`)
            .join('')}</ul>`
        : '') +
      `<h2>HTML part</h2><p><a href="/dev/mail/${m.id}/html">Open the HTML part on its own</a></p>` +
      `<iframe title="HTML part of the message" sandbox src="/dev/mail/${m.id}/html"></iframe>` +
      `<h2>Text part</h2><pre>${escapeHtml(m.text_body)}</pre>` +
      `<p><a href="/dev/mail/${m.id}/raw">Download the .eml source</a></p>`;
    res.setHeader('Cache-Control', 'no-store');
    res.send(page(m.subject, body));
  });

  router.get('/dev/mail/:id/html', async (req, res) => {
    const { id } = parse(idParam, req.params);
    const m = await getCaughtMail(ctx.db, id);
    if (!m) throw notFound('That message');
    // Mail HTML is treated as untrusted: sandboxed, no script, framed only by the inbox page.
    res.setHeader(
      'Content-Security-Policy',
      "sandbox allow-popups allow-top-navigation-by-user-activation; default-src 'none'; img-src https: data:; style-src 'unsafe-inline'; frame-ancestors 'self'",
    );
    res.setHeader('X-Frame-Options', 'SAMEORIGIN');
    res.type('html').send(m.html_body);
  });

  router.get('/dev/mail/:id/raw', async (req, res) => {
    const { id } = parse(idParam, req.params);
    const m = await getCaughtMail(ctx.db, id);
    if (!m) throw notFound('That message');
    res.setHeader('Content-Disposition', `attachment; filename="${m.id}.eml"`);
    res.type('message/rfc822').send(m.raw);
  });

  return router;
}

/** 127.0.0.0/8, ::1 and their IPv4-mapped forms. */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const a = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  if (isIP(a) === 4) return a.startsWith('127.');
  return a === '::1';
}

/**
 * The inbox shows every reset link: it answers the person at this machine (req.ip: the socket's
 * address, or X-Forwarded-For's when TRUST_PROXY is set) or a signed-in admin. Anyone else
 * gets the same 404 as a path that does not exist.
 */
export function devMailGuard(ctx: AppContext) {
  const auth = authMiddleware(ctx);
  return (req: Request, res: Response, next: NextFunction) => {
    if (isLoopback(req.ip)) return next();
    auth(req, res, (err?: unknown) => {
      if (err) return next(err);
      if (viewerOf(req)?.role === 'admin') return next();
      next(notFound('That page'));
    });
  };
}
