import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SessionListItem } from '../../../../shared/api/auth';
import { apiFetch } from '../../lib/api';
import { timeAgo } from '../../lib/time';

const sessionsKey = ['account', 'sessions'];

/** A short, human name for a user agent string: "Firefox on Linux". */
function device(ua: string): string {
  if (!ua) return 'Unknown device';
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /Firefox\//.test(ua)
      ? 'Firefox'
      : /Chrome\//.test(ua)
        ? 'Chrome'
        : /Safari\//.test(ua)
          ? 'Safari'
          : ua.split(/[\s/]/)[0] || 'Browser';
  const os = /Android/.test(ua)
    ? 'Android'
    : /iPhone|iPad/.test(ua)
      ? 'iOS'
      : /Mac OS X/.test(ua)
        ? 'macOS'
        : /Windows/.test(ua)
          ? 'Windows'
          : /Linux/.test(ua)
            ? 'Linux'
            : '';
  return os ? `${browser} on ${os}` : browser;
}

export function SessionsList() {
  const qc = useQueryClient();
  const list = useQuery({
    queryKey: sessionsKey,
    queryFn: () => apiFetch<SessionListItem[]>('/api/account/sessions'),
  });
  const end = useMutation({
    mutationFn: (id: string | null) =>
      apiFetch<void>(id ? `/api/account/sessions/${id}` : '/api/account/sessions', {
        method: 'DELETE',
      }),
    onSettled: () => void qc.invalidateQueries({ queryKey: sessionsKey }),
  });

  if (list.isPending) return <p role="status">Loading your sessions…</p>;
  if (list.isError)
    return (
      <div role="alert" className="error-box">
        <p>{list.error.message}</p>
        <button type="button" onClick={() => void list.refetch()}>
          Try again
        </button>
      </div>
    );
  const others = list.data.filter((s) => !s.current);
  return (
    <>
      <ul className="session-list" aria-label="Signed-in sessions">
        {list.data.map((s) => (
          <li key={s.id} className="session-item">
            <div>
              <strong>{device(s.userAgent)}</strong>
              {s.current && <span className="session-current"> · this device</span>}
              <div className="muted">
                {s.ip && <>IP {s.ip} · </>}
                active <time dateTime={s.lastSeenAt}>{timeAgo(s.lastSeenAt)}</time>, signed in{' '}
                <time dateTime={s.createdAt}>{timeAgo(s.createdAt)}</time>
              </div>
            </div>
            {!s.current && (
              <button
                type="button"
                onClick={() => end.mutate(s.id)}
                disabled={end.isPending}
                aria-label={`Sign out ${device(s.userAgent)}, active ${timeAgo(s.lastSeenAt)}`}
              >
                Sign out
              </button>
            )}
          </li>
        ))}
      </ul>
      {others.length > 0 && (
        <button type="button" onClick={() => end.mutate(null)} disabled={end.isPending}>
          Sign out all other sessions
        </button>
      )}
      <p role="status" className="muted">
        {end.isError ? end.error.message : end.isSuccess ? 'Signed out.' : ''}
      </p>
    </>
  );
}
