import { z } from 'zod';
import { cefrLevels } from '../candidates/rules.js';
import { normalisePostcode } from '../employers/rules.js';
import { isConceptUri } from '../taxonomy/rules.js';
import type { CandidateCriteria } from './queries.js';

/** An employer's own search for candidates (`candidatesByCriteria`), for the page and the API alike. */

export const criteriaPostcodeMessage = 'Vul een postcode in met 4 cijfers, zoals 3011, of een hele postcode, zoals 3011 AB.';
export const criteriaDutchLevelMessage = 'Kies een niveau Nederlands uit de lijst.';
/** The ranking finds candidates through a shared occupation or skill; without either it finds no one. */
export const criteriaNeedsWorkMessage =
  'Kies een beroep of minstens één vaardigheid. Wij zoeken kandidaten die dat beroep willen doen of die deze vaardigheden hebben.';
const occupationMessage = 'Kies een beroep uit de lijst.';
const skillsMessage = 'Kies vaardigheden uit de lijst.';
const hoursMessage = 'Vul een aantal uren per week in tussen 1 en 40.';
export const maxCriteriaSkills = 20;

/** A field left empty means "no wish". */
const optionalParam = <T extends z.ZodType>(inner: T) =>
  z.preprocess((v) => (v === '' || v === null ? undefined : v), inner.optional()).optional();

/** Skills arrive as nothing, one value, a repeated parameter, or comma-separated (ESCO uris hold no commas). */
const toSkillList = (v: unknown) =>
  v === undefined || v === null || v === ''
    ? []
    : (Array.isArray(v) ? v : [v]).flatMap((item) => (typeof item === 'string' ? item.split(',').filter((s) => s !== '') : [item]));

/** A PC4 area ("3011") or a whole postcode ("3011 AB"); spaces and case are forgiven. */
export function normaliseCriteriaPostcode(value: string): string | null {
  const compact = value.replace(/\s+/g, '').toUpperCase();
  return /^[1-9][0-9]{3}$/.test(compact) ? compact : normalisePostcode(compact);
}

export const candidateCriteriaFields = {
  occupationUri: optionalParam(
    z.string({ error: occupationMessage }).refine((uri) => isConceptUri('occupation', uri), occupationMessage),
  ).describe('De uri van een ESCO-beroep; zoek die met GET /beroepen'),
  skills: z
    .preprocess(
      toSkillList,
      z
        .array(z.string({ error: skillsMessage }).refine((uri) => isConceptUri('skill', uri), skillsMessage))
        .max(maxCriteriaSkills, 'Kies hoogstens 20 vaardigheden.'),
    )
    .optional()
    .transform((items) => [...new Set(items ?? [])])
    .describe('ESCO-vaardigheden (uri’s; zoek die met GET /vaardigheden); herhaal de parameter of scheid met komma’s'),
  postcode: optionalParam(
    z.string({ error: criteriaPostcodeMessage }).transform((value, ctx) => {
      const postcode = normaliseCriteriaPostcode(value);
      if (!postcode) ctx.addIssue({ code: 'custom', message: criteriaPostcodeMessage });
      return postcode ?? value;
    }),
  ).meta({ description: 'Waar het werk is: een postcodegebied (4 cijfers) of een hele postcode', example: '3011' }),
  hoursPerWeek: optionalParam(
    z.coerce.number({ error: hoursMessage }).int(hoursMessage).min(1, hoursMessage).max(40, hoursMessage),
  ).describe('Aantal uren per week van het werk, 1 tot en met 40'),
  requiredDutchLevel: optionalParam(z.enum(cefrLevels, { error: criteriaDutchLevelMessage })).meta({
    description: 'Het niveau Nederlands (ERK/CEFR) dat minstens nodig is voor het werk',
    example: 'B1',
  }),
};

/** At least an occupation or a skill: the ranking finds candidates through them (see `candidatesByCriteria`). */
export function checkOccupationOrSkills(criteria: { occupationUri?: string; skills?: string[] }, ctx: z.RefinementCtx): void {
  if (!criteria.occupationUri && !criteria.skills?.length) {
    ctx.addIssue({ code: 'custom', path: ['occupationUri'], message: criteriaNeedsWorkMessage });
  }
}

/**
 * Run that check also when other fields are wrong (a bad postcode), so every error shows at once; not
 * when the occupation or skills are wrong themselves, or the input is no object at all.
 */
export const whenWorkFieldsValid = {
  when: (payload: z.core.ParsePayload): boolean =>
    typeof payload.value === 'object' &&
    payload.value !== null &&
    !payload.issues.some((issue) => {
      const field = issue.path?.[0];
      return field === undefined || field === 'occupationUri' || field === 'skills';
    }),
};

export const candidateCriteriaSchema = z.object(candidateCriteriaFields).superRefine(checkOccupationOrSkills, whenWorkFieldsValid);
export type CandidateCriteriaInput = z.output<typeof candidateCriteriaSchema>;

/** The parsed criteria in the words of `candidatesByCriteria`; a field left empty is left out. */
export function toCandidateCriteria(input: Partial<CandidateCriteriaInput>): CandidateCriteria {
  return {
    ...(input.occupationUri ? { occupationUri: input.occupationUri } : {}),
    ...(input.skills?.length ? { skills: input.skills } : {}),
    ...(input.postcode ? { postcode: input.postcode } : {}),
    ...(input.hoursPerWeek !== undefined ? { hoursPerWeek: input.hoursPerWeek } : {}),
    ...(input.requiredDutchLevel ? { requiredDutchLevel: input.requiredDutchLevel } : {}),
  };
}
