import { useMutation } from '@tanstack/react-query';
import type { CheckEmail } from '../../../../shared/api/auth';
import { apiFetch } from '../../lib/api';
import { useSession } from '../../lib/session';

/** Shown to signed-in people whose email address is not confirmed yet. */
export function VerifyBanner() {
  const { viewer } = useSession();
  const resend = useMutation({
    mutationFn: () => apiFetch<CheckEmail>('/api/auth/verify-email/resend', { method: 'POST' }),
  });
  if (!viewer || viewer.emailVerified) return null;
  return (
    <div className="verify-banner" role="region" aria-label="Email confirmation">
      <div className="container verify-banner-row">
        <p>
          Please confirm your email address: follow the link we sent you. Until then we cannot email
          you replies or mentorship requests.
        </p>
        <button type="button" onClick={() => resend.mutate()} disabled={resend.isPending}>
          {resend.isPending ? 'Sending…' : 'Send a new link'}
        </button>
        <p role="status" className="verify-banner-status">
          {resend.isSuccess ? resend.data.message : resend.isError ? resend.error.message : ''}
        </p>
      </div>
    </div>
  );
}
