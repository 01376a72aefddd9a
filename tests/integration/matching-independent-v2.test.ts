/**
 * The independent set v2 (bench/independent-v2/) as the matching bench uses it: the frozen
 * files parse with the API's schemas and every label names a real mentor and asker; the
 * adapter puts people into Postgres so that what the engine reads back is what the files say.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAsker } from '../../server/matching/service';
import { loadV2, shiftTo, v2Id, v2Uuid } from '../fixtures/matching/independent-v2/load';
import { V2_DIR, checkV2, readV2 } from '../fixtures/matching/independent-v2/read';
import { createTestDatabase, type TestDatabase } from '../helpers/db';

const set = readV2();
const mentor = (id: string) => set.mentors.find((m) => m.id === id)!;
// Not the bench's moment on purpose: ages must follow whatever `now` the loader is given.
const NOW = new Date('2027-03-10T08:30:00Z');

describe('independent set v2 files', () => {
  it('parse, and every label and split entry names an existing mentor or asker', () => {
    expect(set.mentors).toHaveLength(87);
    expect(set.askers).toHaveLength(32);
    expect(checkV2(set)).toEqual([]);
    expect(Object.keys(set.labels).sort()).toEqual(set.askers.map((a) => a.id).sort());
    expect(set.split.tune).toHaveLength(16);
    expect(set.split.heldOut).toHaveLength(16);
  });

  it('a label naming an unknown mentor is reported', () => {
    const broken = { ...set, labels: { ...set.labels, a01: [...set.labels.a01!] } };
    broken.labels.a01.push({ mentor: 'm99', grade: 'good', reason: 'x' });
    expect(checkV2(broken)).toContain('labels a01: unknown mentor m99');
  });

  it('a malformed file fails with the file, the person and the field', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'v2-'));
    try {
      cpSync(V2_DIR, dir, { recursive: true });
      const file = path.join(dir, 'mentors.json');
      const json = JSON.parse(readFileSync(file, 'utf8'));
      json.mentors[2].notes.responseHours = 'soon';
      writeFileSync(file, JSON.stringify(json));
      expect(() => readV2(dir)).toThrow(/mentors\.json m03\.notes\.responseHours: /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('independent set v2 in Postgres', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
    await loadV2(t.db, set, NOW);
  });
  afterAll(() => t?.destroy());

  it('maps ids both ways', () => {
    expect(v2Uuid('m07')).toBe('00000000-0000-4000-8002-000000000007');
    expect(v2Id(v2Uuid('m07'))).toBe('m07');
    expect(v2Id(v2Uuid('a32'))).toBe('a32');
  });

  it('keeps each mentor age relative to now, and each open seat count', async () => {
    const rows = await t.db
      .selectFrom('users as u')
      .innerJoin('mentor_match_index as i', 'i.mentor_id', 'u.id')
      .select(['u.id', 'u.last_active_at', 'i.open_seats'])
      .execute();
    expect(rows).toHaveLength(87);
    for (const r of rows) {
      const m = mentor(v2Id(r.id));
      expect([m.id, r.last_active_at.getTime()]).toEqual([
        m.id,
        shiftTo(set, NOW, m.lastActiveAt).getTime(),
      ]);
      expect([m.id, r.open_seats]).toEqual([m.id, m.openSeats]);
    }
    // m03 was last seen 9 months before referenceTime: still ~9 months before NOW.
    const m03 = rows.find((r) => v2Id(r.id) === 'm03')!;
    const days = (NOW.getTime() - m03.last_active_at.getTime()) / 86_400_000;
    expect(Math.round(days)).toBe(
      Math.round(
        (set.referenceTime.getTime() - Date.parse(mentor('m03').lastActiveAt)) / 86_400_000,
      ),
    );
  });

  it('round-trips a paused, a full and an ordinary mentor', async () => {
    const row = (id: string) =>
      t.db
        .selectFrom('mentor_profiles as p')
        .innerJoin('mentor_match_stats as s', 's.mentor_id', 'p.user_id')
        .leftJoin('mentor_pauses as z', 'z.mentor_id', 'p.user_id')
        .select([
          'p.role_before',
          'p.role_before_family',
          'p.path_taken',
          'p.skills',
          'p.industries',
          'p.time_zone',
          'p.languages',
          'p.capacity',
          's.active_mentees',
          's.response_hours',
          's.response_count',
          'z.reason',
          'z.capacity_before',
        ])
        .where('p.user_id', '=', v2Uuid(id))
        .executeTakeFirstOrThrow();
    const m01 = mentor('m01');
    expect(await row('m01')).toEqual({
      role_before: m01.profile.roleBefore,
      role_before_family: 'web-agency',
      path_taken: 'startup-eng-lead',
      skills: ['JavaScript', 'PHP', 'user interviews', 'roadmapping'],
      industries: ['retail', 'e-commerce'],
      time_zone: 'Europe/London',
      languages: ['en'],
      capacity: 2,
      active_mentees: 0,
      response_hours: 10,
      response_count: 6,
      reason: null,
      capacity_before: null,
    });
    // Paused: capacity 0 (what matching reads), the capacity to restore kept with the reason.
    expect(await row('m12')).toMatchObject({ capacity: 0, reason: 'manual', capacity_before: 2 });
    expect(await row('m55')).toMatchObject({
      capacity: 0,
      reason: 'expired_requests',
      capacity_before: 2,
    });
    expect(await row('m19')).toMatchObject({ capacity: 2, active_mentees: 2 });
    expect(await row('m18')).toMatchObject({ response_hours: 110 });
  });

  it('reads an asker back through the API loader exactly as the file says', async () => {
    const a = set.askers.find((x) => x.id === 'a01')!;
    expect(await loadAsker(t.db, v2Uuid('a01'))).toEqual({
      userId: v2Uuid('a01'),
      currentRole: a.profile.currentRole,
      roleFamily: 'web-agency',
      yearsExperience: 8,
      companyType: 'agency',
      companySize: '11-50',
      industries: ['marketing'],
      pathsWeighed: ['internal-transfer', 'consulting-pm', 'startup-eng-lead', 'founder'],
      constraints: a.profile.constraints,
      goals: '',
      timeZone: 'America/Chicago',
      languages: ['en'],
      focus: ['choosing-path'],
    });
  });
});
