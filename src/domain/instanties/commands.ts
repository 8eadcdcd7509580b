import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '#app/db/connection.js';
import type { Actor } from '../accounts/actor.js';
import { employerCategories } from '../employers/rules.js';
import { recordEvent } from '../privacy/events.js';
import { conflict, forbidden, invalid, issuesToErrors, notFound, ok, type CommandResult } from '../results.js';
import { instantieSettingsSchema, readSettings, type InstantieSettings } from './settings.js';

/**
 * A beheerder sets the policy knobs of their instantie (`instantie.settings`, defaults in
 * settings.ts; decision 024). The form sends every knob as text under its path in the settings
 * ("dailyProfileViews.preferred"); the share of the daily limit that raises a flag is sent as a
 * percentage ("flagAtPercent").
 */

/** The knobs set with a whole number, by their path in the settings. */
export const numberKnobs = [
  'availabilityWeeks',
  'availabilityReminderDays',
  'dailyProfileViews.preferred',
  'dailyProfileViews.committed',
  'dailyProfileViews.business_as_usual',
  'applicationExpiryDays',
  'committedStartWorkingDays',
  'trialPlacementMonths.standard',
  'trialPlacementMonths.extended',
  'placementEndNoticeDays',
  'supportDueWorkingDays',
  'planningRates.jobcoachHourEuros',
  'planningRates.loonwaardebepalingEuros',
] as const;
export type NumberKnob = (typeof numberKnobs)[number];
/** A field of the form with a whole number: a number knob, or the flag share as a percentage. */
export type NumberField = NumberKnob | 'flagAtPercent';

export const settingsChangedAction = 'instantie.settings_changed';
export const defaultSettings: InstantieSettings = instantieSettingsSchema.parse({});

type Range = { min: number; max: number };
const unwrap = (schema: z.ZodType): z.ZodType => (schema instanceof z.ZodDefault ? unwrap(schema.unwrap() as z.ZodType) : schema);

/** The lowest and highest value of a knob, read from instantieSettingsSchema so the form never says otherwise. */
export function fieldRange(field: NumberField): Range {
  if (field === 'flagAtPercent') return { min: 1, max: 100 };
  const number = field
    .split('.')
    .reduce<z.ZodType>((schema, key) => (unwrap(schema) as z.ZodObject).shape[key] as z.ZodType, instantieSettingsSchema);
  const { minValue, maxValue } = unwrap(number) as z.ZodNumber;
  return { min: minValue!, max: maxValue! };
}

/** The settings as leaves by path: `{ availabilityWeeks: 8, 'poolSearch.preferred': true, … }`. */
export function settingLeaves(settings: object, prefix = ''): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(settings).flatMap(([key, value]) =>
      typeof value === 'object' && value !== null && !Array.isArray(value)
        ? Object.entries(settingLeaves(value as object, `${prefix}${key}.`))
        : [[`${prefix}${key}`, value]],
    ),
  );
}

function fromLeaves(leaves: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(leaves)) {
    const keys = path.split('.');
    const last = keys.pop()!;
    let node = result;
    for (const key of keys) node = (node[key] ??= {}) as Record<string, unknown>;
    node[last] = value;
  }
  return result;
}

/**
 * A short fingerprint of the settings in force. The form sends back the one it was opened with
 * (`basedOn`); if it differs at saving time, someone changed the settings in between.
 */
export function settingsVersion(settings: InstantieSettings): string {
  const leaves = Object.entries(settingLeaves(settings)).sort(([a], [b]) => a.localeCompare(b));
  return createHash('sha256').update(JSON.stringify(leaves)).digest('hex').slice(0, 16);
}

/** The flag share as the form shows it: 0.8 is 80 (percent). */
export const flagPercent = (settings: InstantieSettings) => Math.round(settings.flagAtFraction * 100);

