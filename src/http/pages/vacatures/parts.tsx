import type { ReactNode } from 'react';
import { cefrLevels } from '#app/domain/candidates/rules.js';
import type { EmployerDetails } from '#app/domain/employers/queries.js';
import type { VacancyPresentation } from '#app/domain/vacancies/presenter.js';
import { contractTypes, suitabilityFlags, supportOfferedOptions } from '#app/domain/vacancies/rules.js';
import type { Vacancy } from '#app/db/schema.js';
import { ChoiceGroup, SelectField, TextArea, TextField, type FormState, type Option } from '#app/ui/form.js';
import { useFormatDate } from '#app/ui/dates.js';
import { useT, type Translate } from '#app/ui/i18n.js';
import { Heading } from '#app/ui/layout.js';
import { ConceptPicker, type PickerData, type PickerSpec } from '../concept-picker.js';
import { vacancyText } from './messages.js';

type T = Translate<keyof (typeof vacancyText)['nl']>;

export const contractLabel = (t: T, type: string) =>
  (contractTypes as readonly string[]).includes(type) ? t(`contract_${type}` as never) : type;
export const supportLabel = (t: T, option: string) =>
  (supportOfferedOptions as readonly string[]).includes(option) ? t(`support_${option}` as never) : option;
export const suitabilityLabel = (t: T, flag: string) =>
  (suitabilityFlags as readonly string[]).includes(flag) ? t(`suitability_${flag}` as never) : flag;
export const statusLabel = (t: T, status: string) => t(`status_${status}` as never);
export const dutchLevelLabel = (t: T, level: string) =>
  (cefrLevels as readonly string[]).includes(level) ? t(`dutch_${level}` as never) : level;

export const contractOptions = (t: T): Option[] => contractTypes.map((value) => ({ value, label: contractLabel(t, value) }));
export const supportOptions = (t: T): Option[] => supportOfferedOptions.map((value) => ({ value, label: supportLabel(t, value) }));
export const suitabilityOptions = (t: T): Option[] => suitabilityFlags.map((value) => ({ value, label: suitabilityLabel(t, value) }));
/**
 * A1 to C2; "no Dutch yet" (A0) asks nothing, so the form offers "not needed" instead. A0 only
 * appears when the vacancy already has it (set through the API), so that saving the form keeps it.
 */
export const dutchLevelOptions = (t: T, current?: unknown): Option[] =>
  cefrLevels.filter((level) => level !== 'A0' || current === 'A0').map((value) => ({ value, label: dutchLevelLabel(t, value) }));

/** The occupation and the two skill lists are chosen from the taxonomy by searching, each with its own search field. */
const occupationPicker: PickerSpec = { name: 'occupationUri', kind: 'occupation', searchName: 'zoekBeroep' };
const requiredSkillsPicker: PickerSpec = { name: 'requiredSkills', kind: 'skill', searchName: 'zoekNodig' };
const niceSkillsPicker: PickerSpec = { name: 'niceToHaveSkills', kind: 'skill', searchName: 'zoekMooi' };
export const vacancyPickers: readonly PickerSpec[] = [occupationPicker, requiredSkillsPicker, niceSkillsPicker];

/** The form's values of a stored vacancy. */
export function vacancyFormValues(vacancy: Vacancy): FormState['values'] {
  return {
    employerId: vacancy.employer_id,
    title: vacancy.title,
    description: vacancy.description,
    postcode: vacancy.postcode,
    hoursPerWeek: String(vacancy.hours_per_week),
    contractType: vacancy.contract_type,
    occupationUri: vacancy.occupation_uri ?? '',
    requiredDutchLevel: vacancy.required_dutch_level ?? '',
    physicalRequirements: vacancy.physical_requirements ?? '',
    requiredSkills: vacancy.required_skills,
    niceToHaveSkills: vacancy.nice_skills,
    supportOffered: vacancy.support_offered,
    suitability: vacancy.suitability,
    publishedUntil: vacancy.published_until ?? '',
  };
}

