import { useState, type FormEvent } from 'react';
import type { z } from 'zod';
import type { AskerProfileInput, MentorProfileInput } from '../../../../shared/api/profiles';
import { useSaveProfile } from './api';
import { useFieldErrors } from './form';

type KeyOf<S, V> = { [K in keyof S]: S[K] extends V ? K : never }[keyof S] & string;

/**
 * What the asker and mentor forms share: the fields kept as typed text, a field's message
 * retired when it is edited, and a save checked with the API's own schema before it is sent.
 * Ids are `${kind}-${key}`, which is how the error summary finds a field to focus.
 */
export function useProfileForm<State extends object>({
  kind,
  labels,
  initial,
  toInput,
  schema,
  onSaved,
}: {
  kind: 'asker' | 'mentor';
  labels: Record<string, string>;
  initial: () => State;
  toInput: (state: State) => unknown;
  schema: z.ZodType;
  onSaved(): void;
}) {
  const [state, setState] = useState(initial);
  const { errors, formError, check, fromServer, clearField, summaryRef } = useFieldErrors();
  const save = useSaveProfile(kind);
  const set =
    <K extends keyof State & string>(key: K) =>
    (value: State[K]) => {
      setState((s) => ({ ...s, [key]: value }));
      clearField(key);
    };

  /** Props for a text, number or select field bound to `key`. */
  const field = (key: KeyOf<State, string>) => ({
    id: `${kind}-${key}`,
    label: labels[key]!,
    value: state[key] as string,
    error: errors[key],
    onChange: set(key) as (value: string) => void,
  });
  /** Props for a group of checkboxes bound to `key`. */
  const choices = (key: KeyOf<State, string[]>) => ({
    id: `${kind}-${key}`,
    legend: labels[key]!,
    value: state[key] as string[],
    error: errors[key],
    onChange: set(key) as (value: string[]) => void,
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    const input = toInput(state);
    if (!check(schema, input)) return;
    // The schema has just accepted it.
    save.mutate(input as AskerProfileInput | MentorProfileInput, {
      onSuccess: onSaved,
      onError: fromServer,
    });
  }

  return {
    state,
    set,
    field,
    choices,
    errors,
    frame: {
      kind,
      submit,
      pending: save.isPending,
      summary: { idPrefix: kind, labels, errors, formError, summaryRef },
    },
  };
}
