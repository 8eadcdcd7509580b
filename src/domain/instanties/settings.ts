import { z } from 'zod';
import type { EmployerCategory } from '#app/db/schema.js';
import { defaultApplicationExpiryDays } from '../applications/states.js';
import { defaultAvailabilityReminderDays, defaultAvailabilityWeeks } from '../candidates/rules.js';
import { defaultPlacementEndNoticeDays } from '../placements/rules.js';

const defaultDailyProfileViews = { preferred: 300, committed: 150, business_as_usual: 50 } as const;
/** The planning rates of support by the unit until an instantie sets its own (decision 022). */
export const defaultPlanningRates = { jobcoachHourEuros: 80, loonwaardebepalingEuros: 800 } as const;
const dailyViews = (fallback: number) => z.number().int().min(1).max(100_000).default(fallback);

/**
 * The policy knobs of an instantie. Stored as JSON on the instantie; every knob has a sane
 * default so an instantie only stores what it changed.
 */
export const instantieSettingsSchema = z.object({
  availabilityWeeks: z.number().int().min(1).max(52).default(defaultAvailabilityWeeks),
  /** How many days before availability expires the candidate gets a reminder (and another at expiry). */
  availabilityReminderDays: z.number().int().min(1).max(60).default(defaultAvailabilityReminderDays),
  poolSearch: z
    .object({
      preferred: z.boolean().default(true),
      committed: z.boolean().default(true),
      business_as_usual: z.boolean().default(false),
    })
    .default({ preferred: true, committed: true, business_as_usual: false }),
  /** Candidate profiles an employer user may see per day (detail views and list rows), by category. */
  dailyProfileViews: z
    .object({
      preferred: dailyViews(defaultDailyProfileViews.preferred),
      committed: dailyViews(defaultDailyProfileViews.committed),
      business_as_usual: dailyViews(defaultDailyProfileViews.business_as_usual),
    })
    .default({ ...defaultDailyProfileViews }),
  /** The beheerder is told when a user reaches this share of their daily limit. */
  flagAtFraction: z.number().gt(0).max(1).default(0.8),
  /** In employers' rankings, candidates whose availability expired go last, or are left out. */
  expiredProfiles: z.enum(['last', 'hidden']).default('last'),
  /** An open application without any action for this many days expires. */
  applicationExpiryDays: z.number().int().min(7).max(365).default(defaultApplicationExpiryDays),
  /** A committed partner's placement starts by itself after this many working days without objection. */
  committedStartWorkingDays: z.number().int().min(1).max(30).default(5),
  /** Proefplaatsing with retention of benefit: the standard maximum, and the maximum when a contract of 6 months or more is intended. */
  trialPlacementMonths: z
    .object({ standard: z.number().int().min(1).max(12).default(2), extended: z.number().int().min(1).max(12).default(6) })
    .refine((months) => months.extended >= months.standard, 'De langere proefplaatsing kan niet korter zijn dan de gewone.')
    .default({ standard: 2, extended: 6 }),
  /** How many days before a placement's end date the employer and the consultant get a reminder (decision 029). */
  placementEndNoticeDays: z.number().int().min(1).max(60).default(defaultPlacementEndNoticeDays),
  /** The instantie handles a support request within this many working days. */
  supportDueWorkingDays: z.number().int().min(1).max(60).default(10),
  /**
   * What the instantie reserves from a budget for provisions priced by the unit, in whole euros: an
   * hour of jobcoaching and one loonwaardebepaling. Planning amounts; what is really paid is recorded
   * as spending on the request.
   */
  planningRates: z
    .object({
      jobcoachHourEuros: z.number().int().min(1).max(1_000).default(defaultPlanningRates.jobcoachHourEuros),
      loonwaardebepalingEuros: z.number().int().min(1).max(10_000).default(defaultPlanningRates.loonwaardebepalingEuros),
    })
    .default({ ...defaultPlanningRates }),
});

export type InstantieSettings = z.infer<typeof instantieSettingsSchema>;

export function readSettings(stored: unknown): InstantieSettings {
  const parsed = instantieSettingsSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : instantieSettingsSchema.parse({});
}

export function maySearchPool(settings: InstantieSettings, category: EmployerCategory): boolean {
  return settings.poolSearch[category];
}

/** How many candidate profiles a day, and from which count on the beheerder hears of it. */
export type ProfileViewRule = { limit: number; flagAt: number };

export function profileViewRule(settings: InstantieSettings, category: EmployerCategory): ProfileViewRule {
  const limit = settings.dailyProfileViews[category];
  return { limit, flagAt: Math.max(1, Math.ceil(limit * settings.flagAtFraction)) };
}
