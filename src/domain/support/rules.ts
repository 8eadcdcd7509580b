import { z } from 'zod';
import type { Provision } from '#app/db/schema.js';
import { provisions, wageSubsidy } from '../placements/rules.js';
import type { InstantieSettings } from '../instanties/settings.js';
import { todayIso } from '../vacancies/rules.js';

// Support on call (issue 4 §4, docs/decisions/022-support-on-call.md): an employer asks the
// instantie for support with a placement; the instantie plans it against a budget per provision
// per year. Money is in whole euros: budgets and requests are planned, not booked to the cent.

export { provisions };
export type { Provision };

/** The largest amount one request or one budget line may hold, in euros. */
export const maxEuros = 100_000_000;

/** The year whose budget a request counts against: the year it is made in (Dutch time). */
export function budgetYear(now: Date = new Date()): number {
  return Number(todayIso(now).slice(0, 4));
}

/** A request waiting for a person is late after its due date. */
export function isOverdue(request: { status: string; due_date: string }, today: string = todayIso()): boolean {
  return request.status === 'requested' && request.due_date < today;
}

/** Whether `amount` still fits in a budget of which `committed` is already promised. No budget means nothing fits. */
export function fitsBudget(budget: number | null, committed: number, amount: number): boolean {
  return budget !== null && committed + amount <= budget;
}

const emptyToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

/** "1.500", "€ 1500" and " 1500 " all mean 1500; cents, signs and words are no whole euros (NaN, refused). */
function euroText(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const plain = value.replace(/[\s€]/g, '');
  if (plain === '') return undefined;
  const digits = /^\d{1,3}(\.\d{3})+$/.test(plain) ? plain.replace(/\./g, '') : plain;
  return /^\d+$/.test(digits) ? digits : Number.NaN;
}

export const amountMessage = "Vul een bedrag in hele euro's in, zonder komma. Bijvoorbeeld 1500.";
export const loonwaardeMessage = 'Vul de loonwaarde in: een heel getal van 0 tot en met 100.';
export const jobcoachHoursMessage = 'Vul het aantal uren jobcoaching in: een heel getal van 1 tot en met 2000.';
export const explanationMessage = 'Schrijf in een paar zinnen waarvoor het geld nodig is (minstens 10 tekens).';
export const explanationTooLong = 'Gebruik hoogstens 2000 tekens voor de uitleg.';
export const provisionMessage = 'Kies de soort ondersteuning.';
export const noSubsidyMessage =
  'Bij een loonwaarde van 100 procent is er geen loonkostensubsidie. De werknemer verdient dan zelf het minimumloon.';

const wholeNumber = (message: string, min: number, max: number) =>
  z.preprocess(emptyToUndefined, z.coerce.number({ error: message }).int(message).min(min, message).max(max, message));

const amountField = z
  .preprocess(euroText, z.coerce.number({ error: amountMessage }).int(amountMessage).min(1, amountMessage).max(maxEuros, amountMessage))
  .describe('Het bedrag in hele euro’s');

const optionalExplanation = z
  .string({ error: explanationTooLong })
  .trim()
  .max(2000, explanationTooLong)
  .optional()
  .default('')
  .describe('Een toelichting voor de instantie');
const requiredExplanation = z
  .string({ error: explanationMessage })
  .trim()
  .min(10, explanationMessage)
  .max(2000, explanationTooLong)
  .describe('Waarvoor het geld nodig is, in gewone woorden');

/**
 * A request for support, as the employer fills it in (form or API). What is asked depends on the
 * provision: a loonwaardebepaling needs nothing more; loonkostensubsidie the loonwaarde (the
 * subsidy follows from it); a jobcoach the hours; a werkplekaanpassing or no-riskpolis an amount
 * and what it is for.
 */
export const supportRequestSchema = z.discriminatedUnion(
  'provision',
  [
    z.object({ provision: z.literal('loonwaardebepaling'), explanation: optionalExplanation }),
    z.object({
      provision: z.literal('loonkostensubsidie'),
      loonwaardePercent: wholeNumber(loonwaardeMessage, 0, 100).describe(
        'De loonwaarde in procenten: hoeveel de werknemer kan, vergeleken met een gewone werknemer in dezelfde functie',
      ),
      explanation: optionalExplanation,
    }),
    z.object({
      provision: z.literal('jobcoach'),
      jobcoachHours: wholeNumber(jobcoachHoursMessage, 1, 2000).describe('Het aantal uren begeleiding door een jobcoach'),
      explanation: optionalExplanation,
    }),
    z.object({ provision: z.literal('werkplekaanpassing'), amountEuros: amountField, explanation: requiredExplanation }),
    z.object({ provision: z.literal('no_riskpolis'), amountEuros: amountField, explanation: requiredExplanation }),
  ],
  { error: provisionMessage },
);
export type SupportRequestInput = z.output<typeof supportRequestSchema>;

