import { z } from 'zod';
import type { EmployerCategory } from '#app/db/schema.js';
import { defaultAvailabilityWeeks } from '../candidates/rules.js';

/**
 * The policy knobs of an instantie. Stored as JSON on the instantie; every knob has a sane
 * default so an instantie only stores what it changed.
 */
export const instantieSettingsSchema = z.object({
  availabilityWeeks: z.number().int().min(1).max(52).default(defaultAvailabilityWeeks),
  poolSearch: z
    .object({
      preferred: z.boolean().default(true),
      committed: z.boolean().default(true),
      business_as_usual: z.boolean().default(false),
    })
    .default({ preferred: true, committed: true, business_as_usual: false }),
});

export type InstantieSettings = z.infer<typeof instantieSettingsSchema>;

export function readSettings(stored: unknown): InstantieSettings {
  const parsed = instantieSettingsSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : instantieSettingsSchema.parse({});
}

export function maySearchPool(settings: InstantieSettings, category: EmployerCategory): boolean {
  return settings.poolSearch[category];
}
