import { useMutation } from '@tanstack/react-query';
import { Link } from 'react-router';
import { resetRequestInput, type CheckEmail } from '../../../shared/api/auth';
import { Field, FormAlert, formValues, useAuthForm } from '../components/auth/form';
import { apiFetch } from '../lib/api';
import { usePageTitle } from '../lib/title';

export function ForgotPasswordPage() {
  usePageTitle('Reset your password');
  const form = useAuthForm();
  const request = useMutation({
    mutationFn: (email: string) =>
      apiFetch<CheckEmail>('/api/auth/password-reset', {
        method: 'POST',
        body: JSON.stringify({ email }),
      }),
    onError: form.fromServer,
  });

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const input = form.check(resetRequestInput, formValues(e.currentTarget));
    if (input) request.mutate(input.email);
  }

  return (
    <section className="auth-page" aria-labelledby="forgot-title">
      <h1 id="forgot-title">Reset your password</h1>
      {request.isSuccess ? (
        <>
          <p role="status">{request.data.message}</p>
          <p>
            <Link to="/sign-in">Back to sign in</Link>
          </p>
        </>
      ) : (
        <form ref={form.formRef} onSubmit={onSubmit} noValidate className="auth-form">
          <FormAlert message={form.formError} alertRef={form.alertRef} />
          <p>Enter the email address of your account and we will send you a reset link.</p>
          <Field
            name="email"
            label="Email"
            type="email"
            autoComplete="email"
            required
            error={form.errors.email}
          />
          <button type="submit" className="auth-submit" disabled={request.isPending}>
            {request.isPending ? 'Sending…' : 'Send reset link'}
          </button>
        </form>
      )}
    </section>
  );
}
