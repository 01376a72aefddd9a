import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  HANDLE_MAX,
  HANDLE_MIN,
  PASSWORD_MAX,
  PASSWORD_MIN,
  signUpInput,
  type CheckEmail,
  type SignUpInput,
} from '../../../shared/api/auth';
import { Field, FormAlert, formValues, useAuthForm } from '../components/auth/form';
import { TimeZoneField } from '../components/auth/TimeZoneField';
import { apiFetch } from '../lib/api';
import { useSignIn } from '../lib/session';
import { usePageTitle } from '../lib/title';

export function SignUpPage() {
  usePageTitle('Create an account');
  const form = useAuthForm();
  const navigate = useNavigate();
  const signIn = useSignIn();
  const [done, setDone] = useState<string | null>(null);
  const signUp = useMutation({
    mutationFn: (input: SignUpInput) =>
      apiFetch<CheckEmail>('/api/auth/sign-up', { method: 'POST', body: JSON.stringify(input) }),
  });

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const values = formValues(e.currentTarget) as unknown as SignUpInput;
    if (!form.check(signUpInput, values)) return;
    signUp.mutate(values, {
      onError: form.fromServer,
      onSuccess: (res) =>
        // Sign straight in; if that fails (the address already had an account), the email
        // we sent explains what to do — the page says the same either way.
        signIn.mutate(
          { login: values.handle, password: values.password },
          {
            // First stop: who are they here as (skippable).
            onSuccess: () => void navigate('/welcome', { replace: true }),
            onError: () => setDone(res.message),
          },
        ),
    });
  }

  if (done)
    return (
      <section className="auth-page" aria-labelledby="signup-title">
        <h1 id="signup-title">Check your email</h1>
        <p role="status">{done}</p>
        <p>
          Already confirmed? <Link to="/sign-in">Sign in</Link>
        </p>
      </section>
    );

  const busy = signUp.isPending || signIn.isPending;
  return (
    <section className="auth-page" aria-labelledby="signup-title">
      <h1 id="signup-title">Create your account</h1>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="auth-form">
        <FormAlert message={form.formError} alertRef={form.alertRef} />
        <Field
          name="email"
          label="Email"
          type="email"
          autoComplete="email"
          required
          hint="Never shown to other people. We send a link to confirm it."
          error={form.errors.email}
        />
        <Field
          name="handle"
          label="Handle"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          hint={`${HANDLE_MIN}–${HANDLE_MAX} characters: letters, digits, _ and -. Shown as @handle.`}
          error={form.errors.handle}
        />
        <Field
          name="displayName"
          label="Display name"
          autoComplete="name"
          required
          error={form.errors.displayName}
        />
        <Field
          name="password"
          label="Password"
          type="password"
          autoComplete="new-password"
          required
          hint={`${PASSWORD_MIN}–${PASSWORD_MAX} characters. A few unrelated words make a strong one.`}
          error={form.errors.password}
        />
        <TimeZoneField error={form.errors.timeZone} />
        <button type="submit" className="auth-submit" disabled={busy}>
          {busy ? 'Creating your account…' : 'Create account'}
        </button>
      </form>
      <p>
        Already have an account? <Link to="/sign-in">Sign in</Link>
      </p>
    </section>
  );
}
