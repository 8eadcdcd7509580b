import type { ReactNode } from 'react';
import type { Candidate } from '#app/db/schema.js';
import type { ProfileSection } from '#app/domain/candidates/profile.js';
import {
  availabilityStatuses,
  cefrLevels,
  dayOptions,
  educationLevels,
  regieLevels,
  supportNeedOptions,
  targetGroupOptions,
  travelModeOptions,
} from '#app/domain/candidates/rules.js';
import {
  ChoiceGroup,
  ErrorSummary,
  Form,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
  type FormState,
  type Option,
} from '#app/ui/form.js';
import { useT, type Translate } from '#app/ui/i18n.js';
import { Heading, Layout, Notice, Paragraph } from '#app/ui/layout.js';
import { asList } from '../../validation.js';
import { ConceptPicker, isPickerSearch, type PickerData, type PickerSpec } from '../concept-picker.js';
import { profileText, type ProfileTextKey } from './messages.js';
import { codeLabel, formatPostcode, SectionSummary, type Editor } from './summary.js';

export type FormValues = FormState['values'];
type T = Translate<ProfileTextKey>;

/** The search field of the occupation and skill pickers. */
const searchField = 'zoekterm';
/** The radio button for "I do not know" on the participation ladder: stored as no step. */
const unknownStep = 'onbekend';

/** The sections that choose ESCO concepts, and their picker. */
export const sectionPickers: Record<ProfileSection, readonly PickerSpec[]> = {
  contact: [],
  werk: [{ name: 'wishedOccupations', kind: 'occupation', searchName: searchField }],
  ervaring: [{ name: 'skills', kind: 'skill', searchName: searchField }],
  talen: [],
  reizen: [],
  ondersteuning: [],
  beschikbaarheid: [],
  doelgroep: [],
};

type RowSpec = { name: 'workExperience' | 'languages'; fields: readonly string[]; max: number };
type SectionFields = { text?: readonly string[]; lists?: readonly string[]; rows?: RowSpec };

/** The form fields of each section, as posted. Rows repeat as `name.<index>.<field>`. */
const sectionFields: Record<ProfileSection, SectionFields> = {
  contact: { text: ['firstName', 'lastName', 'email', 'phone'] },
  werk: { text: ['hoursPerWeek', searchField], lists: ['wishedOccupations', 'days'] },
  ervaring: {
    text: ['educationLevel', 'about', searchField],
    lists: ['skills'],
    rows: { name: 'workExperience', fields: ['title', 'employer', 'years'], max: 20 },
  },
  talen: { text: ['dutchLevel'], rows: { name: 'languages', fields: ['language', 'level'], max: 10 } },
  reizen: { text: ['postcode', 'travelRadiusKm'], lists: ['travelModes'] },
  ondersteuning: { text: ['participationStep', 'regieLevel'], lists: ['supportNeeds'] },
  beschikbaarheid: { text: ['availability'] },
  doelgroep: { lists: ['targetGroups'] },
};

const firstText = (value: unknown): string =>
  typeof value === 'string' ? value : Array.isArray(value) && typeof value[0] === 'string' ? value[0] : '';
const rowKey = (name: string, index: number, field: string) => `${name}.${index}.${field}`;

/** The rows of a repeated group, in order, without the ones left completely empty. */
function readRows(values: Record<string, unknown>, spec: RowSpec): Record<string, string>[] {
  const pattern = new RegExp(`^${spec.name}\\.(\\d{1,2})\\.(\\w+)$`);
  const byIndex = new Map<number, Record<string, string>>();
  for (const [key, value] of Object.entries(values)) {
    const match = pattern.exec(key);
    if (!match || !spec.fields.includes(match[2]!)) continue;
    const index = Number(match[1]);
    byIndex.set(index, { ...byIndex.get(index), [match[2]!]: firstText(value) });
  }
  return [...byIndex.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, row]) => row)
    .filter((row) => spec.fields.some((field) => (row[field] ?? '').trim() !== ''))
    .slice(0, spec.max);
}

/**
 * The posted form of one section as form values: only this section's fields, lists as arrays,
 * and rows renumbered without the empty ones, so error paths from the schema match what is shown.
 */
export function sectionValuesFromBody(section: ProfileSection, body: unknown): FormValues {
  const input = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const spec = sectionFields[section];
  const values: FormValues = {};
  for (const name of spec.text ?? []) values[name] = firstText(input[name]);
  for (const name of spec.lists ?? []) values[name] = [...new Set(asList(input[name]))];
  if (spec.rows) {
    readRows(input, spec.rows).forEach((row, index) => {
      for (const field of spec.rows!.fields) values[rowKey(spec.rows!.name, index, field)] = row[field] ?? '';
    });
  }
  return values;
}

