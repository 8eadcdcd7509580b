import { sql, type SelectQueryBuilder } from 'kysely';
import type { Db } from '#app/db/connection.js';
import type { Database, Vacancy } from '#app/db/schema.js';
import { employerIds, type Actor } from '../accounts/actor.js';
import { isUuid } from '../ids.js';
import { conceptLabels } from '../taxonomy/queries.js';
import { mayReadVacancy } from './policy.js';
import { presentVacancy, vacancyConceptUris, type VacancyPresentation } from './presenter.js';
import { todayIso, type ContractType, type SupportOption } from './rules.js';

type VacancyRow = Vacancy & { employer_name: string };

/** Every column but the date, which both drivers would turn into a Date; it is read as jjjj-mm-dd text instead. */
export const vacancyColumns = [
  'vacancy.id',
  'vacancy.employer_id',
  'vacancy.title',
  'vacancy.description',
  'vacancy.postcode',
  'vacancy.hours_per_week',
  'vacancy.contract_type',
  'vacancy.occupation_uri',
  'vacancy.required_dutch_level',
  'vacancy.physical_requirements',
  'vacancy.required_skills',
  'vacancy.nice_skills',
  'vacancy.support_offered',
  'vacancy.suitability',
  'vacancy.status',
  'vacancy.published_at',
  'vacancy.created_at',
  'vacancy.updated_at',
] as const;
export const publishedUntilText = sql<string | null>`vacancy.published_until::text`.as('published_until');

/** Vacancies with their employer's name. */
function selectVacancies(db: Db) {
  return db
    .selectFrom('vacancy')
    .innerJoin('employer', 'employer.id', 'vacancy.employer_id')
    .select([...vacancyColumns, publishedUntilText, 'employer.name as employer_name']);
}

async function findVacancyRow(db: Db, id: string): Promise<VacancyRow | null> {
  if (!isUuid(id)) return null;
  return ((await selectVacancies(db).where('vacancy.id', '=', id).executeTakeFirst()) as VacancyRow | undefined) ?? null;
}

export async function findVacancy(db: Db, id: string): Promise<Vacancy | null> {
  return findVacancyRow(db, id);
}

export type VacancyRead = { vacancy: VacancyPresentation; managed: boolean };

/** One vacancy as the actor may see it: listed ones for everyone, the rest only for its own employer. */
export async function readVacancy(db: Db, actor: Actor | null, id: string, today = todayIso()): Promise<VacancyRead | null> {
  const row = await findVacancyRow(db, id);
  if (!row) return null;
  const facts = { employerId: row.employer_id, status: row.status, publishedUntil: row.published_until };
  if (!mayReadVacancy(actor, facts, today)) return null;
  const labels = await conceptLabels(db, vacancyConceptUris(row));
  return { vacancy: presentVacancy(row, row.employer_name, today, labels), managed: employerIds(actor).includes(row.employer_id) };
}

export type VacancyFilters = {
  text?: string;
  hoursMin?: number;
  hoursMax?: number;
  contractType?: ContractType;
  occupationUri?: string;
  openHiring?: boolean;
  supportOffered?: readonly SupportOption[];
};
export type PageRequest = { page: number; pageSize: number };
export type VacancyList = { items: VacancyPresentation[]; total: number; page: number; pageSize: number };

/** `%` and `_` typed by a person are letters, not wildcards. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function applyFilters<O>(query: SelectQueryBuilder<Database, 'vacancy' | 'employer', O>, filters: VacancyFilters) {
  let q = query;
  const text = filters.text?.trim();
  if (text) {
    const pattern = likePattern(text);
    q = q.where((eb) =>
      eb.or([eb('vacancy.title', 'ilike', pattern), eb('vacancy.description', 'ilike', pattern), eb('employer.name', 'ilike', pattern)]),
    );
  }
  if (filters.hoursMin !== undefined) q = q.where('vacancy.hours_per_week', '>=', filters.hoursMin);
  if (filters.hoursMax !== undefined) q = q.where('vacancy.hours_per_week', '<=', filters.hoursMax);
  if (filters.contractType) q = q.where('vacancy.contract_type', '=', filters.contractType);
  if (filters.occupationUri) q = q.where('vacancy.occupation_uri', '=', filters.occupationUri);
  if (filters.openHiring) q = q.where(sql<boolean>`vacancy.suitability @> array['open_hiring']::text[]`);
  if (filters.supportOffered?.length) q = q.where(sql<boolean>`vacancy.support_offered @> ${[...filters.supportOffered]}::text[]`);
  return q;
}

async function page(db: Db, base: ReturnType<typeof selectVacancies>, request: PageRequest, today: string): Promise<VacancyList> {
  const counted = await base
    .clearSelect()
    .select((eb) => eb.fn.countAll<string>().as('total'))
    .executeTakeFirstOrThrow();
  const rows = (await base
    .orderBy('vacancy.created_at', 'desc')
    .orderBy('vacancy.id')
    .limit(request.pageSize)
    .offset((request.page - 1) * request.pageSize)
    .execute()) as VacancyRow[];
  const labels = await conceptLabels(db, rows.flatMap(vacancyConceptUris));
  return {
    items: rows.map((row) => presentVacancy(row, row.employer_name, today, labels)),
    total: Number(counted.total),
    page: request.page,
    pageSize: request.pageSize,
  };
}

/** The public list: open vacancies whose closing date has not passed, newest first. */
export async function listOpenVacancies(db: Db, filters: VacancyFilters, request: PageRequest, today = todayIso()): Promise<VacancyList> {
  const base = applyFilters(
    selectVacancies(db).where('vacancy.status', '=', 'open').where('vacancy.published_until', '>=', today),
    filters,
  );
  return page(db, base, request, today);
}

/** The vacancies of the actor's own organisations, in every state, newest first. */
export async function listEmployerVacancies(db: Db, actor: Actor, request: PageRequest, today = todayIso()): Promise<VacancyList> {
  const employers = employerIds(actor);
  if (employers.length === 0) return { items: [], total: 0, page: request.page, pageSize: request.pageSize };
  return page(db, selectVacancies(db).where('vacancy.employer_id', 'in', employers), request, today);
}