const formFields = [
  'employerId',
  'title',
  'description',
  'postcode',
  'hoursPerWeek',
  'contractType',
  'occupationUri',
  'requiredDutchLevel',
  'requiredSkills',
  'niceToHaveSkills',
  'supportOffered',
  'suitability',
  'physicalRequirements',
  'publishedUntil',
  ...vacancyPickers.map((picker) => picker.searchName),
];

/**
 * The form as a whole new version of the vacancy: a browser sends nothing for a group of check
 * boxes left empty, which here means "none", not "leave as it was".
 */
export function formInput(body: unknown): Record<string, unknown> {
  return {
    occupationUri: '',
    requiredDutchLevel: '',
    requiredSkills: [],
    niceToHaveSkills: [],
    supportOffered: [],
    suitability: [],
    ...((body ?? {}) as Record<string, unknown>),
  };
}

/** The values a person sent, to show them again after an error. */
export function submittedValues(body: unknown): FormState['values'] {
  const fields = (body ?? {}) as Record<string, unknown>;
  const values: FormState['values'] = {};
  for (const name of formFields) {
    const value = fields[name];
    if (typeof value === 'string') values[name] = value;
    else if (Array.isArray(value)) values[name] = value.filter((v): v is string => typeof v === 'string');
  }
  return values;
}

/** An error in one item of a list belongs to the list: the picker shows it and the summary links to it. */
export function vacancyFormErrors(errors: Record<string, string>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, message] of Object.entries(errors)) result[key.replace(/\.\d+$/, '')] ??= message;
  return result;
}

/** Every field of a vacancy, for the new and the edit page alike. */
export function VacancyFields({
  form,
  employers,
  action,
  concepts,
}: {
  form: FormState;
  employers?: readonly Pick<EmployerDetails, 'id' | 'name'>[];
  /** Where the form posts; the search buttons of the pickers post there too. */
  action: string;
  /** Labels of the chosen occupation and skills, and search matches (`loadPickerData` with `vacancyPickers`). */
  concepts: PickerData;
}) {
  const t = useT(vacancyText);
  const picker = { form, action, data: concepts };
  return (
    <>
      {!employers ? null : employers.length > 1 ? (
        <SelectField
          form={form}
          name="employerId"
          label={t('fieldEmployer')}
          options={employers.map((e) => ({ value: e.id, label: e.name }))}
        />
      ) : (
        <input type="hidden" name="employerId" value={employers[0]?.id ?? ''} />
      )}
      <TextField form={form} name="title" label={t('fieldTitle')} hint={t('titleHint')} />
      <TextArea form={form} name="description" label={t('fieldDescription')} hint={t('descriptionHint')} rows={8} />
      <TextField form={form} name="postcode" label={t('fieldPostcode')} hint={t('postcodeHint')} autoComplete="postal-code" width="s" />
      <TextField form={form} name="hoursPerWeek" label={t('fieldHours')} hint={t('hoursHint')} inputMode="numeric" width="xs" />
      <SelectField form={form} name="contractType" label={t('fieldContract')} options={contractOptions(t)} />
      <ConceptPicker
        {...picker}
        spec={occupationPicker}
        legend={t('fieldOccupation')}
        hint={t('occupationHint')}
        searchLabel={t('occupationSearch')}
        searchHint={t('occupationSearchHint')}
        noneLabel={t('noOccupation')}
      />
      <SelectField
        form={form}
        name="requiredDutchLevel"
        label={t('fieldRequiredDutchLevel')}
        hint={t('requiredDutchLevelHint')}
        options={dutchLevelOptions(t, form.values.requiredDutchLevel)}
        emptyLabel={t('noDutchLevel')}
        optional
      />
      <ConceptPicker
        {...picker}
        spec={requiredSkillsPicker}
        legend={t('fieldRequiredSkills')}
        hint={t('skillsHint')}
        searchLabel={t('requiredSkillsSearch')}
        searchHint={t('skillSearchHint')}
      />
      <ConceptPicker
        {...picker}
        spec={niceSkillsPicker}
        legend={t('fieldNiceToHaveSkills')}
        hint={t('skillsHint')}
        searchLabel={t('niceSkillsSearch')}
        searchHint={t('skillSearchHint')}
      />
      <ChoiceGroup form={form} name="supportOffered" label={t('fieldSupportOffered')} options={supportOptions(t)} multiple optional />
      <ChoiceGroup form={form} name="suitability" label={t('fieldSuitability')} options={suitabilityOptions(t)} multiple optional />
      <TextArea
        form={form}
        name="physicalRequirements"
        label={t('fieldPhysicalRequirements')}
        hint={t('physicalRequirementsHint')}
        rows={5}
        optional
      />
      <TextField form={form} name="publishedUntil" type="date" label={t('fieldPublishedUntil')} hint={t('publishedUntilHint')} width="m" />
    </>
  );
}

