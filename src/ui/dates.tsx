import { formatDate, type Locale } from '../i18n.js';
import { useLocale } from './i18n.js';

// Dates as words: the pure `formatDate` lives in src/i18n.ts (the domain writes dates into notifications).
export { formatDate };

const dateTimeFormats: Record<Locale, Intl.DateTimeFormat> = {
  nl: new Intl.DateTimeFormat('nl-NL', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }),
};

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
