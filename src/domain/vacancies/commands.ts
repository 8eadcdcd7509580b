import { z } from 'zod';
import type { Db } from '#app/db/connection.js';
import type { Vacancy, VacancyStatus } from '#app/db/schema.js';
import { employerIds, type Actor } from '../accounts/actor.js';
import type { CommandResult } from '../candidates/commands.js';
import { isUuid } from '../ids.js';
import { recordEvent } from '../privacy/events.js';
import { findConcepts } from '../taxonomy/queries.js';
import { mayManageVacancies, mayReadVacancy } from './policy.js';
import { publishedUntilText, vacancyColumns } from './queries.js';
import { canTransition, isEditable, todayIso, vacancySchema, type VacancyInput } from './rules.js';

/** A command on a vacancy may also clash with its state: publishing a closed one, editing a filled one. */
export type ConflictCode = 'not_editable' | 'not_concept' | 'not_open' | 'expired';
export type VacancyCommandResult<T = void> = CommandResult<T> | { ok: false; reason: 'conflict'; code: ConflictCode; detail: string };

const forbidden = { ok: false as const, reason: 'forbidden' as const };
const notFound = { ok: false as const, reason: 'not_found' as const };
const conflict = (code: ConflictCode, detail: string) => ({ ok: false as const, reason: 'conflict' as const, code, detail });
const invalid = (errors: Record<string, string>) => ({ ok: false as const, reason: 'invalid' as const, errors });

function issuesToErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) errors[issue.path.join('.') || '_'] ??= issue.message;
  return errors;
}

const columns = (input: VacancyInput) => ({
  title: input.title,
  description: input.description,
  postcode: input.postcode,
  hours_per_week: input.hoursPerWeek,
  contract_type: input.contractType,
  occupation_uri: input.occupationUri,
  required_dutch_level: input.requiredDutchLevel,
  physical_requirements: input.physicalRequirements,
  required_skills: input.requiredSkills,
  nice_skills: input.niceToHaveSkills,
  support_offered: input.supportOffered,
  suitability: input.suitability,
  published_until: input.publishedUntil,
});

/** The stored vacancy in the shape of the form and the API input, to merge a partial change into. */
export function vacancyAsInput(vacancy: Vacancy): Record<string, unknown> {
  return {
    title: vacancy.title,
    description: vacancy.description,
    postcode: vacancy.postcode,
    hoursPerWeek: vacancy.hours_per_week,
    contractType: vacancy.contract_type,
    occupationUri: vacancy.occupation_uri,
    requiredDutchLevel: vacancy.required_dutch_level,
    physicalRequirements: vacancy.physical_requirements,
    requiredSkills: vacancy.required_skills,
    niceToHaveSkills: vacancy.nice_skills,
    supportOffered: vacancy.support_offered,
    suitability: vacancy.suitability,
    publishedUntil: vacancy.published_until,
  };
}

/**
 * The schema checks that occupations and skills look like ESCO URIs; this checks that they exist in the
 * taxonomy (the built-in list or an ESCO import), as the right kind, in one query.
 */
async function taxonomyErrors(db: Db, input: VacancyInput): Promise<Record<string, string> | null> {
  const uris = [...(input.occupationUri ? [input.occupationUri] : []), ...input.requiredSkills, ...input.niceToHaveSkills];
  const known = await findConcepts(db, uris);
  const missing = (uri: string, kind: 'occupation' | 'skill') => known.get(uri)?.kind !== kind;
  const errors: Record<string, string> = {};
  if (input.occupationUri && missing(input.occupationUri, 'occupation')) errors.occupationUri = 'Kies een beroep uit de lijst.';
  if (input.requiredSkills.some((uri) => missing(uri, 'skill'))) errors.requiredSkills = 'Kies vaardigheden uit de lijst.';
  if (input.niceToHaveSkills.some((uri) => missing(uri, 'skill'))) errors.niceToHaveSkills = 'Kies vaardigheden uit de lijst.';
  return Object.keys(errors).length > 0 ? errors : null;
}

const employerIdSchema = z.uuid({ error: 'Kies de organisatie van de vacature.' });

/** An employer user writes a new vacancy for one of their own organisations; it starts as a concept. */
export async function createVacancy(db: Db, actor: Actor, input: unknown): Promise<VacancyCommandResult<{ id: string }>> {
  if (employerIds(actor).length === 0) return forbidden;
  const fields = (input ?? {}) as Record<string, unknown>;
  const employerId = employerIdSchema.safeParse(fields.employerId);
  if (!employerId.success) return invalid({ employerId: employerId.error.issues[0]!.message });
  if (!mayManageVacancies(actor, employerId.data)) return forbidden;
  const parsed = vacancySchema.safeParse(fields);
  if (!parsed.success) return invalid(issuesToErrors(parsed.error));
  const unknown = await taxonomyErrors(db, parsed.data);
  if (unknown) return invalid(unknown);
  const id = await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('vacancy')
      .values({ employer_id: employerId.data, status: 'concept', ...columns(parsed.data) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordEvent(trx, {
      actorUserId: actor.userId,
      subjectType: 'vacancy',
      subjectId: row.id,
      action: 'vacancy.created',
      data: { employerId: employerId.data },
    });
    return row.id;
  });
  return { ok: true, value: { id } };
}

