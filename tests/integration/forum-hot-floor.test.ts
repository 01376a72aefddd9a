import { beforeAll, describe, expect, it } from 'vitest';
import { listHot } from '../../server/threads/queries';
import type { ThreadSummary } from '../../shared/api/threads';
import { startTestApp, type TestApp } from '../helpers/app';
import { anonymous, createUser, signIn, type Client } from '../helpers/auth';
import { hoursAgo, postReply, postThread, forumTestEnv, setCreatedAt } from './forum-helpers';

/*
 * Hot's new-question floor (server/threads/ranking.ts) on the demo community: a question
 * nobody has answered yet, younger than FORUM_HOT_NEW_HOURS, is lifted to about
 * FORUM_HOT_NEW_POSITION; everything else keeps the exact order of plain gravity.
 */
const HOURS = 3;
const POSITION = 3;
const PAGE = 10;

let app: TestApp;
let asker: Client;
let answerer: Client;

beforeAll(async () => {
  app = await startTestApp({
    seed: true,
    env: {
      ...forumTestEnv,
      FORUM_HOT_NEW_HOURS: String(HOURS),
      FORUM_HOT_NEW_POSITION: String(POSITION),
    },
  });
  asker = await signIn(app, await createUser(app.ctx.db));
  answerer = await signIn(app, await createUser(app.ctx.db));
});

async function firstPage(): Promise<string[]> {
  const res = await anonymous(app).get(`/api/threads?sort=hot&limit=${PAGE}`).expect(200);
  return (res.body.items as ThreadSummary[]).map((t) => t.id);
}

/** The whole Hot list as of one moment, with or without the floor, straight from the query. */
async function hotIds(asOf: Date, floor: boolean): Promise<string[]> {
  const rows = await listHot(app.ctx.db, {
    limit: 10_000,
    candidates: app.ctx.config.FORUM_HOT_CANDIDATES,
    asOf,
    ...(floor ? { floor: { hours: HOURS, position: POSITION } } : {}),
  });
  return rows.map((r) => r.id);
}

/** Ids of the questions the floor applies to as of `asOf`. */
async function freshIds(asOf: Date): Promise<Set<string>> {
  const rows = await app.ctx.db
    .selectFrom('threads')
    .select('id')
    .where('reply_count', '=', 0)
    .where('helpful_count', '=', 0)
    .where('deleted_at', 'is', null)
    .where('hidden_at', 'is', null)
    .where('created_at', '>', new Date(asOf.getTime() - HOURS * 3_600_000))
    .execute();
  return new Set(rows.map((r) => r.id));
}

describe('hot: the new-question floor', () => {
  it('puts a brand-new unanswered question on the first page, around the floor position', async () => {
    const t = await postThread(asker, { title: 'Brand new: is a product ops role a real bridge?' });
    const page = await firstPage();
    const at = page.indexOf(t.thread.id);
    expect(at, `index ${at} in ${page.length}`).toBeGreaterThanOrEqual(0);
    // It is the newest question, so among the lifted ones only a question whose own votes
    // already beat the floor can be above it.
    expect(at).toBeLessThanOrEqual(POSITION - 1 + (await freshIds(new Date())).size - 1);
    // Plain gravity scores it 0 and leaves it below the page: the floor is what lifted it.
    const plain = await hotIds(new Date(), false);
    expect(plain.indexOf(t.thread.id)).toBeGreaterThanOrEqual(PAGE);
  });

  it('gives nothing to a question older than the window, or to one already answered', async () => {
    const old = await postThread(asker, {
      title: 'Older than the window: take-home for a PM role',
    });
    await setCreatedAt(app.ctx.db, 'threads', old.thread.id, hoursAgo(HOURS + 0.5));
    const answered = await postThread(asker, { title: 'Answered within minutes: APM age limit?' });
    await postReply(answerer, answered.thread.id);

    const page = await firstPage();
    expect(page).not.toContain(old.thread.id);
    expect(page).not.toContain(answered.thread.id);
    const asOf = new Date();
    const [lifted, plain] = await Promise.all([hotIds(asOf, true), hotIds(asOf, false)]);
    const fresh = await freshIds(asOf);
    const rest = (ids: string[]) => ids.filter((id) => !fresh.has(id));
    // Both sit exactly where plain gravity puts them among the unlifted threads.
    for (const id of [old.thread.id, answered.thread.id])
      expect(rest(lifted).indexOf(id)).toBe(rest(plain).indexOf(id));
  });

  it('leaves the relative order of every other thread exactly as plain gravity has it', async () => {
    const asOf = new Date();
    const [lifted, plain] = await Promise.all([hotIds(asOf, true), hotIds(asOf, false)]);
    const fresh = await freshIds(asOf);
    // The demo seeds a few unanswered questions from the last hours, plus the one above.
    expect(fresh.size).toBeGreaterThanOrEqual(3);
    expect(lifted).not.toEqual(plain);
    expect(new Set(lifted)).toEqual(new Set(plain));
    const rest = (ids: string[]) => ids.filter((id) => !fresh.has(id));
    expect(rest(lifted)).toEqual(rest(plain));
    // Measured: how many of the other threads changed place relative to each other.
    const pos = new Map(rest(plain).map((id, i) => [id, i]));
    const moved = rest(lifted).filter((id, i) => pos.get(id) !== i).length;
    console.info(
      `hot floor: ${fresh.size} lifted of ${lifted.length}; ${moved} of ${rest(lifted).length} others moved`,
    );
    expect(moved).toBe(0);
  });

  it('pages through the lifted list without repeats or gaps', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { items: ThreadSummary[]; nextCursor: string | null } } = await anonymous(
        app,
      )
        .get(`/api/threads?sort=hot&limit=4${cursor ? `&cursor=${cursor}` : ''}`)
        .expect(200);
      seen.push(...res.body.items.map((t) => t.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(new Set(seen)).toEqual(new Set(await hotIds(new Date(), true)));
  });
});

describe('hot: the floor with the list cache on', () => {
  it('an answer ends the lift at once, though the first page was cached', async () => {
    // A long list cache (60 s): the reply, a write, empties it, so the answered question
    // drops at the very next read rather than when the cached page expires.
    const cached = await startTestApp({
      seed: true,
      env: { ...forumTestEnv, FORUM_LIST_CACHE_SECONDS: '60' },
    });
    const member = await signIn(cached, await createUser(cached.ctx.db));
    const helper = await signIn(cached, await createUser(cached.ctx.db));
    const page = async () =>
      (
        (await anonymous(cached).get(`/api/threads?sort=hot&limit=${PAGE}`).expect(200)).body
          .items as ThreadSummary[]
      ).map((t) => t.id);
    const t = await postThread(member, { title: 'Cached list: does a first answer end the lift?' });
    expect(await page()).toContain(t.thread.id);
    expect(await page()).toContain(t.thread.id); // served from the cache this time
    await postReply(helper, t.thread.id);
    expect(await page()).not.toContain(t.thread.id);
  });
});
