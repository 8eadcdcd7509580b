import type { Db } from '#app/db/connection.js';
import type { EmployerCategory } from '#app/db/schema.js';
import { employerIds, type Actor } from '../accounts/actor.js';
import { bestCategory } from '../candidates/policy.js';
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
  /** The best category of the user's employers at an instantie. */
  bestCategoryAt: (instantieId: string) => EmployerCategory;
  instanties: Instantie[];
};

export async function employerStanding(db: Db, actor: Actor): Promise<EmployerStanding> {
  const employers = employerIds(actor);
  if (employers.length === 0) {
    return { categoryOf: () => newEmployerCategory, bestCategoryAt: () => newEmployerCategory, instanties: [] };
  }
  const [categoryOf, instanties] = await Promise.all([categoriesAt(db, employers), listInstanties(db)]);
  return {
    categoryOf,
    bestCategoryAt: (instantieId) => bestCategory(employers.map((employerId) => categoryOf(employerId, instantieId))),
    instanties,
  };
}
