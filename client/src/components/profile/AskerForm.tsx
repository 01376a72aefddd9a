import { useState, type FormEvent } from 'react';
import {
  askerProfileInput,
  type AskerProfile,
  type AskerProfileInput,
} from '../../../../shared/api/profiles';
import {
  careerPaths,
  companySizes,
  companyTypes,
  mentoringFocus,
  roleFamilies,
} from '../../../../shared/taxonomy';
import { useSaveProfile } from './api';
import { ChoiceGroup, ErrorSummary, splitList, toNumber, useFieldErrors } from './form';
import {
  browserTimeZone,
  LanguagesField,
  NumberField,
  SelectField,
  TextAreaField,
  TextField,
  TimeZoneField,
} from './inputs';

const labels: Record<string, string> = {
  currentRole: 'Current role',
  currentRoleFamily: 'Kind of role',
  yearsOfExperience: 'Years of experience',
  companyType: 'Company type',
  companySize: 'Company size',
  industries: 'Industries',
  pathsWeighed: 'Paths you are weighing',
  constraints: 'Constraints',
  timeZone: 'Time zone',
  languages: 'Languages',
  focus: 'Where you are',
  goals: 'Goals',
};

type State = Record<
  'currentRole' | 'currentRoleFamily' | 'yearsOfExperience' | 'companyType' | 'companySize',
  string
> &
  Record<'industries' | 'constraints' | 'timeZone' | 'languages' | 'goals', string> & {
    pathsWeighed: string[];
    focus: string[];
  };

function initialState(p: AskerProfile | null): State {
  return {
    currentRole: p?.currentRole ?? '',
    currentRoleFamily: p?.currentRoleFamily ?? '',
    yearsOfExperience: p ? String(p.yearsOfExperience) : '',
    companyType: p?.companyType ?? '',
    companySize: p?.companySize ?? '',
    industries: p?.industries.join(', ') ?? '',
    pathsWeighed: p?.pathsWeighed ?? [],
    constraints: p?.constraints ?? '',
    timeZone: p?.timeZone ?? browserTimeZone(),
    languages: p?.languages.join(', ') ?? 'en',
    focus: p?.focus ?? [],
    goals: p?.goals ?? '',
  };
}

function toInput(s: State): Record<keyof AskerProfileInput, unknown> {
  return {
    currentRole: s.currentRole,
    currentRoleFamily: s.currentRoleFamily || undefined,
    yearsOfExperience: toNumber(s.yearsOfExperience),
    companyType: s.companyType,
    companySize: s.companySize || null,
    industries: splitList(s.industries),
    pathsWeighed: s.pathsWeighed,
    constraints: s.constraints,
    timeZone: s.timeZone,
    languages: splitList(s.languages),
    focus: s.focus,
    goals: s.goals,
  };
}

/** "I'm exploring a switch": validated with the API's own schema before it is sent. */
export function AskerForm({ profile, onSaved }: { profile: AskerProfile | null; onSaved(): void }) {
  const [state, setState] = useState(() => initialState(profile));
  const { errors, formError, check, fromServer, clearField, summaryRef } = useFieldErrors();
  const save = useSaveProfile('asker');
  const set =
    <K extends keyof State>(key: K) =>
    (value: State[K]) => {
      setState((s) => ({ ...s, [key]: value }));
      clearField(key);
    };
  const id = (field: string) => `asker-${field}`;

  function submit(e: FormEvent) {
    e.preventDefault();
    const input = toInput(state);
    if (!check(askerProfileInput, input)) return;
    save.mutate(input as AskerProfileInput, { onSuccess: onSaved, onError: fromServer });
  }

  return (
    <form noValidate onSubmit={submit} className="profile-form" aria-labelledby="asker-title">
      <ErrorSummary
        idPrefix="asker"
        labels={labels}
        errors={errors}
        formError={formError}
        summaryRef={summaryRef}
      />
      <div className="field-grid">
        <TextField
          id={id('currentRole')}
          label={labels.currentRole!}
          value={state.currentRole}
          error={errors.currentRole}
          onChange={set('currentRole')}
          hint="For example: Web developer at a small agency"
          maxLength={100}
          autoComplete="organization-title"
        />
        <SelectField
          id={id('currentRoleFamily')}
          label={labels.currentRoleFamily!}
          optional
          value={state.currentRoleFamily}
          error={errors.currentRoleFamily}
          onChange={set('currentRoleFamily')}
          options={roleFamilies}
          empty="Work it out from my role"
        />
        <NumberField
          id={id('yearsOfExperience')}
          label={labels.yearsOfExperience!}
          value={state.yearsOfExperience}
          error={errors.yearsOfExperience}
          onChange={set('yearsOfExperience')}
        />
        <SelectField
          id={id('companyType')}
          label={labels.companyType!}
          value={state.companyType}
          error={errors.companyType}
          onChange={set('companyType')}
          options={companyTypes}
        />
        <SelectField
          id={id('companySize')}
          label={labels.companySize!}
          optional
          value={state.companySize}
          error={errors.companySize}
          onChange={set('companySize')}
          options={companySizes}
          empty="Rather not say"
        />
        <TextField
          id={id('industries')}
          label={labels.industries!}
          optional
          value={state.industries}
          error={errors.industries}
          onChange={set('industries')}
          hint="Separated by commas, such as fintech, e-commerce"
        />
      </div>
      <ChoiceGroup
        id={id('pathsWeighed')}
        legend={labels.pathsWeighed!}
        hint="Pick every path you are considering."
        options={careerPaths}
        value={state.pathsWeighed}
        error={errors.pathsWeighed}
        onChange={set('pathsWeighed')}
      />
      <TextAreaField
        id={id('constraints')}
        label={labels.constraints!}
        optional
        value={state.constraints}
        error={errors.constraints}
        onChange={set('constraints')}
        hint="What limits your options, e.g. “my role offers no PM exposure”. Never shown on your public profile; used to find mentors who faced the same."
      />
      <div className="field-grid">
        <TimeZoneField
          id={id('timeZone')}
          value={state.timeZone}
          error={errors.timeZone}
          onChange={set('timeZone')}
        />
        <LanguagesField
          id={id('languages')}
          value={state.languages}
          error={errors.languages}
          onChange={set('languages')}
        />
      </div>
      <ChoiceGroup
        id={id('focus')}
        legend={labels.focus!}
        hint="What would help most right now?"
        options={mentoringFocus}
        value={state.focus}
        error={errors.focus}
        onChange={set('focus')}
      />
      <TextAreaField
        id={id('goals')}
        label={labels.goals!}
        optional
        value={state.goals}
        error={errors.goals}
        onChange={set('goals')}
        hint="In your own words: what do you want from a mentor?"
      />
      <div className="form-actions">
        <button type="submit" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : profile ? 'Save asker profile' : 'Create asker profile'}
        </button>
      </div>
    </form>
  );
}
