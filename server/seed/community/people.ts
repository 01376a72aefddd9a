import type { DemoUser } from '../demo-content';

/** Askers who joined the demo community after its first week (fictional, original bios). */
export const communityPeople: DemoUser[] = [
  {
    handle: 'nadia_data',
    displayName: 'Nadia Haddad',
    email: 'nadia@demo.switchboard.test',
    bio: 'Data engineer at a grocery-delivery company. The dashboards I build decide the roadmap; I would like to be in the room when it is decided.',
    kind: 'asker',
  },
  {
    handle: 'ben_android',
    displayName: 'Ben Adler',
    email: 'ben@demo.switchboard.test',
    bio: 'Android developer, six years, two apps with a million installs between them. Curious whether mobile experience carries over to product.',
    kind: 'asker',
  },
  {
    handle: 'seun_sre',
    displayName: 'Oluwaseun Bello',
    email: 'seun@demo.switchboard.test',
    bio: 'Site reliability engineer. I run the incident reviews and keep asking why we built the thing that broke.',
    kind: 'asker',
  },
  {
    handle: 'carla_support',
    displayName: 'Carla Mendes',
    email: 'carla@demo.switchboard.test',
    bio: 'Support engineer at a B2B SaaS company, four years on the phone with customers and in the code that answers them.',
    kind: 'asker',
  },
  {
    handle: 'kenji_fs',
    displayName: 'Kenji Mori',
    email: 'kenji@demo.switchboard.test',
    bio: 'Full-stack developer at an insurance company with 9,000 employees. Good at navigating committees, less good at leaving them.',
    kind: 'asker',
  },
  {
    handle: 'isabel_gov',
    displayName: 'Isabel Ortega',
    email: 'isabel@demo.switchboard.test',
    bio: 'Developer on a city government digital service team. Public-sector product work is real product work; I want the title to match.',
    kind: 'asker',
  },
  {
    handle: 'arjun_em',
    displayName: 'Arjun Mehta',
    email: 'arjun@demo.switchboard.test',
    bio: 'Engineering manager of eight. Half my week is already roadmap meetings; wondering whether to make it the whole week.',
    kind: 'asker',
  },
  {
    handle: 'amara_ts',
    displayName: 'Amara Nwosu',
    email: 'amara@demo.switchboard.test',
    bio: 'Technical support lead at an HR software company. Five years of escalations; I can tell you which release broke payroll before the status page can.',
    kind: 'asker',
  },
];
