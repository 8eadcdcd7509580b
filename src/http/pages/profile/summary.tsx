import type { Candidate, WorkExperience } from '#app/db/schema.js';
import { profileSectionNames, staffOnlySections, type ProfileSection } from '#app/domain/candidates/profile.js';
import type { ConceptLabels } from '#app/domain/candidates/presenter.js';
import { useLocale, useT, type Locale, type Translate } from '#app/ui/i18n.js';
import { Heading, Notice } from '#app/ui/layout.js';
import { profileText, type ProfileTextKey } from './messages.js';

export type Editor = 'kandidaat' | 'consulent';
type T = Translate<ProfileTextKey>;

/** The label of a stored code (`day_ma`); a code without a label shows as it is. */
export function codeLabel(t: T, prefix: string, code: string): string {
  const key = `${prefix}_${code}`;
  return key in profileText.nl ? t(key as ProfileTextKey) : code;
}

/** Stored postcodes are normalised (3011AB); people read them with a space. */
export function formatPostcode(postcode: string): string {
  return /^\d{4}[A-Z]{2}$/.test(postcode) ? `${postcode.slice(0, 4)} ${postcode.slice(4)}` : postcode;
}

/** One line of work experience: "Schoonmaker bij Schoon BV, 2 jaar"; no employer or no years are left out. */
export function experienceText(t: T, experience: WorkExperience): string {
  const text = experience.employer ? t('experienceAt', { title: experience.title, employer: experience.employer }) : experience.title;
  return experience.years > 0 ? t('experienceWithYears', { text, years: experience.years }) : text;
}

type Entry = [label: string, value: string | null];
const joined = (items: readonly string[]) => (items.length ? items.join(', ') : null);
const numberText = (value: number | null, locale: Locale) =>
  value === null ? null : new Intl.NumberFormat(locale === 'nl' ? 'nl-NL' : 'en-GB').format(value);

function entries(section: ProfileSection, c: Candidate, t: T, locale: Locale, labels: ConceptLabels): Entry[] {
  const conceptLabel = (uri: string) => labels.get(uri) ?? uri;
  switch (section) {
    case 'contact':
      return [
        [t('name'), `${c.first_name} ${c.last_name}`],
        [t('email'), c.email],
        [t('phone'), c.phone],
      ];
    case 'werk':
      return [
        [t('wishedOccupationsShort'), joined(c.wished_occupations.map(conceptLabel))],
        [t('hoursPerWeekShort'), numberText(c.hours_per_week, locale)],
        [t('daysShort'), joined(c.days.map((d) => codeLabel(t, 'day', d)))],
      ];
    case 'ervaring':
      return [
        [t('skillsShort'), joined(c.skills.map(conceptLabel))],
        [t('educationLevelShort'), c.education_level ? codeLabel(t, 'education', c.education_level) : null],
        [t('workExperience'), joined(c.work_experience.map((w) => experienceText(t, w)))],
        [t('aboutShort'), c.about],
      ];
    case 'talen':
      return [
        [t('dutchLevelShort'), c.dutch_level ? codeLabel(t, 'cefr', c.dutch_level) : null],
        [t('languages'), joined(c.languages.map((l) => `${l.language}: ${codeLabel(t, 'cefr', l.level)}`))],
      ];
    case 'reizen':
      return [
        [t('postcode'), c.postcode ? formatPostcode(c.postcode) : null],
        [t('travelRadiusShort'), c.travel_radius_km === null ? null : t('travelRadiusValue', { km: c.travel_radius_km })],
        [t('travelModesShort'), joined(c.travel_modes.map((m) => codeLabel(t, 'travel', m)))],
      ];
    case 'ondersteuning':
      return [
        [t('supportNeedsShort'), joined(c.support_needs.map((s) => codeLabel(t, 'support', s)))],
        [t('participationStepShort'), c.participation_step === null ? null : t('participationStepValue', { step: c.participation_step })],
        [t('regieLevelShort'), codeLabel(t, 'regie', c.regie_level)],
      ];
    case 'beschikbaarheid':
      return [[t('availabilityShort'), codeLabel(t, 'availabilityStatus', c.availability)]];
    case 'doelgroep':
      return [[t('targetGroups'), joined(c.target_groups.map((g) => codeLabel(t, 'target', g)))]];
  }
}

