import { z } from 'zod';
import {
  careerPathIds,
  companySizeIds,
  companyTypeIds,
  mentoringFocusIds,
  roleFamilies,
  roleFamilyIds,
  type CareerPathId,
  type CompanySizeId,
  type CompanyTypeId,
  type MentoringFocusId,
  type RoleFamilyId,
} from '../taxonomy';
import { displayName } from './auth';
import { pageCursor, pageLimit } from './paging';
import { timeZoneName } from './time-zone';

/*
 * The profiles API contract. The server parses request bodies with these schemas and the
 * edit form runs the same ones before sending, so a person sees exactly the message the
 * API would give ("yearsOfExperience: must be between 0 and 60") beside the field.
 */

const required = (what: string) => (iss: { input: unknown }) =>
  iss.input === undefined || iss.input === null || iss.input === '' ? 'is required' : what;

const text = (min: number, max: number) => {
  const range = min > 0 ? `must be ${min}-${max} characters` : `must be at most ${max} characters`;
  const base = z.string({ error: required('must be text') }).trim();
  // Blank (or only spaces) reads better as "is required" than as a length complaint.
  return (min > 0 ? base.min(1, { message: 'is required', abort: true }) : base)
    .min(min, { message: range })
    .max(max, { message: range });
};

const wholeNumber = (min: number, max: number) => {
  const range = `must be between ${min} and ${max}`;
  return z
    .number({ error: required('must be a number') })
    .int({ message: 'must be a whole number' })
    .min(min, { message: range })
    .max(max, { message: range });
};

const oneOf = <T extends string>(ids: readonly [T, ...T[]], what: string) =>
  z.enum(ids as [T, ...T[]], { error: required(`must be one of the listed ${what}`) });

const unique = <T>(items: T[]) =>
  new Set(items.map((i) => String(i).toLowerCase())).size === items.length;

const listOf = <S extends z.ZodType>(
  item: S,
  min: number,
  max: number,
  what: string,
  one: string,
) =>
  z
    .array(item, { error: required(`must be a list of ${what}`) })
    .min(min, { message: min === 1 ? `pick at least one of the ${what}` : `needs ${min}+ ${what}` })
    .max(max, { message: `at most ${max} ${what}` })
    .refine(unique, { message: `lists the same ${one} twice` });

/** Short free-form tags such as industries and skills; stored lower-case for matching. */
const tag = z
  .string({ error: required('must be text') })
  .trim()
  .min(2, { message: 'each entry must be 2-40 characters' })
  .max(40, { message: 'each entry must be 2-40 characters' })
  .transform((s) => s.toLowerCase().replace(/\s+/g, ' '));

/**
 * Skills may be one or two letters ("C", "R", "Go") and keep the spelling the person wrote,
 * because reasons and profiles show them ("Knows what you asked about: Go", not "go");
 * matching compares them case-insensitively (the text search and shared/matching/reasons.ts).
 */
const skill = z
  .string({ error: required('must be text') })
  .trim()
  .min(1, { message: 'each skill must be 1-40 characters' })
  .max(40, { message: 'each skill must be 1-40 characters' })
  .transform((s) => s.replace(/\s+/g, ' '));

export { normalizeTimeZone, supportedTimeZones } from './time-zone';

const timeZone = timeZoneName;

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/** A BCP 47 language tag, short form only (en, de, pt-BR, zh-Hant), canonically cased. */
export function normalizeLanguage(code: string): string | null {
  if (!/^[a-zA-Z]{2,3}(-[a-zA-Z]{4})?(-([a-zA-Z]{2}|\d{3}))?$/.test(code)) return null;
  try {
    const canonical = Intl.getCanonicalLocales(code)[0];
    return canonical && languageNames.of(canonical) ? canonical : null;
  } catch {
    return null;
  }
}

export function languageName(code: string): string {
  try {
    return languageNames.of(code) ?? code;
  } catch {
    return code;
  }
}

