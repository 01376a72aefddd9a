import type { Conversation } from './types';

/**
 * The roads that go through a role beside product first (product ops, solutions
 * engineering), and the costlier ones (an MBA, a company of your own). Original text.
 */
export const bridgeConversations: Conversation[] = [
  {
    key: 'product-ops-bridge',
    author: 'amara_ts',
    title:
      'Product ops offer from inside my company: a bridge into PM, or a comfortable side road?',
    body: `Our head of product wants to start a product operations function and asked me to be its first hire. I would run the feedback pipeline, the release notes, the tooling for roadmap reviews, and "help PMs with research logistics".

It is a 10 % raise and it gets me out of the support queue. But I want to be a PM, not the person who books the PMs' user interviews. Has anyone used product ops as a way across, and what made the difference?`,
    tags: ['career-switch', 'internal-transfer'],
    hoursAgo: 20,
    points: 16,
    replies: [
      [
        'ines_se',
        `I took a bridge role (solutions engineering, not ops) and it worked, but only because I said on day one, in writing, that it was a bridge. Ask your head of product directly: "If this goes well, what would it take for me to own a product area in 18 months?" Their answer tells you whether the door exists.`,
        { votes: 7, helpful: true },
      ],
      [
        'amara_ts',
        `That feels blunt for someone who is offering me a job. Won't it sound like I am already planning to leave the role they are creating?`,
        { to: 0, votes: 1 },
      ],
      [
        'ines_se',
        `It sounds like you are planning to grow, which is what they want from a first hire. The people who get stuck are the ones who were too polite to ask and found out after two years that the role had no exit.`,
        { to: 1, votes: 4 },
      ],
      [
        'lars_n',
        `Counterpoint from the internal-transfer side: at my company the product ops people were the last to be considered for PM openings, because they were too useful where they were. Being indispensable in a support function is a trap.`,
        { to: 2, votes: 5 },
      ],
      [
        'ines_se',
        `That is real, and it is why the written agreement matters. "Too useful to move" only wins when nobody committed to anything. Also: hire or train your own replacement early, so moving you costs nobody a quarter.`,
        { to: 3, votes: 3 },
      ],
      [
        'lars_n',
        `Fair. I would add one test: does the product ops role sit in the product org, reporting to the head of product? If it reports to operations or to the COO, you are further from the decisions, not closer.`,
        { to: 4, votes: 4 },
      ],
      [
        'amara_ts',
        `It would report to the head of product, and I would sit in the weekly roadmap review, mostly to take notes and keep the tooling running.`,
        { to: 5 },
      ],
      [
        'lars_n',
        `Then the question is whether "take notes" can become "bring evidence". If you walk into that review with the top five customer problems from support, ranked by revenue at risk, nobody will think of you as the note-taker for long.`,
        { to: 6, votes: 5 },
      ],
      [
        'amara_ts',
        `I already send a monthly ticket summary to two PMs. One of them reads it. The other told me it was "interesting" and never mentioned it again.`,
        { to: 7 },
      ],
      [
        'chloe_d',
        `That second PM is your most useful signal. Ask what would make it useful. In my experience the answer is almost always "tie it to something I am deciding this month", not more data.`,
        { to: 8, votes: 3 },
      ],
      [
        'amara_ts',
        `So instead of a summary of everything, a page about the one thing they are deciding, with what support sees about it?`,
        { to: 9 },
      ],
      [
        'chloe_d',
        `Exactly. One decision, three or four tickets quoted verbatim, how many accounts are affected, and your recommendation. The recommendation is the part that makes it product work. Without it you are still reporting.`,
        { to: 10, votes: 6 },
      ],
      [
        'amara_ts',
        `A recommendation feels presumptuous when I don't see the whole picture: revenue targets, what sales promised, engineering cost.`,
        { to: 11 },
      ],
      [
        'chloe_d',
        `Say so in the recommendation: "Based on what support sees; I don't know the engineering cost." PMs make recommendations with missing information every day. Showing that you know what you don't know is the skill.`,
        { to: 12, votes: 4 },
      ],
      [
        'ines_se',
        `Coming back to the offer: notice that this whole plan works from the product ops seat *better* than from support, because you would be in the roadmap review anyway. That is the argument for taking it.`,
        { to: 13, votes: 3 },
      ],
      [
        'lars_n',
        `I'll concede that. My warning stands for the version of the role that is all tooling. Amara, how much of the job description is Jira administration and release notes?`,
        { to: 14, votes: 1 },
      ],
      [
        'amara_ts',
        `Honestly, maybe half. Release notes every two weeks, keeping the roadmap board clean, and the feedback tool migration, which is a big project on its own.`,
        { to: 15 },
      ],
      [
        'lars_n',
        `Then negotiate the other half before you start. Something like: "I'll do the tooling, and I'd like to own the discovery for one small problem area by my six-month review." A named area, a date, a review. Otherwise the tooling will quietly eat the other half.`,
        { to: 16, votes: 5, helpful: true },
      ],
      [
        'amara_ts',
        `There is a small area nobody owns: the onboarding emails new customers get. Support hears about them constantly because admins get confused by them.`,
        { to: 17 },
      ],
      [
        'chloe_d',
        `That is a perfect first area: small, measurable (activation, tickets in the first 30 days), nobody's turf, and you already have the evidence. Propose it as the thing you will own.`,
        { to: 18, votes: 4 },
      ],
      [
        'ines_se',
        `And write down the baseline now, before anything changes: tickets about onboarding emails per month, and whatever activation metric the product team already tracks. In six months that before/after is the core of your case.`,
        { to: 19, votes: 3 },
      ],
      [
        'amara_ts',
        `I'll pull the ticket count tonight. Last quarter I tagged 212 tickets as onboarding confusion, so the baseline already exists.`,
        { to: 20, votes: 2 },
      ],
      [
        'lars_n',
        `212 in a quarter is a number a head of product will remember. Put it in the first sentence when you answer the offer.`,
        { to: 21, votes: 3 },
      ],
      [
        'amara_ts',
        `Update: I accepted, with the onboarding emails as my area and a review at six months written into the offer letter. Thanks, all of you. I'll report back.`,
        { to: 22, votes: 6 },
      ],
      [
        'mod_jo',
        `Going from support to product myself, I would add: keep one hour a week in the support queue even after you move. It keeps your evidence fresh and the support team on your side.`,
        { votes: 4 },
      ],
      [
        'amara_ts',
        `Good idea. The support team was worried I would disappear once I moved.`,
        { to: 24 },
      ],
      [
        'nkechi_o',
        `For comparison: solutions engineering is the other common bridge. It pays better and teaches you the customer's side, but you report into sales, so the "it's a bridge" conversation matters even more there.`,
        { votes: 3 },
      ],
    ],
  },
  {
    key: 'mba-mortgage',
    author: 'kenji_fs',
    title: 'Full-time MBA at 35 with a mortgage: has anyone made the numbers work?',
    body: `A full-time MBA here would cost about two years of salary once you count tuition and lost income. A part-time programme is cheaper, and my employer reimburses part of it, but the part-time students I've met say recruiting for PM internships is mostly closed to them.

For anyone who did an MBA to get into product: which format, and would you do it again at my age and with my obligations?`,
    tags: ['mba', 'career-switch'],
    hoursAgo: 52,
    points: 11,
    replies: [
      [
        'ravi_s',
        `I did the full-time one at 29 with no dependants, and even then the money hurt. The value was the product internship, which part-time students mostly miss. With a mortgage and children, I would first try every route that keeps your salary, and treat the MBA as the plan for if those fail.`,
        { votes: 6, helpful: true },
      ],
      [
        'kenji_fs',
        `That is the honest answer I was afraid of. Did your classmates who already worked in tech get more out of it than you?`,
        { to: 0 },
      ],
      [
        'ravi_s',
        `Less, oddly. The ones who came from tech mostly wanted a promotion they could have asked for. The ones who gained most were changing industry or country, where the network and the brand did the work.`,
        { to: 1, votes: 3 },
      ],
      [
        'grace-h',
        `One middle road: pick the one or two MBA subjects you actually need (finance basics, pricing, negotiation) and take them as short courses. It cost me a fraction of the price and, to be honest, interviewers never asked about the letters.`,
        { votes: 4 },
      ],
      [
        'tomas_r',
        `You work at a 9,000-person company. That is the best place for an internal transfer. I would spend the next six months trying that first; it costs nothing but awkward conversations.`,
        { votes: 5 },
      ],
      [
        'kenji_fs',
        `Fair. The awkward conversation is scheduled for next Tuesday.`,
        { to: 4, votes: 2 },
      ],
    ],
  },
  {
    key: 'solutions-eng-detour',
    author: 'nadia_data',
    title: 'Recruiter pitched me a solutions engineer role "as a way into product". Is that true?',
    body: `The role is customer-facing: demos, proofs of concept, helping the customer's data team integrate our platform. The recruiter said several of their PMs started as solutions engineers.

I can see how it builds customer empathy. I can also see myself doing demos for five years. How did people who went this way actually get across?`,
    tags: ['career-switch', 'technical-pm'],
    hoursAgo: 75,
    points: 9,
    replies: [
      [
        'nkechi_o',
        `That's how I got across. What made it work was a log of every request we lost a deal over, with the revenue attached. After a year I had better evidence about what customers needed than most of the PMs. Ask the recruiter for the names of those PMs and talk to one of them.`,
        { votes: 6, helpful: true },
      ],
      [
        'ines_se',
        `Same path here. It took me three years, longer than I hoped. The part nobody tells you: your commission plan rewards closing deals, not product insight, so you have to do the product part on your own time at first.`,
        { votes: 4 },
      ],
      [
        'nadia_data',
        `Three years is longer than I'd like. Did you ever think about going straight to a data PM role instead?`,
        { to: 1 },
      ],
      [
        'ines_se',
        `If your company has a data platform that other teams use, that is a shorter road than mine was. The bridge makes most sense when there is no product role you could plausibly be given at your current employer.`,
        { to: 2, votes: 3 },
      ],
      [
        'hannah_l',
        `One question to ask in the interview: "When did a solutions engineer's feedback last change the roadmap, and what happened?" If they can't name an example, the bridge is a brochure.`,
        { votes: 5 },
      ],
    ],
  },
  {
    key: 'app-metrics-interviews',
    author: 'ben_android',
    title: 'Do PM interviewers care about app store numbers I moved as an engineer?',
    body: `I led the rewrite that took our crash-free sessions from 96 % to 99.6 % and our rating from 3.9 to 4.6 stars. I picked the work myself after reading a few hundred reviews.

When I say this in PM interviews it lands flat, as if it were an engineering win. Is it the wrong story, or am I telling it wrong?`,
    tags: ['pm-interviews', 'portfolio'],
    hoursAgo: 1.5,
    points: 3,
    replies: [],
  },
];
