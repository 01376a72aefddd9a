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
import { ChoiceGroup, splitList, toNumber } from './form';
import {
  browserTimeZone,
  LanguagesField,
  NumberField,
  SelectField,
  TextAreaField,
  TextField,
  TimeZoneField,
} from './inputs';
import { ProfileForm } from './ProfileForm';
import { useProfileForm } from './useProfileForm';

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
  const { field, choices, frame } = useProfileForm({
    kind: 'asker',
    labels,
    initial: () => initialState(profile),
    toInput,
    schema: askerProfileInput,
    onSaved,
  });

  return (
    <ProfileForm frame={frame} exists={!!profile}>
      <div className="field-grid">
        <TextField
          {...field('currentRole')}
          hint="For example: Web developer at a small agency"
          maxLength={100}
          autoComplete="organization-title"
        />
        <SelectField
          {...field('currentRoleFamily')}
          optional
          options={roleFamilies}
          empty="Work it out from my role"
        />
        <NumberField {...field('yearsOfExperience')} />
        <SelectField {...field('companyType')} options={companyTypes} />
        <SelectField
          {...field('companySize')}
          optional
          options={companySizes}
          empty="Rather not say"
        />
        <TextField
          {...field('industries')}
          optional
          hint="Separated by commas, such as fintech, e-commerce"
        />
      </div>
      <ChoiceGroup
        {...choices('pathsWeighed')}
        hint="Pick every path you are considering."
        options={careerPaths}
      />
      <TextAreaField
        {...field('constraints')}
        optional
        hint="What limits your options, e.g. “my role offers no PM exposure”. Never shown on your public profile; used to find mentors who faced the same."
      />
      <div className="field-grid">
        <TimeZoneField {...field('timeZone')} />
        <LanguagesField {...field('languages')} />
      </div>
      <ChoiceGroup
        {...choices('focus')}
        hint="What would help most right now?"
        options={mentoringFocus}
      />
      <TextAreaField
        {...field('goals')}
        optional
        hint="In your own words: what do you want from a mentor?"
      />
    </ProfileForm>
  );
}
