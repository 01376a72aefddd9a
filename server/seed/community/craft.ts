import type { Conversation } from './types';

/** Questions about the craft of switching: interviews, resumes, portfolios, first months. */
export const craftConversations: Conversation[] = [
  {
    key: 'estimation-debate',
    author: 'arjun_em',
    title: 'Should a PM ever give engineering estimates? A long argument with my team',
    body: `My team is split. Half think a PM who came from engineering should estimate work, because they can. The other half think it undermines the engineers. I am about to make this switch myself and I would like to know what the people who did it actually do.`,
    tags: ['career-switch', 'technical-pm'],
    hoursAgo: 18,
    points: 15,
    replies: [
      [
        'dmitri_k',
        `Never give the estimate. Ask for it, and ask good questions about it. The moment you estimate, the engineers stop owning the number.`,
        { votes: 6 },
      ],
      [
        'joao_m',
        `Too absolute. At a five-person startup I estimated everything because nobody else would. It depends on the size of the team.`,
        { to: 0, votes: 4 },
      ],
      [
        'dmitri_k',
        `At five people you are the engineering lead, not only the PM. Different hat, so different rule.`,
        { to: 1, votes: 3 },
      ],
      [
        'joao_m',
        `Fair, but the hat does not come off cleanly when you switch. People still ask you.`,
        { to: 2, votes: 2 },
      ],
      [
        'arjun_em',
        `That is exactly my worry: my team will keep asking me because they know I can answer.`,
        { to: 3, votes: 2 },
      ],
      [
        'dmitri_k',
        `Then answer with a question: "What would you need to know to be confident?" It redirects without refusing.`,
        { to: 4, votes: 5 },
      ],
      [
        'tane_h',
        `I tried that and it felt evasive to my team for the first month. They got used to it.`,
        { to: 5, votes: 2 },
      ],
      [
        'arjun_em',
        `A month of it feeling evasive is a price I can pay. What changed after the month?`,
        { to: 6 },
      ],
      [
        'tane_h',
        `They started bringing estimates with assumptions written down, which is better than any number I would have given.`,
        { to: 7, votes: 4 },
      ],
      [
        'nkechi_o',
        `This is the real win. Written assumptions are something a PM can argue with; a bare number is not.`,
        { to: 8, votes: 3 },
      ],
      [
        'joao_m',
        `Agreed, and I will concede the point for teams bigger than ten.`,
        { to: 9, votes: 2 },
      ],
      [
        'dmitri_k',
        `And I will concede that below five you estimate, because the alternative is nobody does.`,
        { to: 10, votes: 3 },
      ],
      ['arjun_em', `My team is eight. Which side of the line is that?`, { to: 11, votes: 1 }],
      [
        'joao_m',
        `Eight is where you start the habit of asking. You will be glad of it when the team doubles.`,
        { to: 12, votes: 2 },
      ],
      [
        'dmitri_k',
        `Eight is asking territory. One exception: if a date goes to a customer, check it against your own gut and say so if it is off.`,
        { to: 13, votes: 3 },
      ],
      [
        'arjun_em',
        `So a sanity check, not an estimate. I can live with that distinction.`,
        { to: 14 },
      ],
      [
        'tane_h',
        `Say the distinction out loud to the team once. It prevents a lot of confusion later.`,
        { to: 15, votes: 2 },
      ],
      [
        'arjun_em',
        `Drafting the note to my team now: "I will ask for estimates, I will question them, I will not make them."`,
        { to: 16, votes: 1 },
      ],
      [
        'nkechi_o',
        `Add "and I will protect them from anyone who treats them as promises". That is the part engineers care about.`,
        { to: 17, votes: 5 },
      ],
      [
        'arjun_em',
        `Added. That line got a thumbs-up from the tech lead before I even sent it.`,
        { to: 18, votes: 1 },
      ],
      [
        'joao_m',
        `Good thread. Saving this for the next person I mentor who asks.`,
        { to: 19, votes: 1 },
      ],
      [
        'dmitri_k',
        `Same. Arjun, report back in three months on how it went.`,
        { to: 20, votes: 1 },
      ],
      ['arjun_em', `Will do. Reminder set for March.`, { to: 21 }],
      [
        'mod_jo',
        `Pinned in my head as the best estimation thread we have had. Thanks all for keeping it friendly.`,
        { to: 22, votes: 2 },
      ],
    ],
  },
  {
    key: 'product-sense-practice',
    author: 'ben_android',
    title: 'How many mock product sense interviews did you need before it clicked?',
    body: `I have done four mock interviews and I still ramble through the first five minutes. Is there a number where it gets better, or am I practising wrong?`,
    tags: ['pm-interviews'],
    hoursAgo: 7,
    points: 8,
    replies: [
      [
        'aiko_t',
        `About twelve for me. What changed it was not the number but recording them and listening back to the first five minutes only.`,
        { votes: 5, helpful: true },
      ],
      [
        'sofia_r',
        `Rambling at the start usually means you are solving before you have picked a user. Say out loud "I will focus on this user because..." within the first minute.`,
        { votes: 6, helpful: true },
      ],
      [
        'ben_android',
        `Picking the user out loud is exactly what I skip. I jump to features.`,
        { to: 1 },
      ],
      [
        'sofia_r',
        `Everyone from engineering does. Features feel like progress.`,
        { to: 2, votes: 3 },
      ],
      [
        'priya_pm',
        `Practise with someone who is not a PM too. If a friend can follow your reasoning, an interviewer can.`,
        { votes: 2 },
      ],
      [
        'devon-k',
        `Following this thread. I am at mock number three and the same thing happens.`,
        { votes: 1 },
      ],
    ],
  },
  {
    key: 'execution-interview',
    author: 'devon-k',
    title:
      'Execution interviews: "your key metric dropped 10% overnight", how do you structure it?',
    body: `I can list possible causes but it comes out as a random pile. What structure do you use?`,
    tags: ['pm-interviews', 'technical-pm'],
    hoursAgo: 33,
    points: 6,
    replies: [
      [
        'nkechi_o',
        `Outside in: is it real (tracking, a release, a holiday)? Is it everywhere or one segment? Then internal causes, then external. Say the structure before you fill it in.`,
        { votes: 6, helpful: true },
      ],
      [
        'dmitri_k',
        `Engineers have an edge here. Start with "did we ship anything yesterday?" and say why: it is the most likely cause and the cheapest to check.`,
        { votes: 4 },
      ],
      [
        'devon-k',
        `"Is it real, where is it, what changed" is a structure I can remember under pressure.`,
        { to: 0, votes: 1 },
      ],
      [
        'aiko_t',
        `End with what you would do in the next hour, not only the diagnosis. Interviewers listen for that.`,
        { votes: 3 },
      ],
    ],
  },
  {
    key: 'behavioural-stories',
    author: 'lin_qa',
    title: 'Behavioural interviews: how many stories do I need prepared?',
    body: `I have a list of thirty possible questions and I cannot prepare thirty stories. How many did you have ready?`,
    tags: ['pm-interviews'],
    hoursAgo: 65,
    points: 7,
    replies: [
      [
        'grace-h',
        `Six good stories cover almost every question: a conflict, a failure, a decision with bad data, influencing without authority, a launch, and saying no. Practise bending each one to several questions.`,
        { votes: 7, helpful: true },
      ],
      ['lin_qa', `Six is manageable. Is it a problem if all of them come from QA work?`, { to: 0 }],
      [
        'grace-h',
        `No, as long as each one has a product decision in it. Your release triage is full of those.`,
        { to: 1, votes: 3 },
      ],
      [
        'hannah_l',
        `Write them down in four lines each: situation, what you did, what happened, what you learnt. Reading four lines before an interview is enough.`,
        { votes: 3 },
      ],
      [
        'chloe_d',
        `Have one story where you were wrong and changed your mind. It comes up more than people expect.`,
        { votes: 2 },
      ],
    ],
  },
  {
    key: 'resume-bullets',
    author: 'nadia_data',
    title: 'Can someone look at my resume bullets? Data engineer applying to PM roles',
    body: `Current top bullet: "Built and maintained 40+ Airflow pipelines feeding company dashboards." I know it reads like an engineering resume. How would you rewrite it?`,
    tags: ['resume'],
    hoursAgo: 12,
    points: 5,
    replies: [
      [
        'grace-h',
        `Lead with the decision, not the pipeline: "Gave the delivery team daily basket-size data that led to a new minimum-order rule (+8% margin)." Then the pipelines as evidence in a second bullet.`,
        { votes: 5, helpful: true },
      ],
      [
        'nadia_data',
        `The margin number is real but I did not make the rule. Can I still claim it?`,
        { to: 0 },
      ],
      [
        'grace-h',
        `Say "led to", never "I decided". Honest and still shows you were close to the decision.`,
        { to: 1, votes: 4 },
      ],
      [
        'lars_n',
        `And cut "maintained". Every engineer maintains. Nobody hires a PM for maintenance.`,
        { votes: 3 },
      ],
      [
        'marcus_w',
        `Three product bullets at the top, then one line summarising the engineering. That ratio works for most people switching.`,
        { votes: 2 },
      ],
    ],
  },
  {
    key: 'resume-title-gap',
    author: 'kenji_fs',
    title: 'Recruiters filter on titles. How do you get past the first screen without a PM title?',
    body: `I get rejections within an hour, which means nobody read past the title line. What worked for people in the same spot?`,
    tags: ['resume', 'career-switch'],
    hoursAgo: 48,
    points: 9,
    replies: [
      [
        'priya_pm',
        `Referrals. Almost every PM offer I know of from someone switching came through a person, not the application form. Spend 80% of your time on people.`,
        { votes: 7, helpful: true },
      ],
      [
        'hannah_l',
        `A short summary at the top helps too: "Engineer moving into product; two years owning X." It gives the reader a reason to keep going.`,
        { votes: 4 },
      ],
      [
        'kenji_fs',
        `I have avoided asking for referrals because it feels like asking for a favour.`,
        { to: 0 },
      ],
      [
        'priya_pm',
        `It is a favour that costs them five minutes and pays them a referral bonus. Most people are glad to be asked.`,
        { to: 2, votes: 5 },
      ],
      [
        'sam_founder',
        `Ask for a conversation, not a referral. The referral follows if the conversation goes well.`,
        { to: 2, votes: 4 },
      ],
      [
        'tomas_r',
        `And apply internally if you can at all. Internal applications skip the title filter entirely.`,
        { votes: 3 },
      ],
    ],
  },
  {
    key: 'portfolio-teardown',
    author: 'isabel_gov',
    title: 'Is a product teardown worth writing, or do hiring managers skip them?',
    body: `I see lots of advice to publish teardowns of popular apps. Do hiring managers actually read them?`,
    tags: ['portfolio'],
    hoursAgo: 95,
    points: 4,
    replies: [
      [
        'chloe_d',
        `They skim them. A teardown of a product the company makes gets read carefully. A teardown of a famous app gets skimmed.`,
        { votes: 4, helpful: true },
      ],
      [
        'marcus_w',
        `Write one about your own city service instead: what you changed and why. That is a case study, which beats a teardown.`,
        { votes: 4 },
      ],
      [
        'isabel_gov',
        `I had not thought of my own work as something to write up. That is easier than picking an app.`,
        { to: 1 },
      ],
    ],
  },
  {
    key: 'portfolio-side-project',
    author: 'devon-k',
    title: 'Side project with 200 users: how do I present it as product work?',
    body: `I built a route-planning tool for cycling commuters. 200 weekly users, mostly from one forum post. How do I present this so it reads as product work and not as a hobby?`,
    tags: ['portfolio', 'founders'],
    hoursAgo: 150,
    points: 7,
    replies: [
      [
        'wei_z',
        `Show the decisions: which feature you cut, what users asked for that you refused, what you measured. 200 weekly users who come back is a retention story.`,
        { votes: 5, helpful: true },
      ],
      [
        'elena_v',
        `Talk to ten of them and write up what you learnt. Interviews with your own users are the best evidence you can have.`,
        { votes: 4 },
      ],
      ['devon-k', `I have never spoken to a single user. Only read the forum replies.`, { to: 1 }],
      [
        'elena_v',
        `Then that is your next weekend. Ten calls of twenty minutes.`,
        { to: 2, votes: 3 },
      ],
      [
        'sam_founder',
        `Ask them what they used before your tool. The answer tells you what you are actually competing with.`,
        { to: 3, votes: 3 },
      ],
    ],
  },
  {
    key: 'first-90-days',
    author: 'lars_n',
    title: 'Two weeks into my first PM role after engineering. What should I not do?',
    body: `I transferred internally and I already notice the pull to review pull requests. What mistakes did you make in your first three months that I can skip?`,
    tags: ['career-switch', 'internal-transfer'],
    hoursAgo: 28,
    points: 11,
    replies: [
      [
        'hannah_l',
        `I kept fixing small bugs myself because it was faster. It told the team I did not trust them and it told my manager I was still an engineer.`,
        { votes: 6, helpful: true },
      ],
      [
        'tomas_r',
        `Do not change the roadmap in month one. Listen for a month, then change one thing.`,
        { votes: 5 },
      ],
      [
        'chloe_d',
        `Stop reviewing pull requests, but do keep reading the design docs. That is where your background helps most.`,
        { votes: 4, helpful: true },
      ],
      [
        'lars_n',
        `Reading design docs but not PRs feels like the right line. Thank you.`,
        { to: 2, votes: 1 },
      ],
      [
        'nkechi_o',
        `Meet every person on the team one to one in the first month and ask what they wish the last PM had done.`,
        { votes: 3 },
      ],
      [
        'priya_pm',
        `Keep a list of things that surprised you. After three months you will not notice them any more, and they are often the product's real problems.`,
        { votes: 4 },
      ],
    ],
  },
  {
    key: 'saying-no',
    author: 'hannah_l',
    title: 'The hardest part of my switch was saying no. How did you learn it?',
    body: `As an engineer I said yes to almost everything and then found a way. As a PM that habit is a disaster. What helped you learn to say no without burning bridges?`,
    tags: ['career-switch'],
    hoursAgo: 230,
    points: 6,
    replies: [
      [
        'grace-h',
        `Say "not now" with a reason and a date you will revisit it. People accept "not now" far more easily than "no".`,
        { votes: 5, helpful: true },
      ],
      [
        'fatima_b',
        `Keep a public list of what is not being done. It makes the no visible and shared, not personal.`,
        { votes: 4 },
      ],
      [
        'marcus_w',
        `Consulting trained me on this: every yes has a price in hours. Say the price and let the person choose.`,
        { votes: 3 },
      ],
    ],
  },
  {
    key: 'pay-cut',
    author: 'kenji_fs',
    title: 'Did you take a pay cut when you switched from engineering to PM?',
    body: `Senior engineers at my company earn more than junior PMs. I would probably enter as a mid-level PM. Did your pay go down, and did it recover?`,
    tags: ['career-switch', 'internal-transfer'],
    hoursAgo: 85,
    points: 10,
    replies: [
      [
        'tomas_r',
        `Internal transfer kept my salary exactly where it was; the company matched bands. Ask HR how levels map between the ladders before you decide.`,
        { votes: 5, helpful: true },
      ],
      [
        'aiko_t',
        `The APM program paid less at first, and it recovered within eighteen months.`,
        { votes: 3 },
      ],
      [
        'joao_m',
        `The startup paid less in cash and more in equity, which so far is worth nothing. Count only the cash.`,
        { votes: 4 },
      ],
      [
        'kenji_fs',
        `Asking HR about level mapping is a simple first step. I did not know that was a thing.`,
        { to: 0, votes: 1 },
      ],
      [
        'chloe_d',
        `At my company levels mapped one to one, but only if you transfer before the promotion cycle. Timing matters.`,
        { to: 0, votes: 2 },
      ],
    ],
  },
  {
    key: 'find-mentor',
    author: 'carla_support',
    title: 'How do you ask someone to mentor you without making it awkward?',
    body: `There are two PMs at my company whose paths I would like to copy. I have never spoken to either of them. What is a first message that does not sound like a job application?`,
    tags: ['career-switch'],
    hoursAgo: 40,
    points: 5,
    replies: [
      [
        'priya_pm',
        `Ask one specific question, not for mentorship. "You moved from support to PM, what did you do in your first six months?" A good first conversation becomes mentorship on its own.`,
        { votes: 6, helpful: true },
      ],
      [
        'mod_jo',
        `Also: the mentor list on this site exists exactly for this. Mentors here have said yes in advance.`,
        { votes: 3 },
      ],
      [
        'carla_support',
        `I did not realise you could request a mentor here. Doing that now.`,
        { to: 1 },
      ],
    ],
  },
  {
    key: 'qa-product-owner',
    author: 'lin_qa',
    title: 'Product owner role first, or hold out for a product manager title?',
    body: `A team in my company needs a product owner. It is mostly backlog work for one squad. Is that a stepping stone, or does it type-cast me?`,
    tags: ['internal-transfer', 'career-switch'],
    hoursAgo: 22,
    points: 6,
    replies: [
      [
        'chloe_d',
        `Take it. Backlog work with real trade-offs is product work, and it is much easier to move from product owner to PM than from QA to PM.`,
        { votes: 5, helpful: true },
      ],
      [
        'grace-h',
        `Agreed, with one condition: make sure you talk to users at least monthly. Product owners who only talk to engineers do get type-cast.`,
        { votes: 4 },
      ],
      [
        'lin_qa',
        `Monthly user conversations are something I can insist on in the interview for the role.`,
        { to: 1 },
      ],
      [
        'tomas_r',
        `Set a review date: after a year, a conversation about the PM ladder. Put it in writing when you accept.`,
        { votes: 3 },
      ],
    ],
  },
  {
    key: 'ai-pm',
    author: 'nadia_data',
    title: 'Are AI product roles a good fit for someone coming from data engineering?',
    body: `Lots of postings ask for "AI PM" with data experience. Is my background an advantage, or are these roles as competitive as everything else?`,
    tags: ['technical-pm', 'career-switch'],
    hoursAgo: 6,
    points: 4,
    replies: [
      [
        'dmitri_k',
        `Your background is a real advantage: knowing how data quality breaks models is rare among PMs. Competitive, yes, but you start ahead.`,
        { votes: 3 },
      ],
      [
        'nkechi_o',
        `Ask in interviews how they evaluate model changes. If they do not have an answer, you have found the first thing you would own.`,
        { votes: 2 },
      ],
    ],
  },
  {
    key: 'take-home',
    author: 'arjun_em',
    title: 'PM take-home assignments: how much time is reasonable to spend?',
    body: `A company sent me a "short" product strategy take-home. I have spent eight hours on it and I am not done. Is that normal?`,
    tags: ['pm-interviews'],
    hoursAgo: 3,
    points: 2,
    replies: [],
  },
  {
    key: 'remote-pm',
    author: 'maya_builds',
    title: 'Fully remote PM roles for career switchers: do they exist?',
    body: `I work from a small town and would like to stay. Every remote PM posting I find asks for five years of PM experience. Are there remote entry points?`,
    tags: ['career-switch', 'startups'],
    hoursAgo: 1.5,
    points: 1,
    replies: [],
  },
];
