import { useLocale, type Locale } from './i18n.js';

/** Dates as people read them here: "31 december 2026", in Dutch time. */
const dateFormats: Record<Locale, Intl.DateTimeFormat> = {
  nl: new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'Europe/Amsterdam' }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'Europe/Amsterdam' }),
};

const dateTimeFormats: Record<Locale, Intl.DateTimeFormat> = {
  nl: new Intl.DateTimeFormat('nl-NL', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }),
};

/**
 * A moment or a calendar date (jjjj-mm-dd, which JavaScript reads as midnight UTC: the same day
 * in Dutch time) as words.
 */
export function formatDate(date: Date | string, locale: Locale): string {
  return dateFormats[locale].format(typeof date === 'string' ? new Date(date) : date);
}

/** `formatDate` in the page's language, for components. */
export function useFormatDate(): (date: Date | string) => string {
  const locale = useLocale();
  return (date) => formatDate(date, locale);
}

/** A date people read, with the machine-readable value beside it. */
export function DateText({ value, withTime }: { value: Date | string; withTime?: boolean }) {
  const locale = useLocale();
  const date = typeof value === 'string' ? new Date(value) : value;
  return <time dateTime={date.toISOString()}>{withTime ? dateTimeFormats[locale].format(date) : formatDate(date, locale)}</time>;
}
