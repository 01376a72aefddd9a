import { useState, type FormEvent } from 'react';
import { profileBasicsInput, type MyProfile } from '../../../../shared/api/profiles';
import { useSaveProfile } from './api';
import { ErrorSummary, useFieldErrors } from './form';
import { TextAreaField, TextField } from './inputs';

const labels = { displayName: 'Display name', bio: 'Short bio' };

/** Display name and bio: what everyone sees at the top of your profile. */
export function BasicsForm({ user, onSaved }: { user: MyProfile['user']; onSaved(): void }) {
  const [displayName, setDisplayName] = useState(user.displayName);
  const [bio, setBio] = useState(user.bio);
  const { errors, formError, check, fromServer, summaryRef } = useFieldErrors();
  const save = useSaveProfile('basics');

  function submit(e: FormEvent) {
    e.preventDefault();
    const input = { displayName, bio };
    if (!check(profileBasicsInput, input)) return;
    save.mutate(input, { onSuccess: onSaved, onError: fromServer });
  }

  return (
    <form noValidate onSubmit={submit} className="profile-form">
      <ErrorSummary
        idPrefix="basics"
        labels={labels}
        errors={errors}
        formError={formError}
        summaryRef={summaryRef}
      />
      <TextField
        id="basics-displayName"
        label={labels.displayName}
        value={displayName}
        error={errors.displayName}
        onChange={setDisplayName}
        maxLength={60}
        autoComplete="name"
      />
      <TextAreaField
        id="basics-bio"
        label={labels.bio}
        optional
        value={bio}
        error={errors.bio}
        onChange={setBio}
        hint="Up to 500 characters, shown at the top of your profile."
      />
      <div className="form-actions">
        <button type="submit" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save'}
        </button>
      </div>
    </form>
  );
}
