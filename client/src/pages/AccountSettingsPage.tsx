import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import {
  PASSWORD_MAX,
  PASSWORD_MIN,
  changePasswordInput,
  deleteAccountInput,
  type AccountInfo,
} from '../../../shared/api/auth';
import { SessionsList } from '../components/auth/SessionsList';
import { Field, FormAlert, formValues, useAuthForm } from '../components/auth/form';
import { apiFetch, setCsrfToken } from '../lib/api';
import { sessionKey, useSession } from '../lib/session';
import { usePageTitle } from '../lib/title';

function ChangePassword() {
  const form = useAuthForm();
  const qc = useQueryClient();
  const change = useMutation({
    mutationFn: (input: { currentPassword: string; newPassword: string }) =>
      apiFetch<{ ok: true }>('/api/account/password', {
        method: 'POST',
        body: JSON.stringify(input),
      }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['account', 'sessions'] }),
  });
  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const el = e.currentTarget;
    const v = formValues(el);
    if (!form.check(changePasswordInput, v)) return;
    if (v.newPassword !== v.repeat) {
      form.setErrors({ repeat: 'does not match the new password' });
      return;
    }
    change.mutate(
      { currentPassword: v.currentPassword!, newPassword: v.newPassword! },
      { onError: form.fromServer, onSuccess: () => el.reset() },
    );
  }
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="auth-form">
      <FormAlert message={form.formError} alertRef={form.alertRef} />
      <Field
        idPrefix="pw"
        name="currentPassword"
        label="Current password"
        type="password"
        autoComplete="current-password"
        required
        error={form.errors.currentPassword}
      />
      <Field
        idPrefix="pw"
        name="newPassword"
        label="New password"
        type="password"
        autoComplete="new-password"
        required
        hint={`${PASSWORD_MIN}–${PASSWORD_MAX} characters. Your other sessions will be signed out.`}
        error={form.errors.newPassword}
      />
      <Field
        idPrefix="pw"
        name="repeat"
        label="Repeat the new password"
        type="password"
        autoComplete="new-password"
        required
        error={form.errors.repeat}
      />
      <button type="submit" disabled={change.isPending}>
        {change.isPending ? 'Saving…' : 'Change password'}
      </button>
      <p role="status">
        {change.isSuccess ? 'Password changed. Other sessions were signed out.' : ''}
      </p>
    </form>
  );
}

function DeleteAccount() {
  const form = useAuthForm();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const del = useMutation({
    mutationFn: (input: { password: string; confirm: string }) =>
      apiFetch<void>('/api/account/delete', { method: 'POST', body: JSON.stringify(input) }),
    onSuccess: () => {
      setCsrfToken(null);
      qc.clear();
      qc.setQueryData(sessionKey, { viewer: null, csrfToken: null });
      void navigate('/', { replace: true });
    },
  });
  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const v = form.check(deleteAccountInput, formValues(e.currentTarget));
    if (v) del.mutate(v, { onError: form.fromServer });
  }
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="auth-form">
      <FormAlert message={form.formError} alertRef={form.alertRef} />
      <p>
        This removes your email, password, profile and sessions. Your questions and replies stay so
        conversations still make sense, shown as written by “[deleted]”. It cannot be undone —
        download your data first if you want a copy.
      </p>
      <Field
        idPrefix="del"
        name="password"
        label="Your password"
        type="password"
        autoComplete="current-password"
        required
        error={form.errors.password}
      />
      <Field
        idPrefix="del"
        name="confirm"
        label='Type "delete my account"'
        autoComplete="off"
        required
        error={form.errors.confirm}
      />
      <button type="submit" className="danger" disabled={del.isPending}>
        {del.isPending ? 'Deleting…' : 'Delete my account'}
      </button>
    </form>
  );
}

export function AccountSettingsPage() {
  usePageTitle('Account settings');
  const { viewer, isPending } = useSession();
  const account = useQuery({
    queryKey: ['account'],
    queryFn: () => apiFetch<AccountInfo>('/api/account'),
    enabled: !!viewer,
  });
  if (isPending) return <p role="status">Loading…</p>;
  if (!viewer)
    return (
      <section className="auth-page">
        <h1>Account settings</h1>
        <p>
          Please <Link to="/sign-in?next=/settings/account">sign in</Link> to see your account.
        </p>
      </section>
    );
  return (
    <section className="settings-page" aria-labelledby="settings-title">
      <h1 id="settings-title">Account settings</h1>
      <section aria-labelledby="acct-h" className="settings-section">
        <h2 id="acct-h">Your account</h2>
        {account.isError && <p role="alert">{account.error.message}</p>}
        <dl className="settings-facts">
          <dt>Handle</dt>
          <dd>@{viewer.handle}</dd>
          <dt>Display name</dt>
          <dd>{viewer.displayName}</dd>
          <dt>Email (only you see it)</dt>
          <dd>
            {account.data?.email ?? '…'}{' '}
            {viewer.emailVerified ? '(confirmed)' : '(not confirmed yet)'}
          </dd>
        </dl>
      </section>
      <section aria-labelledby="match-h" className="settings-section">
        <h2 id="match-h">Matching profile</h2>
        <p>
          What matching reads: the paths you are weighing if you are exploring a switch, your switch
          story if you made it.
        </p>
        <p>
          <Link to="/settings/profile">Edit your matching profile</Link> ·{' '}
          <Link to="/welcome">Choose your role again</Link> ·{' '}
          <Link to="/settings/notifications">Notification settings</Link>
        </p>
      </section>
      <section aria-labelledby="pw-h" className="settings-section">
        <h2 id="pw-h">Change password</h2>
        <ChangePassword />
      </section>
      <section aria-labelledby="sess-h" className="settings-section">
        <h2 id="sess-h">Where you are signed in</h2>
        <SessionsList />
      </section>
      <section aria-labelledby="export-h" className="settings-section">
        <h2 id="export-h">Your data</h2>
        <p>Everything you wrote on Switchboard, as one JSON file.</p>
        <a className="button-link" href="/api/me/export" download>
          Download my data
        </a>
      </section>
      <section aria-labelledby="del-h" className="settings-section danger-zone">
        <h2 id="del-h">Delete account</h2>
        <DeleteAccount />
      </section>
    </section>
  );
}
