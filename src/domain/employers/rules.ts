import { z } from 'zod';
import type { EmployerCategory, PsoLevel } from '#app/db/schema.js';

export const employerCategories: readonly EmployerCategory[] = ['preferred', 'committed', 'business_as_usual'];
export const newEmployerCategory: EmployerCategory = 'business_as_usual';
export const psoLevels: readonly PsoLevel[] = ['geen', 'aspirant', 'basistrede', 'trede_1', 'trede_2', 'trede_3'];

/** A KvK number is eight digits; the KvK publishes no check digit, so the form is all we can check. */
export function isValidKvkNumber(value: string): boolean {
  return /^[0-9]{8}$/.test(value) && value !== '00000000';
}

/** Dutch postcode: four digits not starting with 0, two letters; spaces and case are forgiven. */
export function normalisePostcode(value: string): string | null {
  const compact = value.replace(/\s+/g, '').toUpperCase();
  return /^[1-9][0-9]{3}[A-Z]{2}$/.test(compact) && !/^[0-9]{4}(SA|SD|SS)$/.test(compact) ? compact : null;
}

export const postcodeSchema = z.string({ error: 'Vul een postcode in, bijvoorbeeld 3011 AB.' }).transform((value, ctx) => {
  const postcode = normalisePostcode(value);
  if (!postcode) ctx.addIssue({ code: 'custom', message: 'Vul een geldige postcode in, bijvoorbeeld 3011 AB.' });
  return postcode ?? value;
});

export const kvkSchema = z
  .string({ error: 'Vul het KvK-nummer in.' })
  .transform((value) => value.replace(/\s+/g, ''))
  .refine(isValidKvkNumber, 'Een KvK-nummer heeft 8 cijfers, bijvoorbeeld 12345678.');
