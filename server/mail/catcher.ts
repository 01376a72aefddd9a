import type { Db } from '../db';

/** The local mail catcher: every message that would have gone out, kept in `caught_mail`. */
export interface CaughtMailInput {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  raw: string;
}

export async function catchMail(db: Db, m: CaughtMailInput): Promise<void> {
  await db
    .insertInto('caught_mail')
    .values({
      from_address: m.from,
      to_address: m.to,
      subject: m.subject,
      html_body: m.html,
      text_body: m.text,
      raw: m.raw,
    })
    .execute();
}

export function listCaughtMail(db: Db, limit = 100) {
  return db
    .selectFrom('caught_mail')
    .select(['id', 'to_address', 'subject', 'created_at'])
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export function getCaughtMail(db: Db, id: string) {
  return db.selectFrom('caught_mail').selectAll().where('id', '=', id).executeTakeFirst();
}
