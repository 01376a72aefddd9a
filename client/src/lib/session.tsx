import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SessionInfo, SignInInput, ViewerInfo } from '../../../shared/api/auth';
import { apiFetch, setCsrfToken } from './api';

export const sessionKey = ['session'] as const;

async function fetchSession(): Promise<SessionInfo> {
  const info = await apiFetch<SessionInfo>('/api/session');
  setCsrfToken(info.csrfToken);
  return info;
}

/**
 * Who is signed in. `viewer` is null for anonymous readers; `isPending` until the first
 * answer. The CSRF token goes to lib/api.ts as a side effect, so every write carries it.
 */
export function useSession(): {
  viewer: ViewerInfo | null;
  isPending: boolean;
  isError: boolean;
  refetch: () => void;
} {
  const q = useQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: 60_000 });
  return {
    viewer: q.data?.viewer ?? null,
    isPending: q.isPending,
    isError: q.isError,
    refetch: () => void q.refetch(),
  };
}

export function useViewer(): ViewerInfo | null {
  return useSession().viewer;
}

/** After a sign-in or sign-out, everything cached was fetched as someone else. */
function useResetTo() {
  const qc = useQueryClient();
  return (info: SessionInfo) => {
    setCsrfToken(info.csrfToken);
    qc.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKey[0] });
    qc.setQueryData(sessionKey, info);
  };
}

export function useSignIn() {
  const resetTo = useResetTo();
  return useMutation({
    mutationFn: (input: SignInInput) =>
      apiFetch<SessionInfo>('/api/auth/sign-in', { method: 'POST', body: JSON.stringify(input) }),
    onSuccess: resetTo,
  });
}

export function useSignOut() {
  const resetTo = useResetTo();
  return useMutation({
    mutationFn: () => apiFetch<void>('/api/auth/sign-out', { method: 'POST' }),
    onSuccess: () => resetTo({ viewer: null, csrfToken: null }),
  });
}

/** Safe post-sign-in destination: only paths on this site. */
export function nextPath(search: string): string {
  const next = new URLSearchParams(search).get('next') ?? '/';
  return /^\/(?![/\\])/.test(next) ? next : '/';
}
