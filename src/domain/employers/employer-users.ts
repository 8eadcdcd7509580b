import { z } from 'zod';
import type { Auth } from '#app/auth.js';
import type { Db } from '#app/db/connection.js';
import { addMembership, staffInstantie, type Actor } from '../accounts/actor.js';
import { createUserWithPassword, findUserIdByEmail } from '../accounts/users.js';
import { recordEvent } from '../privacy/events.js';
import { employerAt } from './at-instantie.js';

export const employerUserSchema = z.object({
  name: z
    .string({ error: 'Vul de naam in.' })
    .trim()
    .min(1, 'Vul de naam in.')
    .max(200, 'De naam is te lang. Gebruik hoogstens 200 tekens.'),
  email: z
    .string({ error: 'Vul het e-mailadres in.' })
    .trim()
    .toLowerCase()
    .min(1, 'Vul het e-mailadres in.')
    .pipe(z.email({ error: 'Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.' })),
  password: z.string().optional(),
});

/** better-auth's own limits (see src/auth.ts); checked here so the user gets a Dutch message. */
export const passwordSchema = z
  .string({ error: 'Kies een wachtwoord van minstens 10 tekens.' })
  .min(10, 'Kies een wachtwoord van minstens 10 tekens.')
  .max(128, 'Het wachtwoord is te lang. Gebruik hoogstens 128 tekens.');

export type EmployerUser = { userId: string; name: string; email: string };

export type AddEmployerUserResult =
  | { ok: true; userId: string; existingAccount: boolean }
  | { ok: false; reason: 'not_found' }
  | { ok: false; reason: 'invalid'; errors: Record<string, string> };

/** The people who act for this employer (role werkgever). */
export async function employerUsers(db: Db, employerId: string): Promise<EmployerUser[]> {
  const rows = await db
    .selectFrom('membership')
    .innerJoin('user', 'user.id', 'membership.user_id')
    .select(['user.id', 'user.name', 'user.email'])
    .where('membership.role', '=', 'werkgever')
    .where('membership.employer_id', '=', employerId)
    .orderBy('user.name')
    .orderBy('user.id')
    .execute();
  return rows.map((row) => ({ userId: row.id, name: row.name, email: row.email }));
}

/**
 * A beheerder gives a person access to an employer that their instantie works with. A new
 * e-mail address gets an account with the initial password; a known one only gets the
 * membership (its password stays as it is).
 */
export async function addEmployerUser(
  db: Db,
  auth: Auth,
  actor: Actor,
  employerId: string,
  input: unknown,
): Promise<AddEmployerUserResult> {
  const instantieId = staffInstantie(actor, 'beheerder');
  if (!instantieId || !(await employerAt(db, employerId, instantieId))) return { ok: false, reason: 'not_found' };
  const parsed = employerUserSchema.safeParse(input);
  const errors: Record<string, string> = {};
  if (!parsed.success) for (const issue of parsed.error.issues) errors[issue.path.join('.') || '_'] ??= issue.message;
  const existingUserId = parsed.success ? await findUserIdByEmail(db, parsed.data.email) : null;
  const password = passwordSchema.safeParse((input as { password?: unknown } | null)?.password);
  if (!existingUserId && !password.success) errors.password = password.error.issues[0]!.message;
  if (existingUserId && (await employerUsers(db, employerId)).some((u) => u.userId === existingUserId)) {
    errors.email = 'Deze persoon is al gebruiker van deze werkgever.';
  }
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, reason: 'invalid', errors };

  const userId =
    existingUserId ?? (await createAccount(db, auth, { email: parsed.data.email, name: parsed.data.name, password: password.data! }));
  await db.transaction().execute(async (trx) => {
    await addMembership(trx, userId, { role: 'werkgever', instantieId: null, employerId });
    await recordEvent(trx, {
      actorUserId: actor.userId,
      subjectType: 'employer',
      subjectId: employerId,
      action: 'employer.user_added',
      data: { userId, existingAccount: existingUserId !== null },
    });
  });
  return { ok: true, userId, existingAccount: existingUserId !== null };
}

async function createAccount(db: Db, auth: Auth, input: { email: string; name: string; password: string }): Promise<string> {
  try {
    return await createUserWithPassword(auth, input);
  } catch (error) {
    // The same address was registered a moment ago: use that account.
    const raced = await findUserIdByEmail(db, input.email);
    if (raced) return raced;
    throw error;
  }
}