const blankToUndefined = (value: string | undefined) => (value === undefined || value.trim() === '' ? undefined : value);

/** The posted form of one section as the input its zod schema (`profileSections[section]`) expects. */
export function sectionInputFromBody(section: ProfileSection, body: unknown): Record<string, unknown> {
  const values = sectionValuesFromBody(section, body);
  const spec = sectionFields[section];
  const input: Record<string, unknown> = {};
  for (const name of spec.text ?? []) if (name !== searchField) input[name] = values[name];
  for (const name of spec.lists ?? []) input[name] = values[name];
  if (spec.rows) {
    const rows = readRows(values, spec.rows).map((row) =>
      Object.fromEntries(
        spec.rows!.fields.map((field) => {
          const value = blankToUndefined(row[field]);
          // People write "1,5 jaar" with a decimal comma.
          return [field, field === 'years' && value ? value.trim().replace(',', '.') : value];
        }),
      ),
    );
    input[spec.rows.name] = rows;
  }
  if (input.participationStep === unknownStep) input.participationStep = '';
  // A choice left open is "not chosen", so the schema gives its own message instead of "invalid option".
  for (const name of ['educationLevel', 'dutchLevel', 'regieLevel', 'availability']) {
    if (name in input) input[name] = blankToUndefined(input[name] as string);
  }
  return input;
}

/**
 * True when the form was posted to search for an occupation or skill, not to save. A search for
 * nothing is a save: pressing Enter in any field uses the first button, which is "search".
 */
export function isSearchRequest(body: unknown): boolean {
  return isPickerSearch(body, sectionPickers.werk);
}

/** A stored candidate as the form values of one section. */
export function sectionFormValues(section: ProfileSection, c: Candidate): FormValues {
  const text = (value: string | number | null) => (value === null ? '' : String(value));
  switch (section) {
    case 'contact':
      return { firstName: c.first_name, lastName: c.last_name, email: text(c.email), phone: text(c.phone) };
    case 'werk':
      return { wishedOccupations: c.wished_occupations, hoursPerWeek: text(c.hours_per_week), days: c.days };
    case 'ervaring':
      return {
        skills: c.skills,
        educationLevel: text(c.education_level),
        about: text(c.about),
        ...Object.fromEntries(
          c.work_experience.flatMap((w, i) => [
            [rowKey('workExperience', i, 'title'), w.title],
            [rowKey('workExperience', i, 'employer'), w.employer],
            [rowKey('workExperience', i, 'years'), String(w.years)],
          ]),
        ),
      };
    case 'talen':
      return {
        dutchLevel: text(c.dutch_level),
        ...Object.fromEntries(
          c.languages.flatMap((l, i) => [
            [rowKey('languages', i, 'language'), l.language],
            [rowKey('languages', i, 'level'), l.level],
          ]),
        ),
      };
    case 'reizen':
      return {
        postcode: c.postcode ? formatPostcode(c.postcode) : '',
        travelRadiusKm: text(c.travel_radius_km),
        travelModes: c.travel_modes,
      };
    case 'ondersteuning':
      return {
        supportNeeds: c.support_needs,
        participationStep: c.participation_step === null ? unknownStep : String(c.participation_step),
        regieLevel: c.regie_level,
      };
    case 'beschikbaarheid':
      return { availability: c.availability };
    case 'doelgroep':
      return { targetGroups: c.target_groups };
  }
}

/** Messages for row fields whose schema rule has no Dutch sentence of its own. */
/**
 * Schema errors as the form shows them: an error in one item of a list belongs to the list's field.
 */
export function sectionErrors(errors: Record<string, string>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, message] of Object.entries(errors)) {
    const listItem = /^(\w+)\.\d+$/.exec(key);
    if (listItem) result[listItem[1]!] ??= message;
    else result[key] ??= message;
  }
  return result;
}

const options = (t: T, prefix: string, codes: readonly (string | number)[]): Option[] =>
  codes.map((code) => ({ value: String(code), label: codeLabel(t, prefix, String(code)) }));

export type FieldsProps = { form: FormState; action: string; concepts: PickerData };

