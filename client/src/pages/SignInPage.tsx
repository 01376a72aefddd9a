import { Link, useLocation, useNavigate } from 'react-router';
import { signInInput } from '../../../shared/api/auth';
import { Field, FormAlert, formValues, useAuthForm } from '../components/auth/form';
import { nextPath, useSignIn } from '../lib/session';
import { usePageTitle } from '../lib/title';

export function SignInPage() {
  usePageTitle('Sign in');
  const form = useAuthForm();
  const signIn = useSignIn();
  const navigate = useNavigate();
  const location = useLocation();

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const values = formValues(e.currentTarget);
    if (!form.check(signInInput, values)) return;
    // Send what the person typed; the server normalises the same way the schema does.
    signIn.mutate(
      { login: values.login!, password: values.password! },
      {
        onSuccess: () => void navigate(nextPath(location.search), { replace: true }),
        onError: form.fromServer,
      },
    );
  }

  return (
    <section className="auth-page" aria-labelledby="signin-title">
      <h1 id="signin-title">Sign in</h1>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="auth-form">
        <FormAlert message={form.formError} alertRef={form.alertRef} />
        <Field
          name="login"
          label="Email or handle"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          error={form.errors.login}
        />
        <Field
          name="password"
          label="Password"
          type="password"
          autoComplete="current-password"
          required
          error={form.errors.password}
        />
        <button type="submit" className="auth-submit" disabled={signIn.isPending}>
          {signIn.isPending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p>
        <Link to="/forgot-password">Forgot your password?</Link>
      </p>
      <p>
        New here? <Link to="/sign-up">Create an account</Link>
      </p>
    </section>
  );
}
