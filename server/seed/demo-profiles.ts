import { sql } from 'kysely';
import {
  askerProfileInput,
  mentorProfileInput,
  type AskerProfileInput,
  type MentorProfileInput,
} from '../../shared/api/profiles';
import type { Db } from '../db';
import { demoPersonas } from '../profiles/demo-personas';
import { askerValues, mentorValues } from '../profiles/values';
import { communityAskerProfiles } from './community/askers';

type AskerRow = ReturnType<typeof askerValues>;
type MentorRow = ReturnType<typeof mentorValues>;

/*
 * Profiles for the demo community: what the askers in demo-content.ts are weighing, the
 * switch stories of its mentors, and more mentors (../profiles/demo-personas.ts) so the
 * mentor list and matching have real variety. All written for this project.
 */

export interface DemoProfile {
  activeHoursAgo: number;
  asker?: AskerProfileInput;
  mentor?: MentorProfileInput;
}

export const demoProfiles: Record<string, DemoProfile> = {
  maya_builds: {
    activeHoursAgo: 5,
    asker: {
      currentRole: 'Web developer',
      currentRoleFamily: 'frontend',
      yearsOfExperience: 8,
      companyType: 'agency',
      companySize: '1-10',
      industries: ['marketing', 'e-commerce'],
      pathsWeighed: ['internal-transfer', 'consulting-pm', 'startup-eng-lead', 'founder'],
      constraints:
        'My agency has six people and no product role at all, so I cannot pick up PM work where I am. An MBA is out of budget. I would like to stay remote-friendly.',
      timeZone: 'Europe/London',
      languages: ['en'],
      focus: ['choosing-path', 'building-evidence'],
      goals:
        'Pick one path within three months and have one piece of real product evidence I can point to by the end of the year.',
    },
  },
  'devon-k': {
    activeHoursAgo: 1,
    asker: {
      currentRole: 'Backend engineer',
      currentRoleFamily: 'backend',
      yearsOfExperience: 5,
      companyType: 'scale-up',
      companySize: '201-1000',
      industries: ['logistics'],
      pathsWeighed: ['internal-transfer', 'apm-program'],
      constraints:
        'My manager supports a move but the product org is small and rarely hires from engineering. I have a mortgage, so I cannot take a big pay cut.',
      timeZone: 'America/Chicago',
      languages: ['en', 'pl'],
      focus: ['choosing-path', 'interviewing'],
      goals:
        'Know whether to push for a transfer here or apply out, and get good at product sense interviews.',
    },
  },
  lin_qa: {
    activeHoursAgo: 3,
    asker: {
      currentRole: 'QA automation lead',
      currentRoleFamily: 'qa',
      yearsOfExperience: 7,
      companyType: 'scale-up',
      companySize: '201-1000',
      industries: ['fintech'],
      pathsWeighed: ['internal-transfer', 'consulting-pm', 'technical-pm'],
      constraints: 'Recruiters filter on my title. I would rather not move cities.',
      timeZone: 'America/Toronto',
      languages: ['en', 'zh'],
      focus: ['building-evidence', 'interviewing'],
      goals:
        'Rewrite my resume so the product work I already do is visible, then land a PM or product owner role.',
    },
  },
  priya_pm: {
    activeHoursAgo: 2,
    mentor: {
      headline: 'Agency frontend dev → startup engineering lead → senior PM',
      roleBefore: 'Frontend developer',
      roleBeforeFamily: 'frontend',
      roleNow: 'Senior product manager',
      pathTaken: 'startup-eng-lead',
      switchYear: 2019,
      monthsToSwitch: 20,
      yearsBeforeSwitch: 6,
      companyTypeBefore: 'agency',
      companySizeBefore: '11-50',
      companyTypeAfter: 'startup',
      companySizeAfter: '11-50',
      industries: ['e-commerce', 'marketplaces'],
      skills: ['discovery interviews', 'roadmapping', 'frontend architecture', 'hiring'],
      timeZone: 'Europe/Amsterdam',
      languages: ['en', 'nl', 'ta'],
      story: `I spent six years at a digital agency turning other people's decisions into React. I was good at it and bored by it: by the time a brief reached me, every interesting question had been answered by someone in a meeting I was not in.

In 2018 I joined a seed-stage marketplace as the second engineer. There was no PM, so the founders and I argued about the roadmap every Monday. I started writing one-page problem statements before I wrote code, mostly to win those arguments. Within a year I was the engineering lead and, without anyone saying it, the person who decided what we built next.

The switch became official when we raised our Series A and the CEO asked whether I wanted to hire engineers or hire a PM to replace the half of my job I liked more. I took the PM title, hired my replacement as lead, and spent the next year learning how much of product is saying no kindly.

If you are at an agency now: the client-facing work you think does not count does count. Scoping, pushing back on a brief, explaining trade-offs to a non-technical buyer — that is most of the job.`,
      whatHelped:
        'Writing a short problem statement before every feature and keeping them in one doc. Eighteen months later that doc was my portfolio. Also: asking the founders to let me run two customer calls a week.',
      focus: ['choosing-path', 'building-evidence', 'first-90-days'],
      capacity: 2,
      notifyMatchingQuestions: true,
      maxQuestionNotificationsPerDay: 3,
    },
  },
  tomas_r: {
    activeHoursAgo: 9,
    mentor: {
      headline: 'Platform engineer → technical PM through an internal transfer',
      roleBefore: 'Platform engineer',
      roleBeforeFamily: 'platform',
      roleNow: 'Technical product manager, developer platform',
      pathTaken: 'internal-transfer',
      switchYear: 2021,
      monthsToSwitch: 11,
      yearsBeforeSwitch: 5,
      companyTypeBefore: 'enterprise',
      companySizeBefore: '1001-5000',
      companyTypeAfter: 'enterprise',
      companySizeAfter: '1001-5000',
      industries: ['saas', 'developer tools'],
      skills: ['kubernetes', 'internal platforms', 'stakeholder mapping', 'okrs'],
      timeZone: 'America/Mexico_City',
      languages: ['es', 'en'],
      story: `For five years I built the deployment platform that 300 other engineers used. My customers sat two floors up, and I knew their complaints better than anyone because I answered the support channel.

When the company created a platform product team, the obvious hire was someone from outside with a PM title. I asked my director what it would take for it to be me instead. The answer was concrete: own one quarter's roadmap for the CI system, run the user research, and present the results to the VP. I did that on top of my engineering work for two quarters, which was exhausting and worth it.

The transfer itself took eleven months from that first conversation. Three things slowed it down: a hiring freeze, a reorg, and my own habit of jumping in to fix bugs instead of writing the doc. The thing that sped it up was a skip-level manager who had seen my research readout and kept asking about it.

Internal transfers are mostly about making your product work visible to the people who will approve the move, not just to your own team.`,
      whatHelped:
        'A written agreement with my manager about what "show product thinking" meant, with dates. And a sponsor one level above the hiring manager.',
      focus: ['choosing-path', 'first-90-days'],
      capacity: 3,
      notifyMatchingQuestions: true,
      maxQuestionNotificationsPerDay: 5,
    },
  },
  'grace-h': {
    activeHoursAgo: 30,
    mentor: {
      headline: 'IT services developer → consulting PM → product lead in health tech',
      roleBefore: 'Software developer',
      roleBeforeFamily: 'backend',
      roleNow: 'Product lead',
      pathTaken: 'consulting-pm',
      switchYear: 2017,
      monthsToSwitch: 26,
      yearsBeforeSwitch: 3,
      companyTypeBefore: 'consultancy',
      companySizeBefore: '5000+',
      companyTypeAfter: 'scale-up',
      companySizeAfter: '201-1000',
      industries: ['health tech', 'insurance'],
      skills: ['requirements', 'regulated products', 'workshops', 'vendor management'],
      timeZone: 'Asia/Singapore',
      languages: ['en', 'zh', 'ms'],
      story: `I started as a Java developer at a large IT services company, billed out to banks and insurers. After three years I noticed that the people who got to shape the projects were the delivery leads who ran the client workshops, so I volunteered to run them.

That led to a consulting PM role on a claims-processing rebuild for an insurer. Honestly, it was more project management than product management: timelines, status reports, change requests. But it taught me to facilitate a room of people who disagreed, and to write requirements that survived contact with a regulator.

The move to product came when one of our clients, a health-tech scale-up, asked if I would join them to own the product I had been delivering for them. I had two years of their domain, their data model and their users in my head; no outside PM candidate could compete with that.

Consulting is a slower route, but it is a real one. The trick is to choose projects where you sit close to end users, and to leave before "delivery" becomes your identity.`,
      whatHelped:
        'Running discovery workshops even when the engagement did not ask for them, and keeping notes on every user I met. The client relationship became the job offer.',
      focus: ['choosing-path', 'building-evidence', 'interviewing'],
      capacity: 1,
      notifyMatchingQuestions: true,
      maxQuestionNotificationsPerDay: 2,
    },
  },
  sam_founder: {
    activeHoursAgo: 20,
    mentor: {
      headline: 'Full-stack developer → founder → PM',
      roleBefore: 'Full-stack developer',
      roleBeforeFamily: 'fullstack',
      roleNow: 'Product manager, growth',
      pathTaken: 'founder',
      switchYear: 2020,
      monthsToSwitch: 30,
      yearsBeforeSwitch: 4,
      companyTypeBefore: 'startup',
      companySizeBefore: '11-50',
      companyTypeAfter: 'scale-up',
      companySizeAfter: '201-1000',
      industries: ['education', 'consumer apps'],
      skills: ['customer interviews', 'pricing', 'experimentation', 'full-stack prototyping'],
      timeZone: 'Africa/Lagos',
      languages: ['en', 'yo'],
      story: `I left a full-stack job in 2017 to build a revision app for secondary-school students with a friend. We had paying schools within a year, ran out of money within two, and shut it down in 2019 after a round fell through.

I expected the failure to be a hole in my CV. It turned out to be the whole interview. Every PM interviewer wanted to hear how we chose what to build with no money, why we picked schools over parents as buyers, and what I would do differently. I had real answers because I had lived every mistake.

The job search after shutting down took about six months. What did not work: applying to "founding PM" roles, where they wanted someone who had scaled a product, not killed one. What did work: growth PM roles at scale-ups, where the experiment-heavy, talk-to-customers-every-week style I had been forced into was exactly the job.

If you are weighing founding something as a path into product, do it because you want to build that thing. Treat the PM job as a likely, decent consolation prize, not the plan.`,
      whatHelped:
        'Writing a blunt post-mortem of the company and sharing it with interviewers. And keeping my coding skills current, which got me past the "too technical to be a PM?" worry.',
      focus: ['exploring', 'choosing-path', 'interviewing'],
      capacity: 2,
      notifyMatchingQuestions: false,
      maxQuestionNotificationsPerDay: 1,
    },
  },
  mod_jo: {
    activeHoursAgo: 4,
    mentor: {
      headline: 'Support engineer → PM for developer tools',
      roleBefore: 'Support engineer',
      roleBeforeFamily: 'support',
      roleNow: 'Product manager, developer tools',
      pathTaken: 'internal-transfer',
      switchYear: 2022,
      monthsToSwitch: 9,
      yearsBeforeSwitch: 3,
      companyTypeBefore: 'scale-up',
      companySizeBefore: '201-1000',
      companyTypeAfter: 'scale-up',
      companySizeAfter: '201-1000',
      industries: ['developer tools'],
      skills: ['support analytics', 'documentation', 'api design reviews'],
      timeZone: 'Europe/Lisbon',
      languages: ['pt', 'en', 'es'],
      story: `I answered developer support tickets for three years. Every week I tagged tickets by root cause and sent the top five to the product team; after a while the PMs started inviting me to planning because my spreadsheet was the best signal they had.

When a PM left, I asked for a trial: one quarter owning the SDK onboarding flow. We cut time-to-first-API-call by a third, and the job was mine nine months after that first spreadsheet.`,
      whatHelped:
        'Turning support tickets into numbers product people could act on, every single week, without being asked.',
      focus: ['building-evidence', 'first-90-days'],
      capacity: 1,
      notifyMatchingQuestions: true,
      maxQuestionNotificationsPerDay: 2,
    },
  },
};

