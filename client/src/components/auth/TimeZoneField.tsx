import { useMemo } from 'react';
import { normalizeTimeZone, supportedTimeZones } from '../../../../shared/api/time-zone';

/** The browser's own IANA zone as the runtime's list spells it; UTC if it has none we know. */
export function browserTimeZone(): string {
  try {
    const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
    return (tz && normalizeTimeZone(tz)) || 'UTC';
  } catch {
    return 'UTC';
  }
}

/**
 * Sign-up's time zone: a select of every IANA zone (type-ahead works), prefilled with the
 * browser's, so most people just leave it; its hint and error are tied to it like any field.
 */
export function TimeZoneField({ error, idPrefix = 'f' }: { error?: string; idPrefix?: string }) {
  const id = `${idPrefix}-timeZone`;
  const initial = useMemo(browserTimeZone, []);
  // The browser's ICU may know a newer name than this list (Europe/Kyiv, Asia/Kathmandu).
  const zones = useMemo(() => {
    const all = supportedTimeZones();
    return all.includes(initial) ? all : [initial, ...all];
  }, [initial]);
  const label = 'Your time zone, for digest emails';
  const describedBy = [`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className={`auth-field${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <p id={`${id}-hint`} className="auth-hint">
        Taken from your browser. Digests arrive at the hour you choose, in this zone; you can change
        both later in your notification settings.
      </p>
      <select
        id={id}
        name="timeZone"
        defaultValue={initial}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      >
        {zones.map((z) => (
          <option key={z} value={z}>
            {z.replace(/_/g, ' ')}
          </option>
        ))}
      </select>
      {error && (
        <p id={`${id}-error`} className="auth-error">
          {label}: {error}
        </p>
      )}
    </div>
  );
}
