import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '#app/db/connection.js';
import type { EmployerCategory, PsoLevel } from '#app/db/schema.js';
import { employerIds, staffInstantie, type Actor } from '../accounts/actor.js';
import { recordEvent } from '../privacy/events.js';
import { employerCategories, kvkSchema, newEmployerCategory, postcodeSchema, psoLevels } from './rules.js';

export const employerSchema = z.object({
  name: z
    .string({ error: 'Vul de naam van de organisatie in.' })
    .trim()
    .min(1, 'Vul de naam van de organisatie in.')
    .max(200, 'De naam is te lang.'),
  kvkNumber: kvkSchema,
  sector: z.string({ error: 'Vul de sector in.' }).trim().min(1, 'Vul de sector in.').max(100, 'De sector is te lang.'),
  psoLevel: z.enum(psoLevels as [string, ...string[]], { error: 'Kies een PSO-niveau.' }).default('geen'),
  psoEvidenceDate: z.preprocess(
    (v) => (v === '' ? null : v),
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'Vul een datum in als jjjj-mm-dd.')
      .nullable()
      .default(null),
  ),
  codeSocialeOndernemingen: z.preprocess((v) => v === true || v === 'ja' || v === 'true', z.boolean()).default(false),
  locations: z
    .array(z.object({ name: z.string().trim().min(1, 'Vul de naam van de vestiging in.').max(100), postcode: postcodeSchema }))
    .max(50)
    .default([]),
});
export type EmployerInput = z.output<typeof employerSchema>;

/** Registers an employer organisation; it starts as business-as-usual at every instantie. */
export async function createEmployer(db: Db, actorUserId: string | null, input: EmployerInput): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const employer = await trx
      .insertInto('employer')
      .values({
        name: input.name,
        kvk_number: input.kvkNumber,
        sector: input.sector,
        pso_level: input.psoLevel as never,
        pso_evidence_date: input.psoEvidenceDate,
        code_sociale_ondernemingen: input.codeSocialeOndernemingen,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (input.locations.length) {
      await trx
        .insertInto('employer_location')
        .values(input.locations.map((l) => ({ employer_id: employer.id, name: l.name, postcode: l.postcode })))
        .execute();
    }
    await recordEvent(trx, { actorUserId, subjectType: 'employer', subjectId: employer.id, action: 'employer.created' });
    return employer.id;
  });
}

export const categoryChangeSchema = z.object({
  category: z.enum(employerCategories as [EmployerCategory, ...EmployerCategory[]], { error: 'Kies een categorie.' }),
  reason: z
    .string({ error: 'Schrijf op waarom de categorie verandert.' })
    .trim()
    .min(5, 'Schrijf op waarom de categorie verandert (minstens 5 tekens).')
    .max(1000, 'Schrijf hoogstens 1000 tekens.'),
});

export type CategoryChangeResult =
  { ok: true } | { ok: false; reason: 'forbidden' } | { ok: false; reason: 'invalid'; errors: Record<string, string> };

/** A beheerder sets an employer's category at their own instantie, with a reason; history is kept. */
export async function changeCategory(db: Db, actor: Actor, employerId: string, input: unknown): Promise<CategoryChangeResult> {
  const instantieId = staffInstantie(actor, 'beheerder');
  if (!instantieId) return { ok: false, reason: 'forbidden' };
  const parsed = categoryChangeSchema.safeParse(input);
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[issue.path.join('.')] ??= issue.message;
    return { ok: false, reason: 'invalid', errors };
  }
  await setCategory(db, { employerId, instantieId, category: parsed.data.category, reason: parsed.data.reason, decidedBy: actor.userId });
  return { ok: true };
}

