import { sql } from 'kysely';
import type { Db } from '#app/db/connection.js';
import type { EmployerCategory, PsoLevel, Role } from '#app/db/schema.js';
import { employerIds, type Actor } from '../accounts/actor.js';
import { isUuid } from '../ids.js';
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
      : await db
          .selectFrom('employer_category')
          .selectAll()
          .where('employer_id', 'in', [...employerIds])
          .execute();
  const byKey = new Map(rows.map((row) => [`${row.employer_id}|${row.instantie_id}`, row.category]));
  return (employerId, instantieId) => byKey.get(`${employerId}|${instantieId}`) ?? newEmployerCategory;
}

export type EmployerLocation = { id: string; name: string; postcode: string };
export type EmployerCategoryAt = { instantieId: string; instantieName: string; category: EmployerCategory; since: Date };

/** What is known of the organisation itself, whoever looks at it. */
export type EmployerFacts = {
  id: string;
  name: string;
  kvkNumber: string;
  sector: string;
  psoLevel: PsoLevel;
  /** jjjj-mm-dd */
  psoEvidenceDate: string | null;
  codeSocialeOndernemingen: boolean;
};

/** An employer with its locations and the categories instanties gave it. */
export type EmployerDetails = EmployerFacts & {
  locations: EmployerLocation[];
  categories: EmployerCategoryAt[];
};

const staffRoles: readonly Role[] = ['consulent', 'beheerder', 'auditor'];
const staffInstanties = (actor: Actor) => [
  ...new Set(actor.memberships.flatMap((m) => (staffRoles.includes(m.role) && m.instantieId ? [m.instantieId] : []))),
];

/** The columns of `EmployerFacts`. */
export const employerColumns = [
  'employer.id',
  'employer.name',
  'employer.kvk_number',
  'employer.sector',
  'employer.pso_level',
  'employer.code_sociale_ondernemingen',
  // Read the date as text: both database drivers would otherwise make it a Date at midnight in some time zone.
  sql<string | null>`to_char(employer.pso_evidence_date, 'YYYY-MM-DD')`.as('pso_evidence_date'),
] as const;

export type EmployerRow = {
  id: string;
  name: string;
  kvk_number: string;
  sector: string;
  pso_level: PsoLevel;
  pso_evidence_date: string | null;
  code_sociale_ondernemingen: boolean;
};

export const presentEmployer = (row: EmployerRow): EmployerFacts => ({
  id: row.id,
  name: row.name,
  kvkNumber: row.kvk_number,
  sector: row.sector,
  psoLevel: row.pso_level,
  psoEvidenceDate: row.pso_evidence_date,
  codeSocialeOndernemingen: row.code_sociale_ondernemingen,
});

/** Employers with their locations and categories; `instanties` limits which categories are shown (null: all). */
async function detailsOf(db: Db, ids: readonly string[], instanties: readonly string[] | null): Promise<EmployerDetails[]> {
  if (ids.length === 0) return [];
  const [rows, locations, categories] = await Promise.all([
    db
      .selectFrom('employer')
      .select(employerColumns)
      .where('employer.id', 'in', [...ids])
      .orderBy('employer.name')
      .orderBy('employer.id')
      .execute(),
    db
      .selectFrom('employer_location')
      .select(['id', 'employer_id', 'name', 'postcode'])
      .where('employer_id', 'in', [...ids])
      .orderBy('name')
      .orderBy('id')
      .execute(),
    instanties && instanties.length === 0
      ? []
      : db
          .selectFrom('employer_category')
          .innerJoin('instantie', 'instantie.id', 'employer_category.instantie_id')
          .select([
            'employer_category.employer_id',
            'employer_category.instantie_id',
            'instantie.name',
            'employer_category.category',
            'employer_category.since',
          ])
          .where('employer_category.employer_id', 'in', [...ids])
          .$if(instanties !== null, (q) => q.where('employer_category.instantie_id', 'in', [...instanties!]))
          .orderBy('instantie.name')
          .execute(),
  ]);
  return rows.map((row) => ({
    ...presentEmployer(row),
    locations: locations.filter((l) => l.employer_id === row.id).map((l) => ({ id: l.id, name: l.name, postcode: l.postcode })),
    categories: categories
      .filter((c) => c.employer_id === row.id)
      .map((c) => ({ instantieId: c.instantie_id, instantieName: c.name, category: c.category, since: new Date(c.since) })),
  }));
}

/** The organisations the actor acts for as an employer user, with every category they have. */
export async function employersOfActor(db: Db, actor: Actor): Promise<EmployerDetails[]> {
  return detailsOf(db, employerIds(actor), null);
}

/**
 * One employer as the actor may see it: its own users see all of it; staff see an employer their
 * instantie works with (a category there), with only their own instanties' categories. Others: null.
 */
export async function readEmployer(db: Db, actor: Actor | null, id: string): Promise<EmployerDetails | null> {
  if (!actor || !isUuid(id)) return null;
  if (employerIds(actor).includes(id)) return (await detailsOf(db, [id], null))[0] ?? null;
  const instanties = staffInstanties(actor);
  if (instanties.length === 0) return null;
  const [details] = await detailsOf(db, [id], instanties);
  return details && details.categories.length > 0 ? details : null;
}

/**
 * The employers the actor may see, by name: their own organisations, and for staff the employers
 * with a category at their instantie. Null for someone who sees no employers at all (a candidate).
 */
export async function listEmployersFor(
  db: Db,
  actor: Actor,
  request: { page: number; pageSize: number },
): Promise<{ items: EmployerDetails[]; total: number; page: number; pageSize: number } | null> {
  const own = employerIds(actor);
  const instanties = staffInstanties(actor);
  if (own.length === 0 && instanties.length === 0) return null;
  const base = db
    .selectFrom('employer')
    .where((eb) =>
      eb.or([
        ...(own.length ? [eb('employer.id', 'in', own)] : []),
        ...(instanties.length
          ? [
              eb.exists(
                eb
                  .selectFrom('employer_category')
                  .select(sql.lit(1).as('one'))
                  .whereRef('employer_category.employer_id', '=', 'employer.id')
                  .where('employer_category.instantie_id', 'in', instanties),
              ),
            ]
          : []),
      ]),
    );
  const { total } = await base.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow();
  const ids = await base
    .select('employer.id')
    .orderBy('employer.name')
    .orderBy('employer.id')
    .limit(request.pageSize)
    .offset((request.page - 1) * request.pageSize)
    .execute();
  const details = await detailsOf(
    db,
    ids.map((r) => r.id),
    null,
  );
  // Staff see only their own instanties' categories of an employer they do not belong to.
  const items = details.map((d) =>
    own.includes(d.id) ? d : { ...d, categories: d.categories.filter((c) => instanties.includes(c.instantieId)) },
  );
  return { items, total: Number(total), page: request.page, pageSize: request.pageSize };
}
