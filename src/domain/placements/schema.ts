import { z } from 'zod';
import { isCalendarDate, todayIso } from '../vacancies/rules.js';
import { monthsBetween, placementKinds, trialMonthsAllowed } from './rules.js';

const emptyToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);

const dateField = (missing: string) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, missing)
    .refine(isCalendarDate, 'Vul een geldige datum in, bijvoorbeeld 2027-01-04.')
    .meta({ format: 'date', example: '2027-01-04' });

const hoursMessage = 'Vul een aantal uren per week in tussen 1 en 40.';
const monthsMessage = 'Vul een aantal maanden in tussen 0 en 120.';
const text = (max: number, tooLong: string) => z.string().trim().max(max, tooLong).optional().default('');

/** The fields of a placement agreement as the employer registers it (form or API). */
export const placementFields = {
  kind: z.enum(placementKinds, { error: 'Kies het soort plaatsing.' }),
  startDate: dateField('Vul de startdatum in.').refine(
    (date) => !isCalendarDate(date) || date >= todayIso(),
    'De startdatum is al voorbij. Kies vandaag of een latere datum.',
  ),
  endDate: z.preprocess(emptyToUndefined, dateField('Vul de einddatum in.').optional()),
  hoursPerWeek: z.preprocess(
    emptyToUndefined,
    z.coerce.number({ error: hoursMessage }).int(hoursMessage).min(1, hoursMessage).max(40, hoursMessage),
  ),
  support: text(2000, 'Gebruik hoogstens 2000 tekens voor de ondersteuning.').describe(
    'Welke ondersteuning de kandidaat krijgt, in gewone woorden',
  ),
  conditions: text(4000, 'Gebruik hoogstens 4000 tekens voor de voorwaarden.').describe('Loon, werktijden en andere afspraken'),
  intendedContractMonths: z
    .preprocess(
      emptyToUndefined,
      z.coerce.number({ error: monthsMessage }).int(monthsMessage).min(0, monthsMessage).max(120, monthsMessage).optional(),
    )
    .describe('Bij een proefplaatsing: hoeveel maanden contract de werkgever daarna wil geven'),
  positiveAdviceReference: z
    .preprocess(emptyToUndefined, z.string().trim().max(100, 'Gebruik hoogstens 100 tekens voor het kenmerk.').optional())
    .describe('Bij beschut werk: het kenmerk van het positieve advies'),
  positiveAdviceDate: z.preprocess(emptyToUndefined, dateField('Vul de datum van het advies in.').optional()),
};

export type TrialRule = { standard: number; extended: number };

/**
 * A placement agreement, checked across fields with the instantie's rules: an end date after the
 * start; a proefplaatsing has an end date within the maximum (longer only when a contract of at least
 * 6 months is intended); beschut werk needs the positive advice.
 */
export function placementSchema(trial: TrialRule) {
  return z.object(placementFields).superRefine((p, ctx) => {
    if (p.endDate && p.endDate < p.startDate)
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'De einddatum ligt voor de startdatum.' });
    if (p.kind === 'proefplaatsing') {
      const allowed = trialMonthsAllowed(trial, p.intendedContractMonths ?? null);
      if (!p.endDate) {
        ctx.addIssue({
          code: 'custom',
          path: ['endDate'],
          message: `Een proefplaatsing duurt hoogstens ${allowed} maanden. Vul de einddatum in.`,
        });
      } else if (p.endDate >= p.startDate && monthsBetween(p.startDate, p.endDate) > allowed) {
        const longer =
          allowed < trial.extended
            ? ` Wilt u de kandidaat daarna een contract van minstens 6 maanden geven? Dan mag het ${trial.extended} maanden.`
            : '';
        ctx.addIssue({ code: 'custom', path: ['endDate'], message: `Een proefplaatsing duurt hoogstens ${allowed} maanden.${longer}` });
      }
    }
    if (p.kind === 'beschut_werk') {
      if (!p.positiveAdviceDate)
        ctx.addIssue({
          code: 'custom',
          path: ['positiveAdviceDate'],
          message: 'Beschut werk kan alleen met een positief advies. Vul de datum van het advies in.',
        });
      if (!p.positiveAdviceReference)
        ctx.addIssue({ code: 'custom', path: ['positiveAdviceReference'], message: 'Vul het kenmerk van het positieve advies in.' });
    }
  });
}

export type PlacementInput = z.output<ReturnType<typeof placementSchema>>;

export const decisionSchema = z.discriminatedUnion(
  'decision',
  [
    z.object({ decision: z.literal('approve') }),
    z.object({
      decision: z.literal('reject'),
      reason: z
        .string({ error: 'Schrijf waarom de plaatsing niet doorgaat.' })
        .trim()
        .min(10, 'Schrijf in een paar woorden waarom (minstens 10 tekens).')
        .max(2000, 'Gebruik hoogstens 2000 tekens.'),
    }),
  ],
  { error: 'Kies: goedkeuren of afwijzen.' },
);

export const endSchema = z.object({
  endedOn: dateField('Vul in op welke dag de plaatsing stopte.'),
  followUp: z.enum(['contract', 'extension', 'stopped'], { error: 'Kies hoe het verder gaat.' }),
  reason: z
    .string({ error: 'Schrijf kort hoe het ging.' })
    .trim()
    .min(3, 'Schrijf kort hoe het ging.')
    .max(2000, 'Gebruik hoogstens 2000 tekens.'),
  evaluation: text(4000, 'Gebruik hoogstens 4000 tekens.'),
});
