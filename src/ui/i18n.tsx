import { createContext, useContext } from 'react';
import { defaultLocale, translator, type Catalog, type Locale, type Translate } from '../i18n.js';

// The pure parts live in src/i18n.ts, so that the domain can write notification texts too.
export {
  countText,
  defaultLocale,
  defineMessages,
  isLocale,
  locales,
  translator,
  type Catalog,
  type Locale,
  type Params,
  type Translate,
} from '../i18n.js';

export const LocaleContext = createContext<Locale>(defaultLocale);

export function useLocale(): Locale {
  return useContext(LocaleContext);
}

export function useT<K extends string>(catalog: Catalog<K>): Translate<K> {
  return translator(catalog, useLocale());
}
