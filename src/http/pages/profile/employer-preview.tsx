import type { CandidatePresentation } from '#app/domain/candidates/presenter.js';
import { formatDate } from '#app/ui/dates.js';
import { useLocale, useT, type Locale, type Translate } from '#app/ui/i18n.js';
import { profileText, type ProfileTextKey } from './messages.js';
import { codeLabel, experienceText } from './summary.js';

type T = Translate<ProfileTextKey>;
type Field = Exclude<keyof CandidatePresentation, 'id' | 'instantieId' | 'availabilityExpired'>;
type Format = (view: CandidatePresentation, t: T, locale: Locale) => string | null;

const list = (items: readonly string[] | undefined) => (items && items.length ? items.join(', ') : null);
const codes = (prefix: string, items: readonly string[] | undefined, t: T) => list(items?.map((code) => codeLabel(t, prefix, code)));
const number = (value: number | null | undefined, locale: Locale) =>
  value === null || value === undefined ? null : new Intl.NumberFormat(locale === 'nl' ? 'nl-NL' : 'en-GB').format(value);

/** Every field a presentation can hold, in reading order, with its label and how to say its value. */
const fields: [Field, ProfileTextKey, Format][] = [
  ['pseudonym', 'previewPseudonym', (v) => v.pseudonym],
  ['firstName', 'firstName', (v) => v.firstName ?? null],
  ['lastName', 'lastName', (v) => v.lastName ?? null],
  ['email', 'email', (v) => v.email ?? null],
  ['phone', 'phone', (v) => v.phone ?? null],
  ['wishedOccupations', 'wishedOccupationsShort', (v) => list(v.wishedOccupations?.map((c) => c.label))],
  ['hoursPerWeek', 'hoursPerWeekShort', (v, _t, locale) => number(v.hoursPerWeek, locale)],
  ['days', 'daysShort', (v, t) => codes('day', v.days, t)],
  ['skills', 'skillsShort', (v) => list(v.skills?.map((c) => c.label))],
  ['workExperience', 'workExperience', (v, t) => list(v.workExperience?.map((w) => experienceText(t, w)))],
  ['educationLevel', 'educationLevelShort', (v, t) => (v.educationLevel ? codeLabel(t, 'education', v.educationLevel) : null)],
  ['dutchLevel', 'dutchLevelShort', (v, t) => (v.dutchLevel ? codeLabel(t, 'cefr', v.dutchLevel) : null)],
  ['languages', 'languages', (v, t) => list(v.languages?.map((l) => `${l.language}: ${codeLabel(t, 'cefr', l.level)}`))],
  ['about', 'aboutShort', (v) => v.about ?? null],
  ['availability', 'availabilityShort', (v, t) => (v.availability ? codeLabel(t, 'availabilityStatus', v.availability) : null)],
  [
    'availabilityExpiresAt',
    'availabilityUntil',
    (v, t, locale) =>
      v.availabilityExpiresAt
        ? `${formatDate(v.availabilityExpiresAt, locale)}${v.availabilityExpired ? `. ${t('availabilityExpired')}` : ''}`
        : null,
  ],
  ['postcode', 'postcode', (v) => v.postcode ?? null],
  ['postcodeArea', 'postcodeArea', (v) => v.postcodeArea ?? null],
  [
    'travelRadiusKm',
    'travelRadiusShort',
    (v, t) => (v.travelRadiusKm === null || v.travelRadiusKm === undefined ? null : t('travelRadiusValue', { km: v.travelRadiusKm })),
  ],
  ['travelModes', 'travelModesShort', (v, t) => codes('travel', v.travelModes, t)],
  ['supportNeeds', 'supportNeedsShort', (v, t) => codes('support', v.supportNeeds, t)],
  [
    'participationStep',
    'participationStepShort',
    (v, t) => (v.participationStep ? t('participationStepValue', { step: v.participationStep }) : null),
  ],
  ['regieLevel', 'regieLevelShort', (v, t) => (v.regieLevel ? codeLabel(t, 'regie', v.regieLevel) : null)],
  ['targetGroups', 'targetGroups', (v, t) => codes('target', v.targetGroups, t)],
];

/**
 * A candidate presentation in words: exactly the fields the presenter put in it, nothing more.
 * Used for the candidate's "as an employer sees it" preview.
 */
export function PresentationFields({ view }: { view: CandidatePresentation }) {
  const t = useT(profileText);
  const locale = useLocale();
  const shown = fields.filter(([field]) => field in view);
  return (
    <dl className="werkregie-definitions">
      {shown.map(([field, label, format]) => (
        <div key={field}>
          <dt>{t(label)}</dt>
          <dd>{format(view, t, locale) ?? t('notFilled')}</dd>
        </div>
      ))}
    </dl>
  );
}
