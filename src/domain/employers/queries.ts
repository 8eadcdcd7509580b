import type { Db } from '#app/db/connection.js';
import type { EmployerCategory } from '#app/db/schema.js';
import { newEmployerCategory } from './rules.js';

/**
 * The categories of these employers at every instantie, as a look-up. An employer that an
 * instantie never classified is business-as-usual there.
 */
export async function categoriesAt(
  db: Db,
  employerIds: readonly string[],
): Promise<(employerId: string, instantieId: string) => EmployerCategory> {
  const rows =
    employerIds.length === 0
      ? []
      : await db.selectFrom('employer_category').selectAll().where('employer_id', 'in', [...employerIds]).execute();
  const byKey = new Map(rows.map((row) => [`${row.employer_id}|${row.instantie_id}`, row.category]));
  return (employerId, instantieId) => byKey.get(`${employerId}|${instantieId}`) ?? newEmployerCategory;
}
