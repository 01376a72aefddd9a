/**
 * Demo content for a first-time visitor: original threads written for this project (the
 * post in ../shared/seed shows the tone; nothing here is copied). Later features extend
 * these people and threads rather than adding disconnected samples.
 */
import { communityPeople } from './community/people';
import { communityThreads } from './demo-community';

export interface DemoUser {
  handle: string;
  displayName: string;
  email: string;
  bio: string;
  role?: 'member' | 'moderator' | 'admin';
  kind: 'asker' | 'mentor' | 'staff';
}

export interface DemoThread {
  key: string;
  author: string;
  title: string;
  body: string;
  tags: string[];
  hoursAgo: number;
  points: number;
}

const coreUsers: DemoUser[] = [
  {
    handle: 'maya_builds',
    displayName: 'Maya Okafor',
    email: 'maya@demo.switchboard.test',
    bio: 'Web developer at a six-person agency. Eight years of marketing sites and small web apps; I want to own the "why", not just the "how".',
    kind: 'asker',
  },
  {
    handle: 'devon-k',
    displayName: 'Devon Kowalski',
    email: 'devon@demo.switchboard.test',
    bio: 'Backend engineer at a logistics scale-up, 5 years in. Weighing an internal transfer against an APM program.',
    kind: 'asker',
  },
  {
    handle: 'lin_qa',
    displayName: 'Lin Chen',
    email: 'lin@demo.switchboard.test',
    bio: 'QA automation lead in fintech. I write the test plans that end up being the spec.',
    kind: 'asker',
  },
  {
    handle: 'priya_pm',
    displayName: 'Priya Raman',
    email: 'priya@demo.switchboard.test',
    bio: 'Frontend engineer at an agency for 6 years, then engineering lead at a seed-stage startup where I ended up running product. Senior PM since 2021.',
    kind: 'mentor',
  },
  {
    handle: 'tomas_r',
    displayName: 'Tomás Rivera',
    email: 'tomas@demo.switchboard.test',
    bio: 'Moved from platform engineering to technical PM through an internal transfer at a 4,000-person SaaS company.',
    kind: 'mentor',
  },
  {
    handle: 'grace-h',
    displayName: 'Grace Huang',
    email: 'grace@demo.switchboard.test',
    bio: 'Ex-consultant. Went from developer at an IT services firm to consulting PM, then product lead at a health-tech company.',
    kind: 'mentor',
  },
  {
    handle: 'sam_founder',
    displayName: 'Sam Adeyemi',
    email: 'sam@demo.switchboard.test',
    bio: 'Full-stack developer turned founder turned PM. My first company failed; the story about it got me my first PM job.',
    kind: 'mentor',
  },
  {
    handle: 'mod_jo',
    displayName: 'Jo Martins',
    email: 'jo@demo.switchboard.test',
    bio: 'Community moderator. Former support engineer, now a PM for developer tools.',
    role: 'moderator',
    kind: 'staff',
  },
];

const coreThreads: DemoThread[] = [
  {
    key: 'agency-dev',
    author: 'maya_builds',
    title: 'Agency web developer, eight years in: which road into product actually works?',
    body: `I build marketing sites and the occasional web app for clients at a small agency. Nobody here has a PM title; the account manager talks to the client and I get a Figma file.

The paths I can see:

1. Grind interview prep, get an engineering job at a bigger software company, then try to transfer into PM.
2. Apply to PM roles at an IT consultancy, even if the projects are dull for a while.
3. Join an early startup as the engineering lead who also owns the roadmap.
4. Build something of my own and use it as evidence.

My worry is picking the "safe" one and being just as stuck two years from now. If you made this switch without PM experience in your current job, what actually moved the needle?`,
    tags: ['career-switch', 'startups', 'consulting'],
    hoursAgo: 5,
    points: 14,
  },
  {
    key: 'internal-transfer',
    author: 'devon-k',
    title: 'How long did your internal transfer from engineering to PM really take?',
    body: `My company has about 600 people and a product org of 25. My manager is supportive but says "show product thinking first". What did that mean in practice for people who did it? I'd love timelines: months from the first conversation to the new title.`,
    tags: ['internal-transfer', 'career-switch'],
    hoursAgo: 26,
    points: 9,
  },
  {
    key: 'apm-programs',
    author: 'devon-k',
    title: 'Are APM programs realistic with five years of engineering experience?',
    body: `Most associate-PM programs seem designed for new grads. Is applying with five years of backend work a plus or a mismatch? Would I be better off aiming straight at PM roles?`,
    tags: ['apm-programs', 'pm-interviews'],
    hoursAgo: 50,
    points: 6,
  },
  {
    key: 'qa-to-pm',
    author: 'lin_qa',
    title: 'QA lead wondering if test plans count as product experience on a resume',
    body: `I write acceptance criteria, triage what ships and what waits, and sit in every release meeting. Recruiters still read "QA" and stop. How would you describe this work so that a hiring manager for a PM role sees it?`,
    tags: ['resume', 'career-switch'],
    hoursAgo: 3,
    points: 4,
  },
  {
    key: 'portfolio',
    author: 'maya_builds',
    title: 'What goes in a PM portfolio when you have never had the title?',
    body: `Case studies of client projects I built? A teardown of a product I use? A side project with real users? I can only afford the time for one of these in the next three months.`,
    tags: ['portfolio', 'career-switch'],
    hoursAgo: 80,
    points: 11,
  },
  {
    key: 'consulting-pm',
    author: 'lin_qa',
    title: 'Consulting PM roles: good stepping stone or a trap?',
    body: `A consultancy offered me a "technical project manager" role. It's more delivery than discovery. Did anyone use a role like that to get to a product role later, and how long did it take?`,
    tags: ['consulting', 'career-switch'],
    hoursAgo: 140,
    points: 3,
  },
  {
    key: 'interview-prep',
    author: 'devon-k',
    title: 'Product sense interviews as an engineer: what did you practise?',
    body: `I can do system design in my sleep but freeze on "design an alarm clock for the blind". What practice actually helped you, and how many mock interviews did it take?`,
    tags: ['pm-interviews'],
    hoursAgo: 1,
    points: 2,
  },
];

export const demoUsers: DemoUser[] = [...coreUsers, ...communityPeople];
export const demoThreads: DemoThread[] = [...coreThreads, ...communityThreads];
