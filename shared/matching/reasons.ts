/**
 * Sentences a person reads under a match ("Was a web developer at an agency for 6 years",
 * "5 h of working-day overlap with your time zone"). Fit reasons come first, strongest
 * contribution first; logistics (overlap, seats, responsiveness) follow.
 */
import {
  careerPaths,
  type CareerPathId,
  type CompanyTypeId,
  type MentoringFocusId,
} from '../taxonomy';
import type { AskerInput, FactorId, FactorScore, MentorCandidate } from './types';

const MAX_FIT_REASONS = 3;

const PATH_PHRASE: Partial<Record<CareerPathId, string>> = {
  'internal-transfer': 'an internal transfer',
  'apm-program': 'an associate-PM program',
  'consulting-pm': 'a consulting PM role',
  'startup-eng-lead': 'a startup engineering-lead role',
  founder: 'founding a company',
  'technical-pm': 'a technical/platform PM role',
  mba: 'an MBA',
  'product-adjacent': 'a product-adjacent bridge role',
};

const COMPANY_PHRASE: Partial<Record<CompanyTypeId, string>> = {
  agency: 'at an agency',
  startup: 'at a startup',
  'scale-up': 'at a scale-up',
  enterprise: 'at a large company',
  consultancy: 'at a consultancy',
  'public-sector': 'in the public sector',
};

/** "you" for the asker, the asker's name for anyone else (AskerInput.speakAbout). */
interface Voice {
  /** "you are" / "Maya is" */
  are: string;
  /** "you" / "Maya" */
  who: string;
  /** "your" / "Maya's" */
  whose: string;
  /** "you" / "them", after "for" */
  them: string;
}

export function voiceOf(asker: Pick<AskerInput, 'speakAbout'>): Voice {
  const n = asker.speakAbout;
  return n
    ? { are: `${n} is`, who: n, whose: `${n}'s`, them: 'them' }
    : { are: 'you are', who: 'you', whose: 'your', them: 'you' };
}

const FOCUS_PHRASE: Record<MentoringFocusId, string> = {
  exploring: 'deciding whether PM is right for {them}',
  'choosing-path': 'choosing a path into PM',
  'building-evidence': 'building product experience and a portfolio',
  interviewing: 'preparing for PM interviews',
  'first-90-days': 'the first months in a new PM role',
};

/** "a"/"an" by sound for the usual cases: vowels, and acronyms read letter by letter. */
export function article(phrase: string): string {
  const word = phrase.split(/\s/)[0] ?? '';
  if (/^[A-Z]{2,5}\b/.test(word)) return /^[AEFHILMNORSX]/.test(word) ? 'an' : 'a';
  if (/^(i[A-Z]|[aeio]|u(?!s|n[iu]|x))/i.test(word)) return 'an';
  return 'a';
}

/**
 * "Web developer" → "web developer" mid-sentence; a title the person wrote in Title Case
 * ("Site Reliability Engineer") or with acronyms ("iOS developer", "QA engineer") keeps it.
 */
function asNoun(title: string): string {
  const t = title.trim();
  const sentenceCase = /^[A-Z][a-z]+(\s[^A-Z]*)?$/.test(t);
  return sentenceCase ? t[0]!.toLowerCase() + t.slice(1) : t;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function listJoin(items: string[]): string {
  return items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function background(m: MentorCandidate): string {
  const role = asNoun(m.roleBefore);
  const company = m.companyTypeBefore ? COMPANY_PHRASE[m.companyTypeBefore] : undefined;
  const years =
    m.yearsBeforeSwitch !== null
      ? ` for ${plural(m.yearsBeforeSwitch, 'year')}`
      : ' before switching';
  return `Was ${article(role)} ${role}${company ? ` ${company}` : ''}${years}`;
}

function pathSentence(asker: AskerInput, m: MentorCandidate, score: number): string {
  const path = careerPaths.find((p) => p.id === m.pathTaken);
  const phrase = PATH_PHRASE[m.pathTaken] ?? path?.short ?? m.pathTaken;
  const how = m.pathTaken === 'founder' ? `by ${phrase}` : `via ${phrase}`;
  const took = m.monthsToSwitch > 0 ? `, which took ${plural(m.monthsToSwitch, 'month')}` : '';
  const v = voiceOf(asker);
  const why = asker.pathsWeighed.includes(m.pathTaken)
    ? ` (one of the paths ${v.are} weighing)`
    : score > 0 && asker.pathsWeighed.length > 0
      ? ` (close to a path ${v.are} weighing)`
      : '';
  return `Switched ${how} in ${m.switchYear}${why}${took}`;
}

/** Words of a text, lower-case, with the characters skills use kept ("c++", "c#", "node.js"). */
function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}+#]+(?:[./-][\p{L}\p{N}+#]+)*/gu) ?? [];
}

/**
 * The mentor's skills the asker's text names, as whole words: a one-letter skill ("C", "R")
 * must not match every text that holds the letter, nor "Go" match "going".
 */
