import type { Db } from '#app/db/connection.js';
import type { EmployerCategory } from '#app/db/schema.js';
import { employerIds, type Actor } from '../accounts/actor.js';
import { listInstanties, type Instantie } from '../instanties/queries.js';
import { categoriesAt } from './queries.js';
import { newEmployerCategory } from './rules.js';

/**
 * What the candidate policy needs to know about an employer user, read once per request: the
 * category of each of their employers at each instantie, and the instanties with their settings
 * (pool search, daily view limits, expired profiles). Staff and candidates have no employer, so
 * theirs costs no query.
 */
export type EmployerStanding = {
  categoryOf: (employerId: string, instantieId: string) => EmployerCategory;
  instanties: Instantie[];
};

export async function employerStanding(db: Db, actor: Actor): Promise<EmployerStanding> {
  const employers = employerIds(actor);
  if (employers.length === 0) return { categoryOf: () => newEmployerCategory, instanties: [] };
  const categoryOf = await categoriesAt(db, employers);
  return { categoryOf, instanties: await listInstanties(db) };
}
