import type { Conversation } from './types';

/** Open-ended threads where many members chime in: stories, check-ins, second thoughts. */
export const storyConversations: Conversation[] = [
  {
    key: 'wish-i-knew',
    author: 'maya_builds',
    title: 'Mentors: one thing you wish you had known before switching to product?',
    body: `One sentence each, please. I am collecting these for myself and anyone else reading.`,
    tags: ['career-switch'],
    hoursAgo: 16,
    points: 18,
    replies: [
      [
        'priya_pm',
        `That the first PM job is mostly about being trusted, and trust comes from doing what you said you would.`,
        { votes: 6 },
      ],
      [
        'tomas_r',
        `That I would miss the feeling of finishing something; PM work rarely has a finish line.`,
        { votes: 5 },
      ],
      [
        'grace-h',
        `That writing well is the core skill, more than any framework.`,
        { votes: 7, helpful: true },
      ],
      ['sam_founder', `That saying "I don't know yet" in a meeting is allowed.`, { votes: 4 }],
      ['marcus_w', `That estimates from engineers are a conversation, not a number.`, { votes: 3 }],
      [
        'aiko_t',
        `That interview prep is a skill separate from the job, and you can learn it in weeks.`,
        { votes: 3 },
      ],
      [
        'lars_n',
        `That my engineering friends would start treating me differently, and that it passes.`,
        { votes: 2 },
      ],
      ['fatima_b', `That stakeholders are just users of your process.`, { votes: 3 }],
      ['joao_m', `That the roadmap is a communication tool, not a plan.`, { votes: 4 }],
      [
        'nkechi_o',
        `That technical depth buys you a month of credibility; after that it is judgement.`,
        { votes: 4 },
      ],
      ['ravi_s', `That the MBA network mattered more than the MBA.`, { votes: 2 }],
      [
        'elena_v',
        `That the customer conversations I avoided as a founder were the whole job.`,
        { votes: 3 },
      ],
      [
        'hannah_l',
        `That the calendar fills up by itself unless you defend time to think.`,
        { votes: 3 },
      ],
      [
        'maya_builds',
        `Writing, trust, defending time to think. Printing this and taping it above my desk.`,
        { to: 2, votes: 2 },
      ],
    ],
  },
  {
    key: 'weekly-checkin',
    author: 'mod_jo',
    title: 'Weekly check-in: what did you do for your switch this week?',
    body: `Small steps count. Share one thing you did this week that moved your switch forward, and one thing you plan for next week.`,
    tags: ['career-switch'],
    hoursAgo: 10,
    points: 9,
    replies: [
      [
        'devon-k',
        `Done: wrote my first product brief for a feature my team is building. Next: show it to the PM.`,
        { votes: 3 },
      ],
      [
        'lin_qa',
        `Done: rewrote my top three resume bullets. Next: send it to two people for feedback.`,
        { votes: 2 },
      ],
      [
        'nadia_data',
        `Done: asked my PM what decision my weekly dashboard feeds. Next: propose one experiment.`,
        { votes: 3 },
      ],
      [
        'ben_android',
        `Done: two mock interviews, recorded both. Next: listen to the first five minutes of each.`,
        { votes: 2 },
      ],
      [
        'carla_support',
        `Done: sent the first "what customers told us" note. Next: the second one.`,
        { votes: 4 },
      ],
      [
        'seun_sre',
        `Done: outlined the post-mortem of my status-page product. Next: publish it.`,
        { votes: 2 },
      ],
      [
        'kenji_fs',
        `Done: asked HR how levels map between engineering and product. Next: talk to my manager.`,
        { votes: 2 },
      ],
      [
        'isabel_gov',
        `Done: wrote up the parking-permit redesign as a case study. Next: share it internally.`,
        { votes: 3 },
      ],
      [
        'arjun_em',
        `Done: sent the estimation note to my team. Next: see how the first planning goes.`,
        { votes: 2 },
      ],
      [
        'mod_jo',
        `Lovely to see. Same thread next week; reply to your own line with how it went.`,
        { votes: 1 },
      ],
      [
        'priya_pm',
        `Carla, the customer note is the single best habit in this list. Keep it going.`,
        { to: 4, votes: 2 },
      ],
      [
        'carla_support',
        `Thank you! The product lead already replied asking for the account list.`,
        { to: 10, votes: 1 },
      ],
    ],
  },
  {
    key: 'going-back',
    author: 'dmitri_k',
    title: 'Has anyone switched back from PM to engineering? No judgement, genuinely curious',
    body: `Every thread here is about going one way. I know people who went back after a year or two. If that is you, what made you decide, and did the PM years help your engineering?`,
    tags: ['career-switch', 'technical-pm'],
    hoursAgo: 130,
    points: 7,
    replies: [
      [
        'joao_m',
        `A friend went back after eighteen months. She says she is a far better staff engineer for it: she now writes the design doc the PM wishes existed.`,
        { votes: 4 },
      ],
      [
        'tane_h',
        `I nearly did in my first year. What kept me was moving to a technical product where I could still read the code.`,
        { votes: 3 },
      ],
      [
        'dmitri_k',
        `That matches what I see: the people who go back often just had the wrong kind of PM role.`,
        { to: 1, votes: 2 },
      ],
      [
        'nkechi_o',
        `Going back is a fine outcome. The switch is not a test you pass or fail.`,
        { votes: 5, helpful: true },
      ],
      [
        'seun_sre',
        `Reassuring to read as someone about to try. Knowing the door swings both ways makes it less scary.`,
        { to: 3, votes: 2 },
      ],
      [
        'hannah_l',
        `The skills transfer both ways. Prioritising, writing, talking to users: every senior engineer needs those too.`,
        { votes: 3 },
      ],
      [
        'wei_z',
        `I went back to engineering for a year between founding and PM. It was the right reset.`,
        { votes: 2 },
      ],
      [
        'dmitri_k',
        `Thanks all. Sounds like the common thread is finding the role that fits, whichever ladder it is on.`,
        { votes: 1 },
      ],
    ],
  },
];
