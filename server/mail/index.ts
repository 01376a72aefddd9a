import type { Transporter } from 'nodemailer';
import type { Config } from '../config';
import type { AppContext } from '../context';
import { catchMail } from './catcher';

/**
 * Outgoing mail. Features never call `sendMail` directly: they enqueue a durable job with
 * `enqueueEmail(trx, ...)` (./outbox.ts) and the mail worker sends it (./deliver.ts). Build the
 * two bodies with ./templates.ts. With SMTP_URL it goes to that server; without, it is caught in
 * the `caught_mail` table and shown at /dev/mail (outside production) so nobody needs an SMTP
 * server to try the app.
 */
export interface MailMessage {
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Extra headers, e.g. List-Unsubscribe for digests. */
  headers?: Record<string, string>;
  /** Set by the mail worker from the job id (./deliver.ts). */
  messageId?: string;
}

export type MailContext = Pick<AppContext, 'config' | 'db' | 'logger'>;

const transports = new WeakMap<Config, Promise<Transporter>>();
// nodemailer is loaded with the first message, not at start-up.
const mailer = async () => (await import('nodemailer')).default;

/**
 * One pooled transport per configuration: SMTP_POOL_SIZE connections kept open and reused for
 * up to 100 messages each (the mail worker sends a batch at once; they share these).
 * Settings in SMTP_URL's query (?pool=false, ?maxConnections=2) still win.
 */
function smtpTransport(config: Config): Promise<Transporter> {
  let t = transports.get(config);
  if (!t) {
    // The promise is kept, so a batch's first messages all share one pool.
    t = mailer().then((m) => m.createTransport(smtpTransportOptions(config)));
    transports.set(config, t);
  }
  return t;
}

export function smtpTransportOptions(config: Pick<Config, 'SMTP_URL' | 'SMTP_POOL_SIZE'>) {
  return {
    url: config.SMTP_URL!,
    pool: true,
    maxConnections: config.SMTP_POOL_SIZE,
    maxMessages: 100,
  } as const;
}

/** Closes the pooled SMTP connections (on stop: an idle pool would keep them open). */
export function closeMail(config: Config): void {
  void transports.get(config)?.then((t) => t.close());
  transports.delete(config);
}

/** Builds the complete RFC 5322 message (the catcher keeps it as the .eml source). */
let rawBuilder: Transporter | undefined;
const rawMessageBuilder = async () =>
  (rawBuilder ??= (await mailer()).createTransport({
    streamTransport: true,
    buffer: true,
    newline: 'unix',
  }));

export async function sendMail(ctx: MailContext, msg: MailMessage): Promise<void> {
  const mail = {
    from: ctx.config.MAIL_FROM,
    to: msg.to,
    subject: msg.subject,
    html: msg.html,
    text: msg.text,
    headers: msg.headers,
    messageId: msg.messageId,
  };
  if (ctx.config.SMTP_URL) {
    await (await smtpTransport(ctx.config)).sendMail(mail);
    ctx.logger.info({ subject: msg.subject }, 'mail sent');
    return;
  }
  const info = (await (await rawMessageBuilder()).sendMail(mail)) as unknown as {
    message: Buffer;
  };
  await catchMail(ctx.db, {
    ...msg,
    from: ctx.config.MAIL_FROM,
    raw: info.message.toString('utf8'),
  });
  ctx.logger.info({ subject: msg.subject }, 'mail caught locally (no SMTP_URL); see /dev/mail');
}
