import type { z } from 'zod';
import {
  guessRoleFamily,
  type askerProfileInput,
  type mentorProfileInput,
} from '../../shared/api/profiles';
import type { AskerValues, MentorValues } from './queries';

/** Parsed API input → table columns. Used by the service and by the demo seed. */
export function askerValues(input: z.output<typeof askerProfileInput>): AskerValues {
  return {
    role_now: input.currentRole,
    role_now_family: input.currentRoleFamily ?? guessRoleFamily(input.currentRole),
    years_of_experience: input.yearsOfExperience,
    company_type: input.companyType,
    company_size: input.companySize ?? null,
    industries: input.industries,
    paths_weighed: input.pathsWeighed,
    constraints: input.constraints,
    time_zone: input.timeZone,
    languages: input.languages,
    focus: input.focus,
    goals: input.goals,
  };
}

export function mentorValues(input: z.output<typeof mentorProfileInput>): MentorValues {
  return {
    headline: input.headline,
    role_before: input.roleBefore,
    role_before_family: input.roleBeforeFamily ?? guessRoleFamily(input.roleBefore),
    role_now: input.roleNow,
    path_taken: input.pathTaken,
    switch_year: input.switchYear,
    months_to_switch: input.monthsToSwitch,
    years_before_switch: input.yearsBeforeSwitch ?? null,
    company_type_before: input.companyTypeBefore,
    company_size_before: input.companySizeBefore,
    company_type_after: input.companyTypeAfter,
    company_size_after: input.companySizeAfter,
    industries: input.industries,
    skills: input.skills,
    time_zone: input.timeZone,
    languages: input.languages,
    story: input.story,
    what_helped: input.whatHelped,
    focus: input.focus,
    capacity: input.capacity,
    notify_matching_questions: input.notifyMatchingQuestions,
    max_question_notifications_per_day: input.maxQuestionNotificationsPerDay,
  };
}
