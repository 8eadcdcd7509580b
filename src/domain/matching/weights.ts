import { z } from 'zod';
import type { Db } from '#app/db/connection.js';
import type { Actor } from '../accounts/actor.js';
import type { CommandResult } from '../candidates/commands.js';
import { recordEvent } from '../privacy/events.js';
import { defaultWeights, partNames, weightsSchema, type PartName, type Weights } from './score.js';

/**
 * Match weights: a versioned configuration per instantie (table `match_weights`, decisions 012 and 017).
 * The newest version is in force; without one the built-in default ("standaard") applies. Versions
 * are never changed or removed, so every `match_log` row can be traced to the weights it used.
 */

export type WeightsInForce = { version: string; weights: Weights };
export const standardWeights: WeightsInForce = { version: 'standaard', weights: defaultWeights };

/** How a version is named in `match_log.weights_version`. */
export const versionName = (instantieId: string, version: number) => `${instantieId}-v${version}`;

/** The newest weights of each instantie, or the built-in default (version "standaard"); one query. */
export async function weightsForInstanties(db: Db, instantieIds: readonly string[]): Promise<Map<string, WeightsInForce>> {
  const result = new Map<string, WeightsInForce>(instantieIds.map((id) => [id, standardWeights]));
  if (instantieIds.length === 0) return result;
  const rows = await db
    .selectFrom('match_weights')
    .distinctOn('instantie_id')
    .select(['instantie_id', 'version', 'weights'])
    .where('instantie_id', 'in', [...instantieIds])
    .orderBy('instantie_id')
    .orderBy('version', 'desc')
    .execute();
  for (const row of rows) {
    const parsed = weightsSchema.safeParse(row.weights);
    if (parsed.success) result.set(row.instantie_id, { version: versionName(row.instantie_id, row.version), weights: parsed.data });
  }
  return result;
}

/** The newest weights of an instantie, or the built-in default (version "standaard"). */
export async function weightsInForce(db: Db, instantieId: string): Promise<WeightsInForce> {
  return (await weightsForInstanties(db, [instantieId])).get(instantieId)!;
}

/** The parts with a weight; "ondersteuning" always weighs 0: needing support never pushes anyone down a list. */
export type WeightedPart = Exclude<PartName, 'ondersteuning'>;
export const weightedParts = partNames.filter((name): name is WeightedPart => name !== 'ondersteuning');

/** One version of an instantie's weights; version 0 is the built-in default, which has no date, author or reason. */
export type WeightsVersion = {
  version: number;
  /** As recorded in `match_log`: "standaard" or e.g. "rotterdam-v3". */
  name: string;
  /** Null if a stored version cannot be read (it is then not used either). */
  weights: Weights | null;
  reason: string | null;
  createdAt: Date | null;
  createdByName: string | null;
};

const standardVersion: WeightsVersion = {
  version: 0,
  name: standardWeights.version,
  weights: defaultWeights,
  reason: null,
  createdAt: null,
  createdByName: null,
};

/** Every version of an instantie's weights, the newest first, ending with the built-in default it started from. */
export async function weightsHistory(db: Db, instantieId: string): Promise<WeightsVersion[]> {
  const rows = await db
    .selectFrom('match_weights')
    .leftJoin('user', 'user.id', 'match_weights.created_by')
    .select([
      'match_weights.version',
      'match_weights.weights',
      'match_weights.reason',
      'match_weights.created_at',
      'user.name as created_by_name',
    ])
    .where('match_weights.instantie_id', '=', instantieId)
    .orderBy('match_weights.version', 'desc')
    .execute();
  const versions = rows.map((row) => {
    const parsed = weightsSchema.safeParse(row.weights);
    return {
      version: row.version,
      name: versionName(instantieId, row.version),
      weights: parsed.success ? parsed.data : null,
      reason: row.reason,
      createdAt: row.created_at,
      createdByName: row.created_by_name,
    };
  });
  return [...versions, standardVersion];
}

