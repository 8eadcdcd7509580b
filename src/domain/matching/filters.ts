import { z } from 'zod';
import { checkHoursOrder, vacancyFilterFields } from '../vacancies/rules.js';
import type { VacancyFilters } from './queries.js';

const maxKmMessage = 'Vul een aantal kilometers in tussen 1 en 500.';

/** The filters of a ranked vacancy list ("Vacatures voor jou"), for the pages and the API alike. */
export const matchFilterFields = {
  maxKm: z
    .preprocess(
      (v) => (v === '' || v === null ? undefined : v),
      z.coerce.number({ error: maxKmMessage }).int(maxKmMessage).min(1, maxKmMessage).max(500, maxKmMessage).optional(),
    )
    .optional()
    .describe('Hoogstens zoveel kilometer van de postcode van de kandidaat'),
  hoursMin: vacancyFilterFields.hoursMin,
  hoursMax: vacancyFilterFields.hoursMax,
  occupationUri: vacancyFilterFields.occupationUri,
  openHiring: vacancyFilterFields.openHiring,
  supportOffered: vacancyFilterFields.supportOffered,
};
export const matchFilterSchema = z.object(matchFilterFields).superRefine(checkHoursOrder);
export type MatchFilterInput = z.output<typeof matchFilterSchema>;

/** The parsed filters in the words of `vacanciesForCandidate`; a filter left empty is left out. */
export function toVacancyFilters(input: Partial<MatchFilterInput>): VacancyFilters {
  return {
    ...(input.maxKm !== undefined ? { maxKm: input.maxKm } : {}),
    ...(input.hoursMin !== undefined ? { minHours: input.hoursMin } : {}),
    ...(input.hoursMax !== undefined ? { maxHours: input.hoursMax } : {}),
    ...(input.occupationUri ? { occupationUri: input.occupationUri } : {}),
    ...(input.supportOffered?.length ? { supportOffered: input.supportOffered } : {}),
    ...(input.openHiring ? { openHiring: true } : {}),
  };
}
