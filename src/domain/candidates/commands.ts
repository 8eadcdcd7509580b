import { randomInt } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '#app/db/connection.js';
import type { Candidate, CandidateUpdate } from '#app/db/schema.js';
import { staffInstantie, type Actor } from '../accounts/actor.js';
import { createUserWithoutPassword, findUserIdByEmail } from '../accounts/users.js';
import { getInstantie } from '../instanties/queries.js';
import { recordEvent } from '../privacy/events.js';
import { findCandidate } from './queries.js';
import { mayEditCandidate } from './policy.js';
import { profileSections, staffOnlySections, type ProfileSection } from './profile.js';
import { availabilityExpiresAt, fieldGroupNames, visibilityLevels, type Visibility, defaultVisibility } from './rules.js';

export type CommandResult<T = void> =
  | { ok: true; value: T }
  | { ok: false; reason: 'forbidden' | 'not_found' }
  | { ok: false; reason: 'invalid'; errors: Record<string, string> };

const invalid = (errors: Record<string, string>) => ({ ok: false as const, reason: 'invalid' as const, errors });
const forbidden = { ok: false as const, reason: 'forbidden' as const };
const notFound = { ok: false as const, reason: 'not_found' as const };

function issuesToErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) errors[issue.path.join('.') || '_'] ??= issue.message;
  return errors;
}

const pseudonymAlphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** A pseudonym employers see instead of a name: short, readable aloud, no confusable characters. */
export function newPseudonym(random: (max: number) => number = randomInt): string {
  let code = '';
  for (let i = 0; i < 6; i++) code += pseudonymAlphabet[random(pseudonymAlphabet.length)];
  return `Kandidaat ${code}`;
}

export const newCandidateSchema = z.object({
  firstName: profileSections.contact.shape.firstName,
  lastName: profileSections.contact.shape.lastName,
  email: profileSections.contact.shape.email,
});

/**
 * A consultant opens a profile for a candidate of their instantie (HalloWerk: the gemeente opens,
 * the candidate completes). With an e-mail address the candidate also gets an account to log in.
 */
export async function createCandidate(db: Db, actor: Actor, input: unknown): Promise<CommandResult<{ id: string }>> {
  const instantieId = staffInstantie(actor, 'consulent');
  if (!instantieId) return forbidden;
  const parsed = newCandidateSchema.safeParse(input);
  if (!parsed.success) return invalid(issuesToErrors(parsed.error));
  const { firstName, lastName, email } = parsed.data;
  if (email && (await findUserIdByEmail(db, email))) return invalid({ email: 'Er is al een account met dit e-mailadres.' });
  const instantie = await getInstantie(db, instantieId);
  const now = new Date();
  const id = await db.transaction().execute(async (trx) => {
    const userId = email ? await createUserWithoutPassword(trx, { email, name: `${firstName} ${lastName}` }) : null;
    if (userId)
      await trx
        .insertInto('membership')
        .values({ user_id: userId, role: 'kandidaat', instantie_id: instantieId, employer_id: null })
        .execute();
    const row = await trx
      .insertInto('candidate')
      .values({
        instantie_id: instantieId,
        user_id: userId,
        consultant_user_id: actor.userId,
        pseudonym: newPseudonym(),
        first_name: firstName,
        last_name: lastName,
        email,
        availability_confirmed_at: now,
        availability_expires_at: availabilityExpiresAt(now, instantie?.settings.availabilityWeeks),
        visibility: JSON.stringify(defaultVisibility),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordEvent(trx, { actorUserId: actor.userId, subjectType: 'candidate', subjectId: row.id, action: 'candidate.created' });
    return row.id;
  });
  return { ok: true, value: { id } };
}

type Loaded = { candidate: Candidate; editor: 'kandidaat' | 'consulent' };
async function loadForEdit(db: Db, actor: Actor, candidateId: string): Promise<Loaded | typeof notFound> {
  const candidate = await findCandidate(db, candidateId);
  const editor = candidate ? mayEditCandidate(actor, { instantieId: candidate.instantie_id, userId: candidate.user_id }) : null;
  // A candidate one may not edit is reported as absent, so ids cannot be probed.
  return candidate && editor ? { candidate, editor } : notFound;
}

function sectionUpdate(section: ProfileSection, value: Record<string, unknown>): CandidateUpdate {
  const v = value as never as Record<string, never>;
  switch (section) {
    case 'contact':
      return { first_name: v.firstName, last_name: v.lastName, email: v.email, phone: v.phone };
    case 'werk':
      return { wished_occupations: v.wishedOccupations, hours_per_week: v.hoursPerWeek, days: v.days };
    case 'ervaring':
      return { skills: v.skills, education_level: v.educationLevel, work_experience: JSON.stringify(v.workExperience), about: v.about };
    case 'talen':
      return { dutch_level: v.dutchLevel, languages: JSON.stringify(v.languages) };
    case 'reizen':
      return { postcode: v.postcode, travel_radius_km: v.travelRadiusKm, travel_modes: v.travelModes };
    case 'ondersteuning':
      return { support_needs: v.supportNeeds, participation_step: v.participationStep ?? null, regie_level: v.regieLevel };
    case 'beschikbaarheid':
      return { availability: v.availability };
    case 'doelgroep':
      return { target_groups: v.targetGroups };
  }
}

/** Saves one section of the profile; the candidate or their consultant, recorded as such. */
export async function updateProfileSection(
  db: Db,
  actor: Actor,
  candidateId: string,
  section: ProfileSection,
  input: unknown,
): Promise<CommandResult> {
  const loaded = await loadForEdit(db, actor, candidateId);
  if (!('candidate' in loaded)) return loaded;
  if (staffOnlySections.includes(section) && loaded.editor !== 'consulent') return forbidden;
  const parsed = profileSections[section].safeParse(input);
  if (!parsed.success) return invalid(issuesToErrors(parsed.error));
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('candidate')
      .set({ ...sectionUpdate(section, parsed.data as Record<string, unknown>), updated_at: new Date() })
      .where('id', '=', candidateId)
      .execute();
    await recordEvent(trx, {
      actorUserId: actor.userId,
      subjectType: 'candidate',
      subjectId: candidateId,
      action: `profile.${section}.updated`,
      data: { by: loaded.editor },
    });
  });
  return { ok: true, value: undefined };
}