/** The Dutch names of the number fields in validation messages; the same words as the labels on the page. */
export const numberFieldNames: Record<NumberField, string> = {
  availabilityWeeks: 'Weken dat beschikbaarheid geldt',
  availabilityReminderDays: 'Dagen vooraf een herinnering',
  'dailyProfileViews.preferred': 'Profielen per dag, voorkeurspartner',
  'dailyProfileViews.committed': 'Profielen per dag, betrokken partner',
  'dailyProfileViews.business_as_usual': 'Profielen per dag, gewone werkgever',
  flagAtPercent: 'Melding vanaf dit percentage',
  applicationExpiryDays: 'Dagen tot een contact verloopt',
  committedStartWorkingDays: 'Werkdagen tot de plaatsing vanzelf begint',
  'trialPlacementMonths.standard': 'Maanden proefplaatsing, gewoon',
  'trialPlacementMonths.extended': 'Maanden proefplaatsing, langer',
  placementEndNoticeDays: 'Dagen vooraf een herinnering aan de einddatum',
  supportDueWorkingDays: 'Werkdagen voor een vraag om ondersteuning',
  'planningRates.jobcoachHourEuros': 'Euro per uur jobcoaching',
  'planningRates.loonwaardebepalingEuros': 'Euro per loonwaardebepaling',
};
const dutchNumber = new Intl.NumberFormat('nl-NL');
export const numberFieldMessage = (field: NumberField) => {
  const { min, max } = fieldRange(field);
  return `Vul bij "${numberFieldNames[field]}" een heel getal in van ${dutchNumber.format(min)} tot en met ${dutchNumber.format(max)}.`;
};
export const poolSearchMessage = 'Kies werkgevers uit de lijst.';
export const expiredProfilesMessage = 'Kies wat werkgevers zien van kandidaten van wie de beschikbaarheid is vervallen.';
export const trialOrderMessage = 'De langere proefplaatsing mag niet korter zijn dan de gewone proefplaatsing.';
export const nothingChangedMessage = 'Je hebt niets veranderd. Verander minstens één instelling.';
export const settingsReasonMessage = 'Schrijf op waarom de instellingen veranderen.';
export const settingsReasonShortMessage = 'Schrijf op waarom de instellingen veranderen (minstens 5 tekens).';
export const changedMeanwhileMessage =
  'Iemand anders heeft de instellingen net veranderd. Hieronder staan de instellingen zoals ze nu zijn. Kijk of je wijziging nog nodig is en sla dan opnieuw op.';

/** A form field arrives as text: blank is "not filled in" (an error), "12,0" reads as 12. Left out, the knob keeps its value. */
const asNumber = (value: unknown) => {
  if (typeof value !== 'string') return value;
  const text = value.trim().replace(',', '.');
  return text === '' ? null : Number(text);
};
const numberField = (field: NumberField) => {
  const message = numberFieldMessage(field);
  const { min, max } = fieldRange(field);
  return z.preprocess(asNumber, z.number({ error: message }).int(message).min(min, message).max(max, message)).optional();
};

const standardField = 'trialPlacementMonths.standard';
const extendedField = 'trialPlacementMonths.extended';
const expiredProfileChoices = instantieSettingsSchema.shape.expiredProfiles.unwrap().options;

