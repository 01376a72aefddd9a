/**
 * Profile rows → the engine's plain input types (shared/matching/types.ts). The engine
 * never reads tables directly, so the fixtures, the bench and the API share one scorer.
 */
import type { AskerInput, MentorCandidate, QuestionInput } from '../../shared/matching/types';
import type {
  CareerPathId,
  CompanySizeId,
  CompanyTypeId,
  MentoringFocusId,
  RoleFamilyId,
} from '../../shared/taxonomy';
import type { CandidateRow } from './queries';

/** The asker_profiles columns the engine reads (see migration 2026_11_25_150000). */
export interface AskerProfileRow {
  user_id: string;
  role_now: string;
  role_now_family: string;
  years_of_experience: number;
  company_type: string;
  company_size: string | null;
  industries: string[];
  paths_weighed: string[];
  constraints: string;
  goals: string;
  time_zone: string;
  languages: string[];
  focus: string[];
}

export function askerFromRow(row: AskerProfileRow): AskerInput {
  return {
    userId: row.user_id,
    currentRole: row.role_now,
    roleFamily: row.role_now_family as RoleFamilyId,
    yearsExperience: row.years_of_experience,
    companyType: row.company_type as CompanyTypeId,
    companySize: row.company_size as CompanySizeId | null,
    industries: row.industries,
    pathsWeighed: row.paths_weighed as CareerPathId[],
    constraints: row.constraints,
    goals: row.goals,
    timeZone: row.time_zone,
    languages: row.languages,
    focus: row.focus as MentoringFocusId[],
  };
}

export function candidateFromRow(row: CandidateRow): MentorCandidate {
  return {
    userId: row.mentor_id,
    handle: row.handle,
    displayName: row.display_name,
    roleBefore: row.role_before,
    roleBeforeFamily: row.role_before_family as RoleFamilyId,
    roleNow: row.role_now,
    pathTaken: row.path_taken as CareerPathId,
    switchYear: row.switch_year,
    monthsToSwitch: row.months_to_switch,
    yearsBeforeSwitch: row.years_before_switch,
    companyTypeBefore: row.company_type_before as CompanyTypeId,
    companySizeBefore: row.company_size_before as CompanySizeId,
    companyTypeAfter: row.company_type_after as CompanyTypeId,
    companySizeAfter: row.company_size_after as CompanySizeId,
    industries: row.industries,
    skills: row.skills,
    timeZone: row.time_zone,
    languages: row.languages,
    focus: row.focus as MentoringFocusId[],
    capacity: row.capacity,
    activeMentees: row.active_mentees,
    lastActiveAt: row.last_active_at,
    responseHours: row.response_hours,
    impressionsToday: row.impressions_today,
    textRank: row.text_rank,
    roleSimilarity: row.role_sim,
  };
}

/** The text Postgres ranks mentors against: the title counts twice, it says the most. */
export function queryText(asker: AskerInput, question?: QuestionInput | null): string {
  const parts = [asker.currentRole, asker.constraints, asker.goals];
  if (question) parts.unshift(question.title, question.title, question.body);
  return parts.filter(Boolean).join('\n');
}
