import { escapeHtml } from '../mail/templates';
import { subjectOf, type DigestContent } from './content';

/**
 * The digest email: HTML and plain text from the same content. Single column, fluid up to
 * 560 px (fine at 375 px), inline styles; `color-scheme: light dark` plus a dark-mode media
 * query for the clients that honour it, and colours that stay readable when a client inverts.
 */
export function renderDigest(
  c: DigestContent,
  link: (path: string) => string,
  footer: { preferencesUrl: string; unsubscribeUrl: string },
): { subject: string; html: string; text: string } {
  const subject = subjectOf(c);
  const font = 'font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif';
  const h2 = (s: string) =>
    `<h2 class="fg" style="margin:24px 0 8px;${font};font-size:18px;color:#1f2933">${escapeHtml(s)}</h2>`;
  const a = (url: string, label: string) =>
    `<a href="${escapeHtml(link(url))}" style="color:#3451b2;font-weight:600">${escapeHtml(label)}</a>`;
  const li = (inner: string) =>
    `<li class="fg" style="margin:0 0 10px;${font};font-size:15px;line-height:1.45;color:#1f2933">${inner}</li>`;
  const muted = (s: string) =>
    `<br><span class="muted" style="color:#52606d">${escapeHtml(s)}</span>`;
  const html: string[] = [];
  const text: string[] = [subject, '', `Hi ${c.name},`, ''];
  for (const [heading, threads] of [
    ['Replies to your questions', c.threads.filter((t) => t.mine)],
    ['New in threads you follow', c.threads.filter((t) => !t.mine)],
  ] as const) {
    if (!threads.length) continue;
    html.push(h2(heading));
    text.push(heading.toUpperCase(), '');
    for (const t of threads) {
      html.push(
        `<p class="fg" style="margin:12px 0 6px;${font};font-size:15px;font-weight:700;color:#1f2933">${escapeHtml(t.title)}</p><ul style="margin:0;padding-left:20px">`,
      );
      text.push(t.title);
      for (const i of t.items) {
        html.push(li(`${a(i.url, `${i.by} replied`)}${i.excerpt ? muted(i.excerpt) : ''}`));
        text.push(`- ${i.by}: ${i.excerpt}`, `  ${link(i.url)}`);
      }
      html.push('</ul>');
      text.push('');
    }
  }
  if (c.questions.length) {
    html.push(h2('New questions that fit your switch'), '<ul style="margin:0;padding-left:20px">');
    text.push('NEW QUESTIONS THAT FIT YOUR SWITCH', '');
    for (const q of c.questions) {
      html.push(li(`${a(q.url, q.title)}${q.reasons.length ? muted(q.reasons.join(' · ')) : ''}`));
      text.push(`- ${q.title}`, `  ${link(q.url)}`);
    }
    html.push('</ul>');
    text.push('');
  }
  if (c.requests.length) {
    html.push(
      h2('Mentorship requests waiting for your answer'),
      '<ul style="margin:0;padding-left:20px">',
    );
    text.push('MENTORSHIP REQUESTS WAITING FOR YOUR ANSWER', '');
    for (const r of c.requests) {
      html.push(li(a(r.url, `${r.asker} asked you for a mentorship`)));
      text.push(`- ${r.asker} asked you for a mentorship`, `  ${link(r.url)}`);
    }
    html.push('</ul>');
    text.push('');
  }
  const chats = c.chats ?? [];
  if (chats.length) {
    html.push(h2('Unread messages'), '<ul style="margin:0;padding-left:20px">');
    text.push('UNREAD MESSAGES', '');
    for (const m of chats) {
      const label = `${m.with} · ${m.unread === 1 ? '1 unread message' : `${m.unread} unread messages`}`;
      html.push(li(`${a(m.url, label)}${m.excerpt ? muted(`“${m.excerpt}”`) : ''}`));
      text.push(`- ${label}${m.excerpt ? `: “${m.excerpt}”` : ''}`, `  ${link(m.url)}`);
    }
    html.push('</ul>');
    text.push('');
  }
  const top = c.tagThreads ?? [];
  if (top.length) {
    html.push(h2('Top threads in tags you follow'), '<ul style="margin:0;padding-left:20px">');
    text.push('TOP THREADS IN TAGS YOU FOLLOW', '');
    for (const t of top) {
      const meta = [
        t.tags.join(', '),
        t.points === 1 ? '1 point' : `${t.points} points`,
        t.replies === 1 ? '1 reply' : `${t.replies} replies`,
      ].join(' · ');
      html.push(li(`${a(t.url, t.title)}${muted(meta)}`));
      text.push(`- ${t.title} (${meta})`, `  ${link(t.url)}`);
    }
    html.push('</ul>');
    text.push('');
  }
  for (const e of c.extra) {
    html.push(h2(e.heading), '<ul style="margin:0;padding-left:20px">');
    text.push(e.heading.toUpperCase(), '');
    for (const i of e.items) {
      html.push(li(a(i.url, i.text)));
      text.push(`- ${i.text}`, `  ${link(i.url)}`);
    }
    html.push('</ul>');
    text.push('');
  }
  const period = c.frequency === 'weekly' ? 'weekly' : 'daily';
  const doc = [
    '<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">',
    '<meta name="color-scheme" content="light dark"><meta name="supported-color-schemes" content="light dark">',
    `<title>${escapeHtml(subject)}</title>`,
    '<style>@media (prefers-color-scheme: dark){body,.card{background:#111418!important}.fg{color:#e4e7eb!important}.muted{color:#9aa5b1!important}a{color:#8fa8ff!important}}</style>',
    '</head><body style="margin:0;padding:12px;background:#f4f5f7">',
    '<div class="card" style="max-width:560px;width:100%;box-sizing:border-box;margin:0 auto;background:#ffffff;border-radius:8px;padding:20px">',
    `<p style="margin:0 0 8px;${font};font-weight:700;color:#3451b2">Switchboard · your ${period} digest</p>`,
    `<p class="fg" style="margin:0;${font};font-size:15px;color:#1f2933">Hi ${escapeHtml(c.name)}, here is what happened.</p>`,
    ...html,
    `<p class="muted" style="margin:24px 0 0;${font};font-size:13px;line-height:1.5;color:#52606d">You get this ${period} digest because of your notification settings. ` +
      `<a href="${escapeHtml(footer.preferencesUrl)}" style="color:#3451b2">Notification settings</a> · ` +
      `<a href="${escapeHtml(footer.unsubscribeUrl)}" style="color:#3451b2">Unsubscribe from the digest</a></p>`,
    '</div></body></html>',
  ].join('');
  text.push(
    `Notification settings: ${footer.preferencesUrl}`,
    `Unsubscribe from the digest: ${footer.unsubscribeUrl}`,
    '',
    '— Switchboard',
  );
  return { subject, html: doc, text: text.join('\n') };
}
