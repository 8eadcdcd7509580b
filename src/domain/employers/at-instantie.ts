import type { Db } from '#app/db/connection.js';
import type { EmployerCategory } from '#app/db/schema.js';
import { isUuid } from '../ids.js';
import { employerColumns, presentEmployer, type EmployerFacts, type EmployerRow } from './queries.js';

/**
 * Employers as one instantie sees them: those it works with (an `employer_category` row at that
 * instantie) with the category it gave them. Other instanties' employers stay out of view.
 */

export type EmployerAtInstantie = EmployerFacts & { category: EmployerCategory; categorySince: Date };

export type EmployerFilter = { category?: EmployerCategory; name?: string; page: number; pageSize: number };

/** `%` and `_` typed by a user are letters, not wildcards. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function baseQuery(db: Db, instantieId: string, filter: Pick<EmployerFilter, 'category' | 'name'>) {
  let query = db
    .selectFrom('employer')
    .innerJoin('employer_category', 'employer_category.employer_id', 'employer.id')
    .where('employer_category.instantie_id', '=', instantieId);
  if (filter.category) query = query.where('employer_category.category', '=', filter.category);
  const name = filter.name?.trim();
  if (name) query = query.where('employer.name', 'ilike', likePattern(name));
  return query;
}

const columns = [...employerColumns, 'employer_category.category', 'employer_category.since'] as const;

const present = (row: EmployerRow & { category: EmployerCategory; since: Date }): EmployerAtInstantie => ({
  ...presentEmployer(row),
  category: row.category,
  categorySince: row.since,
});

export async function listEmployersAt(
  db: Db,
  instantieId: string,
  filter: EmployerFilter,
): Promise<{ total: number; items: EmployerAtInstantie[] }> {
  const { count } = await baseQuery(db, instantieId, filter)
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .executeTakeFirstOrThrow();
  const rows = await baseQuery(db, instantieId, filter)
    .select(columns)
    .orderBy('employer.name')
    .orderBy('employer.id')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  return { total: Number(count), items: rows.map(present) };
}

/** One employer with its locations, or null when the instantie does not work with it. */
export async function employerAt(
  db: Db,
  employerId: string,
  instantieId: string,
): Promise<(EmployerAtInstantie & { locations: { name: string; postcode: string }[] }) | null> {
  if (!isUuid(employerId)) return null;
  const row = await baseQuery(db, instantieId, {}).select(columns).where('employer.id', '=', employerId).executeTakeFirst();
  if (!row) return null;
  const locations = await db
    .selectFrom('employer_location')
    .select(['name', 'postcode'])
    .where('employer_id', '=', employerId)
    .orderBy('name')
    .orderBy('id')
    .execute();
  return { ...present(row), locations };
}

export type CategoryChange = {
  id: string;
  from: EmployerCategory | null;
  to: EmployerCategory;
  reason: string;
  decidedAt: Date;
  decidedByName: string | null;
};

/** The category decisions of this instantie about this employer, newest first, with who decided. */
export async function categoryHistoryAt(db: Db, employerId: string, instantieId: string): Promise<CategoryChange[]> {
  if (!isUuid(employerId)) return [];
  const rows = await db
    .selectFrom('employer_category_change')
    .leftJoin('user', 'user.id', 'employer_category_change.decided_by')
    .select([
      'employer_category_change.id',
      'employer_category_change.from_category',
      'employer_category_change.to_category',
      'employer_category_change.reason',
      'employer_category_change.decided_at',
      'user.name as decider_name',
    ])
    .where('employer_category_change.employer_id', '=', employerId)
    .where('employer_category_change.instantie_id', '=', instantieId)
    .orderBy('employer_category_change.decided_at', 'desc')
    .orderBy('employer_category_change.id', 'desc')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    from: row.from_category,
    to: row.to_category,
    reason: row.reason,
    decidedAt: row.decided_at,
    decidedByName: row.decider_name,
  }));
}
