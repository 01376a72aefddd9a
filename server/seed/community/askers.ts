import type { DemoProfile } from '../demo-profiles';

/**
 * What the askers in ./people.ts are weighing: with these, their questions get real mentor
 * matches, and between them and the core askers every career path is weighed by somebody
 * who asked about it. Written for this project; consistent with their bios and questions.
 */
export const communityAskerProfiles: Record<string, DemoProfile> = {
  nadia_data: {
    activeHoursAgo: 6,
    asker: {
      currentRole: 'Data engineer',
      currentRoleFamily: 'data',
      yearsOfExperience: 6,
      companyType: 'scale-up',
      companySize: '1001-5000',
      industries: ['grocery delivery', 'logistics'],
      pathsWeighed: ['internal-transfer', 'product-adjacent', 'technical-pm'],
      constraints:
        'I am on a work visa tied to my employer, so moving company is slow and risky. An internal route, even a two-step one, is much easier for me.',
      timeZone: 'Europe/Paris',
      languages: ['en', 'fr', 'ar'],
      focus: ['choosing-path', 'building-evidence'],
      goals:
        'Own one product decision end to end this year (not just the dashboard behind it), and decide between analytics and a data platform PM role.',
    },
  },
  ben_android: {
    activeHoursAgo: 11,
    asker: {
      currentRole: 'Senior Android developer',
      currentRoleFamily: 'mobile',
      yearsOfExperience: 6,
      companyType: 'startup',
      companySize: '51-200',
      industries: ['consumer apps', 'fitness'],
      pathsWeighed: ['apm-program', 'startup-eng-lead'],
      constraints:
        'I am 31 and worried about age cut-offs in APM programs. I have an offer to lead engineering at a tiny startup, which would mean a pay cut.',
      timeZone: 'Europe/Berlin',
      languages: ['en', 'de', 'he'],
      focus: ['choosing-path', 'interviewing'],
      goals:
        'Decide on the startup offer within a month, and be ready for product sense interviews either way.',
    },
  },
  seun_sre: {
    activeHoursAgo: 14,
    asker: {
      currentRole: 'Site reliability engineer',
      currentRoleFamily: 'platform',
      yearsOfExperience: 7,
      companyType: 'enterprise',
      companySize: '5000+',
      industries: ['banking', 'developer tools'],
      pathsWeighed: ['technical-pm', 'founder'],
      constraints:
        'My only product experience is a side project that failed. I cannot leave a bank salary for a long unpaid experiment again.',
      timeZone: 'Europe/London',
      languages: ['en', 'yo'],
      focus: ['building-evidence', 'choosing-path'],
      goals:
        'Turn the internal platform I already run into something I manage as a product, and tell the story of the failed side project well.',
    },
  },
  carla_support: {
    activeHoursAgo: 8,
    asker: {
      currentRole: 'Support engineer',
      currentRoleFamily: 'support',
      yearsOfExperience: 4,
      companyType: 'scale-up',
      companySize: '201-1000',
      industries: ['b2b saas', 'analytics'],
      pathsWeighed: ['product-adjacent', 'consulting-pm', 'internal-transfer'],
      constraints:
        'No computer science degree; I came in through support. Our product team has never hired from support, so I may need a step in between.',
      timeZone: 'America/Sao_Paulo',
      languages: ['pt', 'en', 'es'],
      focus: ['exploring', 'building-evidence'],
      goals:
        'Find out whether product ops or solutions engineering is the better bridge for me, and start a weekly ticket-trends report the PMs actually read.',
    },
  },
  amara_ts: {
    activeHoursAgo: 3,
    asker: {
      currentRole: 'Technical support lead',
      currentRoleFamily: 'support',
      yearsOfExperience: 5,
      companyType: 'scale-up',
      companySize: '201-1000',
      industries: ['hr software', 'payroll'],
      pathsWeighed: ['product-adjacent', 'internal-transfer'],
      constraints:
        'I lead a team of four support engineers and do not want to leave them without a lead. I would rather stay at this company.',
      timeZone: 'Africa/Lagos',
      languages: ['en', 'ig'],
      focus: ['choosing-path', 'first-90-days'],
      goals:
        'Use the new product ops role to own one small product area within six months, with a before/after to show for it.',
    },
  },
  kenji_fs: {
    activeHoursAgo: 4,
    asker: {
      currentRole: 'Full-stack developer',
      currentRoleFamily: 'fullstack',
      yearsOfExperience: 9,
      companyType: 'enterprise',
      companySize: '5000+',
      industries: ['insurance'],
      pathsWeighed: ['internal-transfer', 'technical-pm', 'mba'],
      constraints:
        'Two children and a mortgage: a full-time MBA would have to pay for itself clearly. The company reimburses part-time study up to a limit.',
      timeZone: 'Asia/Tokyo',
      languages: ['ja', 'en'],
      focus: ['choosing-path', 'interviewing'],
      goals:
        'Have the conversation with my manager this quarter and know by spring whether the part-time MBA is worth applying for.',
    },
  },
  isabel_gov: {
    activeHoursAgo: 26,
    asker: {
      currentRole: 'Developer, city digital service team',
      currentRoleFamily: 'fullstack',
      yearsOfExperience: 5,
      companyType: 'public-sector',
      companySize: '1001-5000',
      industries: ['government', 'civic tech'],
      pathsWeighed: ['mba', 'internal-transfer', 'product-adjacent'],
      constraints:
        'Public-sector pay bands make a lateral move to a private company a raise, but recruiters do not read "digital service" as product work.',
      timeZone: 'America/Denver',
      languages: ['es', 'en'],
      focus: ['building-evidence', 'interviewing'],
      goals:
        'Describe the permit-application redesign I led as the product work it was, and test it on two private-sector interviews.',
    },
  },
  arjun_em: {
    activeHoursAgo: 2,
    asker: {
      currentRole: 'Engineering manager',
      currentRoleFamily: 'lead',
      yearsOfExperience: 12,
      companyType: 'scale-up',
      companySize: '201-1000',
      industries: ['fintech', 'payments'],
      pathsWeighed: ['internal-transfer', 'startup-eng-lead', 'founder'],
      constraints:
        'A move to PM at my level may look like a step down on paper. I manage eight people and would want a clean hand-over for them.',
      timeZone: 'Asia/Kolkata',
      languages: ['en', 'hi', 'gu'],
      focus: ['exploring', 'choosing-path'],
      goals:
        'Work out whether I want the PM job or just more say in the roadmap, before I ask anyone for it.',
    },
  },
};
