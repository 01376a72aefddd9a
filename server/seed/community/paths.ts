import type { Conversation } from './types';

/** Questions about the roads into product, one or more per career path. Original text. */
export const pathConversations: Conversation[] = [
  {
    key: 'data-eng-transfer',
    author: 'nadia_data',
    title: 'Data engineer here: is the analytics team a shortcut into product or a detour?',
    body: `Our product managers ask me for numbers every week. A PM suggested I move to the analytics team first, "closer to decisions", and transfer to product from there.

Has anyone done the two-step move? I worry I would just become a faster dashboard vending machine.`,
    tags: ['internal-transfer', 'career-switch'],
    hoursAgo: 9,
    points: 7,
    replies: [
      [
        'hannah_l',
        `I skipped the middle step and I am glad. Analytics teams are often measured on how many requests they close, which is the opposite of what you need to show.

Instead, pick the one metric your PMs keep asking about and own the *question* behind it: write down what decision it feeds and propose the next experiment. Do that three times and you are doing product work in your current seat.`,
        { votes: 5, helpful: true },
      ],
      [
        'nadia_data',
        `"Own the question behind the metric" is a good reframe. Did your manager mind you spending time on it?`,
        { to: 0, votes: 1 },
      ],
      [
        'hannah_l',
        `I asked for two hours a week and showed the first write-up before asking for more. Nobody objects to a two-hour experiment.`,
        { to: 1, votes: 2 },
      ],
      [
        'lars_n',
        `The detour version happens when the analytics team sits in finance rather than next to product. Check who the team reports to before you move.`,
        { votes: 3 },
      ],
      [
        'chloe_d',
        `Another angle: data PM roles exist. Ask whether your company would ever hire a PM for the data platform itself. That is a transfer where your background is the qualification.`,
        { votes: 2 },
      ],
    ],
  },
  {
    key: 'transfer-manager-talk',
    author: 'kenji_fs',
    title:
      'How do I tell my engineering manager I want to move to product without sounding like I am leaving?',
    body: `I like my team and my manager. I also want to be a PM within two years. Every script I draft sounds either like a resignation or like a complaint. How did you open that conversation?`,
    tags: ['internal-transfer'],
    hoursAgo: 30,
    points: 12,
    replies: [
      [
        'tomas_r',
        `I opened with what I wanted to *add*, not what I wanted to stop: "I want to get better at the product side of our work, can we find one thing I could own?" The word transfer came up three months later, and by then my manager was the one saying it.`,
        { votes: 6, helpful: true },
      ],
      [
        'chloe_d',
        `Also: tell them the timeline. "Within two years" is reassuring to a manager. It means you will be around to finish what you start.`,
        { votes: 4 },
      ],
      [
        'kenji_fs',
        `That helps. Did you involve the product director early, or only once your manager was on board?`,
        { to: 0 },
      ],
      [
        'tomas_r',
        `Only after. Going around your manager is the one way this conversation goes badly.`,
        { to: 2, votes: 3 },
      ],
      [
        'arjun_em',
        `Speaking as a manager: I would much rather hear this early. The engineers who hid it from me were the ones I lost.`,
        { votes: 5 },
      ],
      [
        'hannah_l',
        `Write the one-paragraph version down before the meeting. Saying it out loud once to a friend also takes the edge off.`,
        { votes: 1 },
      ],
    ],
  },
  {
    key: 'apm-age',
    author: 'ben_android',
    title: 'Is 31 too old for an associate product manager program?',
    body: `Every APM cohort photo I see looks like a graduation. I have six years of Android work. Is it worth applying, or will I be filtered out before anyone reads my application?`,
    tags: ['apm-programs', 'career-switch'],
    hoursAgo: 44,
    points: 9,
    replies: [
      [
        'aiko_t',
        `I joined a program at 29 after four years in mobile games. Two people in my cohort were older than me. Some programs do cap years of experience, so read the eligibility line first, but the ones that do not cap it genuinely do not mind.`,
        { votes: 5, helpful: true },
      ],
      [
        'sofia_r',
        `Same experience here. The interview panel cared that I could explain a trade-off to a designer, not my age. Your shipped apps are a strength: bring the install numbers and what you learned from the reviews.`,
        { votes: 4 },
      ],
      ['ben_android', `Good to hear. Did you take a pay cut going into the program?`, { to: 0 }],
      [
        'aiko_t',
        `A small one for the first year, and it came back at the first promotion. Ask the recruiter early; they will tell you the band.`,
        { to: 2, votes: 2 },
      ],
      [
        'tomas_r',
        `If the programs you want do cap experience, a mobile PM role at a company with a big app is a direct alternative. Six years of Android is exactly what those teams are missing.`,
        { votes: 3 },
      ],
    ],
  },
  {
    key: 'apm-rotation',
    author: 'sofia_r',
    title: 'For those in APM programs now: what does the rotation actually teach you?',
    body: `I mentor a few people applying to programs and I want to give them current information, not my memories from 2019. If you are in a program today, what did your first rotation teach you that a direct PM role would not have?`,
    tags: ['apm-programs'],
    hoursAgo: 120,
    points: 5,
    replies: [
      [
        'aiko_t',
        `Not in one now, but a former cohort-mate who is says the biggest change is fewer rotations, longer ones. Two of nine months instead of three of six.`,
        { votes: 2 },
      ],
      [
        'sofia_r',
        `That matches what I heard from a recruiter. Longer rotations mean you actually ship something, which helps when you leave the program.`,
        { to: 0, votes: 1 },
      ],
    ],
  },
  {
    key: 'consulting-delivery',
    author: 'carla_support',
    title: 'My consultancy calls me a "delivery lead". Can I turn that into a PM title?',
    body: `I run sprint planning, write the tickets and sit in every client review. I do not decide what gets built; the client does. Is there a way to grow this into product management, or do I need to leave consulting?`,
    tags: ['consulting', 'career-switch'],
    hoursAgo: 60,
    points: 8,
    replies: [
      [
        'fatima_b',
        `Ask to run discovery on the next project. Consultancies sell discovery phases and rarely have enough people who want to run them. That is where the "what should we build" decisions happen.`,
        { votes: 6, helpful: true },
      ],
      [
        'marcus_w',
        `The client decides, yes, but someone recommends. Start writing a one-page recommendation before each review: what you would build next and why. Clients notice.`,
        { votes: 4, helpful: true },
      ],
      [
        'carla_support',
        `A written recommendation before each review is something I can start this sprint.`,
        { to: 1 },
      ],
      ['marcus_w', `Keep copies. They become your portfolio later.`, { to: 2, votes: 2 }],
      [
        'grace-h',
        `I stayed in consulting for two years after getting the PM title there and it was the best training I had: a new domain every six months. Do not assume you need to leave.`,
        { votes: 3 },
      ],
      [
        'lin_qa',
        `This is the question I was asking last month, from the other side. Reading this I think I undervalued the delivery role.`,
        { votes: 1 },
      ],
    ],
  },
  {
    key: 'consulting-to-inhouse',
    author: 'marcus_w',
    title: 'Moving from consulting PM to an in-house product team: what surprised you?',
    body: `I have been a PM at a consultancy for three years and I am starting to interview for in-house roles. For anyone who made that move: what was harder than you expected?`,
    tags: ['consulting'],
    hoursAgo: 200,
    points: 6,
    replies: [
      [
        'grace-h',
        `Living with your decisions. In consulting you hand over and leave; in-house the thing you shipped in March is your problem in November.`,
        { votes: 4 },
      ],
      [
        'fatima_b',
        `Slower cadence. I missed the six-month reset of a new client and a new domain more than I expected.`,
        { votes: 2 },
      ],
      [
        'marcus_w',
        `Both of these ring true already from the interviews. They keep asking what I would do in year two.`,
        { to: 0, votes: 1 },
      ],
      [
        'grace-h',
        `Good sign. Have an answer about maintenance and deprecation, not only about launches.`,
        { to: 2, votes: 2 },
      ],
    ],
  },
  {
    key: 'startup-lead-offer',
    author: 'ben_android',
    title: 'Offered "head of engineering" at a 6-person startup. Is that a path to PM?',
    body: `The founders are two ex-consultants with no technical background. They want me to build the app and "help figure out the product". The equity is small and the salary is lower. Is this the startup engineering-lead path people talk about, or just a lot of coding?`,
    tags: ['startups', 'career-switch'],
    hoursAgo: 14,
    points: 10,
    replies: [
      [
        'joao_m',
        `It can be either. The question I would ask the founders: "Who talks to customers today, and can I be in those calls from week one?" If the answer is "we do, you code", it is a coding job.`,
        { votes: 7, helpful: true },
      ],
      [
        'tane_h',
        `Also ask who writes the roadmap. If nobody does, and they are happy for you to write the first one, that is the path.`,
        { votes: 4 },
      ],
      [
        'ben_android',
        `They said I could join every customer call. The roadmap is a spreadsheet the CEO updates on Sundays.`,
        { to: 0 },
      ],
      [
        'joao_m',
        `Then offer to turn the spreadsheet into a one-page roadmap you maintain together. If they say yes, you have your evidence in six months.`,
        { to: 2, votes: 3 },
      ],
      [
        'priya_pm',
        `This is almost exactly how I got my PM experience. Negotiate the salary anyway; "helping with product" is extra work and deserves to be paid.`,
        { votes: 5 },
      ],
      [
        'sam_founder',
        `From the founder side: non-technical founders often want exactly this and do not know how to ask. Say it explicitly in the offer conversation.`,
        { votes: 3 },
      ],
      [
        'elena_v',
        `And get the equity terms in writing before you start. Small startups change their minds under pressure.`,
        { votes: 2 },
      ],
    ],
  },
  {
    key: 'startup-lead-title',
    author: 'tane_h',
    title:
      'Startup engineering lead who did product for two years: how do I title that on a resume?',
    body: `Asking for people I mentor, since it comes up every time: your title was "Lead Engineer" but you wrote the roadmap and ran the user interviews. What do you put on your resume?`,
    tags: ['startups', 'resume'],
    hoursAgo: 170,
    points: 8,
    replies: [
      [
        'joao_m',
        `"Lead Engineer (also owned product)" as the title line, then two bullets about product decisions before any engineering bullets. Recruiters read the first two bullets.`,
        { votes: 5, helpful: true },
      ],
      ['grace-h', `Do not invent a PM title. Someone will call the founder.`, { votes: 4 }],
      [
        'tane_h',
        `Agreed on both. The honest parenthetical works better than people expect.`,
        { to: 0, votes: 1 },
      ],
    ],
  },
  {
    key: 'founder-failed',
    author: 'seun_sre',
    title: 'My side project failed after a year. Can a failed product count as PM evidence?',
    body: `I built a status-page tool for small teams. Thirty paying customers at the peak, then churn ate it. I shut it down last month. Does this belong on a PM application, or does it read as "could not make it work"?`,
    tags: ['founders', 'portfolio'],
    hoursAgo: 20,
    points: 11,
    replies: [
      [
        'sam_founder',
        `It belongs there. My failed company is the story that got me my first PM job. What interviewers want is the post-mortem: what you believed, what the customers told you, what you changed, and when you knew it was over.`,
        { votes: 8, helpful: true },
      ],
      [
        'elena_v',
        `Thirty paying customers is more than most PM candidates have ever had. Lead with the number, then the churn story.`,
        { votes: 5, helpful: true },
      ],
      [
        'seun_sre',
        `The churn story is the painful part. Most customers left after their own incident was over.`,
        { to: 1 },
      ],
      [
        'elena_v',
        `That is an insight, not a failure: the need was episodic. Say exactly that in the interview.`,
        { to: 2, votes: 4 },
      ],
      [
        'wei_z',
        `Write the post-mortem as a blog post now, while the details are fresh. I waited a year with mine and lost half the numbers.`,
        { votes: 3 },
      ],
      [
        'sam_founder',
        `And practice telling it in two minutes. It is a story you will tell in every interview.`,
        { to: 0, votes: 2 },
      ],
      [
        'mod_jo',
        `Your SRE background plus a post-mortem about your own product is a very coherent story for developer-tools PM roles.`,
        { votes: 3 },
      ],
    ],
  },
  {
    key: 'founder-vs-job',
    author: 'arjun_em',
    title: 'Should I found a company to become a PM, or is that a very expensive detour?',
    body: `I have savings for about a year. Part of me wants to build my own product and learn PM the hard way. Part of me thinks that is a romantic way to avoid applying for jobs. For those who founded first: would you do it again?`,
    tags: ['founders', 'career-switch'],
    hoursAgo: 90,
    points: 9,
    replies: [
      [
        'elena_v',
        `I would do it again, but only because I wanted to run a company, not to get a PM job. If the goal is the job, apply for the job.`,
        { votes: 6, helpful: true },
      ],
      [
        'wei_z',
        `Founding taught me to prioritise under real pressure. It also cost me two years of salary. Be honest about which of those you can afford.`,
        { votes: 4 },
      ],
      ['arjun_em', `That is the honest answer I needed. The goal is the job.`, { to: 0, votes: 1 }],
      [
        'sam_founder',
        `Then a middle path: spend three months building something small with real users, on the side, and use it in interviews. Keep the savings.`,
        { votes: 4 },
      ],
    ],
  },
  {
    key: 'platform-pm',
    author: 'seun_sre',
    title: 'Platform PM: do engineers count as customers?',
    body: `I keep seeing "platform product manager" postings for internal developer platforms. Is that real product management when your users are your colleagues? And would an SRE be a credible candidate?`,
    tags: ['technical-pm', 'career-switch'],
    hoursAgo: 36,
    points: 10,
    replies: [
      [
        'nkechi_o',
        `It is real product management, with one twist: your users cannot leave, so you have to work harder to find out what they actually think. SREs are some of the best candidates I have interviewed for these roles.`,
        { votes: 6, helpful: true },
      ],
      [
        'dmitri_k',
        `The job is adoption. Anyone can build a platform; getting forty teams to migrate onto it is the product work. Bring an example of a migration you drove.`,
        { votes: 5, helpful: true },
      ],
      [
        'seun_sre',
        `I drove our move from hand-written alerts to a shared alerting library. Eleven teams.`,
        { to: 1 },
      ],
      [
        'dmitri_k',
        `That is your interview story. How did you decide which team went first, and what did you do about the last team?`,
        { to: 2, votes: 3 },
      ],
      [
        'tomas_r',
        `Internal transfer to platform PM is also the easiest internal move there is. You already know the customers.`,
        { votes: 4 },
      ],
      [
        'nkechi_o',
        `One warning: some companies call a project manager a platform PM. Ask who decides what goes on the platform roadmap.`,
        { to: 0, votes: 2 },
      ],
    ],
  },
  {
    key: 'tpm-vs-pm',
    author: 'kenji_fs',
    title: 'Technical program manager or technical product manager: which one did you mean?',
    body: `Recruiters keep offering me TPM roles and I cannot tell which kind they mean until the second call. For people who have done either: how do you tell from the posting, and can you move from one to the other later?`,
    tags: ['technical-pm', 'pm-interviews'],
    hoursAgo: 75,
    points: 7,
    replies: [
      [
        'dmitri_k',
        `Look for the verbs. "Coordinate, track, deliver" is program management. "Decide, prioritise, discover" is product.`,
        { votes: 6, helpful: true },
      ],
      [
        'nkechi_o',
        `You can move between them, but program to product is harder than it looks; you have to un-learn being the person who says yes to every date.`,
        { votes: 3 },
      ],
      [
        'kenji_fs',
        `The verbs test is simple enough to use on every posting. Thank you.`,
        { to: 0 },
      ],
    ],
  },
  {
    key: 'mba-worth-it',
    author: 'isabel_gov',
    title: 'Is a part-time MBA worth it for a public-sector developer who wants to be a PM?',
    body: `My employer would pay half of a part-time MBA. It is three years of evenings. I am not sure whether product teams care, or whether I would be better off spending those evenings building things.`,
    tags: ['mba', 'career-switch'],
    hoursAgo: 55,
    points: 8,
    replies: [
      [
        'ravi_s',
        `I did a full-time MBA and it got me interviews I would not have had. A part-time one is a different tool: the network is thinner but your employer paying half changes the maths. What would you do with the evenings otherwise, concretely?`,
        { votes: 5, helpful: true },
      ],
      [
        'isabel_gov',
        `Honestly, probably not much. I have tried side projects and they fizzle out.`,
        { to: 0 },
      ],
      [
        'ravi_s',
        `Then the structure is worth something. Pick a programme with a product or tech-management track and use every assignment on a real problem from your service.`,
        { to: 1, votes: 3 },
      ],
      [
        'grace-h',
        `Public-sector product teams are growing and many hire from inside. Ask your own digital service team first; you may not need the degree at all.`,
        { votes: 4 },
      ],
      [
        'hannah_l',
        `I know two people who did the part-time route while transferring internally. Both said the MBA helped most with speaking finance, not with getting the job.`,
        { votes: 2 },
      ],
    ],
  },
  {
    key: 'mba-after-switch',
    author: 'ravi_s',
    title: 'Already a PM: has anyone done an MBA after switching, and did it change anything?',
    body: `Most MBA questions here are about using it to get in. I am curious about the other direction: if you were already a PM, did a later MBA change your career, or just your network?`,
    tags: ['mba'],
    hoursAgo: 260,
    points: 3,
    replies: [],
  },
  {
    key: 'gov-product',
    author: 'isabel_gov',
    title: 'Does public-sector product experience count when applying to private companies?',
    body: `I have spent two years on a city service used by 200,000 residents. No revenue, lots of stakeholders, real users. Recruiters from startups ask "but what was the business impact?" How do I answer?`,
    tags: ['career-switch', 'resume'],
    hoursAgo: 110,
    points: 6,
    replies: [
      [
        'grace-h',
        `Translate into outcomes they recognise: time saved per resident, calls avoided at the contact centre, completion rate of the online form. Those are business impact, just without a price tag.`,
        { votes: 5, helpful: true },
      ],
      [
        'fatima_b',
        `And stakeholder management in government is harder than in most startups. Say so with an example.`,
        { votes: 3 },
      ],
      [
        'isabel_gov',
        `We reduced phone calls about parking permits by about a third after the redesign. I never thought of that as a business number.`,
        { to: 0, votes: 1 },
      ],
      ['grace-h', `That is exactly the number. Put it in the first bullet.`, { to: 2, votes: 2 }],
    ],
  },
  {
    key: 'support-to-pm',
    author: 'carla_support',
    title: 'Support engineer to PM: where do I even start?',
    body: `I know our customers better than anyone in product. I know which bugs cost us renewals. I have no idea how to turn that into a PM role. Where would you start?`,
    tags: ['career-switch', 'internal-transfer'],
    hoursAgo: 4,
    points: 5,
    replies: [
      [
        'mod_jo',
        `I made this exact move. Start by writing a monthly "what customers told us" note for the product team: top five issues, with quotes and the accounts affected. Within a quarter you become the person they ask.`,
        { votes: 4, helpful: true },
      ],
      [
        'carla_support',
        `Did anyone ask you to write it, or did you just start sending it?`,
        { to: 0 },
      ],
      [
        'mod_jo',
        `I just started. The first one got two replies, the third one got forwarded to the VP.`,
        { to: 1, votes: 2 },
      ],
    ],
  },
  {
    key: 'mobile-pm',
    author: 'ben_android',
    title: 'Mobile developers who became PMs: did you stay on mobile products?',
    body: `Wondering whether staying close to mobile is an advantage or whether it boxes you in. Did you choose mobile PM roles deliberately?`,
    tags: ['career-switch'],
    hoursAgo: 2,
    points: 1,
    replies: [],
  },
];
