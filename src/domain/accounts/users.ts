import type { Auth } from '#app/auth.js';
import type { Db } from '#app/db/connection.js';

/** A person who can log in with e-mail and password (better-auth hashes the password). */
export async function createUserWithPassword(auth: Auth, input: { email: string; password: string; name: string }): Promise<string> {
  const { user } = await auth.api.signUpEmail({ body: input });
  return user.id;
}

/** A person without a password yet, e.g. a candidate whose consultant opens the profile. */
export async function createUserWithoutPassword(db: Db, input: { email: string; name: string }): Promise<string> {
  const id = crypto.randomUUID();
  const now = new Date();
  await db
    .insertInto('user')
    .values({ id, email: input.email.toLowerCase(), name: input.name, emailVerified: false, image: null, createdAt: now, updatedAt: now })
    .execute();
  return id;
}

export async function findUserIdByEmail(db: Db, email: string): Promise<string | null> {
  const row = await db.selectFrom('user').select('id').where('email', '=', email.toLowerCase()).executeTakeFirst();
  return row?.id ?? null;
}
