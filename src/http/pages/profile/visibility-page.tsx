import type { Candidate, EmployerCategory } from '#app/db/schema.js';
import {
  fieldGroupNames,
  groupsVisibleToEmployer,
  normaliseVisibility,
  restrictedGroups,
  visibilityLevels,
  type FieldGroup,
  type Visibility,
} from '#app/domain/candidates/rules.js';
import { ChoiceGroup, ErrorSummary, Form, SubmitButton, type FormState } from '#app/ui/form.js';
import { useT } from '#app/ui/i18n.js';
import { Heading, Layout, Notice, Paragraph } from '#app/ui/layout.js';
import { profileText } from './messages.js';
import type { FormValues } from './section-forms.js';
import { codeLabel, SavedNotice, type Editor } from './summary.js';

export const employerCategories: readonly EmployerCategory[] = ['preferred', 'committed', 'business_as_usual'];
const groupField = (group: FieldGroup) => `visibility.${group}`;
const firstText = (value: unknown): string =>
  typeof value === 'string' ? value : Array.isArray(value) && typeof value[0] === 'string' ? value[0] : '';

/** The stored choices as form values: one radio group per field group, and anonymous ja/nee. */
export function visibilityFormValues(candidate: Candidate): FormValues {
  const visibility = normaliseVisibility(candidate.visibility);
  return {
    ...Object.fromEntries(fieldGroupNames.map((group) => [groupField(group), visibility[group]])),
    anonymous: candidate.anonymous ? 'ja' : 'nee',
  };
}

export function visibilityValuesFromBody(body: unknown): FormValues {
  const input = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  return {
    ...Object.fromEntries(fieldGroupNames.map((group) => [groupField(group), firstText(input[groupField(group)])])),
    anonymous: firstText(input.anonymous),
  };
}

/**
 * The posted choices as the input of `visibilitySchema`. A missing anonymous choice stays
 * undefined here (the schema would read it as "not anonymous"); the page asks for it instead.
 */
export function visibilityInputFromBody(body: unknown): {
  visibility: Record<FieldGroup, string | undefined>;
  anonymous: 'ja' | 'nee' | undefined;
} {
  const values = visibilityValuesFromBody(body);
  const anonymous = values.anonymous === 'ja' || values.anonymous === 'nee' ? values.anonymous : undefined;
  const visibility = Object.fromEntries(fieldGroupNames.map((group) => [group, values[groupField(group)] || undefined])) as Record<
    FieldGroup,
    string | undefined
  >;
  return { visibility, anonymous };
}

export const anonymousMissing = 'Kies of je anoniem wilt zijn.';

/** Who sees which group now, from the policy's own rule, per employer category. */
export function visibleGroupsByCategory(stored: {
  visibility: Visibility;
  anonymous: boolean;
  consentGiven: boolean;
}): Record<EmployerCategory, FieldGroup[]> {
  return Object.fromEntries(employerCategories.map((category) => [category, groupsVisibleToEmployer({ category, ...stored })])) as Record<
    EmployerCategory,
    FieldGroup[]
  >;
}

export type VisibilityPageProps = {
  form: FormState;
  action: string;
  consentAction: string;
  backHref: string;
  editor: Editor;
  candidate: Candidate;
  consentGiven: boolean;
  saved?: unknown;
  previewHref?: string;
};

export function VisibilityPage({
  form,
  action,
  consentAction,
  backHref,
  editor,
  candidate,
  consentGiven,
  saved,
  previewHref,
}: VisibilityPageProps) {
  const t = useT(profileText);
  const name = `${candidate.first_name} ${candidate.last_name}`;
  const now = visibleGroupsByCategory({
    visibility: normaliseVisibility(candidate.visibility),
    anonymous: candidate.anonymous,
    consentGiven,
  });
  const levelOptions = visibilityLevels.map((level) => ({ value: level, label: codeLabel(t, 'level', level) }));
  return (
    <Layout title={t('visibilityTitle')} hasErrors={Object.keys(form.errors).length > 0}>
      <ErrorSummary form={form} />
      <SavedNotice value={saved} />
      <Paragraph>
        <a className="utrecht-link" href={backHref}>
          {t('backToProfile')}
        </a>
      </Paragraph>
      <Heading>{t('visibilityTitle')}</Heading>
      {editor === 'consulent' ? <Notice>{t('together', { name })}</Notice> : null}
      <Paragraph lead>{t('visibilityIntro')}</Paragraph>
      {consentGiven ? <Paragraph>{t('consentStatusActive')}</Paragraph> : <Notice type="warning">{t('consentStatusNone')}</Notice>}

      <Heading level={2}>{t('categoriesHeading')}</Heading>
      <ul className="utrecht-unordered-list">
        {employerCategories.map((category) => (
          <li key={category} className="utrecht-unordered-list__item">
            {codeLabel(t, 'categoryExplain', category)}
          </li>
        ))}
      </ul>

      <Heading level={2}>{t('choicesHeading')}</Heading>
      <Form action={action}>
        {fieldGroupNames.map((group) => (
          <ChoiceGroup
            key={group}
            form={form}
            name={groupField(group)}
            label={codeLabel(t, 'group', group)}
            hint={restrictedGroups.includes(group) ? t('restrictedHint') : undefined}
            options={levelOptions}
          />
        ))}
        <ChoiceGroup
          form={form}
          name="anonymous"
          label={t('anonymous')}
          options={[
            { value: 'ja', label: t('anonymous_ja', { pseudonym: candidate.pseudonym }) },
            { value: 'nee', label: t('anonymous_nee') },
          ]}
        />
        <div className="werkregie-actions">
          <SubmitButton>{t('saveChoices')}</SubmitButton>
        </div>
      </Form>

      <Heading level={2}>{t('nowHeading')}</Heading>
      {consentGiven ? null : <Paragraph>{t('noConsentNothing')}</Paragraph>}
      <table className="utrecht-table">
        <caption className="utrecht-table__caption">{t('nowCaption')}</caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th scope="col" className="utrecht-table__header-cell">
              {t('nowGroup')}
            </th>
            {employerCategories.map((category) => (
              <th key={category} scope="col" className="utrecht-table__header-cell">
                {codeLabel(t, 'category', category)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {fieldGroupNames.map((group) => (
            <tr key={group} className="utrecht-table__row">
              <th scope="row" className="utrecht-table__header-cell">
                {codeLabel(t, 'groupShort', group)}
              </th>
              {employerCategories.map((category) => (
                <td key={category} className="utrecht-table__cell">
                  {now[category].includes(group) ? t('sees') : t('seesNot')}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {previewHref ? (
        <Paragraph>
          <a className="utrecht-link" href={previewHref}>
            {t('previewLink')}
          </a>
        </Paragraph>
      ) : null}

      <section id="toestemming" aria-labelledby="toestemming-titel">
        <h2 className="utrecht-heading-2" id="toestemming-titel">
          {t('consentHeading')}
        </h2>
        <Paragraph>{consentGiven ? t('consentActive') : t('consentNone')}</Paragraph>
        {editor === 'consulent' ? <Notice>{t('consentTogether', { name })}</Notice> : null}
        <Paragraph>{consentGiven ? t('consentWithdrawExplain') : t('consentGiveExplain')}</Paragraph>
        <Form action={consentAction}>
          <input type="hidden" name="keuze" value={consentGiven ? 'intrekken' : 'geven'} />
          <SubmitButton secondary={consentGiven}>{consentGiven ? t('consentWithdraw') : t('consentGive')}</SubmitButton>
        </Form>
      </section>
    </Layout>
  );
}