const levelSchema = z.enum(visibilityLevels, { error: 'Kies wie dit mag zien.' });
export const visibilitySchema = z.object({
  visibility: z.object(
    Object.fromEntries(fieldGroupNames.map((group) => [group, levelSchema])) as Record<keyof Visibility, typeof levelSchema>,
  ),
  anonymous: z.preprocess((v) => v === true || v === 'ja' || v === 'true', z.boolean()),
});

/** The candidate's choice of who sees which group; made by the candidate, or by the consultant together with the candidate. */
export async function setVisibility(db: Db, actor: Actor, candidateId: string, input: unknown): Promise<CommandResult> {
  const loaded = await loadForEdit(db, actor, candidateId);
  if (!('candidate' in loaded)) return loaded;
  const parsed = visibilitySchema.safeParse(input);
  if (!parsed.success) return invalid(issuesToErrors(parsed.error));
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('candidate')
      .set({ visibility: JSON.stringify(parsed.data.visibility), anonymous: parsed.data.anonymous, updated_at: new Date() })
      .where('id', '=', candidateId)
      .execute();
    await recordEvent(trx, {
      actorUserId: actor.userId,
      subjectType: 'candidate',
      subjectId: candidateId,
      action: 'visibility.changed',
      data: { ...parsed.data, recordedAs: loaded.editor === 'kandidaat' ? 'kandidaat' : 'consulent_met_kandidaat' },
    });
  });
  return { ok: true, value: undefined };
}

/** Consent to be visible to employers: what, when, by whom. Without it no employer sees the profile. */
export async function giveConsent(db: Db, actor: Actor, candidateId: string): Promise<CommandResult> {
  const loaded = await loadForEdit(db, actor, candidateId);
  if (!('candidate' in loaded)) return loaded;
  await db.transaction().execute(async (trx) => {
    const active = await trx
      .selectFrom('consent')
      .select('id')
      .where('candidate_id', '=', candidateId)
      .where('withdrawn_at', 'is', null)
      .executeTakeFirst();
    if (active) return;
    const recordedAs = loaded.editor === 'kandidaat' ? 'kandidaat' : 'consulent_met_kandidaat';
    const consent = await trx
      .insertInto('consent')
      .values({ candidate_id: candidateId, given_by: actor.userId, recorded_as: recordedAs })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordEvent(trx, {
      actorUserId: actor.userId,
      subjectType: 'consent',
      subjectId: consent.id,
      action: 'consent.given',
      data: { candidateId, recordedAs },
    });
  });
  return { ok: true, value: undefined };
}

/** Withdrawing consent hides the profile from every employer at once. */
export async function withdrawConsent(db: Db, actor: Actor, candidateId: string): Promise<CommandResult> {
  const loaded = await loadForEdit(db, actor, candidateId);
  if (!('candidate' in loaded)) return loaded;
  await db.transaction().execute(async (trx) => {
    const withdrawn = await trx
      .updateTable('consent')
      .set({ withdrawn_at: new Date(), withdrawn_by: actor.userId })
      .where('candidate_id', '=', candidateId)
      .where('withdrawn_at', 'is', null)
      .returning('id')
      .execute();
    for (const consent of withdrawn) {
      await recordEvent(trx, {
        actorUserId: actor.userId,
        subjectType: 'consent',
        subjectId: consent.id,
        action: 'consent.withdrawn',
        data: { candidateId },
      });
    }
  });
  return { ok: true, value: undefined };
}

/** Confirms the candidate is still looking; availability then runs for the instantie's number of weeks again. */
export async function confirmAvailability(
  db: Db,
  actor: Actor,
  candidateId: string,
  now = new Date(),
): Promise<CommandResult<{ expiresAt: Date }>> {
  const loaded = await loadForEdit(db, actor, candidateId);
  if (!('candidate' in loaded)) return loaded;
  const instantie = await getInstantie(db, loaded.candidate.instantie_id);
  const expiresAt = availabilityExpiresAt(now, instantie?.settings.availabilityWeeks);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('candidate')
      .set({ availability_confirmed_at: now, availability_expires_at: expiresAt, updated_at: now })
      .where('id', '=', candidateId)
      .execute();
    await recordEvent(trx, {
      actorUserId: actor.userId,
      subjectType: 'candidate',
      subjectId: candidateId,
      action: 'availability.confirmed',
      data: { by: loaded.editor, expiresAt },
    });
  });
  return { ok: true, value: { expiresAt } };
}

export async function hasActiveConsent(db: Db, candidateId: string): Promise<boolean> {
  const row = await db
    .selectFrom('consent')
    .select('id')
    .where('candidate_id', '=', candidateId)
    .where('withdrawn_at', 'is', null)
    .executeTakeFirst();
  return !!row;
}
