import type { Request } from 'express';
import type { Config } from '../config';

/**
 * Template helpers: every message has an HTML and a plain-text part built from the same
 * pieces, so they never drift apart. Keep the HTML simple (tables-free, inline styles only):
 * mail clients strip <style> and run no script.
 */
export function escapeHtml(s: string): string {
  return s
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

export interface EmailContent {
  /** Shown as the heading; the subject line is separate. */
  title: string;
  greeting?: string;
  /** Paragraphs of plain text (escaped for HTML). */
  paragraphs: string[];
  action?: { label: string; url: string };
  /** Small print under the action. */
  footer?: string[];
  /** Links in the small print (manage preferences, unsubscribe). */
  footerLinks?: { label: string; url: string }[];
}

const font = 'font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif';

export function renderEmail(c: EmailContent): { html: string; text: string } {
  const p = (s: string) =>
    `<p style="margin:0 0 16px;${font};font-size:16px;line-height:1.5;color:#1f2933">${escapeHtml(s)}</p>`;
  const html = [
    '<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">',
    `<title>${escapeHtml(c.title)}</title></head>`,
    '<body style="margin:0;padding:24px;background:#f4f5f7">',
    '<div style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:32px">',
    `<p style="margin:0 0 24px;${font};font-weight:700;color:#3451b2">Switchboard</p>`,
    `<h1 style="margin:0 0 16px;${font};font-size:22px;color:#1f2933">${escapeHtml(c.title)}</h1>`,
    c.greeting ? p(c.greeting) : '',
    ...c.paragraphs.map(p),
    c.action
      ? `<p style="margin:24px 0"><a href="${escapeHtml(c.action.url)}" style="display:inline-block;background:#3451b2;color:#ffffff;${font};font-size:16px;font-weight:600;text-decoration:none;padding:12px 20px;border-radius:6px">${escapeHtml(c.action.label)}</a></p>` +
        p(`If the button does not work, copy this link into your browser: ${c.action.url}`)
      : '',
    ...(c.footer ?? []).map(
      (s) =>
        `<p style="margin:16px 0 0;${font};font-size:13px;line-height:1.5;color:#616e7c">${escapeHtml(s)}</p>`,
    ),
    c.footerLinks?.length
      ? `<p style="margin:16px 0 0;${font};font-size:13px;line-height:1.5;color:#616e7c">${c.footerLinks
          .map(
            (l) =>
              `<a href="${escapeHtml(l.url)}" style="color:#3451b2">${escapeHtml(l.label)}</a>`,
          )
          .join(' · ')}</p>`
      : '',
    '</div></body></html>',
  ].join('');
  const text = [
    c.title,
    '',
    ...(c.greeting ? [c.greeting, ''] : []),
    ...c.paragraphs.flatMap((s) => [s, '']),
    ...(c.action ? [`${c.action.label}:`, c.action.url, ''] : []),
    ...(c.footer ?? []).flatMap((s) => [s, '']),
    ...(c.footerLinks ?? []).flatMap((l) => [`${l.label}: ${l.url}`]),
    ...(c.footerLinks?.length ? [''] : []),
    '— Switchboard',
  ].join('\n');
  return { html, text };
}

/**
 * Absolute URL for a link in an email. PUBLIC_URL when set. Otherwise, outside production,
 * the Host the request came to (a laptop on any port just works); in production the Host
 * header is attacker-controlled (reset-link poisoning), so without PUBLIC_URL we fall back
 * to localhost and say so in the log at start-up.
 */
export function appUrl(
  config: Pick<Config, 'PUBLIC_URL' | 'isProduction' | 'PORT'>,
  path: string,
  req?: Request,
): string {
  if (config.PUBLIC_URL) return new URL(path, config.PUBLIC_URL).toString();
  if (req && !config.isProduction)
    return new URL(path, `${req.protocol}://${req.get('host')}`).toString();
  return new URL(path, `http://localhost:${config.PORT}`).toString();
}

/**
 * Absolute URL for a link built by a mail job: the same rules as appUrl, with the origin the
 * request came to carried in the job (`base`) instead of the request itself.
 */
export function jobUrl(
  config: Pick<Config, 'PUBLIC_URL' | 'isProduction' | 'PORT'>,
  base: string | undefined,
  path: string,
): string {
  if (config.PUBLIC_URL) return new URL(path, config.PUBLIC_URL).toString();
  if (base && !config.isProduction) return new URL(path, base).toString();
  return new URL(path, `http://localhost:${config.PORT}`).toString();
}

/** The origin a mail job should link to (see jobUrl). */
export function requestBase(
  config: Pick<Config, 'PUBLIC_URL' | 'isProduction' | 'PORT'>,
  req?: Request,
): string {
  return appUrl(config, '/', req);
}
