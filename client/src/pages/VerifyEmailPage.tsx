import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import { apiFetch } from '../lib/api';
import { sessionKey, useSession } from '../lib/session';
import { usePageTitle } from '../lib/title';

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The page the verification email links to: confirms once, then says what happened. */
export function VerifyEmailPage() {
  usePageTitle('Confirm your email');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const qc = useQueryClient();
  const { viewer, isPending: sessionPending } = useSession();
  const verify = useMutation({
    mutationFn: () =>
      apiFetch<{ verified: true }>('/api/auth/verify-email', {
        method: 'POST',
        body: JSON.stringify({ token }),
      }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: sessionKey }),
  });
  const started = useRef(false);
  useEffect(() => {
    // Wait for the session: a signed-in POST needs its CSRF token.
    if (started.current || sessionPending || !token) return;
    started.current = true;
    verify.mutate();
  }, [sessionPending, token, verify]);

  return (
    <section className="auth-page" aria-labelledby="verify-title">
      <h1 id="verify-title">Confirm your email</h1>
      {!token && <p role="alert">This link is incomplete. Copy the whole link from the email.</p>}
      {token && (verify.isIdle || verify.isPending) && <p role="status">Confirming…</p>}
      {verify.isSuccess && (
        <>
          <p role="status">Thank you — your email address is confirmed.</p>
          <p>
            {viewer ? <Link to="/">Go to the questions</Link> : <Link to="/sign-in">Sign in</Link>}
          </p>
        </>
      )}
      {verify.isError && (
        <div role="alert" className="error-box">
          <p>{capitalize(verify.error.message.replace(/^token:\s*/, ''))}</p>
          {!viewer && (
            <p>
              <Link to="/sign-in">Sign in</Link> to ask for a new link.
            </p>
          )}
        </div>
      )}
    </section>
  );
}