type Locked = { vacancy: Vacancy };

/**
 * Loads the vacancy for a change by its owner, locked for the rest of the transaction. Someone who
 * may read it but not manage it is refused; someone who may not even read it is told it does not exist.
 */
async function lockForOwner(trx: Db, actor: Actor, id: string): Promise<Locked | typeof forbidden | typeof notFound> {
  if (!isUuid(id)) return notFound;
  const vacancy = await trx
    .selectFrom('vacancy')
    .select([...vacancyColumns, publishedUntilText])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!vacancy) return notFound;
  if (mayManageVacancies(actor, vacancy.employer_id)) return { vacancy };
  const facts = { employerId: vacancy.employer_id, status: vacancy.status, publishedUntil: vacancy.published_until };
  return mayReadVacancy(actor, facts, todayIso()) ? forbidden : notFound;
}

const statusWords: Record<VacancyStatus, string> = { concept: 'een concept', open: 'open', filled: 'vervuld', closed: 'gesloten' };

/**
 * Changes a concept or open vacancy. `input` may hold only some fields (API PATCH); they are laid
 * over the stored vacancy and the whole is checked again, so a change can never leave it invalid.
 */
export async function updateVacancy(db: Db, actor: Actor, id: string, input: unknown): Promise<VacancyCommandResult> {
  return db.transaction().execute(async (trx): Promise<VacancyCommandResult> => {
    const locked = await lockForOwner(trx, actor, id);
    if (!('vacancy' in locked)) return locked;
    const { vacancy } = locked;
    if (!isEditable(vacancy.status))
      return conflict('not_editable', `Deze vacature is ${statusWords[vacancy.status]}. U kunt deze vacature niet meer wijzigen.`);
    const parsed = vacancySchema.safeParse({ ...vacancyAsInput(vacancy), ...((input ?? {}) as Record<string, unknown>) });
    if (!parsed.success) return invalid(issuesToErrors(parsed.error));
    const unknown = await taxonomyErrors(trx, parsed.data);
    if (unknown) return invalid(unknown);
    await trx
      .updateTable('vacancy')
      .set({ ...columns(parsed.data), updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    await recordEvent(trx, { actorUserId: actor.userId, subjectType: 'vacancy', subjectId: id, action: 'vacancy.updated' });
    return { ok: true, value: undefined };
  });
}

/** Puts a concept online, for everyone to see until its closing date. */
export async function publishVacancy(db: Db, actor: Actor, id: string, today = todayIso()): Promise<VacancyCommandResult> {
  return db.transaction().execute(async (trx): Promise<VacancyCommandResult> => {
    const locked = await lockForOwner(trx, actor, id);
    if (!('vacancy' in locked)) return locked;
    const { vacancy } = locked;
    if (!canTransition(vacancy.status, 'open'))
      return conflict('not_concept', `Deze vacature is ${statusWords[vacancy.status]}. Alleen een concept kunt u publiceren.`);
    if (!vacancy.published_until || vacancy.published_until < today) {
      return conflict('expired', 'De einddatum van deze vacature is voorbij. Kies eerst een nieuwe einddatum en sla de vacature op.');
    }
    const now = new Date();
    await trx.updateTable('vacancy').set({ status: 'open', published_at: now, updated_at: now }).where('id', '=', id).execute();
    await recordEvent(trx, {
      actorUserId: actor.userId,
      subjectType: 'vacancy',
      subjectId: id,
      action: 'vacancy.published',
      data: { publishedUntil: vacancy.published_until },
    });
    return { ok: true, value: undefined };
  });
}

export const closeSchema = z.object({
  filled: z
    .preprocess(
      (v) => (v === 'ja' ? true : v === 'nee' || v === undefined || v === '' ? false : v),
      z.boolean({ error: 'Kies of de vacature vervuld is.' }),
    )
    .describe('true als de vacature vervuld is; anders wordt zij gesloten'),
});

/** Takes an open vacancy offline: filled when someone got the job, closed otherwise. */
export async function closeVacancy(
  db: Db,
  actor: Actor,
  id: string,
  input: unknown = {},
): Promise<VacancyCommandResult<{ status: VacancyStatus }>> {
  const parsed = closeSchema.safeParse(input ?? {});
  if (!parsed.success) return invalid(issuesToErrors(parsed.error));
  const to: VacancyStatus = parsed.data.filled ? 'filled' : 'closed';
  return db.transaction().execute(async (trx): Promise<VacancyCommandResult<{ status: VacancyStatus }>> => {
    const locked = await lockForOwner(trx, actor, id);
    if (!('vacancy' in locked)) return locked;
    const { vacancy } = locked;
    if (!canTransition(vacancy.status, to))
      return conflict('not_open', `Deze vacature is ${statusWords[vacancy.status]}. Alleen een open vacature kunt u sluiten.`);
    await trx.updateTable('vacancy').set({ status: to, updated_at: new Date() }).where('id', '=', id).execute();
    await recordEvent(trx, {
      actorUserId: actor.userId,
      subjectType: 'vacancy',
      subjectId: id,
      action: to === 'filled' ? 'vacancy.filled' : 'vacancy.closed',
    });
    return { ok: true, value: { status: to } };
  });
}
