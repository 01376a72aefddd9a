import type { z } from 'zod';
import {
  type askerProfileInput,
  type mentorProfileInput,
  type MentorListQuery,
  type MentorSummary,
  type MyProfile,
  type profileBasicsInput,
  type PublicProfile,
} from '../../shared/api/profiles';
import type { Page } from '../../shared/api/threads';
import type { Viewer } from '../auth/viewer';
import type { Db } from '../db';
import { notFound } from '../http/errors';
import { afterKey, pageOf } from '../lib/paging';
import { assertNotDeleted } from './policy';
import { presentMentorSummary, presentMyProfile, presentPublicProfile } from './presenter';
import * as q from './queries';
import { askerValues, mentorValues } from './values';

export async function getPublicProfile(
  db: Db,
  handle: string,
  viewer: Viewer | null,
): Promise<PublicProfile> {
  const row = await q.findProfileRow(db, { handle });
  if (!row) throw notFound(`The profile @${handle}`);
  return presentPublicProfile(assertNotDeleted(row), viewer?.id ?? null);
}

export async function getMyProfile(db: Db, viewer: Viewer): Promise<MyProfile> {
  const row = await q.findProfileRow(db, { id: viewer.id });
  if (!row) throw notFound('Your account');
  return presentMyProfile(assertNotDeleted(row));
}

/** Saving a profile is activity: it moves the person up the mentor list. */
async function saveThenRead(db: Db, viewer: Viewer, write: (trx: Db) => Promise<void>) {
  await db.transaction().execute(async (trx) => {
    await write(trx);
    await q.touchLastActive(trx, viewer.id);
  });
  return getMyProfile(db, viewer);
}

export function saveBasics(db: Db, viewer: Viewer, input: z.output<typeof profileBasicsInput>) {
  return saveThenRead(db, viewer, (trx) =>
    q.updateBasics(trx, viewer.id, { display_name: input.displayName, bio: input.bio }),
  );
}

export function saveAsker(db: Db, viewer: Viewer, input: z.output<typeof askerProfileInput>) {
  return saveThenRead(db, viewer, (trx) => q.upsertAsker(trx, viewer.id, askerValues(input)));
}

export function saveMentor(db: Db, viewer: Viewer, input: z.output<typeof mentorProfileInput>) {
  return saveThenRead(db, viewer, (trx) => q.upsertMentor(trx, viewer.id, mentorValues(input)));
}

/** Idempotent: stopping twice is as good as stopping once. */
export async function removeAsker(db: Db, viewer: Viewer): Promise<void> {
  await q.deleteAsker(db, viewer.id);
}

export async function removeMentor(db: Db, viewer: Viewer): Promise<void> {
  await q.deleteMentor(db, viewer.id);
}

export async function listMentorPage(db: Db, query: MentorListQuery): Promise<Page<MentorSummary>> {
  const rows = await q.listMentors(db, {
    limit: query.limit + 1,
    path: query.path,
    available: query.available === 'true',
    after: afterKey(query.cursor),
  });
  return pageOf(rows, query.limit, (r) => r.active_key, presentMentorSummary);
}
