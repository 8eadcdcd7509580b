import type { CandidatePresentation } from '#app/domain/candidates/presenter.js';
import type { CandidateRead } from '#app/domain/candidates/queries.js';
import { formatDate } from '#app/ui/dates.js';
import { useLocale, useT, type Catalog } from '#app/ui/i18n.js';
import { DataTable, type Column } from '#app/ui/table.js';
import { consultant } from './messages.js';

export const pageSize = 50;

export const candidatePath = (id: string) => `/consulent/kandidaten/${id}`;

/** Labels of stored codes (`availability_binnenkort`) from a catalog; an unknown code shows as it is. */
export function useCodeLabel<K extends string>(catalog: Catalog<K>): (prefix: string, code: string) => string {
  const t = useT(catalog);
  return (prefix, code) => {
    const key = `${prefix}_${code}`;
    return key in catalog.nl ? t(key as K) : code;
  };
}

export function fullName(view: CandidatePresentation): string {
  return [view.firstName, view.lastName].filter(Boolean).join(' ') || view.pseudonym;
}

/** Status and expiry; an expired availability is said in words and in bold, never by colour alone. */
export function AvailabilityText({ view }: { view: CandidatePresentation }) {
  const t = useT(consultant);
  const label = useCodeLabel(consultant);
  const locale = useLocale();
  if (!view.availability || !view.availabilityExpiresAt) return null;
  const expires = formatDate(view.availabilityExpiresAt, locale);
  return (
    <>
      {label('availability', view.availability)}
      <br />
      {view.availabilityExpired ? (
        <strong>{t('expiredSince', { date: expires })}</strong>
      ) : (
        <span>{t('validUntil', { date: expires })}</span>
      )}
    </>
  );
}

/** A list of candidates: the name (a link to the candidate) and the pseudonym, then the page's own columns. */
export function CandidateTable<R extends { read: CandidateRead }>({
  caption,
  columns,
  rows,
}: {
  caption: string;
  columns: readonly Column<R>[];
  rows: readonly R[];
}) {
  const t = useT(consultant);
  return (
    <DataTable
      caption={caption}
      hiddenCaption
      contained
      rows={rows}
      rowKey={({ read }) => read.view.id}
      columns={[
        {
          header: t('colName'),
          rowHeader: true,
          cell: ({ read: { view } }) => (
            <a className="utrecht-link" href={candidatePath(view.id)}>
              {fullName(view)}
            </a>
          ),
        },
        { header: t('colPseudonym'), cell: ({ read }) => read.view.pseudonym },
        ...columns,
      ]}
    />
  );
}
