import { z } from 'zod';
import type { VacancyStatus } from '#app/db/schema.js';
import { cefrLevels, supportNeedOptions } from '../candidates/rules.js';
import { postcodeSchema } from '../employers/rules.js';
import { isConceptUri } from '../taxonomy/rules.js';

export const contractTypes = ['vast', 'tijdelijk', 'proefplaatsing', 'leerwerktraject', 'detachering', 'beschut_werk'] as const;
export type ContractType = (typeof contractTypes)[number];

/** Routes into the job a candidate or consultant looks for; open hiring means no CV and no interview. */
export const suitabilityFlags = ['proefplaatsing', 'loonkostensubsidie', 'open_hiring', 'beschut_werk'] as const;
export type SuitabilityFlag = (typeof suitabilityFlags)[number];

/** Support an employer offers is named in the words of the support a candidate needs, so the two can be matched. */
export const supportOfferedOptions = supportNeedOptions;
export type SupportOption = (typeof supportOfferedOptions)[number];

export const vacancyStatuses: readonly VacancyStatus[] = ['concept', 'open', 'filled', 'closed'];

/** concept → open → filled or closed. Filled and closed are final: a new opening is a new vacancy. */
const transitions: Record<VacancyStatus, readonly VacancyStatus[]> = {
  concept: ['open'],
  open: ['filled', 'closed'],
  filled: [],
  closed: [],
};

export function canTransition(from: VacancyStatus, to: VacancyStatus): boolean {
  return transitions[from].includes(to);
}

/** Only a concept or an open vacancy can still be changed. */
export function isEditable(status: VacancyStatus): boolean {
  return status === 'concept' || status === 'open';
}

/** Days as jjjj-mm-dd in Dutch time; made once, as making a formatter costs far more than using it. */
const amsterdamDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date in the Netherlands (jjjj-mm-dd), which is what "today" means for a closing date. */
export function todayIso(now: Date = new Date()): string {
  return amsterdamDay.format(now);
}

/** Everyone sees a vacancy only while it is open and its closing date has not passed. */
export function isPubliclyListed(vacancy: { status: VacancyStatus; publishedUntil: string | null }, today: string): boolean {
  return vacancy.status === 'open' && vacancy.publishedUntil !== null && vacancy.publishedUntil >= today;
}

export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Form check boxes arrive as nothing, one string or several; the API sends an array or leaves it out. */
const toList = (v: unknown) => (v === null || v === '' ? [] : Array.isArray(v) ? v : [v]);
const optionalList = <E extends string>(inner: z.ZodType<E[]>) =>
  z
    .preprocess(toList, inner)
    .optional()
    .transform((items): E[] => [...new Set(items ?? [])]);

const choiceList = <T extends string>(options: readonly T[], message: string) =>
  optionalList(z.array(z.enum(options as [T, ...T[]], { error: message })).max(options.length, message));

const skillList = optionalList(
  z
    .array(
      z.string({ error: 'Kies vaardigheden uit de lijst.' }).refine((uri) => isConceptUri('skill', uri), 'Kies vaardigheden uit de lijst.'),
    )
    .max(20, 'Kies hoogstens 20 vaardigheden.'),
);

const hoursMessage = 'Vul een aantal uren per week in tussen 1 en 40.';
const physicalRequirementsMessage = 'Beschrijf in gewone woorden wat het werk van het lichaam vraagt.';
const physicalRequirementsTooLong = 'De lichamelijke eisen zijn te lang. Gebruik hoogstens 2000 tekens.';
export const physicalRequirementsNeeded =
  'Beschrijf wat het werk van het lichaam vraagt. Bij open hiring lezen kandidaten dit en kiezen zij zelf of zij het werk kunnen doen.';

/** Open hiring: no CV, no interview; candidates join a waiting list and the employer takes the next in line. */
export function isOpenHiring(vacancy: { suitability: readonly string[] }): boolean {
  return vacancy.suitability.includes('open_hiring');
}

