import { useMutation } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { PASSWORD_MAX, PASSWORD_MIN, resetConfirmInput } from '../../../shared/api/auth';
import { Field, FormAlert, formValues, useAuthForm } from '../components/auth/form';
import { ApiError, apiFetch } from '../lib/api';
import { usePageTitle } from '../lib/title';

export function ResetPasswordPage() {
  usePageTitle('Choose a new password');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const form = useAuthForm();
  const confirm = useMutation({
    mutationFn: (input: { token: string; password: string }) =>
      apiFetch<{ ok: true }>('/api/auth/password-reset/confirm', {
        method: 'POST',
        body: JSON.stringify(input),
      }),
  });

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const values = formValues(e.currentTarget);
    if (!form.check(resetConfirmInput, { token, password: values.password })) {
      if (!token) form.setFormError('This link is incomplete. Copy the whole link from the email.');
      return;
    }
    if (values.password !== values.repeat) {
      form.setErrors({ repeat: 'does not match the new password' });
      return;
    }
    confirm.mutate(
      { token, password: values.password! },
      {
        // A bad token is not a field on this page: say it at the top, with the way out.
        onError: (err) =>
          form.fromServer(
            err instanceof ApiError && err.field === 'token'
              ? new Error(err.message.replace(/^token:\s*t/, 'T'))
              : err,
          ),
      },
    );
  }

  return (
    <section className="auth-page" aria-labelledby="reset-title">
      <h1 id="reset-title">Choose a new password</h1>
      {confirm.isSuccess ? (
        <>
          <p role="status">
            Your password is changed and every other session of your account has been signed out.
          </p>
          <p>
            <Link to="/sign-in">Sign in with your new password</Link>
          </p>
        </>
      ) : (
        <form ref={form.formRef} onSubmit={onSubmit} noValidate className="auth-form">
          <FormAlert message={form.formError} alertRef={form.alertRef} />
          {form.formError && (
            <p>
              <Link to="/forgot-password">Ask for a new reset link</Link>
            </p>
          )}
          <Field
            name="password"
            label="New password"
            type="password"
            autoComplete="new-password"
            required
            hint={`${PASSWORD_MIN}–${PASSWORD_MAX} characters.`}
            error={form.errors.password}
          />
          <Field
            name="repeat"
            label="Repeat the new password"
            type="password"
            autoComplete="new-password"
            required
            error={form.errors.repeat}
          />
          <button type="submit" className="auth-submit" disabled={confirm.isPending}>
            {confirm.isPending ? 'Saving…' : 'Set new password'}
          </button>
        </form>
      )}
    </section>
  );
}