/** What the form sends; a knob left out keeps the value it has. */
export const settingsFormSchema = z
  .object({
    ...(Object.fromEntries((['flagAtPercent', ...numberKnobs] as const).map((field) => [field, numberField(field)])) as Record<
      NumberField,
      ReturnType<typeof numberField>
    >),
    /** The categories of employer that may search the pool themselves (check boxes); the others may not. */
    poolSearch: z
      .preprocess(
        (value) => (value === '' ? [] : typeof value === 'string' ? [value] : value),
        z
          .array(z.string(), { error: poolSearchMessage })
          .refine((list) => list.every((value) => (employerCategories as readonly string[]).includes(value)), { error: poolSearchMessage }),
      )
      .optional(),
    expiredProfiles: z.enum(expiredProfileChoices, { error: expiredProfilesMessage }).optional(),
    reason: z.preprocess(
      (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
      z.string({ error: settingsReasonMessage }).trim().min(5, settingsReasonShortMessage).max(500, 'Schrijf hoogstens 500 tekens.'),
    ),
    /** The `settingsVersion` the form was opened with; if the settings changed since, nothing is saved. */
    basedOn: z.string().optional(),
  })
  // Checked here too when other fields are wrong, so the form shows every error at once.
  .refine(
    ({ [standardField]: standard, [extendedField]: extended }) => standard === undefined || extended === undefined || extended >= standard,
    {
      error: trialOrderMessage,
      path: [extendedField],
      when: ({ issues }) => !issues.some((issue) => [standardField, extendedField].includes(String(issue.path?.[0]))),
    },
  );

/** What a save changed, by path: `{ applicationExpiryDays: { old: 60, new: 45 } }`. */
export type SettingChanges = Record<string, { old: unknown; new: unknown }>;

function changesBetween(before: InstantieSettings, after: InstantieSettings): SettingChanges {
  const old = settingLeaves(before);
  const changes: SettingChanges = {};
  for (const [path, value] of Object.entries(settingLeaves(after)))
    if (old[path] !== value) changes[path] = { old: old[path] ?? null, new: value };
  return changes;
}

/** Only the knobs that differ from Werkregie's default are stored; the others follow the default. */
function storedForm(settings: InstantieSettings): Record<string, unknown> {
  const defaults = settingLeaves(defaultSettings);
  return fromLeaves(Object.fromEntries(Object.entries(settingLeaves(settings)).filter(([path, value]) => defaults[path] !== value)));
}

const isBeheerderOf = (actor: Actor, instantieId: string) =>
  actor.memberships.some((m) => m.role === 'beheerder' && m.instantieId === instantieId);

/**
 * A beheerder of the instantie changes its settings, with a reason: the new settings are written
 * in one update, with an event that lists each change (old and new value), in one transaction. The
 * row is locked first, so two saves at once are taken one after the other and the second meets the
 * `basedOn` check.
 */
export async function saveSettings(
  db: Db,
  actor: Actor,
  instantieId: string,
  input: unknown,
): Promise<CommandResult<{ changes: SettingChanges }>> {
  if (!isBeheerderOf(actor, instantieId)) return forbidden;
  const parsed = settingsFormSchema.safeParse(input ?? {});
  if (!parsed.success) return invalid(issuesToErrors(parsed.error));
  const { reason, basedOn, flagAtPercent, poolSearch, expiredProfiles } = parsed.data;

  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('instantie').select('settings').where('id', '=', instantieId).forUpdate().executeTakeFirst();
    if (!row) return notFound;
    const current = readSettings(row.settings);
    if (basedOn !== undefined && basedOn !== settingsVersion(current)) return conflict(changedMeanwhileMessage);

    const leaves = settingLeaves(current);
    for (const knob of numberKnobs) if (parsed.data[knob] !== undefined) leaves[knob] = parsed.data[knob];
    if (poolSearch) for (const category of employerCategories) leaves[`poolSearch.${category}`] = poolSearch.includes(category);
    if (expiredProfiles) leaves.expiredProfiles = expiredProfiles;
    // A percentage shown rounded is only a change when the beheerder changed the number.
    if (flagAtPercent !== undefined && flagAtPercent !== flagPercent(current)) leaves.flagAtFraction = flagAtPercent / 100;
    // Also when only one of the two was sent: the other is the one in force.
    if ((leaves[extendedField] as number) < (leaves[standardField] as number)) return invalid({ [extendedField]: trialOrderMessage });
    // Every field was checked against the ranges of the schema above, so this cannot fail.
    const next = instantieSettingsSchema.parse(fromLeaves(leaves));

    const changes = changesBetween(current, next);
    if (Object.keys(changes).length === 0) return invalid({ settings: nothingChangedMessage });
    await trx
      .updateTable('instantie')
      .set({ settings: JSON.stringify(storedForm(next)) })
      .where('id', '=', instantieId)
      .execute();
    await recordEvent(trx, {
      actorUserId: actor.userId,
      subjectType: 'instantie',
      subjectId: instantieId,
      action: settingsChangedAction,
      reason,
      data: { changes },
    });
    return ok({ changes });
  });
}
