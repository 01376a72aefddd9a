import {
  careerPaths,
  companySizes,
  companyTypes,
  mentoringFocus,
  roleFamilies,
} from '../../../../shared/taxonomy';
import { languageName } from '../../../../shared/api/profiles';

const find = (list: readonly { id: string; label: string }[], id: string | null | undefined) =>
  (id && list.find((x) => x.id === id)?.label) || id || '';

export const pathName = (id: string) => find(careerPaths, id);
export const companyTypeName = (id: string | null) => find(companyTypes, id);
export const companySizeName = (id: string | null) => find(companySizes, id);
export const focusName = (id: string) => find(mentoringFocus, id);
export const roleFamilyName = (id: string) => find(roleFamilies, id);
export const languageList = (codes: string[]) => codes.map(languageName).join(', ');

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function monthsText(months: number): string {
  if (months < 12) return plural(months, 'month');
  const years = Math.floor(months / 12);
  const rest = months % 12;
  return rest ? `${plural(years, 'year')} ${plural(rest, 'month')}` : plural(years, 'year');
}

/** "14:05" in the mentor's zone, so a visitor sees at a glance whether it is night there. */
export function localTime(timeZone: string, now = new Date()): string | null {
  try {
    return new Intl.DateTimeFormat(undefined, {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
    }).format(now);
  } catch {
    return null;
  }
}

export function capacityText(capacity: number): string {
  return capacity === 0
    ? 'Not taking new mentees right now'
    : `Can mentor up to ${plural(capacity, 'person', 'people')} at a time`;
}

/** Stories are plain text; blank lines separate paragraphs. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return (
    (parts[0]?.[0] ?? '?') + (parts.length > 1 ? (parts.at(-1)?.[0] ?? '') : '')
  ).toUpperCase();
}
