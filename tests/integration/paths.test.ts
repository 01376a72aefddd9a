import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PathDetail, PathSummary } from '../../shared/api/paths';
import { pathForTag } from '../../shared/api/paths';
import { careerPaths } from '../../shared/taxonomy';
import { startTestApp, type TestApp } from '../helpers/app';
import { createMentor } from './mentorship-fixtures';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  const db = app.ctx.db;
  const transfer = { pathTaken: 'internal-transfer' as const };
  await createMentor(
    db,
    {
      ...transfer,
      monthsToSwitch: 6,
      roleBefore: 'Backend engineer',
      yearsBeforeSwitch: 4,
      companyTypeBefore: 'enterprise',
      whatHelped: 'A skip-level sponsor who saw my research readout.',
    },
    { displayName: 'Ana Transfer' },
  );
  await createMentor(db, {
    ...transfer,
    monthsToSwitch: 11,
    roleBefore: 'Platform engineer',
    yearsBeforeSwitch: 6,
    companyTypeBefore: 'enterprise',
    whatHelped: '',
  });
  await createMentor(db, {
    ...transfer,
    monthsToSwitch: 30,
    roleBefore: 'Backend developer',
    yearsBeforeSwitch: 8,
    companyTypeBefore: 'scale-up',
    whatHelped: 'Owning one quarter of the roadmap before asking.',
  });
  await createMentor(db, { pathTaken: 'founder', monthsToSwitch: 24 });
  const gone = await createMentor(db, { ...transfer, monthsToSwitch: 1 });
  await db.updateTable('users').set({ deleted_at: new Date() }).where('id', '=', gone.id).execute();
});

describe('career paths', () => {
  it('lists every path with how many mentors took it and the median months to switch', async () => {
    const res = await request(app.url).get('/api/paths').expect(200);
    const list = res.body as PathSummary[];
    expect(list.map((p) => p.id)).toEqual(careerPaths.map((p) => p.id));
    expect(list.find((p) => p.id === 'internal-transfer')).toEqual({
      id: 'internal-transfer',
      label: 'Internal transfer at a larger company',
      mentorCount: 3,
      medianMonths: 11,
    });
    expect(list.find((p) => p.id === 'mba')).toMatchObject({ mentorCount: 0, medianMonths: null });
  });

  it('aggregates one path: months chart, roles before, what helped', async () => {
    const res = await request(app.url).get('/api/paths/internal-transfer').expect(200);
    const p = res.body as PathDetail;
    expect(p).toMatchObject({ mentorCount: 3, medianMonths: 11, medianYearsBefore: 6 });
    expect(p.months.p25).toBe(8.5);
    expect(p.months.buckets.map((b) => b.count)).toEqual([0, 1, 1, 0, 1]);
    expect(p.rolesBefore).toEqual([
      { id: 'backend', label: 'Backend', count: 2 },
      { id: 'platform', label: 'Platform / infrastructure', count: 1 },
    ]);
    expect(p.companyTypesBefore[0]).toEqual({ id: 'enterprise', label: 'Enterprise', count: 2 });
    expect(p.whatHelped.map((s) => s.whatHelped).sort()).toEqual([
      'A skip-level sponsor who saw my research readout.',
      'Owning one quarter of the roadmap before asking.',
    ]);
    expect(p.whatHelped.find((s) => s.displayName === 'Ana Transfer')).toMatchObject({
      roleBefore: 'Backend engineer',
      monthsToSwitch: 6,
    });
    expect(JSON.stringify(p)).not.toMatch(/@example\.test|notify/i);
  });

  it('answers an unknown path with a 404 that lists the known ones', async () => {
    const res = await request(app.url).get('/api/paths/astronaut').expect(404);
    expect(res.body.error.field).toBe('pathId');
    expect(res.body.error.message).toContain('there is no career path "astronaut"');
    expect(res.body.error.message).toContain('internal-transfer');
  });

  it('maps forum tags to paths', () => {
    expect(pathForTag('apm-programs')).toBe('apm-program');
    expect(pathForTag('consulting')).toBe('consulting-pm');
    expect(pathForTag('resume')).toBeNull();
  });
});