/** The occupation or skill picker of a section, in the words of the profile. */
function ProfilePicker({ form, action, concepts, name }: FieldsProps & { name: 'wishedOccupations' | 'skills' }) {
  const t = useT(profileText);
  const occupation = name === 'wishedOccupations';
  const spec = (occupation ? sectionPickers.werk : sectionPickers.ervaring)[0]!;
  return (
    <ConceptPicker
      form={form}
      action={action}
      spec={spec}
      data={concepts}
      legend={t(name)}
      hint={t(`${name}Hint`)}
      searchLabel={occupation ? t('occupationSearch') : t('skillSearch')}
      searchHint={occupation ? t('occupationSearchHint') : t('skillSearchHint')}
    />
  );
}

/** A few repeated rows (work experience, languages): the filled ones and two empty ones to add. */
function Rows({
  form,
  spec,
  legend,
  hint,
  rowLegend,
  render,
}: {
  form: FormState;
  spec: RowSpec;
  legend: string;
  hint: string;
  rowLegend: (n: number) => string;
  render: (index: number, filled: boolean) => ReactNode;
}) {
  const filled = readRows(form.values, spec).length;
  const count = Math.min(spec.max, filled + 2);
  return (
    <fieldset className="utrecht-form-fieldset" aria-describedby={`hint-${spec.name}`}>
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{legend}</legend>
      <div className="utrecht-form-field-description" id={`hint-${spec.name}`}>
        {hint}
      </div>
      {Array.from({ length: count }, (_, index) => (
        <fieldset key={index} className="utrecht-form-fieldset werkregie-card">
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{rowLegend(index + 1)}</legend>
          {render(index, index < filled)}
        </fieldset>
      ))}
    </fieldset>
  );
}

export function ContactSection({ form }: FieldsProps) {
  const t = useT(profileText);
  return (
    <>
      <TextField form={form} name="firstName" label={t('firstName')} autoComplete="given-name" />
      <TextField form={form} name="lastName" label={t('lastName')} autoComplete="family-name" />
      <TextField form={form} name="email" type="email" label={t('email')} autoComplete="email" optional />
      <TextField form={form} name="phone" type="tel" label={t('phone')} hint={t('phoneHint')} autoComplete="tel" optional />
    </>
  );
}

export function WerkSection({ form, action, concepts }: FieldsProps) {
  const t = useT(profileText);
  return (
    <>
      <ProfilePicker form={form} action={action} concepts={concepts} name="wishedOccupations" />
      <TextField form={form} name="hoursPerWeek" label={t('hoursPerWeek')} hint={t('hoursPerWeekHint')} inputMode="numeric" width="xs" />
      <ChoiceGroup
        form={form}
        name="days"
        label={t('days')}
        hint={t('daysHint')}
        options={options(t, 'day', dayOptions)}
        multiple
        optional
      />
    </>
  );
}

export function ErvaringSection({ form, action, concepts }: FieldsProps) {
  const t = useT(profileText);
  const spec = sectionFields.ervaring.rows!;
  return (
    <>
      <ProfilePicker form={form} action={action} concepts={concepts} name="skills" />
      <SelectField
        form={form}
        name="educationLevel"
        label={t('educationLevel')}
        hint={t('educationLevelHint')}
        options={options(t, 'education', educationLevels)}
        emptyLabel={t('chooseOne')}
      />
      <Rows
        form={form}
        spec={spec}
        legend={t('workExperience')}
        hint={t('workExperienceHint')}
        rowLegend={(n) => t('workExperienceRow', { n })}
        render={(i, filled) => (
          <>
            <TextField form={form} name={rowKey(spec.name, i, 'title')} label={t('experienceTitle')} optional={!filled} />
            <TextField form={form} name={rowKey(spec.name, i, 'employer')} label={t('experienceEmployer')} optional />
            <TextField form={form} name={rowKey(spec.name, i, 'years')} label={t('experienceYears')} width="xs" optional />
          </>
        )}
      />
      <TextArea form={form} name="about" label={t('about')} hint={t('aboutHint')} optional />
    </>
  );
}

export function TalenSection({ form }: FieldsProps) {
  const t = useT(profileText);
  const spec = sectionFields.talen.rows!;
  const levels = options(t, 'cefr', cefrLevels);
  return (
    <>
      <ChoiceGroup form={form} name="dutchLevel" label={t('dutchLevel')} options={levels} />
      <Rows
        form={form}
        spec={spec}
        legend={t('languages')}
        hint={t('languagesHint')}
        rowLegend={(n) => t('languageRow', { n })}
        render={(i, filled) => (
          <>
            <TextField form={form} name={rowKey(spec.name, i, 'language')} label={t('language')} width="m" optional={!filled} />
            <SelectField
              form={form}
              name={rowKey(spec.name, i, 'level')}
              label={t('languageLevel')}
              options={levels}
              emptyLabel={t('chooseOne')}
              optional={!filled}
            />
          </>
        )}
      />
    </>
  );
}

