import type { ReactNode } from 'react';
import type { EmployerDetails } from '#app/domain/employers/queries.js';
import type { VacancyPresentation } from '#app/domain/vacancies/presenter.js';
import { contractTypes, suitabilityFlags, supportOfferedOptions } from '#app/domain/vacancies/rules.js';
import { builtinOccupations, builtinSkills, conceptLabel } from '#app/domain/taxonomy/builtin.js';
import type { Vacancy } from '#app/db/schema.js';
import { ChoiceGroup, SelectField, TextArea, TextField, type FormState, type Option } from '#app/ui/form.js';
import { useFormatDate } from '#app/ui/dates.js';
import { useT, type Translate } from '#app/ui/i18n.js';
import { Heading } from '#app/ui/layout.js';
import { vacancyText } from './messages.js';

type T = Translate<keyof (typeof vacancyText)['nl']>;

export const contractLabel = (t: T, type: string) =>
  (contractTypes as readonly string[]).includes(type) ? t(`contract_${type}` as never) : type;
export const supportLabel = (t: T, option: string) =>
  (supportOfferedOptions as readonly string[]).includes(option) ? t(`support_${option}` as never) : option;
export const suitabilityLabel = (t: T, flag: string) =>
  (suitabilityFlags as readonly string[]).includes(flag) ? t(`suitability_${flag}` as never) : flag;
export const statusLabel = (t: T, status: string) => t(`status_${status}` as never);

export const contractOptions = (t: T): Option[] => contractTypes.map((value) => ({ value, label: contractLabel(t, value) }));
export const supportOptions = (t: T): Option[] => supportOfferedOptions.map((value) => ({ value, label: supportLabel(t, value) }));
export const suitabilityOptions = (t: T): Option[] => suitabilityFlags.map((value) => ({ value, label: suitabilityLabel(t, value) }));

const byLabel = (a: Option, b: Option) => a.label.localeCompare(b.label, 'nl');
export const occupationOptions: Option[] = builtinOccupations.map((o) => ({ value: o.uri, label: o.label })).sort(byLabel);
const skillOptions: Option[] = builtinSkills.map((s) => ({ value: s.uri, label: s.label })).sort(byLabel);

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
  'requiredSkills',
  'niceToHaveSkills',
  'supportOffered',
  'suitability',
  'publishedUntil',
];

/**
 * The form as a whole new version of the vacancy: a browser sends nothing for a group of check
 * boxes left empty, which here means "none", not "leave as it was".
 */
export function formInput(body: unknown): Record<string, unknown> {
  return {
    occupationUri: '',
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

/**
 * A long list of check boxes, folded away (a native `<details>`, no script needed); the summary
 * names what is chosen, and the list opens by itself when it holds an error.
 */
function SkillPicker({ form, name, label }: { form: FormState; name: 'requiredSkills' | 'niceToHaveSkills'; label: string }) {
  const t = useT(vacancyText);
  const value = form.values[name];
  const chosen = (Array.isArray(value) ? value : value ? [value] : []).map(conceptLabel);
  return (
    <details className="werkregie-card" open={name in form.errors}>
      <summary>
        {label} {chosen.length ? t('skillsChosen', { list: chosen.join(', ') }) : t('skillsNone')}
      </summary>
      <ChoiceGroup form={form} name={name} label={label} hint={t('skillsHint')} options={skillOptions} multiple optional />
    </details>
  );
}

/** Every field of a vacancy, for the new and the edit page alike. */
export function VacancyFields({ form, employers }: { form: FormState; employers?: readonly Pick<EmployerDetails, 'id' | 'name'>[] }) {
  const t = useT(vacancyText);
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
      <SelectField
        form={form}
        name="occupationUri"
        label={t('fieldOccupation')}
        hint={t('occupationHint')}
        options={occupationOptions}
        emptyLabel={t('noOccupation')}
        optional
      />
      <SkillPicker form={form} name="requiredSkills" label={t('fieldRequiredSkills')} />
      <SkillPicker form={form} name="niceToHaveSkills" label={t('fieldNiceToHaveSkills')} />
      <ChoiceGroup form={form} name="supportOffered" label={t('fieldSupportOffered')} options={supportOptions(t)} multiple optional />
      <ChoiceGroup form={form} name="suitability" label={t('fieldSuitability')} options={suitabilityOptions(t)} multiple optional />
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
      <dl className="werkregie-definitions">
        <Row term={t('requiredSkills')}>
          <ConceptList items={vacancy.requiredSkills} empty={t('noSkills')} />
        </Row>
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
