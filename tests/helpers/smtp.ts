/**
 * A real SMTP server for tests (smtp-server), every message parsed with mailparser.
 *
 *   const smtp = await startSmtp();                       // closed after the file
 *   const app = await startTestApp({ env: { SMTP_URL: smtp.url } });
 *   const mail = await smtp.waitFor((m) => m.to === 'a@example.test');
 *   mail.subject; mail.text; mail.html; mail.links   // links: every href in the HTML part
 */
import { simpleParser, type AddressObject } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll } from 'vitest';

export interface ReceivedMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  links: string[];
  headers: Map<string, unknown>;
  /** A header exactly as sent (unfolded), e.g. header('List-Unsubscribe'). */
  header(name: string): string | undefined;
}

export interface TestSmtp {
  url: string;
  messages: ReceivedMail[];
  /** Messages whose DATA is being received right now (not yet answered). */
  receiving(): number;
  waitFor(match: (m: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
}

const addressText = (a: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(a) ? a : a ? [a] : [])
    .flatMap((x) => x.value.map((v) => v.address ?? ''))
    .join(', ');

export interface SmtpOptions {
  /** Listen on this port (to bring a "down" server back up on the same address). */
  port?: number;
  /** Refuse a recipient: return e.g. { code: 550, message: 'No such user' }. */
  reject?: (to: string) => { code: number; message: string } | undefined;
  /** While `paused` is true every message is refused with a temporary 451 (and not kept). */
  gate?: { paused: boolean };
}

export async function startSmtp(opts: SmtpOptions = {}): Promise<TestSmtp> {
  const messages: ReceivedMail[] = [];
  let inData = 0;
  const waiters = new Set<() => void>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const refusal = opts.reject?.(address.address);
      if (!refusal) return callback();
      callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
    },
    onData(stream, _session, done) {
      inData++;
      const callback = (err?: Error) => {
        inData--;
        done(err);
      };
      simpleParser(stream).then(
        (parsed) => {
          if (opts.gate?.paused)
            return callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
          const html = typeof parsed.html === 'string' ? parsed.html : '';
          messages.push({
            from: addressText(parsed.from),
            to: addressText(parsed.to),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html,
            links: [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replaceAll('&amp;', '&')),
            headers: parsed.headers,
            header: (name) => {
              const found = parsed.headerLines.find((h) => h.key === name.toLowerCase());
              return found?.line
                .slice(found.line.indexOf(':') + 1)
                .replace(/\r?\n\s+/g, ' ')
                .trim();
            },
          });
          for (const w of waiters) w();
          callback();
        },
        (err: Error) => callback(err),
      );
    },
  });
  // A client that goes away mid-connection (a worker killed while its pooled SMTP connections
  // are open) resets them: a real mail server logs that and carries on, so does this one.
  server.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'ECONNRESET' && err.code !== 'EPIPE') throw err;
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  afterAll(close);

  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    receiving: () => inData,
    close,
    waitFor(match, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = messages.find(match);
          if (found) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(found);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching mail within ${timeoutMs} ms (got ${messages.length})`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
  };
}
