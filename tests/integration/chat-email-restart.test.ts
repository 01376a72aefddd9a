import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { signInAt, startServerProcess, type ServerProcess } from '../helpers/cluster';
import { createTestDatabase } from '../helpers/db';
import { startSmtp } from '../helpers/smtp';
import { createPair } from './chat-fixtures';

const running: ServerProcess[] = [];
afterAll(async () => {
  await Promise.all(running.map((p) => p.stop()));
});

describe('chat unread email survives a crash', () => {
  it('is still sent when the process is killed between the message and the delay', async () => {
    const smtp = await startSmtp();
    const database = await createTestDatabase();
    try {
      const env = {
        DATABASE_URL: database.url,
        SMTP_URL: smtp.url,
        CHAT_EMAIL_DELAY_MINUTES: '0.05',
      };
      const first = await startServerProcess(env);
      running.push(first);
      const pair = await createPair(database.db);
      const mentor = await signInAt(first.url, pair.mentor);
      await mentor
        .post(`/api/conversations/${pair.conversationId}/messages`)
        .send({ id: randomUUID(), body: 'Are we still on for Thursday?' })
        .expect(201);
      first.child.kill('SIGKILL'); // no graceful stop: the job must already be in the database
      await first.stop();
      expect(smtp.messages).toEqual([]);
      running.push(await startServerProcess(env));
      const mail = await smtp.waitFor((m) => m.to === pair.mentee.email, 30_000);
      expect(mail.subject).toBe('Priya Raman sent you a message');
      expect(mail.text).toContain('Are we still on for Thursday?');
    } finally {
      await Promise.all(running.map((p) => p.stop()));
      await database.destroy();
    }
  }, 90_000);
});
