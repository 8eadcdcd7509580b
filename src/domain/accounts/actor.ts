import type { Db } from '#app/db/connection.js';
import type { Role } from '#app/db/schema.js';

export type Membership = {
  role: Role;
  instantieId: string | null;
  employerId: string | null;
};

/** The signed-in person with every role they hold. */
export type Actor = {
  userId: string;
  name: string;
  email: string;
  memberships: Membership[];
};

export async function loadActor(db: Db, userId: string): Promise<Actor | null> {
  const user = await db.selectFrom('user').select(['id', 'name', 'email']).where('id', '=', userId).executeTakeFirst();
  if (!user) return null;
  const memberships = await db
    .selectFrom('membership')
    .select(['role', 'instantie_id', 'employer_id'])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute();
  return {
    userId: user.id,
    name: user.name,
    email: user.email,
    memberships: memberships.map((m) => ({ role: m.role, instantieId: m.instantie_id, employerId: m.employer_id })),
  };
}

export function hasRole(actor: Actor | null, role: Role): boolean {
  return !!actor?.memberships.some((m) => m.role === role);
}

/** The instantie where the actor holds this staff role (the first, when several). */
export function staffInstantie(actor: Actor | null, role: 'consulent' | 'beheerder' | 'auditor'): string | null {
  return actor?.memberships.find((m) => m.role === role)?.instantieId ?? null;
}

export function employerIds(actor: Actor | null): string[] {
  return (actor?.memberships ?? []).flatMap((m) => (m.role === 'werkgever' && m.employerId ? [m.employerId] : []));
}

export async function addMembership(db: Db, userId: string, membership: Membership): Promise<void> {
  await db
    .insertInto('membership')
    .values({
      user_id: userId,
      role: membership.role,
      instantie_id: membership.instantieId,
      employer_id: membership.employerId,
    })
    .execute();
}
