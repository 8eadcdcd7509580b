import { hasRole } from '#app/domain/accounts/actor.js';
import type { VacancyPresentation } from '#app/domain/vacancies/presenter.js';
import { isOpenHiring } from '#app/domain/vacancies/rules.js';
import { translateError } from '#app/ui/error-messages.js';
import { useLocale, useT } from '#app/ui/i18n.js';
import { Notice, Paragraph } from '#app/ui/layout.js';
import { usePage } from '#app/ui/page-context.js';
import { Section } from '#app/ui/section.js';
import { Paragraphs } from '../vacatures/parts.js';
import { openHiringText } from './messages.js';

export const candidateListPath = (vacancyId: string) => `/vacatures/${vacancyId}/wachtlijst`;
export const employerListPath = (vacancyId: string) => `/werkgever/vacatures/${vacancyId}/wachtlijst`;
export const myWaitingListsPath = '/kandidaat/wachtlijsten';

/**
 * On the public page of an open-hiring vacancy: the way to its waiting list, for candidates and for
 * visitors (who log in first). The physical requirements themselves are part of the vacancy's details.
 */
export function OpenHiringSection({ vacancy }: { vacancy: Pick<VacancyPresentation, 'id' | 'suitability'> }) {
  const t = useT(openHiringText);
  const { actor } = usePage();
  if (!isOpenHiring(vacancy) || (actor && !hasRole(actor, 'kandidaat'))) return null;
  return (
    <Section id="open-hiring" title={t('sectionTitle')} card>
      <Paragraph>{t('sectionText')}</Paragraph>
      <p className="utrecht-paragraph">
        <a className="utrecht-link" href={candidateListPath(vacancy.id)}>
          {t('sectionLink')}
        </a>
      </p>
    </Section>
  );
}

/** What the work asks of the body, as the employer wrote it. */
export function Requirements({ text, id, title }: { text: string | null; id: string; title: string }) {
  const t = useT(openHiringText);
  return (
    <Section id={id} title={title}>
      {text ? <Paragraphs text={text} /> : <Paragraph>{t('requirementsMissing')}</Paragraph>}
    </Section>
  );
}

/** A command's conflict, in the reader's language where the catalog has it. */
export function ConflictNotice({ detail }: { detail?: string }) {
  const locale = useLocale();
  return detail ? <Notice type="error">{translateError(detail, locale)}</Notice> : null;
}
