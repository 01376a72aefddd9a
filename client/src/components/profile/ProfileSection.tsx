import { useState, type ReactNode } from 'react';
import { useRemoveProfile } from './api';

interface Props {
  kind: 'asker' | 'mentor';
  title: string;
  intro: string;
  exists: boolean;
  onChange: (message: string) => void;
  children: ReactNode;
}

const removeText = {
  asker: {
    button: 'Stop exploring (remove asker profile)',
    confirm: 'This removes your asker profile. Mentors will no longer be matched to you.',
    done: 'Asker profile removed.',
  },
  mentor: {
    button: 'Stop being a mentor',
    confirm:
      'This removes your switch story from your public profile, the mentor list and matching.',
    done: 'Mentor profile removed.',
  },
};

/** One profile kind: create it, edit it, or remove it (with a confirmation step). */
export function ProfileSection({ kind, title, intro, exists, onChange, children }: Props) {
  const [open, setOpen] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const remove = useRemoveProfile(kind);
  const text = removeText[kind];

  return (
    <section className="edit-section" aria-labelledby={`${kind}-title`}>
      <h2 id={`${kind}-title`}>{title}</h2>
      <p className="muted">{intro}</p>
      {exists || open ? (
        children
      ) : (
        <button type="button" onClick={() => setOpen(true)}>
          {kind === 'asker' ? 'Create an asker profile' : 'Create a mentor profile'}
        </button>
      )}
      {exists && (
        <div className="danger-zone">
          {confirming ? (
            <div role="group" aria-label="Confirm removal">
              <p>{text.confirm}</p>
              <button
                type="button"
                className="button-danger"
                disabled={remove.isPending}
                onClick={() =>
                  remove.mutate(undefined, {
                    onSuccess: () => {
                      setConfirming(false);
                      setOpen(false);
                      onChange(text.done);
                    },
                    onError: (err) => onChange(err.message),
                  })
                }
              >
                {remove.isPending ? 'Removing…' : 'Yes, remove it'}
              </button>{' '}
              <button
                type="button"
                className="button-secondary"
                onClick={() => setConfirming(false)}
              >
                Cancel
              </button>
            </div>
          ) : (
            <button type="button" className="button-secondary" onClick={() => setConfirming(true)}>
              {text.button}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