/** Text with blank lines between paragraphs, as typed; the page's security policy forbids inline styles. */
export function Paragraphs({ text }: { text: string }) {
  const blocks = text.split(/\n\s*\n/).filter((block) => block.trim() !== '');
  return (
    <>
      {blocks.map((block, i) => (
        <p className="utrecht-paragraph" key={i}>
          {block.split('\n').flatMap((line, j) => (j === 0 ? [line] : [<br key={j} />, line]))}
        </p>
      ))}
    </>
  );
}

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function ConceptList({ items, empty }: { items: readonly { uri: string; label: string }[]; empty: string }) {
  if (items.length === 0) return <>{empty}</>;
  return (
    <ul className="utrecht-unordered-list">
      {items.map((item) => (
        <li key={item.uri} className="utrecht-unordered-list__item">
          {item.label}
        </li>
      ))}
    </ul>
  );
}

/** The whole vacancy as a candidate reads it. */
export function VacancyDetails({ vacancy, hideEmployer }: { vacancy: VacancyPresentation; hideEmployer?: boolean }) {
  const t = useT(vacancyText);
  const date = useFormatDate();
  return (
    <>
      <dl className="werkregie-definitions">
        {hideEmployer ? null : <Row term={t('employer')}>{vacancy.employerName}</Row>}
        <Row term={t('place')}>{vacancy.postcode}</Row>
        <Row term={t('hours')}>{t('hoursValue', { hours: vacancy.hoursPerWeek })}</Row>
        <Row term={t('contract')}>{contractLabel(t, vacancy.contractType)}</Row>
        {vacancy.occupation ? <Row term={t('occupation')}>{vacancy.occupation.label}</Row> : null}
        {vacancy.publishedUntil ? <Row term={t('colUntil')}>{date(vacancy.publishedUntil)}</Row> : null}
      </dl>
      <Heading level={2}>{t('aboutJob')}</Heading>
      <Paragraphs text={vacancy.description} />
      {vacancy.physicalRequirements ? (
        <>
          <Heading level={2}>{t('physicalRequirements')}</Heading>
          <Paragraphs text={vacancy.physicalRequirements} />
        </>
      ) : null}
      <dl className="werkregie-definitions">
        <Row term={t('requiredSkills')}>
          <ConceptList items={vacancy.requiredSkills} empty={t('noSkills')} />
        </Row>
        {vacancy.requiredDutchLevel ? <Row term={t('requiredDutchLevel')}>{dutchLevelLabel(t, vacancy.requiredDutchLevel)}</Row> : null}
        {vacancy.niceToHaveSkills.length > 0 ? (
          <Row term={t('niceToHaveSkills')}>
            <ConceptList items={vacancy.niceToHaveSkills} empty="" />
          </Row>
        ) : null}
        {vacancy.supportOffered.length > 0 ? (
          <Row term={t('supportOffered')}>
            <ConceptList items={vacancy.supportOffered.map((s) => ({ uri: s, label: supportLabel(t, s) }))} empty="" />
          </Row>
        ) : null}
        {vacancy.suitability.length > 0 ? (
          <Row term={t('suitability')}>
            <ConceptList items={vacancy.suitability.map((s) => ({ uri: s, label: suitabilityLabel(t, s) }))} empty="" />
          </Row>
        ) : null}
      </dl>
    </>
  );
}
