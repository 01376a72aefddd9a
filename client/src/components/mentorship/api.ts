import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateRequestInput,
  DeclineInput,
  EndInput,
  MentorshipItem,
  MentorshipOverview,
  RequestItem,
  ThreadMentorPanel,
} from '../../../../shared/api/mentorships';
import type { Page } from '../../../../shared/api/threads';
import { apiFetch } from '../../lib/api';

export const mentorshipKeys = {
  all: ['mentorships'] as const,
  overview: ['mentorships', 'overview'] as const,
  history: (box: string) => ['mentorships', 'history', box] as const,
  panel: (threadId: string) => ['mentorships', 'panel', threadId] as const,
  directories: ['mentorships', 'directory'] as const,
  // Ranking depends on who asks, so each viewer gets their own cached pages.
  directory: (query: string, viewerId: string | null) =>
    ['mentorships', 'directory', query, viewerId] as const,
};

const post = <T>(path: string, body?: unknown) =>
  apiFetch<T>(path, { method: 'POST', body: JSON.stringify(body ?? {}) });

export function useThreadPanel(threadId: string) {
  return useQuery({
    queryKey: mentorshipKeys.panel(threadId),
    queryFn: () => apiFetch<ThreadMentorPanel>(`/api/thread-mentors/${threadId}`),
  });
}

export function useOverview(enabled = true) {
  return useQuery({
    queryKey: mentorshipKeys.overview,
    queryFn: () => apiFetch<MentorshipOverview>('/api/mentorships/overview'),
    enabled,
    retry: (count, err) => count < 1 && !('status' in err && err.status === 401),
  });
}

export function useHistory(box: 'sent' | 'received' | 'ended', cursor: string | null) {
  const path =
    box === 'ended'
      ? `/api/mentorships?status=ended${cursor ? `&cursor=${cursor}` : ''}`
      : `/api/mentorship-requests?box=${box}${cursor ? `&cursor=${cursor}` : ''}`;
  return useQuery({
    queryKey: [...mentorshipKeys.history(box), cursor],
    queryFn: () => apiFetch<Page<RequestItem> | Page<MentorshipItem>>(path),
  });
}

/** Every mentorship view (panel, directory, overview, bell) may change after a write. */
function useRefresh() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: mentorshipKeys.all });
    void client.invalidateQueries({ queryKey: ['notifications'] });
  };
}

export function useRequestMentorship() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: CreateRequestInput) => post<RequestItem>('/api/mentorship-requests', input),
    onSuccess: refresh,
  });
}

export function useAnswerRequest() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (
      a:
        | { id: string; action: 'accept' }
        | { id: string; action: 'decline'; body: DeclineInput }
        | { id: string; action: 'withdraw' },
    ) =>
      post<RequestItem | MentorshipItem>(
        `/api/mentorship-requests/${a.id}/${a.action}`,
        'body' in a ? a.body : undefined,
      ),
    onSuccess: refresh,
  });
}

export function useEndMentorship() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (a: { id: string; body: EndInput }) =>
      post<MentorshipItem>(`/api/mentorships/${a.id}/end`, a.body),
    onSuccess: refresh,
  });
}

export function useResume() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: () => post<MentorshipOverview>('/api/mentorships/resume'),
    onSuccess: refresh,
  });
}
