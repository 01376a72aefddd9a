import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  categories,
  categoryNames,
  type Category,
  type Channel,
  type NotificationSettings,
} from '../../../shared/api/notification-settings';
import { supportedTimeZones } from '../../../shared/api/profiles';
import { apiFetch } from '../lib/api';
import { useSession } from '../lib/session';
import { usePageTitle } from '../lib/title';

const key = ['me', 'notification-settings'];
const channelLabels: Record<Channel, string> = {
  app: 'In the app only',
  email: 'Email right away',
  digest: 'In my digest',
  off: 'Off',
};
const weekdays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const hourLabel = (h: number) => `${String(h).padStart(2, '0')}:00`;

function SettingsForm({ initial }: { initial: NotificationSettings }) {
  const qc = useQueryClient();
  const [s, setS] = useState(initial);
  const save = useMutation({
    mutationFn: (body: NotificationSettings) =>
      apiFetch<NotificationSettings>('/api/me/notification-settings', {
        method: 'PUT',
        body: JSON.stringify({
          channels: body.channels,
          digest: body.digest,
          timeZone: body.timeZone,
        }),
      }),
    onSuccess: (saved) => {
      qc.setQueryData(key, saved);
      setS(saved);
    },
  });
  const setChannel = (c: Category, v: Channel) =>
    setS({ ...s, channels: { ...s.channels, [c]: v } });
  const setDigest = (d: Partial<NotificationSettings['digest']>) =>
    setS({ ...s, digest: { ...s.digest, ...d } });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(s);
      }}
    >
      {!s.emailVerified && (
        <p role="note" className="notice">
          Your email address is not confirmed yet, so we send you no email at all — not even the
          ones chosen below. Confirm it from the link we sent you (or ask for a new one in{' '}
          <Link to="/settings/account">account settings</Link>).
        </p>
      )}
      <fieldset className="settings-section">
        <legend>What reaches you, and how</legend>
        <table>
          <thead>
            <tr>
              <th scope="col">When…</th>
              <th scope="col">Send it</th>
            </tr>
          </thead>
          <tbody>
            {categoryNames.map((c) => (
              <tr key={c}>
                <th scope="row">
                  <label htmlFor={`ch-${c}`}>{categories[c].label}</label>
                </th>
                <td>
                  <select
                    id={`ch-${c}`}
                    name={c}
                    value={s.channels[c]}
                    onChange={(e) => setChannel(c, e.target.value as Channel)}
                  >
                    {(Object.keys(channelLabels) as Channel[]).map((v) => (
                      <option key={v} value={v}>
                        {channelLabels[v]}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </fieldset>
      <fieldset className="settings-section">
        <legend>Digest</legend>
        <label htmlFor="digest-frequency">How often</label>
        <select
          id="digest-frequency"
          value={s.digest.frequency}
          onChange={(e) =>
            setDigest({ frequency: e.target.value as NotificationSettings['digest']['frequency'] })
          }
        >
          <option value="daily">Daily</option>
          <option value="weekly">Weekly</option>
          <option value="never">Never</option>
        </select>
        {s.digest.frequency !== 'never' && (
          <>
            <label htmlFor="digest-hour">At (your local time)</label>
            <select
              id="digest-hour"
              value={s.digest.hour}
              onChange={(e) => setDigest({ hour: Number(e.target.value) })}
            >
              {Array.from({ length: 24 }, (_, h) => (
                <option key={h} value={h}>
                  {hourLabel(h)}
                </option>
              ))}
            </select>
          </>
        )}
        {s.digest.frequency === 'weekly' && (
          <>
            <label htmlFor="digest-weekday">On</label>
            <select
              id="digest-weekday"
              value={s.digest.weekday}
              onChange={(e) => setDigest({ weekday: Number(e.target.value) })}
            >
              {weekdays.map((d, i) => (
                <option key={d} value={i + 1}>
                  {d}
                </option>
              ))}
            </select>
          </>
        )}
        <label htmlFor="time-zone">Time zone</label>
        <select
          id="time-zone"
          value={s.timeZone}
          onChange={(e) => setS({ ...s, timeZone: e.target.value })}
        >
          {/* The saved zone may be spelled as another runtime's list has it (Asia/Kathmandu). */}
          {(supportedTimeZones().includes(s.timeZone)
            ? supportedTimeZones()
            : [s.timeZone, ...supportedTimeZones()]
          ).map((z) => (
            <option key={z} value={z}>
              {z}
            </option>
          ))}
        </select>
        <p className="hint">
          A digest with nothing in it is not sent, nor one while you were just here and have nothing
          unread.
        </p>
      </fieldset>
      {save.isError && <p role="alert">{save.error.message}</p>}
      <button type="submit" disabled={save.isPending}>
        {save.isPending ? 'Saving…' : 'Save settings'}
      </button>
      <p role="status">{save.isSuccess ? 'Saved.' : ''}</p>
    </form>
  );
}

export function NotificationSettingsPage() {
  const { viewer, isPending } = useSession();
  usePageTitle('Notification settings');
  const settings = useQuery({
    queryKey: key,
    queryFn: () => apiFetch<NotificationSettings>('/api/me/notification-settings'),
    enabled: !!viewer,
  });
  if (isPending) return <p role="status">Loading…</p>;
  if (!viewer)
    return (
      <section className="auth-page">
        <h1>Notification settings</h1>
        <p>
          Please <Link to="/sign-in?next=/settings/notifications">sign in</Link> to choose what we
          send you.
        </p>
      </section>
    );
  return (
    <section className="settings-page" aria-labelledby="notif-title">
      <h1 id="notif-title">Notification settings</h1>
      {settings.isError && <p role="alert">{settings.error.message}</p>}
      {settings.data ? <SettingsForm initial={settings.data} /> : <p role="status">Loading…</p>}
    </section>
  );
}
