/** Test fixtures for the mentorship tests: mentors with a switch story, askers, questions. */
import {
  askerProfileInput,
  mentorProfileInput,
  type AskerProfileInput,
  type MentorProfileInput,
} from '../../shared/api/profiles';
import type { Db } from '../../server/db';
import { upsertAsker, upsertMentor } from '../../server/profiles/queries';
import { askerValues, mentorValues } from '../../server/profiles/values';
import { createUser, type TestUser, type UserOverrides } from '../helpers/auth';

export const goodMessage =
  'I am a web developer with eight years at a small agency. I would love help choosing between an internal transfer and a startup engineering-lead role.';

export function mentorStory(o: Partial<MentorProfileInput> = {}): MentorProfileInput {
  return {
    headline: 'Frontend dev → PM',
    roleBefore: 'Frontend developer',
    roleNow: 'Product manager',
    pathTaken: 'startup-eng-lead',
    switchYear: 2020,
    monthsToSwitch: 12,
    yearsBeforeSwitch: 6,
    companyTypeBefore: 'agency',
    companySizeBefore: '11-50',
    companyTypeAfter: 'startup',
    companySizeAfter: '11-50',
    industries: ['e-commerce'],
    skills: ['roadmapping'],
    timeZone: 'Europe/Berlin',
    languages: ['en'],
    story: 'I was a frontend developer at an agency and became a PM by leading a startup team.',
    whatHelped: 'Writing problem statements before code.',
    focus: ['choosing-path'],
    capacity: 2,
    notifyMatchingQuestions: true,
    maxQuestionNotificationsPerDay: 3,
    ...o,
  };
}

export async function createMentor(
  db: Db,
  story: Partial<MentorProfileInput> = {},
  user: UserOverrides = {},
): Promise<TestUser> {
  const u = await createUser(db, user);
  await upsertMentor(db, u.id, mentorValues(mentorProfileInput.parse(mentorStory(story))));
  return u;
}

/** An agency web developer weighing the startup and consulting roads: the mentors above fit. */
export async function createAskerProfile(
  db: Db,
  userId: string,
  o: Partial<AskerProfileInput> = {},
): Promise<void> {
  await upsertAsker(
    db,
    userId,
    askerValues(
      askerProfileInput.parse({
        currentRole: 'Web developer',
        yearsOfExperience: 8,
        companyType: 'agency',
        pathsWeighed: ['startup-eng-lead', 'consulting-pm'],
        timeZone: 'Europe/London',
        languages: ['en'],
        focus: ['choosing-path'],
        ...o,
      }),
    ),
  );
}
