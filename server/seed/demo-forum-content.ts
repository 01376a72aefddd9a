/**
 * Demo replies for the demo threads (demo-content.ts), written for this project. Nested
 * discussions, a few "this helped me" marks, votes — so a first visit shows the forum as it
 * is meant to feel: people who made the switch answering people who want to.
 */
import { communityReplies } from './demo-community';

export interface DemoReply {
  key: string;
  /** Thread key (demo-content.ts) */
  thread: string;
  /** Parent reply key, absent for a direct answer. */
  parent?: string;
  author: string;
  /** Hours after the thread was posted. */
  after: number;
  body: string;
  /** Handles who upvoted it (points = 1 + voters). */
  votes: string[];
  helpful?: boolean;
}

const coreReplies: DemoReply[] = [
  // --- agency-dev: the question this product exists for -----------------------------------
  {
    key: 'priya-startup',
    thread: 'agency-dev',
    author: 'priya_pm',
    after: 0.5,
    body: `I made almost exactly this move: six years of agency frontend work, then engineering lead at a seed-stage startup, then PM.

What actually moved the needle for me was **not** the title, it was the evidence:

1. At the agency I started writing the one-page brief before every build — who the client's customer was, what would count as success, what we would *not* build. Clients started asking for me in kickoff calls.
2. At the startup I owned the roadmap because nobody else did. Eighteen months of that was enough to interview for PM roles with real stories.

Your option 3 is the fastest if you can find the right company: look for teams of 5–15 engineers with a technical founder who is drowning in customer calls.`,
    votes: ['maya_builds', 'tomas_r', 'grace-h', 'sam_founder', 'devon-k', 'mod_jo'],
    helpful: true,
  },
  {
    key: 'maya-followup',
    thread: 'agency-dev',
    parent: 'priya-startup',
    author: 'maya_builds',
    after: 1.2,
    body: `The one-page brief idea is something I can start on Monday. How did you find the startup — did you apply to an engineering-lead posting, or did you pitch the "I also do product" part?`,
    votes: ['priya_pm'],
  },
  {
    key: 'priya-reply',
    thread: 'agency-dev',
    parent: 'maya-followup',
    author: 'priya_pm',
    after: 1.6,
    body: `An engineering-lead posting, but in the interview I brought two of those briefs (client names removed) and talked about them more than about code. The founder hired me *because* of them. Lead with the product work, let the engineering be the safe part of the bet.`,
    votes: ['maya_builds', 'grace-h'],
  },
  {
    key: 'sam-caution',
    thread: 'agency-dev',
    parent: 'priya-reply',
    author: 'sam_founder',
    after: 2.1,
    body: `+1, with one caution: at a very early startup "lead who also does product" can quietly become "lead who does everything". Ask in the interview who decides what gets built next quarter. If the answer is a name that isn't yours, it's an engineering job.`,
    votes: ['priya_pm', 'maya_builds', 'devon-k'],
  },
  {
    key: 'grace-consulting',
    thread: 'agency-dev',
    author: 'grace-h',
    after: 1.0,
    body: `Counterpoint on option 2, since I took it: the "soulless projects" worry is real for the first year, but consulting PM gave me reps at running discovery with people who were not my friends. That is the skill interviewers probed hardest later.

It took me 2 years to go from consulting PM to a product role at a health-tech company. If you go this way, pick the firm by *who the clients are*, not by the title they offer.`,
    votes: ['maya_builds', 'lin_qa', 'tomas_r'],
    helpful: true,
  },
  {
    key: 'lin-question',
    thread: 'agency-dev',
    parent: 'grace-consulting',
    author: 'lin_qa',
    after: 2.5,
    body: `Did you have to take a pay cut for the consulting role? I have an offer like that and it's roughly 10% less than my current job.`,
    votes: [],
  },
  {
    key: 'grace-pay',
    thread: 'agency-dev',
    parent: 'lin-question',
    author: 'grace-h',
    after: 3.0,
    body: `A small one, yes, and I made it back within two years. I would only take a bigger cut for a role where you own outcomes, not just delivery dates.`,
    votes: ['lin_qa'],
  },
  {
    key: 'tomas-algorithms',
    thread: 'agency-dev',
    author: 'tomas_r',
    after: 2.0,
    body: `On option 1: I did the internal-transfer path, and I'd say the algorithms grind is the weakest part of that plan. You'd spend months optimising for an interview that has nothing to do with PM.

If you go for a bigger company, target teams where engineers already talk to customers — platform, developer tools, integrations. Transfers happen there because the PMs need technical partners. @priya_pm's point about evidence applies just as much inside a company.`,
    votes: ['maya_builds', 'priya_pm'],
  },
  {
    key: 'sam-own-thing',
    thread: 'agency-dev',
    author: 'sam_founder',
    after: 3.5,
    body: `Option 4 from someone whose company failed: it was still the best PM training I could have had, *and* the write-up of why it failed got me my first PM interview. But do it with a deadline and a small budget, and decide up front what "it worked" means.`,
    votes: ['maya_builds'],
  },

  // --- internal-transfer ---------------------------------------------------------------
  {
    key: 'tomas-timeline',
    thread: 'internal-transfer',
    author: 'tomas_r',
    after: 3,
    body: `My timeline at a ~4,000-person company, from the first conversation to the new title: **11 months**.

- Months 1–3: I volunteered to write the specs for two platform features my team was building anyway.
- Months 4–7: I ran the customer interviews for an internal-tools revamp with the PM, then took over the follow-ups.
- Months 8–11: a PM left; I was the obvious person, and my manager had the paper trail.

"Show product thinking" meant: decisions written down, with the reasoning, before the work starts.`,
    votes: ['devon-k', 'priya_pm', 'lin_qa', 'mod_jo'],
    helpful: true,
  },
  {
    key: 'devon-thanks',
    thread: 'internal-transfer',
    parent: 'tomas-timeline',
    author: 'devon-k',
    after: 5,
    body: `This is exactly the concrete version I needed. Did your manager agree to a written plan, or was it all informal?`,
    votes: [],
  },
  {
    key: 'tomas-plan',
    thread: 'internal-transfer',
    parent: 'devon-thanks',
    author: 'tomas_r',
    after: 6,
    body: `Informal at first, then I asked for it in writing at month 4: three things I'd deliver and what would make them "good enough" for a PM role. Having it written made the month-11 conversation short.`,
    votes: ['devon-k'],
  },

  // --- qa-to-pm ------------------------------------------------------------------------
  {
    key: 'grace-resume',
    thread: 'qa-to-pm',
    author: 'grace-h',
    after: 1,
    body: `Lead with the decisions, not the artefacts. "Wrote acceptance criteria" reads as QA; "Defined release criteria for 14 launches and decided with product which issues blocked a release" reads as product judgement. Same work.`,
    votes: ['lin_qa', 'priya_pm'],
    helpful: true,
  },
  {
    key: 'jo-support',
    thread: 'qa-to-pm',
    author: 'mod_jo',
    after: 2,
    body: `Seconding this from the support side: I rewrote my resume around "problems I found before customers did" and got callbacks from PM roles for the first time.`,
    votes: ['lin_qa'],
  },

  // --- portfolio -----------------------------------------------------------------------
  {
    key: 'priya-portfolio',
    thread: 'portfolio',
    author: 'priya_pm',
    after: 4,
    body: `With only three months: the side project with real users, *if* you write it up like a PM. Problem, who has it, what you tried, what the numbers said, what you would do next. A teardown shows you can think; the side project shows you can decide.`,
    votes: ['maya_builds', 'sam_founder'],
  },
  {
    key: 'sam-portfolio',
    thread: 'portfolio',
    parent: 'priya-portfolio',
    author: 'sam_founder',
    after: 6,
    body: `And keep it small. Ten users you talked to beat a thousand sign-ups you never spoke with.`,
    votes: ['priya_pm'],
  },

  // --- apm-programs --------------------------------------------------------------------
  {
    key: 'tomas-apm',
    thread: 'apm-programs',
    author: 'tomas_r',
    after: 8,
    body: `Most programs I know of are built for people with 0–2 years of experience, and some say so explicitly. With five years you'd likely be more competitive applying for PM roles on technical products — your backend background is the advantage there, not something to explain away.`,
    votes: ['devon-k'],
  },
];

export const demoReplies: DemoReply[] = [...coreReplies, ...communityReplies];

/** Thread votes by demo members (on top of the points in demo-content.ts). */
export const demoThreadVotes: { thread: string; voters: string[] }[] = [
  { thread: 'agency-dev', voters: ['priya_pm', 'tomas_r', 'grace-h', 'sam_founder', 'lin_qa'] },
  { thread: 'internal-transfer', voters: ['tomas_r', 'lin_qa'] },
  { thread: 'qa-to-pm', voters: ['grace-h'] },
  { thread: 'portfolio', voters: ['priya_pm', 'sam_founder'] },
];
