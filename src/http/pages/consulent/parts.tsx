import { z } from 'zod';
import type { CandidatePresentation } from '#app/domain/candidates/presenter.js';
import { useLocale, useT, type Catalog, type Locale } from '#app/ui/i18n.js';
import { formatDate } from '../profile/summary.js';
import { consultant } from './messages.js';

export const pageSize = 50;

/** `?pagina=` as a page number; anything odd means the first page. */
export function pageParam(value: unknown): number {
  return z.coerce
    .number()
    .int()
    .min(1)
    .max(100_000)
    .catch(1)
    .parse(value ?? 1);
}

export function searchParam(value: unknown): string {
  return typeof value === 'string' ? value.trim().slice(0, 100) : '';
}

export const candidatePath = (id: string) => `/consulent/kandidaten/${id}`;

const dateTimeFormats: Record<Locale, Intl.DateTimeFormat> = {
  nl: new Intl.DateTimeFormat('nl-NL', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }),
};

/** A date people read, with the machine-readable value beside it. */
export function DateText({ value, withTime }: { value: Date | string; withTime?: boolean }) {
  const locale = useLocale();
  const date = typeof value === 'string' ? new Date(value) : value;
  return <time dateTime={date.toISOString()}>{withTime ? dateTimeFormats[locale].format(date) : formatDate(date, locale)}</time>;
}

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
