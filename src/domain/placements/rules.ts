import type { EmployerCategory, PlacementKind, PlacementStatus, Provision } from '#app/db/schema.js';

export const placementKinds = [
  'proefplaatsing',
  'dienstverband',
  'dienstverband_lks',
  'leerwerktraject',
  'detachering',
  'beschut_werk',
] as const satisfies readonly PlacementKind[];

export const provisions = [
  'loonwaardebepaling',
  'loonkostensubsidie',
  'jobcoach',
  'werkplekaanpassing',
  'no_riskpolis',
] as const satisfies readonly Provision[];

/** Placements that hold the candidate's hours: waiting for the instantie, or running. */
export const livePlacementStatuses = ['awaiting_instantie', 'active'] as const satisfies readonly PlacementStatus[];

/** How many days before a placement's end date the employer and the consultant hear of it, until an instantie sets its own. */
export const defaultPlacementEndNoticeDays = 14;

/**
 * How a placement starts, by the employer's category with the candidate's instantie (paper §3.2):
 * a preferred partner starts at once and is checked afterwards; a committed partner starts when the
 * consultant confirms, or by itself after some working days without objection; business-as-usual
 * waits for the instantie's approval.
 */
export type PlacementRoute = { startsAtOnce: boolean; startsWithoutObjection: boolean };
export function placementRoute(category: EmployerCategory): PlacementRoute {
  return {
    startsAtOnce: category === 'preferred',
    startsWithoutObjection: category === 'committed',
  };
}

/** Whole months from `start` to `end` (ISO dates), counting a part of a month as a whole one. */
export function monthsBetween(start: string, end: string): number {
  const [sy, sm, sd] = start.split('-').map(Number) as [number, number, number];
  const [ey, em, ed] = end.split('-').map(Number) as [number, number, number];
  const months = (ey - sy) * 12 + (em - sm);
  return ed > sd ? months + 1 : months;
}

/**
 * The longest proefplaatsing the instantie allows for this placement: the standard maximum, or the
 * extended one when the employer intends a contract of at least 6 months afterwards (UWV's rule).
 */
export function trialMonthsAllowed(settings: { standard: number; extended: number }, intendedContractMonths: number | null): number {
  return (intendedContractMonths ?? 0) >= 6 ? settings.extended : settings.standard;
}

/** The statutory minimum wage for 21 and older, gross per hour, from 1 January 2026 (Wet minimumloon). */
export const minimumWagePerHour = 14.71;
/** Loonkostensubsidie never pays more than this share of the minimum wage (Participatiewet art. 10d). */
export const maxSubsidyPercent = 70;
/** The minimum wage counts with the minimumvakantiebijslag of 8 % (Wet minimumloon en minimumvakantiebijslag). */
export const holidayPayFactor = 1.08;
/**
 * On top of the subsidy the employer gets an allowance for employer's costs: 23.5 % of the subsidy
 * (Participatiewet art. 10d, set by ministerial regulation since 1 January 2018 and reviewed each year,
 * so the constant must follow).
 */
export const employerCostsAllowance = 0.235;

/**
 * Loonkostensubsidie follows the loonwaarde: it pays the difference between what the person
 * produces and the minimum wage with holiday pay, so the wage above the minimum is the employer's,
 * plus the allowance for employer's costs. Returns the percentage and the estimated yearly amount
 * in whole euros.
 */
export function wageSubsidy(loonwaardePercent: number, hoursPerWeek: number): { percent: number; yearlyEuros: number } {
  const percent = Math.min(maxSubsidyPercent, Math.max(0, 100 - Math.round(loonwaardePercent)));
  const subsidy = (percent / 100) * minimumWagePerHour * holidayPayFactor * hoursPerWeek * 52;
  return { percent, yearlyEuros: Math.round(subsidy * (1 + employerCostsAllowance)) };
}