/**
 * Writes the profiles above plus the extra mentor personas (creating those users, each with
 * one of `passwordHashes`, so every demo mentor can sign in with the demo password). Runs
 * inside the demo seed's transaction, after demo-content's users exist. Every profile is
 * parsed with the same schema the API uses, so the demo never holds data the API rejects.
 */
export async function seedDemoProfiles(
  db: Db,
  passwordHashes: string[],
  now = Date.now(),
): Promise<void> {
  const hoursAgo = (h: number) => new Date(now - h * 3_600_000);
  const daysAgo = (d: number) => new Date(now - d * 86_400_000);

  const personaUsers = await db
    .insertInto('users')
    .values(
      demoPersonas.map((p, i) => ({
        handle: p.handle,
        password_hash: passwordHashes[i] ?? null,
        display_name: p.displayName,
        email: p.email,
        bio: p.bio,
        email_verified_at: daysAgo(p.joinedDaysAgo - 1),
        created_at: daysAgo(p.joinedDaysAgo),
      })),
    )
    .onConflict((oc) => oc.doNothing())
    .returning(['id', 'handle'])
    .execute();

  const all: [string, DemoProfile][] = [
    ...Object.entries(demoProfiles),
    ...Object.entries(communityAskerProfiles),
    ...demoPersonas.map((p): [string, DemoProfile] => [p.handle, p]),
  ];
  const users = await db
    .selectFrom('users')
    .select(['id', 'handle'])
    .where(
      'handle',
      'in',
      all.map(([h]) => h),
    )
    .execute();
  const idByHandle = new Map([...users, ...personaUsers].map((u) => [u.handle, u.id]));

  // One statement per table rather than per person: the seed stays fast as the cast grows.
  const askers: (AskerRow & { user_id: string })[] = [];
  const mentors: (MentorRow & { user_id: string })[] = [];
  const active: { id: string; at: string }[] = [];
  for (const [handle, profile] of all) {
    const userId = idByHandle.get(handle);
    if (!userId) continue; // a demo user someone removed from demo-content.ts
    if (profile.asker)
      askers.push({ ...askerValues(askerProfileInput.parse(profile.asker)), user_id: userId });
    if (profile.mentor)
      mentors.push({ ...mentorValues(mentorProfileInput.parse(profile.mentor)), user_id: userId });
    active.push({ id: userId, at: hoursAgo(profile.activeHoursAgo).toISOString() });
  }
  // Runs only into an empty database (demo.ts); doNothing keeps a re-run harmless anyway.
  if (askers.length)
    await db
      .insertInto('asker_profiles')
      .values(askers)
      .onConflict((oc) => oc.column('user_id').doNothing())
      .execute();
  if (mentors.length)
    await db
      .insertInto('mentor_profiles')
      .values(mentors)
      .onConflict((oc) => oc.column('user_id').doNothing())
      .execute();
  if (active.length)
    await sql`
      UPDATE users u SET last_active_at = a.at::timestamptz
        FROM unnest(${active.map((a) => a.id)}::uuid[], ${active.map((a) => a.at)}::text[]) AS a(id, at)
       WHERE u.id = a.id`.execute(db);
}
