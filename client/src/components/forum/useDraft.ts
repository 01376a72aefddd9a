import { useCallback, useEffect, useState } from 'react';

/**
 * A form's text kept in sessionStorage on every change, so a failed send, a reload or a
 * closed composer never loses what someone wrote. Each draft carries the client-generated
 * id its create request will use: a retried send (even after a reload) reuses it, and the
 * server answers with the already-created item instead of a duplicate.
 */
export interface Draft {
  id: string;
}

function read<T extends Draft>(key: string): T | null {
  try {
    const raw = sessionStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

function write(key: string, value: unknown) {
  try {
    sessionStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or disabled: the draft still lives in memory.
  }
}

function forget(key: string) {
  try {
    sessionStorage.removeItem(key);
  } catch {
    // ignore
  }
}

export function newClientId(): string {
  return crypto.randomUUID();
}

interface State<T> {
  key: string;
  draft: T;
  /** Only what the person typed is stored — an untouched form leaves no trace. */
  dirty: boolean;
}

function load<T extends Draft>(key: string, initial: () => Omit<T, 'id'>): State<T> {
  const stored = read<T>(key);
  return stored
    ? { key, draft: stored, dirty: true }
    : { key, draft: { ...initial(), id: newClientId() } as T, dirty: false };
}

export function useDraft<T extends Draft>(key: string, initial: () => Omit<T, 'id'>) {
  const [state, setState] = useState<State<T>>(() => load<T>(key, initial));
  if (state.key !== key) setState(load<T>(key, initial)); // same form, another draft

  useEffect(() => {
    if (state.dirty) write(state.key, state.draft);
  }, [state]);

  const update = useCallback((patch: Partial<Omit<T, 'id'>>) => {
    setState((s) => ({ ...s, draft: { ...s.draft, ...patch }, dirty: true }));
  }, []);

  /** After a successful send (or a discard): forget the text, next draft gets a fresh id. */
  const reset = useCallback(() => {
    forget(key);
    setState({ key, draft: { ...initial(), id: newClientId() } as T, dirty: false });
    // `initial` is a factory for defaults; a new identity must not reset the draft.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  /** The id was taken by someone else (409): keep the text, try again with a new id. */
  const renewId = useCallback(
    () => setState((s) => ({ ...s, draft: { ...s.draft, id: newClientId() }, dirty: true })),
    [],
  );

  return { draft: state.draft, update, reset, renewId };
}