/** Records a category decision and its history in one transaction. */
export async function setCategory(
  db: Db,
  input: { employerId: string; instantieId: string; category: EmployerCategory; reason: string; decidedBy: string },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('employer_category')
      .select('category')
      .where('employer_id', '=', input.employerId)
      .where('instantie_id', '=', input.instantieId)
      .executeTakeFirst();
    const now = new Date();
    await trx
      .insertInto('employer_category')
      .values({ employer_id: input.employerId, instantie_id: input.instantieId, category: input.category, since: now })
      .onConflict((oc) => oc.columns(['employer_id', 'instantie_id']).doUpdateSet({ category: input.category, since: now }))
      .execute();
    await trx
      .insertInto('employer_category_change')
      .values({
        employer_id: input.employerId,
        instantie_id: input.instantieId,
        from_category: current?.category ?? null,
        to_category: input.category,
        reason: input.reason,
        decided_by: input.decidedBy,
        decided_at: now,
      })
      .execute();
    await recordEvent(trx, {
      actorUserId: input.decidedBy,
      subjectType: 'employer',
      subjectId: input.employerId,
      action: 'employer.category.changed',
      reason: input.reason,
      data: { instantieId: input.instantieId, from: current?.category ?? null, to: input.category },
    });
  });
}

/** The reason written in the category history when an instantie starts working with an employer. */
export const newEmployerReason = 'Nieuwe werkgever: start als gewone werkgever';

/**
 * Starts the work of an instantie with an employer: business-as-usual, recorded in the category
 * history and as an event, in one transaction. An employer that is already linked keeps its
 * category (`linked: false`).
 */
export async function linkEmployerToInstantie(
  db: Db,
  input: { employerId: string; instantieId: string; decidedBy: string },
): Promise<{ linked: boolean }> {
  return db.transaction().execute(async (trx) => {
    const now = new Date();
    const inserted = await trx
      .insertInto('employer_category')
      .values({ employer_id: input.employerId, instantie_id: input.instantieId, category: newEmployerCategory, since: now })
      .onConflict((oc) => oc.columns(['employer_id', 'instantie_id']).doNothing())
      .returning('category')
      .executeTakeFirst();
    if (!inserted) return { linked: false };
    await trx
      .insertInto('employer_category_change')
      .values({
        employer_id: input.employerId,
        instantie_id: input.instantieId,
        from_category: null,
        to_category: newEmployerCategory,
        reason: newEmployerReason,
        decided_by: input.decidedBy,
        decided_at: now,
      })
      .execute();
    await recordEvent(trx, {
      actorUserId: input.decidedBy,
      subjectType: 'employer',
      subjectId: input.employerId,
      action: 'employer.linked',
      reason: newEmployerReason,
      data: { instantieId: input.instantieId, to: newEmployerCategory },
    });
    return { linked: true };
  });
}

export type RegisterEmployerResult =
  | { ok: true; employerId: string; outcome: 'created' | 'linked_existing' | 'already_linked' }
  | { ok: false; reason: 'forbidden' }
  | { ok: false; reason: 'invalid'; errors: Record<string, string> };

/**
 * A beheerder registers an employer for their instantie. A KvK number that Werkregie already
 * knows links that employer instead (its data stay as they are), so one organisation is one
 * employer across instanties.
 */
export async function registerEmployerAt(db: Db, actor: Actor, input: unknown): Promise<RegisterEmployerResult> {
  const instantieId = staffInstantie(actor, 'beheerder');
  if (!instantieId) return { ok: false, reason: 'forbidden' };
  const link = async (employerId: string, created: boolean): Promise<RegisterEmployerResult> => {
    const { linked } = await linkEmployerToInstantie(db, { employerId, instantieId, decidedBy: actor.userId });
    return { ok: true, employerId, outcome: created ? 'created' : linked ? 'linked_existing' : 'already_linked' };
  };
  const kvk = kvkSchema.safeParse((input as { kvkNumber?: unknown } | null)?.kvkNumber);
  const known = kvk.success ? await employerIdByKvk(db, kvk.data) : null;
  if (known) return link(known, false);
  const parsed = employerSchema.safeParse(input);
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[issue.path.join('.') || '_'] ??= issue.message;
    return { ok: false, reason: 'invalid', errors };
  }
  let employerId: string;
  try {
    employerId = await createEmployer(db, actor.userId, parsed.data);
  } catch (error) {
    // Someone registered the same KvK number a moment ago: link that employer instead.
    const raced = await employerIdByKvk(db, parsed.data.kvkNumber);
    if (!raced) throw error;
    return link(raced, false);
  }
  // createEmployer has its own transaction; should linking fail, registering again links the
  // employer through its KvK number, so nothing is lost.
  return link(employerId, true);
}

