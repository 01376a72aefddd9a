import { useMemo } from 'react';
import { normalizeLanguage, supportedTimeZones } from '../../../../shared/api/profiles';
import { languageList } from './labels';
import { Field, splitList } from './form';

export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

interface Props {
  id: string;
  value: string;
  error?: string;
  onChange: (v: string) => void;
}

/** A select of the runtime's IANA zones (type-ahead works), always including the saved one. */
export function TimeZoneField({ id, value, error, onChange }: Props) {
  const zones = useMemo(() => {
    const all = supportedTimeZones();
    return value && !all.includes(value) ? [value, ...all] : all;
  }, [value]);
  return (
    <Field id={id} label="Time zone" error={error} hint="Used to show overlap in working hours.">
      {(aria) => (
        <select {...aria} value={value} onChange={(e) => onChange(e.target.value)}>
          {!value && <option value="">Choose a time zone</option>}
          {zones.map((z) => (
            <option key={z} value={z}>
              {z.replace(/_/g, ' ')}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** Comma-separated BCP 47 codes, with the recognised names read back as you type. */
export function LanguagesField({ id, value, error, onChange }: Props) {
  const known = splitList(value)
    .map(normalizeLanguage)
    .filter((c): c is string => !!c);
  return (
    <Field
      id={id}
      label="Languages"
      error={error}
      hint={
        <>
          Language codes separated by commas, such as <code>en, de, pt-BR</code>.
          {known.length > 0 && <> Reads as: {languageList(known)}.</>}
        </>
      }
    >
      {(aria) => (
        <input
          {...aria}
          type="text"
          autoComplete="off"
          spellCheck={false}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

interface TextProps extends Props {
  label: string;
  hint?: string;
  optional?: boolean;
  maxLength?: number;
  autoComplete?: string;
}

export function TextField({ value, onChange, maxLength, autoComplete, ...field }: TextProps) {
  return (
    <Field {...field}>
      {(aria) => (
        <input
          {...aria}
          type="text"
          value={value}
          maxLength={maxLength}
          autoComplete={autoComplete ?? 'off'}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

export function NumberField({ value, onChange, ...field }: TextProps) {
  return (
    <Field {...field} className="field-narrow">
      {(aria) => (
        <input
          {...aria}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

export function TextAreaField({ value, onChange, ...field }: TextProps) {
  return (
    <Field {...field}>
      {(aria) => (
        <textarea {...aria} rows={4} value={value} onChange={(e) => onChange(e.target.value)} />
      )}
    </Field>
  );
}

interface SelectProps extends Props {
  label: string;
  hint?: string;
  optional?: boolean;
  options: readonly { id: string; label: string }[];
  /** Text of the empty option, when choosing nothing is allowed or nothing is chosen yet. */
  empty?: string;
}

export function SelectField({ value, onChange, options, empty, ...field }: SelectProps) {
  return (
    <Field {...field}>
      {(aria) => (
        <select {...aria} value={value} onChange={(e) => onChange(e.target.value)}>
          {(empty || !value) && <option value="">{empty ?? 'Choose…'}</option>}
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