/** What a request costs the budget, with the loonwaarde and subsidy for loonkostensubsidie. */
export type SupportCost = {
  amountEuros: number;
  jobcoachHours: number | null;
  loonwaardePercent: number | null;
  subsidyPercent: number | null;
};

/** What the instantie reserves per hour of jobcoaching and per loonwaardebepaling (instantie settings). */
export type PlanningRates = InstantieSettings['planningRates'];

/**
 * The amount a request reserves: loonkostensubsidie for a year from the loonwaarde and the
 * placement's hours (`wageSubsidy`), jobcoach hours and a loonwaardebepaling at the instantie's
 * planning rates (its settings), the other provisions as asked. Null for loonkostensubsidie at a
 * loonwaarde of 100 %.
 */
export function supportCost(input: SupportRequestInput, hoursPerWeek: number, rates: PlanningRates): SupportCost | null {
  const none = { jobcoachHours: null, loonwaardePercent: null, subsidyPercent: null };
  switch (input.provision) {
    case 'loonwaardebepaling':
      return { ...none, amountEuros: rates.loonwaardebepalingEuros };
    case 'loonkostensubsidie': {
      const subsidy = wageSubsidy(input.loonwaardePercent, hoursPerWeek);
      if (subsidy.percent === 0 || subsidy.yearlyEuros === 0) return null;
      return { ...none, amountEuros: subsidy.yearlyEuros, loonwaardePercent: input.loonwaardePercent, subsidyPercent: subsidy.percent };
    }
    case 'jobcoach':
      return { ...none, amountEuros: input.jobcoachHours * rates.jobcoachHourEuros, jobcoachHours: input.jobcoachHours };
    default:
      return { ...none, amountEuros: input.amountEuros };
  }
}

export const reasonMessage = 'Schrijf in een paar woorden waarom u de aanvraag afwijst (minstens 10 tekens).';
export const decisionMessage = 'Kies: goedkeuren of afwijzen.';
export const aboveBudgetMessage =
  'Dit bedrag past niet in het budget. Kruis "Goedkeuren boven het budget" aan als u de aanvraag toch wilt goedkeuren.';

const checkbox = z.preprocess((value) => value === true || value === 'true' || value === 'ja' || value === 'on', z.boolean());

/**
 * A person's decision on a request: approve, or reject with a reason. Approving beyond the
 * budget needs `aboveBudget` (the "boven budget" confirmation), which is recorded.
 */
export const supportDecisionSchema = z.discriminatedUnion(
  'decision',
  [
    z.object({
      decision: z.literal('approve'),
      aboveBudget: checkbox
        .optional()
        .default(false)
        .describe('Goedkeuren ook als het bedrag niet meer in het budget past ("boven budget"); dit wordt vastgelegd'),
    }),
    z.object({
      decision: z.literal('reject'),
      reason: z.string({ error: reasonMessage }).trim().min(10, reasonMessage).max(2000, 'Gebruik hoogstens 2000 tekens.'),
    }),
  ],
  { error: decisionMessage },
);

export const spentMessage = "Vul het uitgegeven bedrag in hele euro's in, zonder komma. Bijvoorbeeld 1500.";
export const spentTooMuchMessage = 'Het uitgegeven bedrag is hoger dan het toegekende bedrag. Vul hoogstens het toegekende bedrag in.';

/** What has been paid on an approved request so far (the total, not an addition). */
export const spendingSchema = z.object({
  spentEuros: z
    .preprocess(euroText, z.coerce.number({ error: spentMessage }).int(spentMessage).min(0, spentMessage).max(maxEuros, spentMessage))
    .describe('Wat er tot nu toe is uitgegeven, in hele euro’s'),
});

export const budgetMessage = "Vul het budget in hele euro's in, zonder komma. Bijvoorbeeld 250000. Vul 0 in voor geen budget.";
export const budgetAmountField = z
  .preprocess(euroText, z.coerce.number({ error: budgetMessage }).int(budgetMessage).min(0, budgetMessage).max(maxEuros, budgetMessage))
  .describe('Het budget voor het jaar, in hele euro’s');

export const yearMessage = 'Kies een jaar van 2000 tot en met 2100.';
export const yearField = z.coerce.number({ error: yearMessage }).int(yearMessage).min(2000, yearMessage).max(2100, yearMessage);

export function isProvision(value: unknown): value is Provision {
  return typeof value === 'string' && (provisions as readonly string[]).includes(value);
}