async function employerIdByKvk(db: Db, kvkNumber: string): Promise<string | null> {
  const row = await db.selectFrom('employer').select('id').where('kvk_number', '=', kvkNumber).executeTakeFirst();
  return row?.id ?? null;
}

/** What an employer user may change of their own organisation: everything but the KvK number. */
export const employerUpdateSchema = employerSchema.omit({ kvkNumber: true }).extend({
  locations: z
    .array(
      z.object({
        id: z.uuid().optional(),
        name: z
          .string({ error: 'Vul de naam van de vestiging in.' })
          .trim()
          .min(1, 'Vul de naam van de vestiging in.')
          .max(100, 'De naam van de vestiging is te lang.'),
        postcode: postcodeSchema,
      }),
    )
    .max(50, 'Vul hoogstens 50 vestigingen in.')
    .default([]),
});

export type UpdateEmployerResult =
  { ok: true } | { ok: false; reason: 'not_found' } | { ok: false; reason: 'invalid'; errors: Record<string, string> };

/**
 * An employer user changes their own organisation. The KvK number stays as registered. PSO and
 * the Code Sociale Ondernemingen are the employer's own claims that instanties weigh when they
 * classify it, so a change of them is recorded as an event of its own.
 */
export async function updateEmployer(db: Db, actor: Actor, employerId: string, input: unknown): Promise<UpdateEmployerResult> {
  if (!employerIds(actor).includes(employerId)) return { ok: false, reason: 'not_found' };
  const parsed = employerUpdateSchema.safeParse(input);
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[issue.path.join('.') || '_'] ??= issue.message;
    return { ok: false, reason: 'invalid', errors };
  }
  const next = parsed.data;
  await db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('employer')
      .select([
        'name',
        'sector',
        'pso_level',
        'code_sociale_ondernemingen',
        sql<string | null>`pso_evidence_date::text`.as('pso_evidence_date'),
      ])
      .where('id', '=', employerId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('employer')
      .set({
        name: next.name,
        sector: next.sector,
        pso_level: next.psoLevel as PsoLevel,
        pso_evidence_date: next.psoEvidenceDate,
        code_sociale_ondernemingen: next.codeSocialeOndernemingen,
        updated_at: new Date(),
      })
      .where('id', '=', employerId)
      .execute();

    const existing = await trx.selectFrom('employer_location').select('id').where('employer_id', '=', employerId).execute();
    const existingIds = new Set(existing.map((l) => l.id));
    const kept = next.locations.filter((l) => l.id && existingIds.has(l.id));
    const removed = [...existingIds].filter((id) => !kept.some((l) => l.id === id));
    const added = next.locations.filter((l) => !(l.id && existingIds.has(l.id)));
    for (const location of kept) {
      await trx
        .updateTable('employer_location')
        .set({ name: location.name, postcode: location.postcode })
        .where('id', '=', location.id!)
        .where('employer_id', '=', employerId)
        .execute();
    }
    if (removed.length)
      await trx.deleteFrom('employer_location').where('employer_id', '=', employerId).where('id', 'in', removed).execute();
    if (added.length)
      await trx
        .insertInto('employer_location')
        .values(added.map((l) => ({ employer_id: employerId, name: l.name, postcode: l.postcode })))
        .execute();

    await recordEvent(trx, {
      actorUserId: actor.userId,
      subjectType: 'employer',
      subjectId: employerId,
      action: 'employer.updated',
      data: { name: next.name, sector: next.sector, locations: { added: added.length, changed: kept.length, removed: removed.length } },
    });
    const claims = {
      psoLevel: [current.pso_level, next.psoLevel],
      psoEvidenceDate: [current.pso_evidence_date, next.psoEvidenceDate],
      codeSocialeOndernemingen: [current.code_sociale_ondernemingen, next.codeSocialeOndernemingen],
    } as const;
    const changed = Object.entries(claims).filter(([, [from, to]]) => from !== to);
    if (changed.length > 0) {
      await recordEvent(trx, {
        actorUserId: actor.userId,
        subjectType: 'employer',
        subjectId: employerId,
        action: 'employer.claims.changed',
        data: Object.fromEntries(changed.map(([field, [from, to]]) => [field, { from, to }])),
      });
    }
  });
  return { ok: true };
}