const language = z
  .string({ error: required('must be a language code such as en, de or pt-BR') })
  .trim()
  .transform((s, ctx) => {
    const code = normalizeLanguage(s);
    if (!code) {
      ctx.addIssue({
        code: 'custom',
        message: `"${s.slice(0, 20)}" is not a language code such as en, de or pt-BR`,
      });
      return z.NEVER;
    }
    return code;
  });

// Words people use for a family that the taxonomy's keyword lists do not carry.
const extraRoleWords: Partial<Record<RoleFamilyId, string[]>> = {
  backend: ['java', 'python', 'golang', 'ruby', 'php', 'node'],
  platform: ['site reliability', 'reliability', 'systems'],
  mobile: ['swift', 'kotlin'],
  data: ['scientist'],
};

/**
 * Picks a role family from a free-text role when the person did not choose one. Full-stack
 * is checked first, since "full-stack web developer" also contains a frontend word.
 */
export function guessRoleFamily(role: string): RoleFamilyId {
  const words = ` ${role
    .toLowerCase()
    .replace(/full[\s-]?stack/g, 'fullstack')
    .replace(/[^a-z0-9+]+/g, ' ')} `;
  // "Full-stack" before "frontend"/"backend"; the craft before the setting, so "Backend
  // developer at a dev agency" is backend and only a plain "web developer at an agency" is
  // agency/web (its keywords "agency", "freelance" say where, not what).
  const order = (id: string) => (id === 'fullstack' ? 0 : id === 'web-agency' ? 2 : 1);
  const ordered = [...roleFamilies].sort((a, b) => order(a.id) - order(b.id));
  for (const family of ordered) {
    const keywords = [...family.keywords, ...(extraRoleWords[family.id] ?? [])];
    if (keywords.some((k) => words.includes(` ${k.replace(/[^a-z0-9+]+/g, ' ')} `)))
      return family.id;
  }
  return 'other';
}

/** Checked when parsing, not at load, so a long-running server accepts the new year. */
const switchYear = z
  .number({ error: required('must be a number') })
  .int({ message: 'must be a whole number' })
  .refine((y) => y >= 1970 && y <= new Date().getFullYear(), {
    error: () => `must be between 1970 and ${new Date().getFullYear()}`,
  });

export const profileBasicsInput = z.object({
  // Same rules as at sign-up.
  displayName,
  bio: text(0, 500).default(''),
});
export type ProfileBasicsInput = z.input<typeof profileBasicsInput>;

export const askerProfileInput = z.object({
  currentRole: text(2, 100),
  currentRoleFamily: oneOf(roleFamilyIds, 'role families').optional(),
  yearsOfExperience: wholeNumber(0, 60),
  companyType: oneOf(companyTypeIds, 'company types'),
  companySize: oneOf(companySizeIds, 'company sizes').nullable().optional(),
  industries: listOf(tag, 0, 10, 'industries', 'industry').default([]),
  pathsWeighed: listOf(oneOf(careerPathIds, 'paths'), 1, careerPathIds.length, 'paths', 'path'),
  constraints: text(0, 2000).default(''),
  timeZone,
  languages: listOf(language, 1, 10, 'languages', 'language'),
  focus: listOf(oneOf(mentoringFocusIds, 'goals'), 1, mentoringFocusIds.length, 'goals', 'goal'),
  goals: text(0, 2000).default(''),
});
export type AskerProfileInput = z.input<typeof askerProfileInput>;

