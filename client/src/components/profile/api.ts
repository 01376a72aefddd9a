import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AskerProfileInput,
  MentorProfileInput,
  MyProfile,
  ProfileBasicsInput,
  PublicProfile,
} from '../../../../shared/api/profiles';
import { apiFetch } from '../../lib/api';
import { sessionKey } from '../../lib/session';
import { mentorshipKeys } from '../mentorship/api';

export const profileKeys = {
  me: ['profile', 'me'] as const,
  public: (handle: string) => ['profile', 'public', handle.toLowerCase()] as const,
};

export function usePublicProfile(handle: string) {
  return useQuery({
    queryKey: profileKeys.public(handle),
    queryFn: () => apiFetch<PublicProfile>(`/api/users/${encodeURIComponent(handle)}`),
    // A 404/410 will not change by asking again.
    retry: (count, err) =>
      count < 1 && !('status' in err && [401, 404, 410].includes(err.status as number)),
  });
}

export function useMyProfile(enabled = true) {
  return useQuery({
    queryKey: profileKeys.me,
    enabled,
    queryFn: () => apiFetch<MyProfile>('/api/me/profile'),
    retry: (count, err) => count < 1 && !('status' in err && err.status === 401),
  });
}

type Write =
  | { kind: 'basics'; body: ProfileBasicsInput }
  | { kind: 'asker'; body: AskerProfileInput }
  | { kind: 'mentor'; body: MentorProfileInput };

const writePath = {
  basics: '/api/me/profile',
  asker: '/api/me/asker-profile',
  mentor: '/api/me/mentor-profile',
};

/** Saves one section; the answer is the whole fresh profile, which replaces the cache. */
export function useSaveProfile<K extends Write['kind']>(kind: K) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Extract<Write, { kind: K }>['body']) =>
      apiFetch<MyProfile>(writePath[kind], {
        method: kind === 'basics' ? 'PATCH' : 'PUT',
        body: JSON.stringify(body),
      }),
    onSuccess: (profile) => {
      client.setQueryData(profileKeys.me, profile);
      void client.invalidateQueries({ queryKey: profileKeys.public(profile.user.handle) });
      void client.invalidateQueries({ queryKey: mentorshipKeys.directories });
      // The header shows the display name from the session.
      if (kind === 'basics') void client.invalidateQueries({ queryKey: sessionKey });
    },
  });
}

export function useRemoveProfile(kind: 'asker' | 'mentor') {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<void>(writePath[kind], { method: 'DELETE' }),
    onSuccess: () => {
      client.setQueryData<MyProfile>(profileKeys.me, (old) => old && { ...old, [kind]: null });
      void client.invalidateQueries({ queryKey: ['profile', 'public'] });
      void client.invalidateQueries({ queryKey: mentorshipKeys.directories });
    },
  });
}
