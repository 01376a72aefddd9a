import {
  mentorProfileInput,
  type MentorProfile,
  type MentorProfileInput,
} from '../../../../shared/api/profiles';
import {
  careerPaths,
  companySizes,
  companyTypes,
  mentoringFocus,
  roleFamilies,
} from '../../../../shared/taxonomy';
import { ChoiceGroup, Field, splitList, toNumber } from './form';
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
import { StoryEditor } from './StoryEditor';
import { useProfileForm } from './useProfileForm';

const labels: Record<string, string> = {
  headline: 'Headline',
  roleBefore: 'Role before',
  roleBeforeFamily: 'Kind of role before',
  roleNow: 'Role now',
  pathTaken: 'Path you took',
  switchYear: 'Year of the switch',
  monthsToSwitch: 'Months it took',
  yearsBeforeSwitch: 'Years in engineering before',
  companyTypeBefore: 'Company type before',
  companySizeBefore: 'Company size before',
  companyTypeAfter: 'Company type after',
  companySizeAfter: 'Company size after',
  industries: 'Industries',
  skills: 'Skills',
  timeZone: 'Time zone',
  languages: 'Languages',
  story: 'Your switch story',
  whatHelped: 'What helped',
  focus: 'Who you most want to help',
  capacity: 'Mentees at a time',
  notifyMatchingQuestions: 'Matching questions',
  maxQuestionNotificationsPerDay: 'At most this many a day',
};

const textKeys = [
  'headline',
  'roleBefore',
  'roleBeforeFamily',
  'roleNow',
  'pathTaken',
  'switchYear',
  'monthsToSwitch',
  'yearsBeforeSwitch',
  'companyTypeBefore',
  'companySizeBefore',
  'companyTypeAfter',
  'companySizeAfter',
  'industries',
  'skills',
  'timeZone',
  'languages',
  'story',
  'whatHelped',
  'capacity',
  'maxQuestionNotificationsPerDay',
] as const;
type State = Record<(typeof textKeys)[number], string> & {
  focus: string[];
  notifyMatchingQuestions: boolean;
};

function initialState(p: MentorProfile | null): State {
  const s = Object.fromEntries(textKeys.map((k) => [k, ''])) as unknown as State;
  if (!p) {
    return {
      ...s,
      timeZone: browserTimeZone(),
      languages: 'en',
      capacity: '2',
      maxQuestionNotificationsPerDay: '3',
      focus: [],
      notifyMatchingQuestions: true,
    };
  }
  for (const k of textKeys) {
    const v = p[k];
    s[k] = Array.isArray(v) ? v.join(', ') : v === null || v === undefined ? '' : String(v);
  }
  return { ...s, focus: p.focus, notifyMatchingQuestions: p.notifyMatchingQuestions };
}

function toInput(s: State): Record<keyof MentorProfileInput, unknown> {
  const perDay = toNumber(s.maxQuestionNotificationsPerDay);
  // While notifications are off the field is hidden: keep a valid number, drop a broken one.
  const hiddenPerDay =
    Number.isInteger(perDay) && perDay! >= 1 && perDay! <= 20 ? perDay : undefined;
  return {
    headline: s.headline,
    roleBefore: s.roleBefore,
    roleBeforeFamily: s.roleBeforeFamily || undefined,
    roleNow: s.roleNow,
    pathTaken: s.pathTaken,
    switchYear: toNumber(s.switchYear),
    monthsToSwitch: toNumber(s.monthsToSwitch),
    yearsBeforeSwitch: toNumber(s.yearsBeforeSwitch) ?? null,
    companyTypeBefore: s.companyTypeBefore,
    companySizeBefore: s.companySizeBefore,
    companyTypeAfter: s.companyTypeAfter,
    companySizeAfter: s.companySizeAfter,
    industries: splitList(s.industries),
    skills: splitList(s.skills),
    timeZone: s.timeZone,
    languages: splitList(s.languages),
    story: s.story,
    whatHelped: s.whatHelped,
    focus: s.focus,
    capacity: toNumber(s.capacity),
    notifyMatchingQuestions: s.notifyMatchingQuestions,
    maxQuestionNotificationsPerDay: s.notifyMatchingQuestions ? perDay : hiddenPerDay,
  };
}

/** "I made the switch": the switch story and mentoring preferences. */
export function MentorForm({
  profile,
  onSaved,
}: {
  profile: MentorProfile | null;
  onSaved(): void;
}) {
  const { state, set, field, choices, errors, frame } = useProfileForm({
    kind: 'mentor',
    labels,
    initial: () => initialState(profile),
    toInput,
    schema: mentorProfileInput,
    onSaved,
  });

  return (
    <ProfileForm frame={frame} exists={!!profile}>
      <TextField
        {...field('headline')}
        optional
        maxLength={140}
        hint="One line for mentor lists, e.g. “Agency developer → startup lead → PM”."
      />
      <div className="field-grid">
        <TextField {...field('roleBefore')} maxLength={100} hint="e.g. Frontend developer" />
        <SelectField
          {...field('roleBeforeFamily')}
          optional
          options={roleFamilies}
          empty="Work it out from the role"
        />
        <TextField {...field('roleNow')} maxLength={100} hint="e.g. Senior product manager" />
        <SelectField {...field('pathTaken')} options={careerPaths} />
        <NumberField {...field('switchYear')} hint="e.g. 2021" />
        <NumberField {...field('monthsToSwitch')} hint="From deciding to the new title" />
        <NumberField {...field('yearsBeforeSwitch')} optional />
      </div>
      <fieldset className="field-pair">
        <legend>Company before the switch</legend>
        <div className="field-grid">
          <SelectField {...field('companyTypeBefore')} label="Type" options={companyTypes} />
          <SelectField {...field('companySizeBefore')} label="Size" options={companySizes} />
        </div>
      </fieldset>
      <fieldset className="field-pair">
        <legend>Company after the switch</legend>
        <div className="field-grid">
          <SelectField {...field('companyTypeAfter')} label="Type" options={companyTypes} />
          <SelectField {...field('companySizeAfter')} label="Size" options={companySizes} />
        </div>
      </fieldset>
      <div className="field-grid">
        <TextField
          {...field('industries')}
          optional
          hint="Separated by commas, such as health tech, fintech"
        />
        <TextField
          {...field('skills')}
          optional
          hint="Separated by commas, such as discovery, pricing"
        />
        <TimeZoneField {...field('timeZone')} />
        <LanguagesField {...field('languages')} />
      </div>
      <StoryEditor {...field('story')} />
      <TextAreaField
        {...field('whatHelped')}
        optional
        hint="The one or two things that made the difference."
      />
      <ChoiceGroup
        {...choices('focus')}
        hint="Pick the stages where you can help most."
        options={mentoringFocus}
      />
      <fieldset className="field-pair">
        <legend>Mentoring</legend>
        <NumberField
          {...field('capacity')}
          hint="Most people you will mentor at once; 0 pauses new requests."
        />
        <Field
          id="mentor-notifyMatchingQuestions"
          label="Tell me about new questions that match my story"
          error={errors.notifyMatchingQuestions}
          className="field-check"
        >
          {(aria) => (
            <input
              {...aria}
              type="checkbox"
              checked={state.notifyMatchingQuestions}
              onChange={(e) => set('notifyMatchingQuestions')(e.target.checked)}
            />
          )}
        </Field>
        {state.notifyMatchingQuestions && (
          <NumberField {...field('maxQuestionNotificationsPerDay')} hint="1 to 20" />
        )}
      </fieldset>
    </ProfileForm>
  );
}
