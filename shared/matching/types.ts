/**
 * The matching engine's own input and output shapes. They are plain data, independent of
 * how profiles are stored: server/matching/adapters.ts turns profile rows into these, the
 * fixtures in tests/fixtures/matching/ are written in them, and the scorer
 * (shared/matching/score.ts) is a pure function of them.
 */
import type {
  CareerPathId,
  CompanySizeId,
  CompanyTypeId,
  MentoringFocusId,
  RoleFamilyId,
} from '../taxonomy';

/** The person asking for mentors. */
export interface AskerInput {
  userId: string;
  /** Free text, e.g. "Web developer at a small agency". */
  currentRole: string;
  roleFamily: RoleFamilyId;
  yearsExperience: number;
  companyType: CompanyTypeId | null;
  /** Askers may not give a size; the company factor then compares the type only. */
  companySize?: CompanySizeId | null;
  industries: string[];
  pathsWeighed: CareerPathId[];
  /** Free text, e.g. "My role offers no PM exposure". */
  constraints: string;
  /** Free text: what they want out of a mentorship. */
  goals: string;
  /** IANA zone, e.g. "Europe/Berlin". */
  timeZone: string;
  /** BCP 47 tags as profiles store them (en, pt-BR); compared by primary language. */
  languages: string[];
  focus: MentoringFocusId[];
  /**
   * Whom the reasons speak about: absent, they address the asker ("one of the paths you are
   * weighing"); a name, they are for someone else reading ("one of the paths Maya is weighing").
   */
  speakAbout?: string;
  /** No asker profile: only the question ranks, so zone, paths and fit say nothing. */
  questionOnly?: boolean;
}

/** The question the asker posted (optional: the Find-a-mentor page has none). */
export interface QuestionInput {
  title: string;
  body: string;
  tags?: string[];
}

/** One mentor as the Node pass sees them, after the Postgres prefilter. */
export interface MentorCandidate {
  userId: string;
  handle: string;
  displayName: string;
  roleBefore: string;
  roleBeforeFamily: RoleFamilyId;
  roleNow: string;
  pathTaken: CareerPathId;
  switchYear: number;
  monthsToSwitch: number;
  /** Years of engineering work before the switch, when the mentor said so. */
  yearsBeforeSwitch: number | null;
  companyTypeBefore: CompanyTypeId | null;
  companySizeBefore: CompanySizeId | null;
  companyTypeAfter: CompanyTypeId | null;
  companySizeAfter: CompanySizeId | null;
  industries: string[];
  skills: string[];
  timeZone: string;
  languages: string[];
  focus: MentoringFocusId[];
  /** Max active mentees; 0 means paused. */
  capacity: number;
  activeMentees: number;
  lastActiveAt: Date | null;
  /** Typical hours to a first answer on requests/chats; null while unknown. */
  responseHours: number | null;
  /** Distinct askers who were shown this mentor today (exposure balance). */
  impressionsToday: number;
  /**
   * Text relevance from Postgres (ts_rank of the asker's query against the mentor's
   * story, skills and "what helped"), raw; score.ts saturates it into [0, 1].
   */
  textRank: number;
  /** pg_trgm similarity of the normalised role titles, in [0, 1]. */
  roleSimilarity: number;
}

export type FactorId =
  | 'tier'
  | 'text'
  | 'role'
  | 'path'
  | 'company'
  | 'industry'
  | 'experience'
  | 'reciprocity'
  | 'overlap'
  | 'capacity'
  | 'health'
  | 'exposure';

export interface FactorScore {
  id: FactorId;
  label: string;
  /** How well this one aspect fits, in [0, 1] (exposure: how much was taken off). */
  score: number;
  /** Its weight from shared/matching/weights.ts. */
  weight: number;
  /** What it added to the final score (negative for the exposure penalty). */
  contribution: number;
}

export interface MatchResult {
  mentorId: string;
  handle: string;
  displayName: string;
  /** Final score in [0, 1], after the exposure adjustment. */
  score: number;
  /** Fit before the exposure adjustment, in [0, 1]. */
  fit: number;
  factors: FactorScore[];
  /** Sentences a person reads, most telling first. */
  reasons: string[];
  /**
   * Working-day overlap with the asker, hours per weekday (rounded to 0.5), in the WORST week
   * of the coming year (both people's DST changes); the figure matching decides on.
   */
  overlapHours: number;
  /** The same in the current week. */
  overlapHoursNow: number;
  /** Where the mentor stands (shared/matching/tiers.ts): ranking compares these first. */
  tier: {
    /** Role before the switch vs the asker's role: 2 same, 1 closely related, 0 unrelated. */
    role: 0 | 1 | 2;
    /** Path taken vs paths weighed: 2 weighed, 1 closely related, 0 unrelated. */
    path: 0 | 1 | 2;
    /** Worst-week overlap under 3 h. */
    poorOverlap: boolean;
    /** 0..9, higher first. */
    level: number;
  };
  /** 'quiet': 2–4 months without activity, ranked below every active mentor of its tier. */
  activity: 'active' | 'quiet';
  /** Seats left (capacity - active mentees), always >= 1 for a listed mentor. */
  openSeats: number;
}

/** Why a mentor was not even scored; used by tests and by the Find-a-mentor filters. */
export type ExclusionReason =
  | 'self'
  | 'blocked'
  | 'paused'
  | 'full'
  | 'no-shared-language'
  /** Four months or more without activity: not a match (the directory lists them apart). */
  | 'inactive';
