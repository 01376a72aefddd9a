const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400],
  ['month', 30 * 86_400],
  ['week', 7 * 86_400],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];
const formats = new Map<string | undefined, Intl.RelativeTimeFormat>();
function rtf(locale: string | undefined): Intl.RelativeTimeFormat {
  let f = formats.get(locale);
  if (!f) formats.set(locale, (f = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })));
  return f;
}

/** "3 hours ago" in the reader's locale, or in `locale` (server-rendered pages use 'en'). */
export function timeAgo(iso: string, now = Date.now(), locale?: string): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return rtf(locale).format(Math.round(seconds / size), unit);
  }
  return 'just now';
}
