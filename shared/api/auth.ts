/**
 * Accounts and auth API contract. Every path is under /api.
 *
 *   GET    /session                                   -> SessionInfo {viewer|null, csrfToken|null}
 *   POST   /auth/sign-up            signUpInput       -> 202 CheckEmail (same answer whether or not the email exists)
 *                                  (timeZone: IANA zone for digests, UTC when absent, 400 if not a real zone)
 *   POST   /auth/sign-in            signInInput       -> 200 SessionInfo (new session id, new csrfToken)
 *   POST   /auth/sign-out                             -> 204 (session destroyed)
 *   POST   /auth/verify-email       tokenInput        -> 200 {verified: true}
 *   POST   /auth/verify-email/resend                  -> 202 CheckEmail (signed in)
 *   POST   /auth/password-reset     resetRequestInput -> 202 CheckEmail (same answer for any email)
 *   POST   /auth/password-reset/confirm resetConfirmInput -> 200 {ok: true} (ends every session)
 *   GET    /account                                   -> AccountInfo (your own email appears only here)
 *   POST   /account/password        changePasswordInput -> 200 {ok: true} (ends your other sessions)
 *   GET    /account/sessions                          -> SessionListItem[]
 *   DELETE /account/sessions/:id                      -> 204
 *   DELETE /account/sessions                          -> 204 (all but this one)
 *   GET    /me/export                                 -> JSON download of everything you wrote
 *   POST   /account/delete          deleteAccountInput -> 204 (personal data removed, signed out)
 *
 * Writes from a signed-in browser need the `X-CSRF-Token` header (the token from /session or
 * sign-in) and a same-origin request; anything else is 403.
 * 429 rate_limited carries Retry-After and error.retryAfter (seconds).
 */
import { z } from 'zod';
import { timeZoneName } from './time-zone';

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;
export const HANDLE_MIN = 3;
export const HANDLE_MAX = 30;
export const DISPLAY_NAME_MAX = 60;
/** Handles of members imported from Hacker News; nobody can sign up with one. */
export const IMPORTED_HANDLE_PREFIX = 'hn-';

export const CSRF_HEADER = 'X-CSRF-Token';

const passwordMessage = `must be ${PASSWORD_MIN}–${PASSWORD_MAX} characters`;

/**
 * Any Unicode, counted in characters (code points) after NFC normalisation, so "ü" typed on
 * any keyboard is one character and the same password. The UTF-16 length check comes first so
 * a megabyte of input is refused without walking it.
 */
export const password = z
  .string({ message: 'is required' })
  .max(PASSWORD_MAX * 2, { message: passwordMessage })
  .transform((s) => s.normalize('NFC'))
  .refine((s) => [...s].length >= PASSWORD_MIN && [...s].length <= PASSWORD_MAX, {
    message: passwordMessage,
  });

export const email = z
  .string({ message: 'is required' })
  .trim()
  .toLowerCase()
  .max(254, { message: 'must be at most 254 characters' })
  .pipe(z.email({ message: 'must be an email address like you@example.com' }));

export const handle = z
  .string({ message: 'is required' })
  .trim()
  .toLowerCase()
  .min(HANDLE_MIN, { message: `must be ${HANDLE_MIN}–${HANDLE_MAX} characters` })
  .max(HANDLE_MAX, { message: `must be ${HANDLE_MIN}–${HANDLE_MAX} characters` })
  .regex(/^[a-z0-9_-]+$/, { message: 'may use only letters a–z, digits, _ and -' })
  .refine((h) => !h.startsWith(IMPORTED_HANDLE_PREFIX), {
    message: `may not start with "${IMPORTED_HANDLE_PREFIX}" (reserved for members imported from Hacker News)`,
  });

export const displayName = z
  .string({ message: 'is required' })
  .trim()
  .min(1, { message: 'is required' })
  .max(DISPLAY_NAME_MAX, { message: `must be at most ${DISPLAY_NAME_MAX} characters` })
  .refine((s) => !/\p{Cc}/u.test(s), { message: 'must not contain control characters' });

/** Digests arrive at a local hour in this zone; the form sends the browser's. Absent: UTC. */
export const DEFAULT_TIME_ZONE = 'UTC';

export const signUpInput = z.object({
  email,
  handle,
  displayName,
  password,
  timeZone: timeZoneName.optional().default(DEFAULT_TIME_ZONE),
});
export type SignUpInput = z.input<typeof signUpInput>;

export const signInInput = z.object({
  login: z
    .string({ message: 'is required' })
    .trim()
    .min(1, { message: 'enter your email or handle' })
    .max(254, { message: 'must be at most 254 characters' }),
  // Sign-in only checks the upper bound: older passwords may predate today's minimum.
  password: z
    .string({ message: 'is required' })
    .min(1, { message: 'enter your password' })
    .max(PASSWORD_MAX * 2, { message: passwordMessage })
    .transform((s) => s.normalize('NFC'))
    .refine((s) => [...s].length <= PASSWORD_MAX, { message: passwordMessage }),
});
export type SignInInput = z.input<typeof signInInput>;

export const tokenInput = z.object({
  token: z
    .string({ message: 'is required' })
    .trim()
    .regex(/^[A-Za-z0-9_-]{20,100}$/, { message: 'this link is incomplete; copy the whole link' }),
});

export const resetRequestInput = z.object({ email });

export const resetConfirmInput = z.object({
  token: tokenInput.shape.token,
  password,
});

export const changePasswordInput = z.object({
  currentPassword: signInInput.shape.password,
  newPassword: password,
});

export const deleteAccountInput = z.object({
  password: signInInput.shape.password,
  confirm: z.literal('delete my account', {
    message: 'type "delete my account" to confirm',
  }),
});

/** The signed-in person as the client sees them (never with an email address). */
export interface ViewerInfo {
  id: string;
  handle: string;
  displayName: string;
  role: 'member' | 'moderator' | 'admin';
  createdAt: string;
  emailVerified: boolean;
}

export interface SessionInfo {
  viewer: ViewerInfo | null;
  /** Send as X-CSRF-Token on every write while signed in; null when signed out. */
  csrfToken: string | null;
}

export interface CheckEmail {
  status: 'check_email';
  message: string;
}

export interface AccountInfo extends ViewerInfo {
  email: string;
}

export interface SessionListItem {
  id: string;
  current: boolean;
  createdAt: string;
  lastSeenAt: string;
  userAgent: string;
  ip: string;
}
