import type { ApplicationRow } from '#app/domain/applications/access.js';
import { DateText } from '#app/ui/dates.js';
import { useT } from '#app/ui/i18n.js';
import { Paragraph } from '#app/ui/layout.js';
import { Section } from '#app/ui/section.js';
import { DataTable } from '#app/ui/table.js';
import { consultantVacanciesPath } from '../matching/paths.js';
import { consultantContactText } from './messages.js';
import { StateText } from './parts.js';
import { contactPath } from './paths.js';

/** How many contacts the consultant's candidate page shows. */
export const candidateContactsLimit = 20;

/** On the consultant's candidate page: the candidate's contacts with employers, and how to propose them. */
export function CandidateContacts({ candidateId, rows }: { candidateId: string; rows: readonly ApplicationRow[] }) {
  const t = useT(consultantContactText);
  return (
    <Section id="kop-contacten" title={t('candidateContactsHeading')}>
      {rows.length === 0 ? (
        <Paragraph>{t('candidateContactsNone')}</Paragraph>
      ) : (
        <DataTable
          caption={t('candidateContactsCaption')}
          hiddenCaption
          contained
          rows={rows}
          rowKey={(row) => row.id}
          columns={[
            {
              header: t('colVacancy'),
              rowHeader: true,
              cell: (row) => (
                <a className="utrecht-link" href={contactPath(row.id)}>
                  {row.vacancy_title}
                </a>
              ),
            },
            { header: t('colEmployer'), cell: (row) => row.employer_name },
            { header: t('colState'), cell: (row) => <StateText application={row} /> },
            { header: t('colSince'), cell: (row) => <DateText value={row.state_changed_at} /> },
          ]}
        />
      )}
      <Paragraph>
        {t('candidateProposeHint')}{' '}
        <a className="utrecht-link" href={consultantVacanciesPath(candidateId)}>
          {t('candidateProposeLink')}
        </a>
      </Paragraph>
    </Section>
  );
}
