import type {
  AskerProfile,
  AskerProfilePublic,
  MentorProfile,
  MentorProfilePublic,
  MentorSummary,
  MyProfile,
  PublicProfile,
} from '../../shared/api/profiles';
import type { AskerRow, MentorListRow, MentorRow, ProfileRow } from './queries';

// Rows nested with jsonObjectFrom arrive with timestamps as strings; direct rows as Dates.
const iso = (v: Date | string) => new Date(v).toISOString();

export function presentAsker(a: AskerRow): AskerProfile {
  return {
    currentRole: a.role_now,
    currentRoleFamily: a.role_now_family as AskerProfile['currentRoleFamily'],
    yearsOfExperience: a.years_of_experience,
    companyType: a.company_type as AskerProfile['companyType'],
    companySize: a.company_size as AskerProfile['companySize'],
    industries: a.industries,
    pathsWeighed: a.paths_weighed as AskerProfile['pathsWeighed'],
    constraints: a.constraints,
    timeZone: a.time_zone,
    languages: a.languages,
    focus: a.focus as AskerProfile['focus'],
    goals: a.goals,
    updatedAt: iso(a.updated_at),
  };
}

/** The part of an asker profile other people see: no constraints, goals text, zone or languages. */
export function presentAskerPublic(a: AskerRow): AskerProfilePublic {
  const full = presentAsker(a);
  return {
    currentRole: full.currentRole,
    currentRoleFamily: full.currentRoleFamily,
    yearsOfExperience: full.yearsOfExperience,
    companyType: full.companyType,
    pathsWeighed: full.pathsWeighed,
    focus: full.focus,
  };
}

export function presentMentor(m: MentorRow): MentorProfile {
  return {
    ...presentMentorPublic(m),
    notifyMatchingQuestions: m.notify_matching_questions,
    maxQuestionNotificationsPerDay: m.max_question_notifications_per_day,
  };
}

export function presentMentorPublic(m: MentorRow): MentorProfilePublic {
  return {
    headline: m.headline,
    roleBefore: m.role_before,
    roleBeforeFamily: m.role_before_family as MentorProfile['roleBeforeFamily'],
    roleNow: m.role_now,
    pathTaken: m.path_taken as MentorProfile['pathTaken'],
    switchYear: m.switch_year,
    monthsToSwitch: m.months_to_switch,
    yearsBeforeSwitch: m.years_before_switch,
    companyTypeBefore: m.company_type_before as MentorProfile['companyTypeBefore'],
    companySizeBefore: m.company_size_before as MentorProfile['companySizeBefore'],
    companyTypeAfter: m.company_type_after as MentorProfile['companyTypeAfter'],
    companySizeAfter: m.company_size_after as MentorProfile['companySizeAfter'],
    industries: m.industries,
    skills: m.skills,
    timeZone: m.time_zone,
    languages: m.languages,
    story: m.story,
    whatHelped: m.what_helped,
    focus: m.focus as MentorProfile['focus'],
    capacity: m.capacity,
    updatedAt: iso(m.updated_at),
  };
}

/** Another person's view of a user. Never carries email or private profile fields. */
export function presentPublicProfile(row: ProfileRow, viewerId: string | null): PublicProfile {
  return {
    user: {
      id: row.id,
      handle: row.handle,
      displayName: row.display_name,
      bio: row.bio,
      role: row.role as PublicProfile['user']['role'],
      joinedAt: iso(row.created_at),
      threadCount: Number(row.thread_count),
      replyCount: Number(row.reply_count),
      karma: Number(row.karma),
    },
    mentor: row.mentor ? presentMentorPublic(row.mentor) : null,
    asker: row.asker ? presentAskerPublic(row.asker) : null,
    isSelf: viewerId === row.id,
  };
}

export function presentMyProfile(row: ProfileRow): MyProfile {
  return {
    user: { id: row.id, handle: row.handle, displayName: row.display_name, bio: row.bio },
    asker: row.asker ? presentAsker(row.asker) : null,
    mentor: row.mentor ? presentMentor(row.mentor) : null,
  };
}

export function presentMentorSummary(row: MentorListRow): MentorSummary {
  return {
    handle: row.handle,
    displayName: row.display_name,
    headline: row.headline,
    roleBefore: row.role_before,
    roleNow: row.role_now,
    pathTaken: row.path_taken as MentorSummary['pathTaken'],
    switchYear: row.switch_year,
    monthsToSwitch: row.months_to_switch,
    companyTypeBefore: row.company_type_before as MentorSummary['companyTypeBefore'],
    companyTypeAfter: row.company_type_after as MentorSummary['companyTypeAfter'],
    timeZone: row.time_zone,
    languages: row.languages,
    focus: row.focus as MentorSummary['focus'],
    capacity: row.capacity,
    lastActiveAt: iso(row.last_active_at),
  };
}
