import type { Locale } from './i18n.js';

/**
 * Validation messages are written in Dutch where the rule lives (the domain schemas); this is
 * their English text, keyed by the Dutch sentence as gettext does. A missing entry shows Dutch.
 */
const english: Record<string, string> = {
  'Vul een postcode in, bijvoorbeeld 3011 AB.': 'Enter a postcode, for example 3011 AB.',
  'Vul een geldige postcode in, bijvoorbeeld 3011 AB.': 'Enter a valid postcode, for example 3011 AB.',
  'Vul het KvK-nummer in.': 'Enter the KvK number.',
  'Een KvK-nummer heeft 8 cijfers, bijvoorbeeld 12345678.': 'A KvK number has 8 digits, for example 12345678.',
  'Vul je e-mailadres en wachtwoord in.': 'Enter your e-mail address and password.',
  'Dit e-mailadres of wachtwoord klopt niet.': 'This e-mail address or password is not right.',
};

export function translateError(message: string, locale: Locale): string {
  return locale === 'en' ? (english[message] ?? message) : message;
}

