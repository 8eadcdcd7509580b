import { matchFilterSchema, toVacancyFilters, type MatchFilterInput } from '#app/domain/matching/filters.js';
import type { VacancyFilters } from '#app/domain/matching/queries.js';
import type { FormState } from '#app/ui/form.js';
import { readFilterForm } from '../../query-params.js';

/** The filters of a ranked vacancy list: Dutch names in the address bar, English names in the domain. */
export const matchFilterParams = {
  km: 'maxKm',
  urenVanaf: 'hoursMin',
  urenTot: 'hoursMax',
  beroep: 'occupationUri',
  hulp: 'supportOffered',
  openHiring: 'openHiring',
} as const satisfies Record<string, keyof MatchFilterInput>;

const paramOf = new Map(Object.entries(matchFilterParams).map(([param, field]) => [field as string, param]));

/**
 * The filter form of a ranked list, read from the address bar (or from a posted form with the
 * same names): what the form shows, the parsed filters, and those in the words of the query.
 */
export function readMatchFilters(query: Record<string, unknown>): {
  form: FormState;
  input: MatchFilterInput | null;
  filters: VacancyFilters | null;
} {
  const { form, parsed } = readFilterForm(query, matchFilterParams, matchFilterSchema);
  return { form, input: parsed.ok ? parsed.value : null, filters: parsed.ok ? toVacancyFilters(parsed.value) : null };
}

/** Parsed filters back as address-bar values, for links and hidden form fields; an empty choice is left out. */
export function matchFilterQuery(filters: MatchFilterInput): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const [param, field] of Object.entries(matchFilterParams)) {
    const value = filters[field];
    if (value === undefined || value === false || (Array.isArray(value) && value.length === 0)) continue;
    query[param] = Array.isArray(value) ? value : String(value);
  }
  return query;
}

/** The form name of a domain field: `filters.maxKm` is the field `km`, `filters.supportOffered.0` is `hulp`. */
export function filterParamOf(path: string): string | null {
  const [first, field] = path.split('.');
  return first === 'filters' && field ? (paramOf.get(field) ?? null) : null;
}
