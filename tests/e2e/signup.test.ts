import { beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app';
import { describeBrowser, expectAccessible, newPage } from '../helpers/browser';
import { startSmtp, type TestSmtp } from '../helpers/smtp';

describeBrowser('sign up, confirm the email, sign in — in a real browser', () => {
  let app: TestApp;
  let smtp: TestSmtp;
  beforeAll(async () => {
    smtp = await startSmtp();
    app = await startTestApp({ client: true, env: { SMTP_URL: smtp.url } });
  });

  it('goes from sign-up to a verified, signed-in account at 375px', async () => {
    // The browser reports this zone; the form offers it, and the person may pick another.
    const page = await newPage(375, 800, { timezoneId: 'Australia/Lord_Howe' });
    const jsErrors = (page as typeof page & { jsErrors: string[] }).jsErrors;
    await page.goto(app.url + '/');
    await page.getByRole('link', { name: 'Sign up' }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: 'Create your account' }).count())
      .toBe(1);

    // Per-field messages from the shared schema, tied to their inputs.
    await page.getByRole('button', { name: 'Create account' }).click();
    const email = page.getByLabel('Email', { exact: true });
    await expect.poll(() => email.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#f-password-error').textContent()).toBe(
      'Password: must be 12–128 characters',
    );
    expect(await page.getByLabel('Password').getAttribute('aria-describedby')).toContain(
      'f-password-error',
    );
    await expectAccessible(page);

    await email.fill('robin@example.test');
    await page.getByLabel('Handle').fill('robin_pm');
    await page.getByLabel('Display name').fill('Robin Park');
    await page.getByLabel('Password').fill('a long enough passphrase');
    const zone = page.getByLabel('Your time zone, for digest emails');
    expect(await zone.inputValue()).toBe('Australia/Lord_Howe');
    expect(await zone.getAttribute('aria-describedby')).toBe('f-timeZone-hint');
    await zone.selectOption('America/St_Johns');
    await page.getByRole('button', { name: 'Create account' }).click();

    // Signed in straight away, with the banner asking to confirm the address.
    const banner = page.getByRole('region', { name: 'Email confirmation' });
    await expect.poll(() => banner.count()).toBe(1);
    // At 375 px the account lives in the header's menu.
    const menu = page.getByRole('button', { name: 'Menu' });
    await menu.click();
    await expect.poll(() => page.getByText('Signed in as Robin Park').count()).toBe(1);
    await menu.click();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page);
    // The zone chosen is the profile's, the one digests are timed by.
    const row = await app.ctx.db
      .selectFrom('users')
      .select('time_zone')
      .where('handle', '=', 'robin_pm')
      .executeTakeFirstOrThrow();
    expect(row.time_zone).toBe('America/St_Johns');

    // Open the mail, follow its link.
    const mail = await smtp.waitFor((m) => m.to === 'robin@example.test');
    expect(mail.text).toContain('Confirm my email');
    const link = mail.links.find((l) => l.includes('/verify-email?token='))!;
    await page.goto(link);
    await expect.poll(() => page.getByText('your email address is confirmed').count()).toBe(1);
    await expect.poll(() => banner.count()).toBe(0);

    // Sign out, then sign in through the form.
    await menu.click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => page.getByRole('link', { name: 'Sign in' }).count()).toBe(1);
    await page.getByRole('link', { name: 'Sign in' }).click();
    await page.getByLabel('Email or handle').fill('ROBIN_PM');
    await page.getByLabel('Password').fill('wrong passphrase here');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect
      .poll(() => page.getByRole('alert').filter({ hasText: 'do not match' }).count())
      .toBe(1);
    await page.getByLabel('Password').fill('a long enough passphrase');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await menu.click();
    await expect.poll(() => page.getByText('Signed in as Robin Park').count()).toBe(1);
    await menu.click();
    expect(await banner.count()).toBe(0);
    await expectAccessible(page);
    expect(jsErrors).toEqual([]);
    await page.context().close();
  });

  it('shows the account settings page with sessions, accessibly', async () => {
    const page = await newPage(375, 800);
    await page.goto(app.url + '/sign-in?next=/settings/account');
    await page.getByLabel('Email or handle').fill('robin_pm');
    await page.getByLabel('Password').fill('a long enough passphrase');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: 'Account settings' }).count())
      .toBe(1);
    await expect
      .poll(() =>
        page.getByRole('list', { name: 'Signed-in sessions' }).getByRole('listitem').count(),
      )
      .toBeGreaterThan(0);
    // The address comes with the account query, which may land after the sessions list.
    await expect.poll(() => page.getByText('robin@example.test').count()).toBe(1);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page);
    await page.context().close();
  });
});