/** The Dutch names of the parts in validation messages; the same words as the labels on the page. */
export const weightPartNames: Record<WeightedPart, string> = {
  beroep: 'Beroep',
  vaardigheden: 'Vaardigheden die nodig zijn',
  extraVaardigheden: 'Extra vaardigheden',
  afstand: 'Afstand',
  uren: 'Uren',
  taal: 'Nederlandse taal',
  beschikbaarheid: 'Beschikbaarheid',
};
export const weightFieldMessage = (part: WeightedPart) => `Vul bij "${weightPartNames[part]}" een heel getal in van 0 tot en met 100.`;
export const missingWeightsMessage = 'Vul bij elk deel een gewicht in.';
export const noWeightMessage = 'Zet minstens één gewicht hoger dan 0. Anders kunnen we geen score berekenen.';
export const sameWeightsMessage = 'Deze gewichten gelden nu al. Verander minstens één gewicht.';
export const savedMeanwhileMessage = 'Iemand anders heeft net nieuwe gewichten opgeslagen. Bekijk de nieuwe versie en probeer het opnieuw.';

/** A form field arrives as text; blank is "not filled in", "12,0" reads as 12. */
const asNumber = (value: unknown) => {
  if (typeof value !== 'string') return value;
  const text = value.trim().replace(',', '.');
  return text === '' ? undefined : Number(text);
};
const weightField = (part: WeightedPart) => {
  const message = weightFieldMessage(part);
  return z.preprocess(asNumber, z.number({ error: message }).int(message).min(0, message).max(100, message));
};

export const saveWeightsSchema = z.object({
  weights: z
    .object(
      Object.fromEntries(weightedParts.map((part) => [part, weightField(part)])) as Record<WeightedPart, ReturnType<typeof weightField>>,
      {
        error: missingWeightsMessage,
      },
    )
    .refine((weights) => weightedParts.some((part) => (weights[part] as number) > 0), { error: noWeightMessage }),
  reason: z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    z
      .string({ error: 'Schrijf op waarom de gewichten veranderen.' })
      .trim()
      .min(5, 'Schrijf op waarom de gewichten veranderen (minstens 5 tekens).')
      .max(500, 'Schrijf hoogstens 500 tekens.'),
  ),
  /** The version the beheerder saw when changing the weights (0 for the default); if another is in force now, nothing is saved. */
  basedOnVersion: z.number().int().optional(),
});

export type SaveWeightsResult =
  | CommandResult<{ version: number }>
  /** Someone else saved a version since the form was opened, or at the same moment: try again. */
  | { ok: false; reason: 'conflict'; errors: Record<string, string> };

const conflict = { ok: false as const, reason: 'conflict' as const, errors: { weights: savedMeanwhileMessage } };
const isUniqueViolation = (error: unknown) => typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';

const sameWeights = (a: Weights, b: Weights) => weightedParts.every((part) => a[part] === b[part]);

/**
 * A beheerder of the instantie saves a new version of its weights, with a reason: version = the
 * newest + 1, written with its event in one transaction. Two saves at the same moment cannot both
 * get the same version (primary key); the one that loses is told to try again.
 */
export async function saveWeights(db: Db, actor: Actor, instantieId: string, input: unknown): Promise<SaveWeightsResult> {
  if (!actor.memberships.some((m) => m.role === 'beheerder' && m.instantieId === instantieId)) return { ok: false, reason: 'forbidden' };
  const parsed = saveWeightsSchema.safeParse(input);
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[issue.path.join('.') || '_'] ??= issue.message;
    return { ok: false, reason: 'invalid', errors };
  }
  const { reason, basedOnVersion } = parsed.data;
  const weights = Object.fromEntries(weightedParts.map((part) => [part, parsed.data.weights[part]])) as Weights;
  try {
    return await db.transaction().execute(async (trx): Promise<SaveWeightsResult> => {
      const newest = await trx
        .selectFrom('match_weights')
        .select(['version', 'weights'])
        .where('instantie_id', '=', instantieId)
        .orderBy('version', 'desc')
        .limit(1)
        .executeTakeFirst();
      const current = newest?.version ?? 0;
      if (basedOnVersion !== undefined && basedOnVersion !== current) return conflict;
      const inForce = newest ? weightsSchema.safeParse(newest.weights) : { success: true as const, data: defaultWeights };
      if (inForce.success && sameWeights(inForce.data, weights))
        return { ok: false, reason: 'invalid', errors: { weights: sameWeightsMessage } };
      const version = current + 1;
      await trx
        .insertInto('match_weights')
        .values({ instantie_id: instantieId, version, weights: JSON.stringify(weights), created_by: actor.userId, reason })
        .execute();
      await recordEvent(trx, {
        actorUserId: actor.userId,
        subjectType: 'instantie',
        subjectId: instantieId,
        action: 'match_weights.saved',
        reason,
        data: { version, weights },
      });
      return { ok: true, value: { version } };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return conflict;
    throw error;
  }
}
