import { beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app';
import { createUser, signIn, type Client } from '../helpers/auth';

const asker = {
  currentRole: 'QA lead',
  yearsOfExperience: 7,
  companyType: 'scale-up',
  industries: ['fintech'],
  pathsWeighed: ['technical-pm'],
  timeZone: 'America/Toronto',
  languages: ['en'],
  focus: ['interviewing'],
};

const mentor = {
  roleBefore: 'Backend engineer',
  roleNow: 'Product manager',
  pathTaken: 'internal-transfer',
  switchYear: 2020,
  monthsToSwitch: 12,
  companyTypeBefore: 'enterprise',
  companySizeBefore: '5000+',
  companyTypeAfter: 'enterprise',
  companySizeAfter: '5000+',
  timeZone: 'UTC',
  languages: ['de', 'en'],
  story: 'Five years of backend work, then a year of proving I could run discovery.',
  focus: ['choosing-path'],
  capacity: 1,
  notifyMatchingQuestions: false,
};

const nextYear = new Date().getFullYear() + 1;
const long = (n: number) => 'x'.repeat(n);

// [field as sent, bad value (undefined = leave it out), field the API names, message]
const askerCases: [string, unknown, string, string][] = [
  ['yearsOfExperience', 61, 'yearsOfExperience', 'must be between 0 and 60'],
  ['yearsOfExperience', -1, 'yearsOfExperience', 'must be between 0 and 60'],
  ['yearsOfExperience', 'eight', 'yearsOfExperience', 'must be a number'],
  ['yearsOfExperience', 2.5, 'yearsOfExperience', 'must be a whole number'],
  ['yearsOfExperience', undefined, 'yearsOfExperience', 'is required'],
  ['currentRole', '', 'currentRole', 'is required'],
  ['currentRole', 'x', 'currentRole', 'must be 2-100 characters'],
  ['currentRole', long(101), 'currentRole', 'must be 2-100 characters'],
  ['currentRole', 42, 'currentRole', 'must be text'],
  ['currentRoleFamily', 'wizard', 'currentRoleFamily', 'must be one of the listed role families'],
  ['companyType', 'garage', 'companyType', 'must be one of the listed company types'],
  ['companySize', 'huge', 'companySize', 'must be one of the listed company sizes'],
  ['industries', 'fintech', 'industries', 'must be a list of industries'],
  ['industries', ['x'], 'industries.0', 'each entry must be 2-40 characters'],
  ['industries', ['Fintech', 'fintech'], 'industries', 'lists the same industry twice'],
  ['pathsWeighed', [], 'pathsWeighed', 'pick at least one of the paths'],
  ['pathsWeighed', ['astronaut'], 'pathsWeighed.0', 'must be one of the listed paths'],
  ['pathsWeighed', ['mba', 'mba'], 'pathsWeighed', 'lists the same path twice'],
  ['constraints', long(2001), 'constraints', 'must be at most 2000 characters'],
  ['timeZone', 'Mars/Olympus_Mons', 'timeZone', 'must be an IANA time zone such as Europe/Berlin'],
  ['timeZone', '+01:00', 'timeZone', 'must be an IANA time zone such as Europe/Berlin'],
  ['timeZone', undefined, 'timeZone', 'is required'],
  ['languages', [], 'languages', 'pick at least one of the languages'],
  [
    'languages',
    ['english'],
    'languages.0',
    '"english" is not a language code such as en, de or pt-BR',
  ],
  ['languages', ['xx'], 'languages.0', '"xx" is not a language code such as en, de or pt-BR'],
  ['languages', ['en', 'EN'], 'languages', 'lists the same language twice'],
  ['focus', ['everything'], 'focus.0', 'must be one of the listed goals'],
  ['focus', [], 'focus', 'pick at least one of the goals'],
  ['goals', long(2001), 'goals', 'must be at most 2000 characters'],
];

const mentorCases: [string, unknown, string, string][] = [
  ['switchYear', 1969, 'switchYear', `must be between 1970 and ${nextYear - 1}`],
  ['switchYear', nextYear, 'switchYear', `must be between 1970 and ${nextYear - 1}`],
  ['monthsToSwitch', 241, 'monthsToSwitch', 'must be between 0 and 240'],
  ['yearsBeforeSwitch', 61, 'yearsBeforeSwitch', 'must be between 0 and 60'],
  ['capacity', 21, 'capacity', 'must be between 0 and 20'],
  ['capacity', -1, 'capacity', 'must be between 0 and 20'],
  ['capacity', undefined, 'capacity', 'is required'],
  [
    'maxQuestionNotificationsPerDay',
    0,
    'maxQuestionNotificationsPerDay',
    'must be between 1 and 20',
  ],
  ['notifyMatchingQuestions', 'yes', 'notifyMatchingQuestions', 'must be true or false'],
  ['pathTaken', undefined, 'pathTaken', 'is required'],
  ['pathTaken', 'lottery', 'pathTaken', 'must be one of the listed paths'],
  ['companySizeAfter', '10', 'companySizeAfter', 'must be one of the listed company sizes'],
  ['roleNow', '   ', 'roleNow', 'is required'],
  ['roleNow', 'x', 'roleNow', 'must be 2-100 characters'],
  ['headline', long(141), 'headline', 'must be at most 140 characters'],
  ['story', 'Too short.', 'story', 'must be 40-8000 characters'],
  ['story', long(8001), 'story', 'must be 40-8000 characters'],
  ['skills', Array.from({ length: 21 }, (_, i) => `skill ${i}`), 'skills', 'at most 20 skills'],
  ['whatHelped', long(4001), 'whatHelped', 'must be at most 4000 characters'],
];

describe('profile validation: each bad field is a 400 naming it', () => {
  let app: TestApp;
  let client: Client;
  beforeAll(async () => {
    app = await startTestApp();
    client = await signIn(app, await createUser(app.ctx.db));
  });

  const send = (path: string, base: object, field: string, value: unknown) => {
    const body: Record<string, unknown> = { ...base };
    if (value === undefined) delete body[field];
    else body[field] = value;
    return client.put(path).send(body);
  };

  const named = (cases: typeof askerCases) =>
    cases.map(([field, value, named, message]) => ({ field, value, named, message }));

  it.each(named(askerCases))('asker $named: $message', async ({ field, value, named, message }) => {
    const res = await send('/api/me/asker-profile', asker, field, value).expect(400);
    expect(res.body.error).toEqual(
      expect.objectContaining({
        code: 'invalid_input',
        field: named,
        message: `${named}: ${message}`,
      }),
    );
  });

  it.each(named(mentorCases))(
    'mentor $named: $message',
    async ({ field, value, named, message }) => {
      const res = await send('/api/me/mentor-profile', mentor, field, value).expect(400);
      expect(res.body.error).toEqual(
        expect.objectContaining({
          code: 'invalid_input',
          field: named,
          message: `${named}: ${message}`,
        }),
      );
    },
  );

  it('accepts the valid bodies the cases start from, and saves nothing on a 400', async () => {
    await client.put('/api/me/asker-profile').send(asker).expect(200);
    await send('/api/me/mentor-profile', mentor, 'capacity', 99).expect(400);
    const me = await client.get('/api/me/profile').expect(200);
    expect(me.body.mentor).toBeNull();
    await client.put('/api/me/mentor-profile').send(mentor).expect(200);
  });

  it('rejects a body that is not an object', async () => {
    const res = await client.put('/api/me/asker-profile').send([1, 2]).expect(400);
    expect(res.body.error.code).toBe('invalid_input');
  });
});
