import { z } from 'zod';
import type { Db } from '#app/db/connection.js';
import type { EmployerCategory } from '#app/db/schema.js';
import { staffInstantie, type Actor } from '../accounts/actor.js';
import { recordEvent } from '../privacy/events.js';
import { employerCategories, kvkSchema, postcodeSchema, psoLevels } from './rules.js';

export const employerSchema = z.object({
  name: z.string({ error: 'Vul de naam van de organisatie in.' }).trim().min(1, 'Vul de naam van de organisatie in.').max(200, 'De naam is te lang.'),
  kvkNumber: kvkSchema,
  sector: z.string({ error: 'Vul de sector in.' }).trim().min(1, 'Vul de sector in.').max(100, 'De sector is te lang.'),
  psoLevel: z.enum(psoLevels as [string, ...string[]], { error: 'Kies een PSO-niveau.' }).default('geen'),
  psoEvidenceDate: z.preprocess(
    (v) => (v === '' ? null : v),
    z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Vul een datum in als jjjj-mm-dd.').nullable().default(null),
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
      await trx.insertInto('employer_location').values(input.locations.map((l) => ({ employer_id: employer.id, name: l.name, postcode: l.postcode }))).execute();
    }
    await recordEvent(trx, { actorUserId, subjectType: 'employer', subjectId: employer.id, action: 'employer.created' });
    return employer.id;
  });
}

export const categoryChangeSchema = z.object({
  category: z.enum(employerCategories as [EmployerCategory, ...EmployerCategory[]], { error: 'Kies een categorie.' }),
  reason: z.string({ error: 'Schrijf op waarom de categorie verandert.' }).trim().min(5, 'Schrijf op waarom de categorie verandert (minstens 5 tekens).').max(1000, 'Schrijf hoogstens 1000 tekens.'),
});

export type CategoryChangeResult = { ok: true } | { ok: false; reason: 'forbidden' } | { ok: false; reason: 'invalid'; errors: Record<string, string> };

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
