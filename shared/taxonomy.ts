/**
 * The small shared vocabulary of the product. Askers pick the paths they weigh, mentors
 * the one they took; matching, filters and the Paths page all read from here.
 */
export const careerPaths = [
  {
    id: 'internal-transfer',
    label: 'Internal transfer at a larger company',
    short: 'internal transfer',
  },
  { id: 'apm-program', label: 'Associate PM program', short: 'APM program' },
  { id: 'consulting-pm', label: 'Consulting or agency PM', short: 'consulting PM role' },
  {
    id: 'startup-eng-lead',
    label: 'Startup engineering lead who also does product',
    short: 'startup engineering-lead role',
  },
  { id: 'founder', label: 'Founder', short: 'founding a company' },
  { id: 'technical-pm', label: 'Technical PM or platform PM', short: 'technical/platform PM role' },
  { id: 'mba', label: 'MBA', short: 'MBA' },
  {
    // A bridge, not a destination: people move to a role beside product first and then
    // across, which is a different story from a direct transfer.
    id: 'product-adjacent',
    label: 'Product-adjacent bridge (product ops, solutions engineering, program management)',
    short: 'product-adjacent bridge role',
  },
] as const;
export type CareerPathId = (typeof careerPaths)[number]['id'];
export const careerPathIds = careerPaths.map((p) => p.id) as [CareerPathId, ...CareerPathId[]];

export const companyTypes = [
  { id: 'agency', label: 'Agency' },
  { id: 'startup', label: 'Startup' },
  { id: 'scale-up', label: 'Scale-up' },
  { id: 'enterprise', label: 'Enterprise' },
  { id: 'consultancy', label: 'Consultancy' },
  { id: 'public-sector', label: 'Public sector' },
  { id: 'other', label: 'Other' },
] as const;
export type CompanyTypeId = (typeof companyTypes)[number]['id'];
export const companyTypeIds = companyTypes.map((c) => c.id) as [CompanyTypeId, ...CompanyTypeId[]];

export const companySizes = [
  { id: '1-10', label: '1–10 people' },
  { id: '11-50', label: '11–50' },
  { id: '51-200', label: '51–200' },
  { id: '201-1000', label: '201–1,000' },
  { id: '1001-5000', label: '1,001–5,000' },
  { id: '5000+', label: 'More than 5,000' },
] as const;
export type CompanySizeId = (typeof companySizes)[number]['id'];
export const companySizeIds = companySizes.map((c) => c.id) as [CompanySizeId, ...CompanySizeId[]];

/** Families of engineering roles, so "Sr FE dev" and "Frontend Engineer" compare equal. */
export const roleFamilies = [
  {
    id: 'frontend',
    label: 'Frontend (product team)',
    keywords: ['frontend', 'front-end', 'fe', 'ui', 'react'],
  },
  {
    // Agency and freelance web work is client-facing, project-shaped and deadline-driven: a
    // different starting point for a PM switch from frontend work inside one product.
    id: 'web-agency',
    label: 'Agency / web developer',
    keywords: ['web', 'webdev', 'wordpress', 'agency', 'freelance', 'shopify', 'drupal'],
  },
  { id: 'backend', label: 'Backend', keywords: ['backend', 'back-end', 'be', 'api', 'server'] },
  { id: 'fullstack', label: 'Full-stack', keywords: ['full-stack', 'fullstack', 'full stack'] },
  { id: 'mobile', label: 'Mobile', keywords: ['mobile', 'ios', 'android'] },
  {
    id: 'platform',
    label: 'Platform / infrastructure',
    keywords: ['platform', 'infrastructure', 'infra', 'devops', 'sre', 'cloud'],
  },
  {
    id: 'embedded',
    label: 'Embedded / firmware',
    keywords: ['embedded', 'firmware', 'hardware', 'iot', 'fpga', 'rtos'],
  },
  {
    id: 'data',
    label: 'Data / analytics',
    keywords: ['data', 'analytics', 'analyst', 'bi'],
  },
  {
    id: 'ml',
    label: 'ML engineering',
    keywords: ['ml', 'machine learning', 'ai', 'mlops', 'deep learning', 'nlp'],
  },
  {
    id: 'security',
    label: 'Security',
    keywords: ['security', 'appsec', 'infosec', 'pentester', 'penetration', 'secops'],
  },
  {
    id: 'games',
    label: 'Game development',
    keywords: ['game', 'games', 'gameplay', 'unity', 'unreal'],
  },
  { id: 'qa', label: 'QA / test', keywords: ['qa', 'test', 'quality', 'sdet'] },
  {
    id: 'support',
    label: 'Support / solutions',
    keywords: ['support', 'solutions', 'sales engineer', 'customer'],
  },
  {
    id: 'lead',
    label: 'Engineering lead / manager',
    keywords: ['lead', 'manager', 'head of', 'cto', 'director'],
  },
  { id: 'other', label: 'Other', keywords: [] },
] as const;
export type RoleFamilyId = (typeof roleFamilies)[number]['id'];
export const roleFamilyIds = roleFamilies.map((r) => r.id) as [RoleFamilyId, ...RoleFamilyId[]];

/** Stages/goals a mentor most wants to help with, and that askers describe themselves by. */
export const mentoringFocus = [
  { id: 'exploring', label: 'Still deciding whether PM is for me' },
  { id: 'choosing-path', label: 'Choosing a path into PM' },
  { id: 'building-evidence', label: 'Building product experience and a portfolio' },
  { id: 'interviewing', label: 'Preparing for PM interviews' },
  { id: 'first-90-days', label: 'First months in a new PM role' },
] as const;
export type MentoringFocusId = (typeof mentoringFocus)[number]['id'];
export const mentoringFocusIds = mentoringFocus.map((m) => m.id) as [
  MentoringFocusId,
  ...MentoringFocusId[],
];

export const starterTags = [
  'career-switch',
  'pm-interviews',
  'apm-programs',
  'internal-transfer',
  'startups',
  'consulting',
  'portfolio',
  'resume',
  'founders',
  'technical-pm',
  'mba',
] as const;

export function pathLabel(id: string): string {
  return careerPaths.find((p) => p.id === id)?.label ?? id;
}

/**
 * A path's label inside a sentence ("via MBA", "via associate PM program"): lower case but
 * for acronyms, which keep their capitals.
 */
export function pathInText(id: string): string {
  return pathLabel(id)
    .split(' ')
    .map((w) => (/^[A-Z]{2,}/.test(w) ? w : w.toLowerCase()))
    .join(' ');
}