/** The fields of a vacancy, each checked on its own; `vacancySchema` adds the checks across fields. */
export const vacancyFields = {
  title: z
    .string({ error: 'Vul de functienaam in.' })
    .trim()
    .min(1, 'Vul de functienaam in.')
    .max(150, 'De functienaam is te lang. Gebruik hoogstens 150 tekens.'),
  description: z
    .string({ error: 'Beschrijf het werk.' })
    .trim()
    .min(1, 'Beschrijf het werk.')
    .max(5000, 'De beschrijving is te lang. Gebruik hoogstens 5000 tekens.'),
  postcode: postcodeSchema.meta({ example: '3011 AB' }),
  hoursPerWeek: z.preprocess(
    (v) => (v === '' || v === null ? undefined : v),
    z.coerce.number({ error: hoursMessage }).int(hoursMessage).min(1, hoursMessage).max(40, hoursMessage),
  ),
  contractType: z.enum(contractTypes, { error: 'Kies het soort contract.' }),
  occupationUri: z
    .preprocess(
      (v) => (v === '' ? null : v),
      z
        .string({ error: 'Kies een beroep uit de lijst.' })
        .refine((uri) => isConceptUri('occupation', uri), 'Kies een beroep uit de lijst.')
        .nullable(),
    )
    .optional()
    .transform((uri) => uri ?? null)
    .describe('De uri van een ESCO-beroep; zoek die met GET /beroepen'),
  requiredDutchLevel: z
    .preprocess((v) => (v === '' ? null : v), z.enum(cefrLevels, { error: 'Kies het niveau Nederlands dat nodig is.' }).nullable())
    .optional()
    .transform((level) => level ?? null)
    .meta({
      description: 'Het niveau Nederlands (ERK/CEFR) dat minstens nodig is voor het werk; null of weglaten: geen eis',
      example: 'B1',
    }),
  physicalRequirements: z
    .preprocess(
      (v) => (v === null || (typeof v === 'string' && v.trim() === '') ? null : v),
      z.string({ error: physicalRequirementsMessage }).trim().max(2000, physicalRequirementsTooLong).nullable(),
    )
    .optional()
    .transform((text) => text ?? null)
    .meta({
      description:
        'Wat het werk van het lichaam vraagt, in gewone woorden (tillen, staan, bukken, ploegen). Verplicht bij open hiring: kandidaten lezen dit en kiezen zelf of zij het werk kunnen doen',
      example: 'Je staat de hele dag. Je tilt dozen tot 15 kilo.',
    }),
  requiredSkills: skillList.describe('ESCO-vaardigheden die nodig zijn (uri’s; zoek die met GET /vaardigheden)'),
  niceToHaveSkills: skillList.describe('ESCO-vaardigheden die mooi meegenomen zijn (uri’s)'),
  supportOffered: choiceList(supportOfferedOptions, 'Kies ondersteuning uit de lijst.'),
  suitability: choiceList(suitabilityFlags, 'Kies uit de lijst.'),
  publishedUntil: z
    .string({ error: 'Vul in tot wanneer de vacature openstaat, bijvoorbeeld 2026-12-31.' })
    .trim()
    .refine(isCalendarDate, 'Vul een geldige datum in, bijvoorbeeld 2026-12-31.')
    .refine((date) => !isCalendarDate(date) || date >= todayIso(), 'De einddatum is al voorbij. Kies vandaag of een latere datum.')
    .meta({ format: 'date', description: 'Tot en met deze dag staat de vacature open', example: '2026-12-31' }),
};

/** A vacancy as an employer writes it, from a form or from the API. */
export const vacancySchema = z.object(vacancyFields).superRefine((vacancy, ctx) => {
  if (vacancy.requiredSkills.some((uri) => vacancy.niceToHaveSkills.includes(uri))) {
    ctx.addIssue({
      code: 'custom',
      path: ['niceToHaveSkills'],
      message: 'Een vaardigheid staat bij nodig en bij mooi meegenomen. Kies er één.',
    });
  }
  if (isOpenHiring(vacancy) && !vacancy.physicalRequirements) {
    ctx.addIssue({ code: 'custom', path: ['physicalRequirements'], message: physicalRequirementsNeeded });
  }
});

export type VacancyInput = z.output<typeof vacancySchema>;

/** A query parameter left empty means "any". */
const optionalParam = <T extends z.ZodType>(inner: T) =>
  z.preprocess((v) => (v === '' || v === null ? undefined : v), inner.optional()).optional();
const hoursFilterMessage = 'Vul een aantal uren in tussen 1 en 40.';
const hoursFilter = optionalParam(
  z.coerce.number({ error: hoursFilterMessage }).int(hoursFilterMessage).min(1, hoursFilterMessage).max(40, hoursFilterMessage),
);

/** The filters of the public list, for the page and the API alike. */
export const vacancyFilterFields = {
  text: optionalParam(z.string().trim().max(100, 'Gebruik hoogstens 100 tekens.')).describe(
    'Zoekwoord in functie, beschrijving of naam van de werkgever',
  ),
  hoursMin: hoursFilter.describe('Minimaal aantal uren per week'),
  hoursMax: hoursFilter.describe('Maximaal aantal uren per week'),
  contractType: optionalParam(z.enum(contractTypes, { error: 'Kies een soort contract uit de lijst.' })),
  occupationUri: optionalParam(z.string().refine((uri) => isConceptUri('occupation', uri), 'Kies een beroep uit de lijst.')).describe(
    'De uri van een ESCO-beroep',
  ),
  openHiring: optionalParam(
    z.preprocess(
      (v) => (v === 'true' || v === 'ja' ? true : v === 'false' || v === 'nee' ? false : v),
      z.boolean({ error: 'Kies ja of nee bij open hiring.' }),
    ),
  ).describe('true: alleen vacatures met open hiring'),
  supportOffered: optionalList(
    z.preprocess(
      (v) => (Array.isArray(v) ? v.flatMap((item) => (typeof item === 'string' ? item.split(',') : [item])) : v),
      z.array(z.enum(supportOfferedOptions, { error: 'Kies ondersteuning uit de lijst.' })).max(supportOfferedOptions.length),
    ),
  ).describe('Alleen vacatures die al deze ondersteuning bieden; herhaal de parameter of scheid met komma’s'),
};

/** A range of hours must run from low to high. */
export function checkHoursOrder(filters: { hoursMin?: number; hoursMax?: number }, ctx: z.RefinementCtx): void {
  if (filters.hoursMin !== undefined && filters.hoursMax !== undefined && filters.hoursMin > filters.hoursMax) {
    ctx.addIssue({ code: 'custom', path: ['hoursMax'], message: 'Het minimum aantal uren is hoger dan het maximum.' });
  }
}

export const vacancyFilterSchema = z.object(vacancyFilterFields).superRefine(checkHoursOrder);
export type VacancyFilterInput = z.output<typeof vacancyFilterSchema>;
