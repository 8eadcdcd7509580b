import { sql } from 'kysely';
import type { Db } from '#app/db/connection.js';
import type { EmployerCategory, PsoLevel } from '#app/db/schema.js';

/**
 * Employers as one instantie sees them: those it works with (an `employer_category` row at that
 * instantie) with the category it gave them. Other instanties' employers stay out of view.
 */

export type EmployerAtInstantie = {
  id: string;
  name: string;
  kvkNumber: string;
  sector: string;
  psoLevel: PsoLevel;
  psoEvidenceDate: string | null;
  codeSocialeOndernemingen: boolean;
  category: EmployerCategory;
  categorySince: Date;
};

export type EmployerFilter = { category?: EmployerCategory; name?: string; page: number; pageSize: number };

const isUuid = (value: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

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

const columns = [
  'employer.id',
  'employer.name',
  'employer.kvk_number',
  'employer.sector',
  'employer.pso_level',
  // A date column arrives as a Date at midnight in some time zone, depending on the driver: read it as text.
  sql<string | null>`to_char(employer.pso_evidence_date, 'YYYY-MM-DD')`.as('pso_evidence_date'),
  'employer.code_sociale_ondernemingen',
  'employer_category.category',
  'employer_category.since',
] as const;

type Row = {
  id: string;
  name: string;
  kvk_number: string;
  sector: string;
  pso_level: PsoLevel;
  pso_evidence_date: string | null;
  code_sociale_ondernemingen: boolean;
  category: EmployerCategory;
  since: Date;
};

const present = (row: Row): EmployerAtInstantie => ({
  id: row.id,
  name: row.name,
  kvkNumber: row.kvk_number,
  sector: row.sector,
  psoLevel: row.pso_level,
  psoEvidenceDate: row.pso_evidence_date,
  codeSocialeOndernemingen: row.code_sociale_ondernemingen,
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
