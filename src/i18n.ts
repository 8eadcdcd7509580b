// Texts and dates in the reader's language: pure functions, for pages (src/ui) and for the domain
// alike, which writes the texts of notifications and e-mails itself.

export const locales = ['nl', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'nl';

/** Messages of one area of the site, Dutch first; the English text has exactly the same keys. */
export type Catalog<K extends string> = { nl: Record<K, string>; en: Record<K, string> };
export const defineMessages = <K extends string>(catalog: Catalog<K>): Catalog<K> => catalog;

export type Params = Record<string, string | number>;
export type Translate<K extends string> = (key: K, params?: Params) => string;

const numberFormat = { nl: new Intl.NumberFormat('nl-NL'), en: new Intl.NumberFormat('en-GB') };

function interpolate(text: string, locale: Locale, params?: Params): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? numberFormat[locale].format(value) : value;
  });
}

export function translator<K extends string>(catalog: Catalog<K>, locale: Locale): Translate<K> {
  return (key, params) => interpolate(catalog[locale][key], locale, params);
}

/** "1 kandidaat" or "3 kandidaten": the `one` text for exactly one, else the `other` text with {count}. */
export function countText<K extends string>(t: Translate<K>, count: number, one: K, other: K): string {
  return t(count === 1 ? one : other, { count });
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** Dates as people read them here: "31 december 2026", in Dutch time. */
const dateFormats: Record<Locale, Intl.DateTimeFormat> = {
  nl: new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'Europe/Amsterdam' }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'Europe/Amsterdam' }),
};

/**
 * A moment or a calendar date (jjjj-mm-dd, which JavaScript reads as midnight UTC: the same day
 * in Dutch time) as words.
 */
export function formatDate(date: Date | string, locale: Locale): string {
  return dateFormats[locale].format(typeof date === 'string' ? new Date(date) : date);
}
