/**
 * Notification preferences: the API contract for /settings/notifications.
 *
 *   GET /api/me/notification-settings                 -> NotificationSettings
 *   PUT /api/me/notification-settings  settingsInput  -> NotificationSettings
 *
 * Each category goes to the app only, email right away, the digest, or nowhere. The defaults
 * are what most people would pick: what needs an answer (a mentorship request, a mention) by
 * email right away, replies and activity in the digest.
 */
import { z } from 'zod';
import { normalizeTimeZone } from './profiles';

export const channels = ['app', 'email', 'digest', 'off'] as const;
export type Channel = (typeof channels)[number];

export const categories = {
  reply_to_thread: { label: 'A reply to my question', default: 'digest' },
  reply_to_reply: { label: 'A reply to my reply', default: 'digest' },
  mention: { label: 'Someone @mentions me', default: 'email' },
  helped: { label: 'My reply was marked “this helped me”', default: 'app' },
  followed_activity: { label: 'Activity on a thread I follow', default: 'digest' },
  chat_message: { label: 'A chat message waiting for me', default: 'email' },
  mentorship_requested: { label: 'A mentorship request for me', default: 'email' },
  mentorship_updates: { label: 'Answers to my mentorship requests', default: 'email' },
  question_match: { label: 'A new question that fits my switch', default: 'digest' },
} as const satisfies Record<string, { label: string; default: Channel }>;
export type Category = keyof typeof categories;
export const categoryNames = Object.keys(categories) as Category[];

/** Which preference a notification kind follows. */
export function categoryOf(kind: string): Category | null {
  if (kind in categories) return kind as Category;
  if (kind.startsWith('mentorship_') || kind === 'mentor_paused') return 'mentorship_updates';
  return null;
}

export const digestFrequencies = ['daily', 'weekly', 'never'] as const;

export const settingsInput = z.object({
  channels: z.partialRecord(z.enum(categoryNames as [Category, ...Category[]]), z.enum(channels)),
  digest: z.object({
    frequency: z.enum(digestFrequencies),
    hour: z.number().int().min(0).max(23),
    /** ISO weekday, 1 = Monday … 7 = Sunday (weekly digests). */
    weekday: z.number().int().min(1).max(7),
  }),
  timeZone: z
    .string()
    .max(64)
    .transform((s, ctx) => {
      const tz = normalizeTimeZone(s.trim());
      if (!tz) {
        ctx.addIssue({
          code: 'custom',
          message: 'must be an IANA time zone such as Europe/Berlin',
        });
        return z.NEVER;
      }
      return tz;
    }),
});
export type SettingsInput = z.infer<typeof settingsInput>;

export interface NotificationSettings {
  channels: Record<Category, Channel>;
  digest: { frequency: (typeof digestFrequencies)[number]; hour: number; weekday: number };
  timeZone: string;
  /** Unverified addresses get no email at all; the page says so. */
  emailVerified: boolean;
}

export function withDefaults(stored: Record<string, unknown> | null | undefined) {
  const out = {} as Record<Category, Channel>;
  for (const c of categoryNames) {
    const v = stored?.[c];
    out[c] = (channels as readonly string[]).includes(v as string)
      ? (v as Channel)
      : categories[c].default;
  }
  return out;
}