export const mentorProfileInput = z.object({
  headline: text(0, 140).default(''),
  roleBefore: text(2, 100),
  roleBeforeFamily: oneOf(roleFamilyIds, 'role families').optional(),
  roleNow: text(2, 100),
  pathTaken: oneOf(careerPathIds, 'paths'),
  switchYear,
  monthsToSwitch: wholeNumber(0, 240),
  yearsBeforeSwitch: wholeNumber(0, 60).nullable().optional(),
  companyTypeBefore: oneOf(companyTypeIds, 'company types'),
  companySizeBefore: oneOf(companySizeIds, 'company sizes'),
  companyTypeAfter: oneOf(companyTypeIds, 'company types'),
  companySizeAfter: oneOf(companySizeIds, 'company sizes'),
  industries: listOf(tag, 0, 10, 'industries', 'industry').default([]),
  skills: listOf(skill, 0, 20, 'skills', 'skill').default([]),
  timeZone,
  languages: listOf(language, 1, 10, 'languages', 'language'),
  story: text(40, 8000),
  whatHelped: text(0, 4000).default(''),
  focus: listOf(oneOf(mentoringFocusIds, 'goals'), 1, mentoringFocusIds.length, 'goals', 'goal'),
  capacity: wholeNumber(0, 20),
  notifyMatchingQuestions: z.boolean({ error: required('must be true or false') }),
  maxQuestionNotificationsPerDay: wholeNumber(1, 20).default(3),
});
export type MentorProfileInput = z.input<typeof mentorProfileInput>;

export const mentorListQuery = z.object({
  cursor: pageCursor(300),
  limit: pageLimit(50, 20),
  path: oneOf(careerPathIds, 'paths').optional(),
  /** "true": only mentors with capacity above 0. */
  available: z.enum(['true', 'false'], { message: 'must be true or false' }).optional(),
});
export type MentorListQuery = z.infer<typeof mentorListQuery>;

// ---- Response shapes -------------------------------------------------------------------

export interface AskerProfile {
  currentRole: string;
  currentRoleFamily: RoleFamilyId;
  yearsOfExperience: number;
  companyType: CompanyTypeId;
  companySize: CompanySizeId | null;
  industries: string[];
  pathsWeighed: CareerPathId[];
  constraints: string;
  timeZone: string;
  languages: string[];
  focus: MentoringFocusId[];
  goals: string;
  updatedAt: string;
}

/** What other people see of an asker: enough to offer help, nothing personal. */
export type AskerProfilePublic = Pick<
  AskerProfile,
  | 'currentRole'
  | 'currentRoleFamily'
  | 'yearsOfExperience'
  | 'companyType'
  | 'pathsWeighed'
  | 'focus'
>;

export interface MentorProfile {
  headline: string;
  roleBefore: string;
  roleBeforeFamily: RoleFamilyId;
  roleNow: string;
  pathTaken: CareerPathId;
  switchYear: number;
  monthsToSwitch: number;
  yearsBeforeSwitch: number | null;
  companyTypeBefore: CompanyTypeId;
  companySizeBefore: CompanySizeId;
  companyTypeAfter: CompanyTypeId;
  companySizeAfter: CompanySizeId;
  industries: string[];
  skills: string[];
  timeZone: string;
  languages: string[];
  story: string;
  whatHelped: string;
  focus: MentoringFocusId[];
  capacity: number;
  notifyMatchingQuestions: boolean;
  maxQuestionNotificationsPerDay: number;
  updatedAt: string;
}

/** Notification preferences are the mentor's own business. */
export type MentorProfilePublic = Omit<
  MentorProfile,
  'notifyMatchingQuestions' | 'maxQuestionNotificationsPerDay'
>;

export interface PublicUser {
  id: string;
  handle: string;
  displayName: string;
  bio: string;
  role: 'member' | 'moderator' | 'admin';
  joinedAt: string;
  threadCount: number;
  replyCount: number;
  karma: number;
}

export interface PublicProfile {
  user: PublicUser;
  mentor: MentorProfilePublic | null;
  asker: AskerProfilePublic | null;
  isSelf: boolean;
}

export interface MyProfile {
  user: { id: string; handle: string; displayName: string; bio: string };
  asker: AskerProfile | null;
  mentor: MentorProfile | null;
}

export interface MentorSummary {
  handle: string;
  displayName: string;
  headline: string;
  roleBefore: string;
  roleNow: string;
  pathTaken: CareerPathId;
  switchYear: number;
  monthsToSwitch: number;
  companyTypeBefore: CompanyTypeId;
  companyTypeAfter: CompanyTypeId;
  timeZone: string;
  languages: string[];
  focus: MentoringFocusId[];
  capacity: number;
  lastActiveAt: string;
}