export function skillsNamed(skills: readonly string[], text: string): string[] {
  const said = ` ${words(text).join(' ')} `;
  return skills.filter((s) => {
    const w = words(s);
    return w.length > 0 && said.includes(` ${w.join(' ')} `);
  });
}

function textSentence(asker: AskerInput, m: MentorCandidate, questionText: string): string {
  const text = `${questionText} ${asker.currentRole} ${asker.constraints} ${asker.goals}`;
  const named = skillsNamed(m.skills, text).slice(0, 3);
  const v = voiceOf(asker);
  return named.length > 0
    ? `Knows what ${v.who} asked about: ${listJoin(named)}`
    : `Their story and what helped them speak to ${v.whose} question`;
}

export interface ReasonContext {
  factors: readonly FactorScore[];
  tier: { role: number; path: number; poorOverlap: boolean };
  overlap: { current: number; worst: number };
  questionText?: string;
  now: Date;
}

const DAY_MS = 86_400_000;

/** How recently the mentor was active, in words (issue 13: reasons say it). */
export function activitySentence(lastActiveAt: Date | null, now: Date): string {
  if (!lastActiveAt) return 'New mentor: no activity on record yet';
  const days = Math.max(0, Math.floor((now.getTime() - lastActiveAt.getTime()) / DAY_MS));
  if (days <= 1) return 'Active in the last day';
  if (days <= 7) return 'Active in the last week';
  if (days < 30) return `Last active ${plural(days, 'day')} ago`;
  if (days < 60) return `Last active ${plural(Math.round(days / 7), 'week')} ago`;
  return `Quiet lately: last active ${plural(Math.round(days / 30), 'month')} ago`;
}

/** How fast they usually answer, in words; said even when slow or unknown. */
export function responseSentence(responseHours: number | null): string {
  if (responseHours === null) return 'No answers yet to show how fast they reply';
  if (responseHours <= 24) return 'Usually answers within a day';
  if (responseHours <= 72) return 'Usually answers within 3 days';
  return `Usually takes about ${plural(Math.round(responseHours / 24), 'day')} to answer`;
}

function overlapSentence(asker: AskerInput, m: MentorCandidate, o: ReasonContext['overlap']) {
  const worst = Math.round(o.worst * 2) / 2;
  const now = Math.round(o.current * 2) / 2;
  const v = voiceOf(asker);
  if (m.timeZone === asker.timeZone) return `Works in ${v.whose} time zone`;
  if (now <= 0 && worst <= 0)
    return `No working hours in common with ${v.who}, so expect written, async help`;
  const clocks = worst < now ? ` (${worst} h in the weeks when clocks change)` : '';
  const thin = worst < 3 ? ', little for live calls' : '';
  return `${now} h of working-day overlap with ${v.whose} time zone${clocks}${thin}`;
}

export function buildReasons(asker: AskerInput, m: MentorCandidate, ctx: ReasonContext): string[] {
  const { factors, tier } = ctx;
  const by = new Map<FactorId, FactorScore>(factors.map((x) => [x.id, x]));
  const score = (id: FactorId) => by.get(id)?.score ?? 0;
  // The tier reasons (role, path) lead, then the within-tier ones by what they added.
  const fit: { weight: number; text: string }[] = [];
  const add = (weight: number, ok: boolean, text: () => string) => {
    if (ok) fit.push({ weight, text: text() });
  };
  add(10 + tier.role, tier.role >= 1 || score('company') >= 0.6, () => background(m));
  add(10 + tier.path, tier.path >= 1 && asker.pathsWeighed.length > 0, () =>
    pathSentence(asker, m, tier.path === 2 ? 1 : 0.5),
  );
  const contribution = (id: FactorId) => by.get(id)?.contribution ?? 0;
  add(contribution('text'), score('text') >= 0.25, () =>
    textSentence(asker, m, ctx.questionText ?? ''),
  );
  add(contribution('reciprocity'), score('reciprocity') >= 0.99 && asker.focus.length > 0, () => {
    const stage = asker.focus.find((x) => m.focus.includes(x)) ?? asker.focus[0]!;
    const v = voiceOf(asker);
    return `Wants to help with ${FOCUS_PHRASE[stage].replace('{them}', v.them)}, where ${v.are} now`;
  });
  const sharedIndustries = asker.industries.filter((i) => m.industries.includes(i));
  add(
    contribution('industry'),
    sharedIndustries.length > 0,
    () => `Also worked in ${listJoin(sharedIndustries)}`,
  );
  fit.sort((a, b) => b.weight - a.weight);
  const reasons = fit.slice(0, MAX_FIT_REASONS).map((r) => r.text);
  if (reasons.length === 0) reasons.push(pathSentence(asker, m, 0));

  // Without a profile the asker's zone is unknown (UTC stands in): an overlap would be made up.
  if (!asker.questionOnly) reasons.push(overlapSentence(asker, m, ctx.overlap));
  const seats = m.capacity - m.activeMentees;
  reasons.push(`Has room for ${plural(seats, 'more mentee', 'more mentees')}`);
  reasons.push(activitySentence(m.lastActiveAt, ctx.now));
  reasons.push(responseSentence(m.responseHours));
  return reasons;
}