/**
 * What one section of the profile holds, in words; "not filled in yet" for what is empty. `labels` names
 * the occupations and skills (`labelsOf` the candidate's presentation, or `conceptLabels`).
 */
export function SectionSummary({ section, candidate, labels }: { section: ProfileSection; candidate: Candidate; labels: ConceptLabels }) {
  const t = useT(profileText);
  const locale = useLocale();
  return (
    <dl className="werkregie-definitions">
      {entries(section, candidate, t, locale, labels).map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value ?? t('notFilled')}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * The sections that make a profile useful for finding work; support needs and target group are
 * optional (nothing to fill in is a valid answer) and availability always has a value.
 */
const completenessChecks: Partial<Record<ProfileSection, (c: Candidate) => boolean>> = {
  contact: (c) => !!(c.email || c.phone),
  werk: (c) => c.wished_occupations.length > 0 && c.hours_per_week !== null,
  ervaring: (c) => c.education_level !== null,
  talen: (c) => c.dutch_level !== null,
  reizen: (c) => c.postcode !== null && c.travel_radius_km !== null,
};

export function profileCompleteness(candidate: Candidate): { percent: number; missing: ProfileSection[] } {
  const checked = Object.entries(completenessChecks) as [ProfileSection, (c: Candidate) => boolean][];
  const missing = checked.filter(([, filled]) => !filled(candidate)).map(([section]) => section);
  return { percent: Math.round((100 * (checked.length - missing.length)) / checked.length), missing };
}

/**
 * Every section with what it holds and a link to change it. Staff-only sections are shown to
 * the candidate too (it is their data) but with "view" and who fills them in.
 */
export function ProfileSections({
  candidate,
  labels,
  basePath,
  editor,
  headingLevel = 2,
}: {
  candidate: Candidate;
  labels: ConceptLabels;
  basePath: string;
  editor: Editor;
  headingLevel?: 2 | 3;
}) {
  const t = useT(profileText);
  return (
    <>
      {profileSectionNames.map((section) => {
        const readOnly = editor === 'kandidaat' && staffOnlySections.includes(section);
        const title = t(`section_${section}`);
        return (
          <section key={section} className="werkregie-card">
            <Heading level={headingLevel}>{title}</Heading>
            <SectionSummary section={section} candidate={candidate} labels={labels} />
            {readOnly ? <p className="utrecht-paragraph">{t('filledByConsultant')}</p> : null}
            <p className="utrecht-paragraph">
              <a className="utrecht-link" href={`${basePath}/profiel/${section}`}>
                {readOnly ? t('view') : t('change')}
                <span className="werkregie-visually-hidden"> ({title})</span>
              </a>
            </p>
          </section>
        );
      })}
    </>
  );
}

/** What `?opgeslagen=` says after a save (post/redirect/get). */
const savedMessages: Record<string, ProfileTextKey> = {
  ...Object.fromEntries(profileSectionNames.map((section) => [section, 'savedSection'])),
  zichtbaarheid: 'savedVisibility',
  'beschikbaarheid-bevestigd': 'savedConfirmed',
  'toestemming-gegeven': 'savedConsentGiven',
  'toestemming-ingetrokken': 'savedConsentWithdrawn',
};

export function SavedNotice({ value }: { value: unknown }) {
  const t = useT(profileText);
  const key = typeof value === 'string' ? savedMessages[value] : undefined;
  return key ? <Notice type="ok">{t(key)}</Notice> : null;
}
