import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { sendMail } from '../../server/mail';
import { renderEmail } from '../../server/mail/templates';
import { startTestApp, type TestApp } from '../helpers/app';
import { anonymous } from '../helpers/auth';
import { startSmtp } from '../helpers/smtp';

describe('mail module', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(); // no SMTP_URL: the local catcher
  });

  it('renders an HTML and a plain-text part from the same content, escaping HTML', () => {
    const { html, text } = renderEmail({
      title: 'Hello <there>',
      paragraphs: ['Tom & Jerry say "hi"'],
      action: { label: 'Open', url: 'https://sb.example/x?a=1&b=2' },
    });
    expect(html).toContain('Hello &lt;there&gt;');
    expect(html).toContain('Tom &amp; Jerry say &quot;hi&quot;');
    expect(html).toContain('href="https://sb.example/x?a=1&amp;b=2"');
    expect(text).toContain('Hello <there>');
    expect(text).toContain('https://sb.example/x?a=1&b=2');
  });

  it('sends through SMTP with both parts', async () => {
    const smtp = await startSmtp();
    const config = { ...app.ctx.config, SMTP_URL: smtp.url };
    await sendMail(
      { ...app.ctx, config },
      {
        to: 'x@example.test',
        subject: 'Two parts',
        ...renderEmail({ title: 'T', paragraphs: ['p'] }),
      },
    );
    const m = await smtp.waitFor((x) => x.subject === 'Two parts');
    expect(m.html).toContain('<h1');
    expect(m.text).toContain('T\n\np');
  });

  it('without SMTP_URL catches mail and shows it at /dev/mail with a clickable link', async () => {
    await anonymous(app)
      .post('/api/auth/sign-up')
      .send({
        email: 'caught@example.test',
        handle: 'caught',
        displayName: 'Caught <b>',
        password: 'long enough password',
      })
      .expect(202);
    let list = '';
    await expect
      .poll(async () => (list = (await request(app.url).get('/dev/mail').expect(200)).text))
      .toContain('caught@example.test');
    expect(list).toContain('Confirm your email for Switchboard');
    const id = /href="\/dev\/mail\/([0-9a-f-]{36})"/.exec(list)![1]!;
    const detail = await request(app.url).get(`/dev/mail/${id}`).expect(200);
    expect(detail.text).toContain('Caught &lt;b&gt;'); // the name, escaped in the text part view
    const link = /href="(http:\/\/[^"]+\/verify-email\?token=[^"]+)"/.exec(detail.text)![1]!;
    expect(link.startsWith(app.url)).toBe(true);
    const html = await request(app.url).get(`/dev/mail/${id}/html`).expect(200);
    expect(html.headers['content-security-policy']).toMatch(/^sandbox/);
    expect(html.text).toContain('Confirm my email');
    const raw = await request(app.url).get(`/dev/mail/${id}/raw`).expect(200);
    expect(raw.headers['content-type']).toMatch(/message\/rfc822/);
    expect(raw.text).toMatch(/multipart\/alternative/);
    // The link works.
    const token = new URL(link).searchParams.get('token');
    await anonymous(app).post('/api/auth/verify-email').send({ token }).expect(200);
    await request(app.url).get('/dev/mail/not-a-uuid').expect(400);
    await request(app.url).get('/dev/mail/00000000-0000-4000-8000-000000000000').expect(404);
  });

  it('has no /dev/mail in production', async () => {
    const prod = await startTestApp({
      env: { NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40) },
      database: app.database,
    });
    await request(prod.url).get('/dev/mail').expect(404);
    await prod.close();
  });
});