export function ReizenSection({ form }: FieldsProps) {
  const t = useT(profileText);
  return (
    <>
      <TextField form={form} name="postcode" label={t('postcode')} hint={t('postcodeHint')} autoComplete="postal-code" width="s" />
      <TextField
        form={form}
        name="travelRadiusKm"
        label={t('travelRadiusKm')}
        hint={t('travelRadiusKmHint')}
        inputMode="numeric"
        width="xs"
      />
      <ChoiceGroup
        form={form}
        name="travelModes"
        label={t('travelModes')}
        hint={t('travelModesHint')}
        options={options(t, 'travel', travelModeOptions)}
        multiple
        optional
      />
    </>
  );
}

export function OndersteuningSection({ form }: FieldsProps) {
  const t = useT(profileText);
  return (
    <>
      <ChoiceGroup
        form={form}
        name="supportNeeds"
        label={t('supportNeeds')}
        hint={t('supportNeedsHint')}
        options={options(t, 'support', supportNeedOptions)}
        multiple
        optional
      />
      <ChoiceGroup
        form={form}
        name="participationStep"
        label={t('participationStep')}
        hint={t('participationStepHint')}
        options={[...options(t, 'step', [1, 2, 3, 4, 5, 6]), { value: unknownStep, label: t('participationUnknown') }]}
        optional
      />
      <ChoiceGroup form={form} name="regieLevel" label={t('regieLevel')} options={options(t, 'regie', regieLevels)} />
    </>
  );
}

export function BeschikbaarheidSection({ form }: FieldsProps) {
  const t = useT(profileText);
  return (
    <ChoiceGroup form={form} name="availability" label={t('availability')} options={options(t, 'availability', availabilityStatuses)} />
  );
}

export function DoelgroepSection({ form }: FieldsProps) {
  const t = useT(profileText);
  return (
    <ChoiceGroup
      form={form}
      name="targetGroups"
      label={t('targetGroups')}
      hint={t('targetGroupsHint')}
      options={options(t, 'target', targetGroupOptions)}
      multiple
      optional
    />
  );
}

export const sectionComponents: Record<ProfileSection, (props: FieldsProps) => ReactNode> = {
  contact: ContactSection,
  werk: WerkSection,
  ervaring: ErvaringSection,
  talen: TalenSection,
  reizen: ReizenSection,
  ondersteuning: OndersteuningSection,
  beschikbaarheid: BeschikbaarheidSection,
  doelgroep: DoelgroepSection,
};

export type ProfileSectionPageProps = {
  section: ProfileSection;
  form: FormState;
  /** Where the form posts: the page's own address. */
  action: string;
  backHref: string;
  editor: Editor;
  candidateName: string;
  /** Set for a section the editor may see but not change (the candidate and a staff-only section). */
  readOnlyCandidate?: Candidate;
  /** Labels of the chosen occupations or skills and the matches of a search (`loadPickerData`). */
  concepts: PickerData;
};

/** One question per page: the question, why we ask it, the fields, and one button. */
export function ProfileSectionPage({
  section,
  form,
  action,
  backHref,
  editor,
  candidateName,
  readOnlyCandidate,
  concepts,
}: ProfileSectionPageProps) {
  const t = useT(profileText);
  const Fields = sectionComponents[section];
  const question = t(`question_${section}`);
  return (
    <Layout title={question} hasErrors={Object.keys(form.errors).length > 0}>
      <ErrorSummary form={form} />
      <Paragraph>
        <a className="utrecht-link" href={backHref}>
          {t('backToProfile')}
        </a>
      </Paragraph>
      <Heading>{question}</Heading>
      {editor === 'consulent' ? <Notice>{t('together', { name: candidateName })}</Notice> : null}
      <Paragraph>
        <strong>{t('whyWeAsk')}</strong> {t(`why_${section}`)}
      </Paragraph>
      {readOnlyCandidate ? (
        <>
          <SectionSummary section={section} candidate={readOnlyCandidate} labels={concepts.labels} />
          <Paragraph>{t('filledByConsultant')}</Paragraph>
        </>
      ) : (
        <Form action={action}>
          <Fields form={form} action={action} concepts={concepts} />
          <div className="werkregie-actions">
            <SubmitButton>{t('save')}</SubmitButton>
          </div>
        </Form>
      )}
    </Layout>
  );
}
