import type { MentorProfileInput } from '../../shared/api/profiles';

/**
 * Extra demo mentors (fictional people, original stories) so a first-time visitor sees a
 * mentor list and matching with real variety: every path in the taxonomy, time zones from
 * Auckland to Los Angeles, a dozen languages, full and paused capacity.
 */
export interface DemoPersona {
  handle: string;
  displayName: string;
  email: string;
  bio: string;
  joinedDaysAgo: number;
  activeHoursAgo: number;
  mentor: MentorProfileInput;
}

const base = { notifyMatchingQuestions: true, maxQuestionNotificationsPerDay: 3 } as const;

export const demoPersonas: DemoPersona[] = [
  {
    handle: 'marcus_w',
    displayName: 'Marcus Webb',
    email: 'marcus@demo.switchboard.test',
    bio: 'Eight years building client sites at agencies, now a product manager at a digital consultancy. I reply slowly but properly.',
    joinedDaysAgo: 96,
    activeHoursAgo: 6,
    mentor: {
      ...base,
      headline: 'Agency full-stack developer → consulting PM',
      roleBefore: 'Full-stack web developer',
      roleNow: 'Product manager (consulting)',
      pathTaken: 'consulting-pm',
      switchYear: 2021,
      monthsToSwitch: 10,
      yearsBeforeSwitch: 8,
      companyTypeBefore: 'agency',
      companySizeBefore: '11-50',
      companyTypeAfter: 'consultancy',
      companySizeAfter: '201-1000',
      industries: ['retail', 'non-profit'],
      skills: ['client workshops', 'estimation', 'user story mapping', 'wordpress', 'react'],
      timeZone: 'America/New_York',
      languages: ['en'],
      story: `Agencies sell hours, so for eight years my job was to build exactly what was sold. The one part I loved was the kickoff call, when the client explained what they were actually trying to fix.

I started asking to join those calls, then to write the scope documents, then to run the sprint reviews. None of that changed my title, but it gave me a folder of before-and-after stories: what the client asked for, what we found out, what we built instead.

A digital consultancy hired me as a PM on the strength of that folder. The work is product management with a client attached: discovery, prioritising, saying no — just with a contract in the room.`,
      whatHelped:
        'Treating every agency project as a case study and writing it up the week it shipped, while I still remembered the trade-offs.',
      focus: ['choosing-path', 'building-evidence'],
      capacity: 3,
    },
  },
  {
    handle: 'aiko_t',
    displayName: 'Aiko Tanaka',
    email: 'aiko@demo.switchboard.test',
    bio: 'iOS engineer turned associate PM turned PM for a payments app. Happy to do mock interviews in English or Japanese.',
    joinedDaysAgo: 88,
    activeHoursAgo: 14,
    mentor: {
      ...base,
      headline: 'Mobile engineer at a game studio → APM program',
      roleBefore: 'iOS engineer',
      roleNow: 'Product manager, payments',
      pathTaken: 'apm-program',
      switchYear: 2018,
      monthsToSwitch: 9,
      yearsBeforeSwitch: 4,
      companyTypeBefore: 'startup',
      companySizeBefore: '51-200',
      companyTypeAfter: 'enterprise',
      companySizeAfter: '5000+',
      industries: ['gaming', 'payments'],
      skills: ['ios', 'product sense interviews', 'metrics', 'a/b testing'],
      timeZone: 'Asia/Tokyo',
      languages: ['ja', 'en'],
      story: `I was four years into building mobile games when I applied to an associate PM program. Everyone told me programs like that were for new graduates; two of the eleven people in my cohort had engineering careers before, and we were not at a disadvantage.

What got me in was preparation, not pedigree. I did about thirty mock interviews over four months, half of them with engineers who were as lost as I was. The product sense rounds were the hardest: I kept jumping to solutions. I learned to spend the first five minutes on who the user is and what they are trying to do.

The program itself was two rotations of nine months. It gave me a title, a cohort and permission to be bad at things for a while, which I needed.`,
      whatHelped:
        'Recording my mock interviews and listening back. Painful, and the fastest way I found to stop rambling.',
      focus: ['interviewing', 'first-90-days'],
      capacity: 1,
    },
  },
  {
    handle: 'lars_n',
    displayName: 'Lars Nygaard',
    email: 'lars@demo.switchboard.test',
    bio: 'Data engineer who now owns the data products at a large energy company. Ask me about moving sideways inside a slow organisation.',
    joinedDaysAgo: 110,
    activeHoursAgo: 40,
    mentor: {
      ...base,
      headline: 'Data engineer → data product manager, same company',
      roleBefore: 'Data engineer',
      roleNow: 'Data product manager',
      pathTaken: 'internal-transfer',
      switchYear: 2020,
      monthsToSwitch: 14,
      yearsBeforeSwitch: 6,
      companyTypeBefore: 'enterprise',
      companySizeBefore: '5000+',
      companyTypeAfter: 'enterprise',
      companySizeAfter: '5000+',
      industries: ['energy'],
      skills: ['data pipelines', 'sql', 'stakeholder interviews', 'data governance'],
      timeZone: 'Europe/Oslo',
      languages: ['nb', 'en', 'de'],
      story: `Large companies move slowly, and an internal transfer inside one moves at the same speed. Mine took fourteen months, most of them spent waiting for a budget line.

What I did in that time mattered, though. I picked the most complained-about dataset in the company — the one every analyst had their own broken copy of — and interviewed its twelve heaviest users. The write-up of those interviews did more for my transfer than four years of pipelines.

When the data product team was finally funded, I was the only candidate who already knew the users by name.`,
      whatHelped:
        'Choosing one painful internal product and treating its users like customers. Also patience, which I did not have naturally.',
      focus: ['choosing-path', 'building-evidence'],
      capacity: 3,
    },
  },
  {
    handle: 'fatima_b',
    displayName: 'Fatima Benali',
    email: 'fatima@demo.switchboard.test',
    bio: 'QA engineer, then consulting PM, now product owner for a public digital service. I work in Arabic, French and English.',
    joinedDaysAgo: 75,
    activeHoursAgo: 28,
    mentor: {
      ...base,
      headline: 'QA engineer → consulting PM → product owner in the public sector',
      roleBefore: 'QA engineer',
      roleNow: 'Product owner, public digital services',
      pathTaken: 'consulting-pm',
      switchYear: 2017,
      monthsToSwitch: 18,
      yearsBeforeSwitch: 4,
      companyTypeBefore: 'consultancy',
      companySizeBefore: '1001-5000',
      companyTypeAfter: 'public-sector',
      companySizeAfter: '1001-5000',
      industries: ['government', 'banking'],
      skills: ['acceptance criteria', 'accessibility', 'procurement', 'user testing'],
      timeZone: 'Africa/Casablanca',
      languages: ['ar', 'fr', 'en'],
      story: `As a tester I was the person who read the requirements most carefully, which meant I was also the person who found that they contradicted each other. I started fixing them before testing began, and my consultancy noticed.

They moved me to a PM role on a banking project, mostly coordination at first. I asked to run the user acceptance sessions with real branch staff, and those sessions became the part of the job I was known for.

Three years later a ministry I had worked with was building an in-house digital team and needed product owners who understood both testing and procurement. QA people already think in acceptance criteria; that is half of product ownership.`,
      whatHelped:
        'Rewriting vague requirements as testable statements and sharing them with the analysts instead of just filing bugs.',
      focus: ['building-evidence', 'interviewing'],
      capacity: 2,
    },
  },
  {
    handle: 'joao_m',
    displayName: 'João Moreira',
    email: 'joao@demo.switchboard.test',
    bio: 'Backend engineer who became the "engineering lead who also does product" at a fintech startup, then head of product.',
    joinedDaysAgo: 130,
    activeHoursAgo: 11,
    mentor: {
      ...base,
      headline: 'Backend engineer → startup engineering lead → head of product',
      roleBefore: 'Backend engineer',
      roleNow: 'Head of product',
      pathTaken: 'startup-eng-lead',
      switchYear: 2019,
      monthsToSwitch: 12,
      yearsBeforeSwitch: 5,
      companyTypeBefore: 'scale-up',
      companySizeBefore: '201-1000',
      companyTypeAfter: 'startup',
      companySizeAfter: '11-50',
      industries: ['fintech', 'lending'],
      skills: ['api design', 'pricing experiments', 'compliance', 'team leadership'],
      timeZone: 'America/Sao_Paulo',
      languages: ['pt-BR', 'en', 'es'],
      story: `I left a comfortable backend job at a fintech scale-up to be the first engineering lead at a twelve-person lending startup. The job description said "lead engineering"; the reality was that nobody else was deciding what engineering should build.

For the first six months I tried to do both jobs fully and did neither well. What fixed it was hiring a strong senior engineer and trusting them with the codebase, so I could spend my mornings with the credit analysts and borrowers.

A year in, the founders made the split official. The startup route is fast, but only if you are willing to let go of the engineering half.`,
      whatHelped:
        'Hiring someone better at engineering than me early, and blocking my mornings for customer and operations conversations.',
      focus: ['choosing-path', 'first-90-days'],
      capacity: 2,
    },
  },
  {
    handle: 'nkechi_o',
    displayName: 'Nkechi Obi',
    email: 'nkechi@demo.switchboard.test',
    bio: 'Solutions engineer turned technical PM for a public API platform. Customer-facing engineers make great PMs; I will tell you why.',
    joinedDaysAgo: 64,
    activeHoursAgo: 3,
    mentor: {
      ...base,
      headline: 'Solutions engineer → technical PM for APIs',
      roleBefore: 'Solutions engineer',
      roleNow: 'Technical product manager, API platform',
      pathTaken: 'technical-pm',
      switchYear: 2021,
      monthsToSwitch: 8,
      yearsBeforeSwitch: 4,
      companyTypeBefore: 'enterprise',
      companySizeBefore: '1001-5000',
      companyTypeAfter: 'scale-up',
      companySizeAfter: '201-1000',
      industries: ['saas', 'telecoms'],
      skills: ['api design', 'developer experience', 'pre-sales', 'technical writing'],
      timeZone: 'Africa/Lagos',
      languages: ['en', 'yo'],
      story: `As a solutions engineer I sat in sales calls and translated between what customers asked for and what our API could do. I kept a list of every "we can't do that yet" and the deals attached to it.

That list was my pitch. When a scale-up was hiring a technical PM for their public API, I walked in with a year of evidence about what integrators struggle with and what it costs. I had never held the title, but I had been doing half of the job from the other side of the table.

Technical PM roles value depth. You do not have to hide your engineering background; you have to show what you did with it beyond writing code.`,
      whatHelped:
        'Keeping a running log of customer requests with revenue attached. Interviewers remember numbers.',
      focus: ['choosing-path', 'interviewing'],
      capacity: 2,
    },
  },
  {
    handle: 'ravi_s',
    displayName: 'Ravi Shankar',
    email: 'ravi@demo.switchboard.test',
    bio: 'Java developer at an IT services giant, then a full-time MBA, now a PM in e-commerce. Honest about what the MBA was and was not worth.',
    joinedDaysAgo: 140,
    activeHoursAgo: 70,
    mentor: {
      ...base,
      headline: 'IT services developer → MBA → e-commerce PM',
      roleBefore: 'Java developer',
      roleNow: 'Product manager, checkout',
      pathTaken: 'mba',
      switchYear: 2016,
      monthsToSwitch: 30,
      yearsBeforeSwitch: 5,
      companyTypeBefore: 'consultancy',
      companySizeBefore: '5000+',
      companyTypeAfter: 'scale-up',
      companySizeAfter: '1001-5000',
      industries: ['e-commerce', 'retail'],
      skills: ['java', 'business cases', 'market sizing', 'checkout conversion'],
      timeZone: 'Asia/Kolkata',
      languages: ['en', 'hi', 'ta'],
      story: `After five years of writing code for clients I never met, I wanted a reset, and a full-time MBA felt like the cleanest one. It took two years and most of my savings.

The MBA gave me three useful things: a summer internship as a product intern, a network of classmates who later hired or referred each other, and the vocabulary to talk to finance people. It did not teach me product management; the internship and my first year on the job did that.

I would still recommend it to some people — especially if you are switching countries or industries at the same time. For most engineers who only want to switch roles, there are cheaper routes.`,
      whatHelped:
        'Treating the summer internship as the real interview and shipping one small feature in ten weeks.',
      focus: ['exploring', 'choosing-path'],
      capacity: 1,
    },
  },
  {
    handle: 'elena_v',
    displayName: 'Elena Vásquez',
    email: 'elena@demo.switchboard.test',
    bio: 'Frontend developer, then founder of a small restaurant-booking SaaS (sold), now a PM at a travel scale-up. Mentoring is paused while I am on leave.',
    joinedDaysAgo: 120,
    activeHoursAgo: 200,
    mentor: {
      ...base,
      notifyMatchingQuestions: false,
      headline: 'Agency frontend developer → founder → PM at a scale-up',
      roleBefore: 'Frontend developer',
      roleNow: 'Senior product manager',
      pathTaken: 'founder',
      switchYear: 2020,
      monthsToSwitch: 36,
      yearsBeforeSwitch: 5,
      companyTypeBefore: 'agency',
      companySizeBefore: '11-50',
      companyTypeAfter: 'scale-up',
      companySizeAfter: '201-1000',
      industries: ['hospitality', 'travel'],
      skills: ['bootstrapping', 'sales', 'frontend', 'onboarding flows'],
      timeZone: 'Europe/Madrid',
      languages: ['es', 'en', 'ca'],
      story: `I built booking widgets for restaurants at an agency and kept hearing the same complaint from owners: no-shows. So I built a small tool to fix it on evenings and weekends, and after a year it paid my rent.

Running it for three years taught me everything that is not code: pricing, churn, support at midnight. A travel company bought it mostly for the customer base, and offered me a PM role as part of the deal.

Founding is a long path into product, and it only makes sense if you would be happy running the company indefinitely. The PM job was a side effect, not the goal.`,
      whatHelped: 'Charging money from the first month. Paying customers tell you the truth.',
      focus: ['exploring', 'building-evidence'],
      capacity: 0,
    },
  },
  {
    handle: 'dmitri_k',
    displayName: 'Dmitri Kuznetsov',
    email: 'dmitri@demo.switchboard.test',
    bio: 'SRE who became the platform PM for observability at a Berlin scale-up. German, English, Russian.',
    joinedDaysAgo: 45,
    activeHoursAgo: 8,
    mentor: {
      ...base,
      maxQuestionNotificationsPerDay: 6,
      headline: 'Site reliability engineer → platform PM',
      roleBefore: 'Site reliability engineer',
      roleNow: 'Platform product manager, observability',
      pathTaken: 'technical-pm',
      switchYear: 2022,
      monthsToSwitch: 6,
      yearsBeforeSwitch: 7,
      companyTypeBefore: 'scale-up',
      companySizeBefore: '1001-5000',
      companyTypeAfter: 'scale-up',
      companySizeAfter: '1001-5000',
      industries: ['mobility', 'developer tools'],
      skills: ['observability', 'incident reviews', 'internal adoption', 'build vs buy'],
      timeZone: 'Europe/Berlin',
      languages: ['de', 'en', 'ru'],
      story: `Our engineers ignored the monitoring tools my team built. After one especially bad incident review I stopped adding features and started asking the on-call engineers why.

The answers changed our roadmap, and my manager noticed that I was now spending more time on the roadmap than on the pager. When the company decided platform teams should have PMs, I applied internally with the incident-review research as my case study.

Six months from first conversation to new title — fast, because the role was new and nobody else understood the users.`,
      whatHelped:
        'Using incident reviews as user research. Engineers are very honest about tools at 3 a.m.',
      focus: ['building-evidence', 'first-90-days'],
      capacity: 4,
    },
  },
  {
    handle: 'hannah_l',
    displayName: 'Hannah Lee',
    email: 'hannah@demo.switchboard.test',
    bio: 'Data analyst in a county government, now a PM on a state digital service team. Public-sector product work is real product work.',
    joinedDaysAgo: 58,
    activeHoursAgo: 20,
    mentor: {
      ...base,
      headline: 'Public-sector data analyst → product manager for a digital service',
      roleBefore: 'Data analyst',
      roleNow: 'Product manager, digital services',
      pathTaken: 'internal-transfer',
      switchYear: 2019,
      monthsToSwitch: 20,
      yearsBeforeSwitch: 5,
      companyTypeBefore: 'public-sector',
      companySizeBefore: '1001-5000',
      companyTypeAfter: 'public-sector',
      companySizeAfter: '201-1000',
      industries: ['government', 'social services'],
      skills: ['analytics', 'service design', 'plain language', 'accessibility'],
      timeZone: 'America/Los_Angeles',
      languages: ['en', 'ko'],
      story: `I built dashboards for a benefits program and kept seeing the same thing: half of applicants dropped out at one question on page four. I brought the chart to every meeting until someone let me test a rewrite with five applicants.

The completion rate went up, a state digital team heard about it, and they offered a transfer into their product group — once the hiring process, which is slow in government, finished twenty months later.

If you are in the public sector, do not assume you have to leave to do product. Look for the team that is already trying to work this way.`,
      whatHelped:
        'One chart, one small test with real users, and the stubbornness to bring it up until someone said yes.',
      focus: ['exploring', 'building-evidence'],
      capacity: 2,
    },
  },
  {
    handle: 'sofia_r',
    displayName: 'Sofia Rossi',
    email: 'sofia@demo.switchboard.test',
    bio: 'Android engineer in automotive, then a rotational PM program for experienced hires. I mentor in Italian, English or French.',
    joinedDaysAgo: 30,
    activeHoursAgo: 16,
    mentor: {
      ...base,
      headline: 'Automotive Android engineer → experienced-hire PM program',
      roleBefore: 'Android engineer',
      roleNow: 'Product manager, connected car app',
      pathTaken: 'apm-program',
      switchYear: 2023,
      monthsToSwitch: 7,
      yearsBeforeSwitch: 5,
      companyTypeBefore: 'enterprise',
      companySizeBefore: '5000+',
      companyTypeAfter: 'scale-up',
      companySizeAfter: '201-1000',
      industries: ['automotive', 'mobility'],
      skills: ['android', 'hardware constraints', 'roadmaps', 'user interviews'],
      timeZone: 'Europe/Rome',
      languages: ['it', 'en', 'fr'],
      story: `Some scale-ups now run PM programs for people with a few years of experience rather than for new graduates. I found one by asking in a community like this one, not on a job board.

The application was a take-home case about an app I used every day, then a panel. My engineering background helped on the technical questions and hurt on the first case, where I designed the architecture before the problem.

Seven months from first application to start date, including one rejection from a different program that taught me what I was doing wrong.`,
      whatHelped:
        'Asking PMs at the companies I liked how they hired. Two of them pointed me to programs that were never advertised widely.',
      focus: ['choosing-path', 'interviewing'],
      capacity: 2,
    },
  },
  {
    handle: 'wei_z',
    displayName: 'Wei Zhang',
    email: 'wei@demo.switchboard.test',
    bio: 'Backend lead, co-founder of a logistics startup, now product lead at a scale-up in Singapore. English, Mandarin, Malay.',
    joinedDaysAgo: 150,
    activeHoursAgo: 55,
    mentor: {
      ...base,
      headline: 'Startup backend lead → co-founder → product lead',
      roleBefore: 'Backend team lead',
      roleNow: 'Product lead, fleet operations',
      pathTaken: 'founder',
      switchYear: 2018,
      monthsToSwitch: 24,
      yearsBeforeSwitch: 7,
      companyTypeBefore: 'startup',
      companySizeBefore: '51-200',
      companyTypeAfter: 'scale-up',
      companySizeAfter: '1001-5000',
      industries: ['logistics', 'b2b saas'],
      skills: ['route optimisation', 'enterprise sales', 'hiring', 'operations research'],
      timeZone: 'Asia/Singapore',
      languages: ['en', 'zh', 'ms'],
      story: `I co-founded a B2B logistics company with two people from the operations side. I was the technical co-founder, which at first meant writing all the code, and later meant being the person in every customer meeting who could say whether something was possible.

We grew to forty people and were acquired by a larger logistics scale-up. Founders usually leave after an acquisition; I stayed as product lead because I still found the problem interesting.

Being a technical founder is a product job with a lot of extra stress attached. If you want the product part without the stress, there are easier ways.`,
      whatHelped:
        'Sitting in the warehouse with dispatchers for a week before writing the first line of code.',
      focus: ['exploring', 'first-90-days'],
      capacity: 1,
    },
  },
  {
    handle: 'chloe_d',
    displayName: 'Chloé Dubois',
    email: 'chloe@demo.switchboard.test',
    bio: 'QA lead in e-commerce who moved into a product owner role in the same company. I love helping testers see their own product skills.',
    joinedDaysAgo: 40,
    activeHoursAgo: 5,
    mentor: {
      ...base,
      headline: 'QA lead → product owner via internal transfer',
      roleBefore: 'QA lead',
      roleNow: 'Product owner, search and browse',
      pathTaken: 'internal-transfer',
      switchYear: 2020,
      monthsToSwitch: 11,
      yearsBeforeSwitch: 6,
      companyTypeBefore: 'scale-up',
      companySizeBefore: '201-1000',
      companyTypeAfter: 'scale-up',
      companySizeAfter: '201-1000',
      industries: ['e-commerce', 'fashion'],
      skills: ['test strategy', 'release planning', 'backlog refinement', 'search relevance'],
      timeZone: 'Europe/Paris',
      languages: ['fr', 'en'],
      story: `Testers already do half of a product owner's job: we write acceptance criteria, we decide what blocks a release, and we know every edge case the users will hit. The problem is that nobody calls it product work, including us.

I started by renaming what I did. My test plans became "release risk reviews", and I presented them to the product team instead of just the developers. Then I asked to run backlog refinement for one squad while its product owner was on leave.

When she came back, the company created a second product owner role for search, and I had eleven months of evidence that I could do it.`,
      whatHelped:
        'Describing my QA work in product language on my CV and in meetings. Same work, different audience.',
      focus: ['building-evidence', 'interviewing'],
      capacity: 3,
    },
  },
  {
    handle: 'tane_h',
    displayName: 'Tane Harrison',
    email: 'tane@demo.switchboard.test',
    bio: 'Support engineer to engineering lead to product at a small dev-tools startup in Auckland. Friendly to awkward time zones.',
    joinedDaysAgo: 20,
    activeHoursAgo: 12,
    mentor: {
      ...base,
      maxQuestionNotificationsPerDay: 2,
      headline: 'Support engineer → startup engineering lead who owns product',
      roleBefore: 'Support engineer',
      roleNow: 'Engineering lead and product owner',
      pathTaken: 'startup-eng-lead',
      switchYear: 2024,
      monthsToSwitch: 15,
      yearsBeforeSwitch: 3,
      companyTypeBefore: 'startup',
      companySizeBefore: '11-50',
      companyTypeAfter: 'startup',
      companySizeAfter: '1-10',
      industries: ['developer tools', 'education'],
      skills: ['customer support', 'typescript', 'roadmaps', 'community'],
      timeZone: 'Pacific/Auckland',
      languages: ['en', 'mi'],
      story: `I came into tech through support, learned to code by fixing the bugs I was reporting, and joined a tiny developer-tools startup as its fourth engineer.

At a company that small nobody has one job. Because I had spent years talking to frustrated users, I became the one who decided what we fixed first. Fifteen months later the founders gave me the lead role with product ownership written into it.

I am the newest mentor here, so I am better at "what the first year feels like" than at long-term career advice.`,
      whatHelped: 'Support experience. You learn what users mean, not just what they say.',
      focus: ['exploring', 'first-90-days'],
      capacity: 2,
    },
  },
  {
    handle: 'ines_se',
    displayName: 'Inês Carvalho',
    email: 'ines@demo.switchboard.test',
    bio: 'Backend developer, then a solutions engineer for three years, now a PM for an integrations platform in Lisbon.',
    joinedDaysAgo: 26,
    activeHoursAgo: 7,
    mentor: {
      ...base,
      headline: 'Backend developer → solutions engineer → product manager for integrations',
      roleBefore: 'Backend developer',
      roleNow: 'Product manager, integrations',
      pathTaken: 'product-adjacent',
      switchYear: 2022,
      monthsToSwitch: 36,
      yearsBeforeSwitch: 5,
      companyTypeBefore: 'scale-up',
      companySizeBefore: '201-1000',
      companyTypeAfter: 'scale-up',
      companySizeAfter: '201-1000',
      industries: ['b2b saas', 'payments'],
      skills: ['apis', 'customer discovery', 'demos', 'pricing'],
      timeZone: 'Europe/Lisbon',
      languages: ['pt', 'en', 'es'],
      story: `Nobody would hire a backend developer as a PM, so I took the job next door: solutions engineer, the person who sits with a customer's developers and makes our API fit their mess.

Three years of that gave me what my CV lacked — a notebook of real customer problems, a feel for which deals we lost and why, and a sales team that trusted my judgement. When the integrations product needed an owner, I was the obvious internal candidate.

The bridge is slower than a direct transfer, and you must keep saying out loud that it is a bridge, or people will happily keep you on it.`,
      whatHelped:
        'Writing up every lost deal as a product problem and sending it to the PM who owned it. After a year they were asking for my write-ups.',
      focus: ['exploring', 'building-evidence'],
      capacity: 2,
    },
  },
];
