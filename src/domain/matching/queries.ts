import { sql, type RawBuilder } from 'kysely';
import type { Db } from '#app/db/connection.js';
import type { Candidate, EmployerCategory, Vacancy } from '#app/db/schema.js';
import { employerIds, type Actor } from '../accounts/actor.js';
import {
  poolInstanties,
  readCandidates,
  readCandidate,
  scopedCandidates,
  staffInstantieIds,
  type CandidateRead,
} from '../candidates/queries.js';
import {
  fieldGroupNames,
  groupsVisibleToEmployer,
  levelsShowingGroup,
  normaliseVisibility,
  visibilityLevels,
  type FieldGroup,
} from '../candidates/rules.js';
import { employerStanding } from '../employers/standing.js';
import { isUuid } from '../ids.js';
import { coordinatesOf, distanceKmSql, regionsWithinKm, type EarthPoint } from '../geo/distance.js';
import { findConcepts, rankingConcepts } from '../taxonomy/queries.js';
import { vacancyColumns, publishedUntilText } from '../vacancies/queries.js';
import { todayIso } from '../vacancies/rules.js';
import { matchCandidateFrom, matchVacancyFrom, type CandidateMatchColumns, type IscoLookup } from './inputs.js';
import { scoreSql, type ScoreSqlInputs, type WeightsSql } from './score-sql.js';
import { partNames, scoreMatch, type MatchCandidate, type MatchVacancy, type Score, type Weights } from './score.js';
import { standardWeights, weightsForInstanties, weightsInForce, type WeightsInForce } from './weights.js';

/** How long a shown ranked list stays on record (AI Act logging; docs/domain/matching.md). */
export const matchLogRetentionMonths = 12;

/** Lists shown are kept for `matchLogRetentionMonths`; older rows go. Returns how many were removed. */
export async function purgeExpiredMatchLog(db: Db, today = todayIso()): Promise<number> {
  const result = await db.deleteFrom('match_log').where('keep_until', '<', today).executeTakeFirst();
  return Number(result.numDeletedRows);
}

const scoredParts = partNames.filter((name) => name !== 'ondersteuning');

/** Weights as SQL parameters, the same for every row. */
const weightsAsParameters = (weights: Weights): WeightsSql =>
  Object.fromEntries(scoredParts.map((name) => [name, sql<number>`${weights[name]}::float8`])) as WeightsSql;

/** Weights per row, from the `weights` relation joined on the row's instantie (see `weightsRelation`). */
const weightsFromRelation = Object.fromEntries(scoredParts.map((name) => [name, sql<number>`weights.${sql.ref(name)}`])) as WeightsSql;

/** The weights of several instanties as a relation `weights(for_instantie, version, beroep, …)` to join. */
function weightsRelation(byInstantie: Map<string, WeightsInForce>) {
  const rows = [...byInstantie].map(([instantieId, { version, weights }]) => ({ for_instantie: instantieId, version, ...weights }));
  const columns = scoredParts.map((name) => sql`${sql.ref(name)} float8`);
  return sql`(select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(for_instantie text, version text, ${sql.join(columns)}))`.as(
    'weights',
  );
}

/** ISCO unit groups of occupations, from the taxonomy (the built-in list is in it from start-up). */
async function iscoLookup(db: Db, uris: readonly string[]): Promise<IscoLookup> {
  const concepts = await findConcepts(db, uris);
  return (uri) => concepts.get(uri)?.iscoGroup ?? null;
}

/** Only rows that share one of `concepts` under one of `scopes` (see migration 0006-match-terms). */
const sharesTerm = (table: 'candidate' | 'vacancy', scopes: readonly string[], concepts: readonly string[]) =>
  sql<boolean>`${sql.ref(`${table}.match_terms`)} && (select coalesce(array_agg(match_term(s, c)), '{}')
    from unnest(${sql.val(scopes)}::text[]) s, unnest(${sql.val(concepts)}::text[]) c)`;

/**
 * Which of `targets` the array `column` holds, as their positions (from 1): one `= any` per target,
 * as a plain expression (a subquery over unnest would fill a tuple store for every row).
 */
const positionsIn = (column: string, targets: readonly string[]) =>
  sql<number[]>`array_remove(array[${sql.join(
    targets.map((target, index) => sql`case when ${target}::text = any(${sql.ref(column)}) then ${sql.lit(index + 1)} end`),
  )}]::int[], null)`;

/** The point of each vacancy's PC4 area, kept on its row (migration 0010). */
const vacancyPoint: EarthPoint = { earthPoint: 'vacancy.point' };

async function coordinates(db: Db, postcode: string | null): Promise<{ latitude: number; longitude: number } | null> {
  if (!postcode) return null;
  const pc4 = postcode.slice(0, 4);
  return (await coordinatesOf(db, [pc4])).get(pc4) ?? null;
}

export type ShownList = {
  viewerUserId: string;
  role: string;
  direction: 'vacancies_for_candidate' | 'candidates_for_vacancy' | 'candidates_by_criteria';
  subjectId: string | null;
  query: object;
  version: string;
  ids: string[];
};

/** Puts ranked lists that were shown on record (match_log), kept for `matchLogRetentionMonths`. */
export async function recordShownLists(db: Db, lists: readonly ShownList[]): Promise<void> {
  if (lists.length === 0) return;
  const keep = new Date();
  keep.setMonth(keep.getMonth() + matchLogRetentionMonths);
  await db
    .insertInto('match_log')
    .values(
      lists.map((list) => ({
        viewer_user_id: list.viewerUserId,
        viewer_role: list.role,
        direction: list.direction,
        subject_id: list.subjectId,
        query: JSON.stringify(list.query),
        weights_version: list.version,
        shown_ids: list.ids,
        keep_until: keep.toISOString().slice(0, 10),
      })),
    )
    .execute();
}

/** When a vacancy went online; rows written straight as open (imports, demo data) have only created_at. */
const publishedAt = sql<Date>`coalesce(vacancy.published_at, vacancy.created_at)`;

export type VacancyFilters = {
  maxKm?: number;
  minHours?: number;
  maxHours?: number;
  occupationUri?: string;
  supportOffered?: string[];
  openHiring?: boolean;
  /** Only vacancies that went online in this window (the weekly alert of a saved search): after, up to and including. */
  publishedAfter?: Date;
  publishedUpTo?: Date;
};
export type RankedVacancy = { vacancy: Vacancy & { employer_name: string }; score: Score; distanceKm: number | null };
export type RankedList<T> = { items: T[]; total: number; page: number; pageSize: number; weightsVersion: string };

/**
 * How far a candidate's list reaches: up to twice their travel radius (where the distance part of the
 * score reaches zero), or as far as the candidate's own distance filter says. Null: the whole country
 * (no postcode or no radius known).
 */
export function reachKm(travelRadiusKm: number | null, maxKmFilter: number | undefined): number | null {
  if (maxKmFilter !== undefined) return maxKmFilter;
  return travelRadiusKm === null ? null : 2 * travelRadiusKm;
}

/**
 * "Vacatures voor jou": open vacancies ranked for a candidate, as advice. Only the candidate and
 * staff of the candidate's instantie may ask. The list holds the vacancies that share work or skills
 * with the profile and lie within reach (`reachKm`); the others stay in the ordinary vacancy list.
 * Scoring and ordering happen in the database (decision 018); only the page shown is read.
 */
export async function vacanciesForCandidate(
  db: Db,
  actor: Actor,
  candidateId: string,
  options: { page: number; pageSize: number; filters: VacancyFilters },
  context: string,
): Promise<RankedList<RankedVacancy> | 'not_found'> {
  const read = await readCandidate(db, actor, candidateId, context);
  // Only the candidate and staff ask for this; neither has a view limit, so 'limit' cannot occur for them.
  if (!read || read === 'limit' || read.access.role === 'werkgever') return 'not_found';
  const candidate = read.candidate;
  // Rows are found by shared occupations and skills that are not transversal; a related occupation (same
  // ISCO group) and transversal skills only add to the score.
  const [{ version, weights }, home, { related, matching: concepts }] = await Promise.all([
    weightsInForce(db, candidate.instantie_id),
    coordinates(db, candidate.postcode),
    rankingConcepts(db, candidate.wished_occupations, [...candidate.wished_occupations, ...candidate.skills]),
  ]);
  const siblings = [...related.keys()];
  const { filters } = options;
  if (concepts.length === 0) return { items: [], total: 0, page: options.page, pageSize: options.pageSize, weightsVersion: version };
  const reach = home ? reachKm(candidate.travel_radius_km, filters.maxKm) : null;
  const areas = home && reach !== null ? await regionsWithinKm(db, home, reach) : ['nl'];
  // The distance is worked out once per vacancy found (`near`), then read by the filter, the score
  // and the list: as an expression it was computed four times per row, a third of the statement.
  const near = sql`(select ${home ? distanceKmSql(vacancyPoint, home) : sql`null::float8`} as km offset 0)`.as('near');
  const distance = sql<number | null>`near.km`;
  const now = new Date();
  const inputs: ScoreSqlInputs = {
    wishedOccupations: sql`${sql.val(candidate.wished_occupations)}::text[]`,
    skills: sql`${sql.val(candidate.skills)}::text[]`,
    candidateHours: sql`${candidate.hours_per_week}::integer`,
    dutchLevel: sql`${candidate.dutch_level}::text`,
    travelRadiusKm: sql`${candidate.travel_radius_km}::integer`,
    availability: sql`${candidate.availability}::text`,
    availabilityExpired: sql`${candidate.availability_expires_at.getTime() <= now.getTime()}::boolean`,
    occupationUri: sql`vacancy.occupation_uri`,
    requiredSkills: sql`vacancy.required_skills`,
    niceSkills: sql`vacancy.nice_skills`,
    vacancyHours: sql`vacancy.hours_per_week`,
    requiredDutchLevel: sql`vacancy.required_dutch_level`,
    sameIscoGroup: sql`(vacancy.occupation_uri = any(${sql.val(siblings)}::text[]))`,
    distanceKm: distance,
  };
  const score = scoreSql(inputs, weightsAsParameters(weights));
  // Ranked on narrow rows (id, distance, total), so sorting and counting thousands of vacancies stays
  // in memory; the page's vacancies are read afterwards.
  let query = db
    .selectFrom('vacancy')
    .crossJoinLateral(near)
    .crossJoinLateral(score.parts)
    .select(['vacancy.id', distance.as('distance_km'), score.total.as('total'), sql<string>`count(*) over ()`.as('total_count')])
    .where('vacancy.status', '=', 'open')
    .where('vacancy.published_until', '>=', todayIso())
    .where(sharesTerm('vacancy', areas, concepts));
  query = query.where(
    vacancyFilterSql({
      distance,
      reach: sql`${reach}::float8`,
      minHours: sql`${filters.minHours ?? null}::integer`,
      maxHours: sql`${filters.maxHours ?? null}::integer`,
      occupationUri: sql`${filters.occupationUri ?? null}::text`,
      supportOffered: sql`${filters.supportOffered?.length ? sql.val(filters.supportOffered) : null}::text[]`,
      openHiring: sql`${filters.openHiring ?? false}::boolean`,
      publishedAfter: sql`${filters.publishedAfter ?? null}::timestamptz`,
      publishedUpTo: sql`${filters.publishedUpTo ?? null}::timestamptz`,
    }),
  );
  const ordered = query
    .orderBy(sql`total`, 'desc')
    .orderBy(sql`distance_km`, (ob) => ob.asc().nullsLast())
    .orderBy('vacancy.id');
  const { rows: page, total } = await pageWithTotal(
    async (offset, limit) => await ordered.limit(limit).offset(offset).execute(),
    options.page,
    options.pageSize,
  );
  const pageVacancies = page.length
    ? ((await db
        .selectFrom('vacancy')
        .innerJoin('employer', 'employer.id', 'vacancy.employer_id')
        .select([...vacancyColumns, publishedUntilText, 'employer.name as employer_name'])
        .where(
          'vacancy.id',
          'in',
          page.map((row) => row.id),
        )
        .execute()) as (Vacancy & { employer_name: string })[])
    : [];
  const vacancies = new Map(pageVacancies.map((vacancy) => [vacancy.id, vacancy]));
  const rows = page.flatMap((row) => {
    const vacancy = vacancies.get(row.id);
    return vacancy ? [{ vacancy, distance_km: row.distance_km }] : [];
  });

  // The page shown is scored again by score.ts, which explains each part; the totals are the same.
  // Only "same ISCO group as a wished occupation" matters to the score, so that is all the look-up has to know.
  const iscoOf: IscoLookup = (uri) => related.get(uri) ?? null;
  const matchCandidate = matchCandidateFrom(candidate, iscoOf, now);
  const items = rows.map(({ vacancy, distance_km }) => {
    const distanceKm = distance_km === null ? null : Number(distance_km);
    return { vacancy, distanceKm, score: scoreMatch(matchCandidate, matchVacancyFrom(vacancy, iscoOf), distanceKm, weights) };
  });
  await recordShownLists(db, [
    {
      viewerUserId: actor.userId,
      role: read.access.role,
      direction: 'vacancies_for_candidate',
      subjectId: candidate.id,
      query: { filters, page: options.page, pageSize: options.pageSize },
      version,
      ids: items.map((item) => item.vacancy.id),
    },
  ]);
  return { items, total, page: options.page, pageSize: options.pageSize, weightsVersion: version };
}

/** One saved search to check for new vacancies: the candidate, the filters and the start of its window. */
export type SearchToMatch = { key: string; candidate: Candidate; filters: VacancyFilters; since: Date };
export type MatchesFound = { items: RankedVacancy[]; total: number; weightsVersion: string };

/**
 * The weekly alerts' matching for many saved searches in one query: for each search, the open
 * vacancies that went online after its `since` (up to `until`) and that its own list would hold —
 * the same rule (a shared occupation or skill, within reach, the filters), the same score and the
 * same order as `vacanciesForCandidate` — best first, the first `limit`, with their total. A week
 * brings few new vacancies, so pairs are found by joining on shared concepts rather than by one index
 * look-up per candidate. Reading and logging as the candidate is the caller's part.
 */
export async function newMatchesForSearches(
  db: Db,
  searches: readonly SearchToMatch[],
  until: Date,
  limit: number,
): Promise<Map<string, MatchesFound>> {
  const found = new Map<string, MatchesFound>();
  if (searches.length === 0) return found;
  const weightsOf = await weightsForInstanties(db, [...new Set(searches.map((s) => s.candidate.instantie_id))]);
  const since = new Date(Math.min(...searches.map((s) => s.since.getTime())));
  const rows = searches.map(({ key, candidate, filters, since }) => ({
    key,
    candidate_id: candidate.id,
    since: since.toISOString(),
    max_km: filters.maxKm ?? null,
    min_hours: filters.minHours ?? null,
    max_hours: filters.maxHours ?? null,
    occupation_uri: filters.occupationUri ?? null,
    support_offered: filters.supportOffered?.length ? filters.supportOffered : null,
    open_hiring: filters.openHiring ?? false,
  }));
  const now = new Date();
  const distance = sql<number | null>`near.km`;
  const score = scoreSql(
    {
      wishedOccupations: sql`searcher.wished_occupations`,
      skills: sql`searcher.skills`,
      candidateHours: sql`searcher.hours_per_week`,
      dutchLevel: sql`searcher.dutch_level`,
      travelRadiusKm: sql`searcher.travel_radius_km`,
      availability: sql`searcher.availability`,
      availabilityExpired: sql`(searcher.availability_expires_at <= ${now})`,
      occupationUri: sql`vacancy.occupation_uri`,
      requiredSkills: sql`vacancy.required_skills`,
      niceSkills: sql`vacancy.nice_skills`,
      vacancyHours: sql`vacancy.hours_per_week`,
      requiredDutchLevel: sql`vacancy.required_dutch_level`,
      sameIscoGroup: sql`(vacancy_occupation.isco_group = any(searcher.isco_groups))`,
      distanceKm: distance,
    },
    weightsFromRelation,
  );
  const filter = vacancyFilterSql({
    distance,
    reach: sql`searcher.reach`,
    minHours: sql`searcher.min_hours`,
    maxHours: sql`searcher.max_hours`,
    occupationUri: sql`searcher.occupation_uri`,
    supportOffered: sql`searcher.support_offered`,
    openHiring: sql`searcher.open_hiring`,
    publishedAfter: sql`searcher.since`,
    publishedUpTo: sql`${until}::timestamptz`,
  });
  // Points on the earth are the stored ones of each PC4 area (postcode_area.point), as kept on the
  // candidate's and the vacancy's rows (home_point, point); each distance is worked out once per
  // pair: the same numbers as distanceKmSql.
  const ranked = await sql<{ key: string; id: string; distance_km: number | null; total: number; total_count: string }>`
    with search as (
      select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(key text, candidate_id uuid, since timestamptz,
        max_km integer, min_hours integer, max_hours integer, occupation_uri text, support_offered text[], open_hiring boolean)
    ),
    searcher as materialized (
      select search.*, candidate.instantie_id, candidate.wished_occupations, candidate.skills, candidate.hours_per_week,
        candidate.dutch_level, candidate.travel_radius_km, candidate.availability, candidate.availability_expires_at,
        candidate.home_point as point,
        case when candidate.home_point is null then null
          else coalesce(search.max_km::float8, 2 * candidate.travel_radius_km::float8) end as reach,
        array(select isco_group from esco_concept where uri = any(candidate.wished_occupations) and isco_group is not null) as isco_groups
      from search
      join candidate on candidate.id = search.candidate_id
    ),
    fresh as materialized (
      select vacancy.id, vacancy.point,
        array_remove(array[vacancy.occupation_uri], null) || vacancy.required_skills || vacancy.nice_skills as concepts
      from vacancy
      where vacancy.status = 'open' and vacancy.published_until >= ${todayIso()}::date
        and ${publishedAt} > ${since}::timestamptz and ${publishedAt} <= ${until}::timestamptz
    ),
    fresh_concept as materialized (
      select fresh.id, vacancy_concept.concept
      from fresh cross join unnest(fresh.concepts) as vacancy_concept(concept)
      where not exists (select from esco_concept where uri = vacancy_concept.concept and reuse_level = 'transversal')
    ),
    pair as (
      select distinct searcher.key, fresh_concept.id
      from searcher
      cross join unnest(searcher.wished_occupations || searcher.skills) as searcher_concept(concept)
      join fresh_concept on fresh_concept.concept = searcher_concept.concept
    ),
    near as materialized (
      select pair.key, pair.id, (earth_distance(fresh.point, searcher.point) / 1000.0) as km
      from pair
      join searcher on searcher.key = pair.key
      join fresh on fresh.id = pair.id
    ),
    scored as (
      select searcher.key, vacancy.id, near.km as distance_km, ${score.total} as total
      from near
      join searcher on searcher.key = near.key
      join vacancy on vacancy.id = near.id
      left join esco_concept vacancy_occupation on vacancy_occupation.uri = vacancy.occupation_uri
      join ${weightsRelation(weightsOf)} on weights.for_instantie = searcher.instantie_id
      cross join lateral ${score.parts}
      where ${filter}
    )
    select key, id, distance_km, total, total_count from (
      select scored.*, count(*) over (partition by key) as total_count,
        row_number() over (partition by key order by total desc, distance_km asc nulls last, id) as place
      from scored
    ) ranked
    where place <= ${limit}
    order by key, place`.execute(db);
  if (ranked.rows.length === 0) return found;

  // The vacancies found are scored again by score.ts, which explains each part; the totals are the same.
  const vacancies = new Map(
    (
      await db
        .selectFrom('vacancy')
        .innerJoin('employer', 'employer.id', 'vacancy.employer_id')
        .select([...vacancyColumns, publishedUntilText, 'employer.name as employer_name'])
        .where('vacancy.id', 'in', [...new Set(ranked.rows.map((row) => row.id))])
        .execute()
    ).map((vacancy) => [vacancy.id, vacancy as Vacancy & { employer_name: string }]),
  );
  const iscoOf = await iscoLookup(db, [
    ...searches.flatMap((s) => s.candidate.wished_occupations),
    ...[...vacancies.values()].flatMap((v) => (v.occupation_uri ? [v.occupation_uri] : [])),
  ]);
  const byKey = new Map(searches.map((search) => [search.key, search]));
  for (const row of ranked.rows) {
    const { candidate } = byKey.get(row.key)!;
    const { version, weights } = weightsOf.get(candidate.instantie_id)!;
    const vacancy = vacancies.get(row.id)!;
    const distanceKm = row.distance_km === null ? null : Number(row.distance_km);
    const score = scoreMatch(matchCandidateFrom(candidate, iscoOf, now), matchVacancyFrom(vacancy, iscoOf), distanceKm, weights);
    const entry = found.get(row.key) ?? { items: [], total: Number(row.total_count), weightsVersion: version };
    entry.items.push({ vacancy, distanceKm, score });
    found.set(row.key, entry);
  }
  return found;
}

/** The filters of a candidate's vacancy list, each an SQL value that is NULL (or false) when not set. */
type VacancyFilterSql = {
  /** Distance from the candidate to the `vacancy` row, and how far the list reaches (NULL: everywhere). */
  distance: RawBuilder<number | null>;
  reach: RawBuilder<number | null>;
  minHours: RawBuilder<number | null>;
  maxHours: RawBuilder<number | null>;
  occupationUri: RawBuilder<string | null>;
  supportOffered: RawBuilder<string[] | null>;
  openHiring: RawBuilder<boolean>;
  publishedAfter: RawBuilder<Date | null>;
  publishedUpTo: RawBuilder<Date | null>;
};

/**
 * One condition over the `vacancy` row for all filters, for the single list and the weekly alerts
 * alike: within reach (or at an unknown distance), hours, occupation, support offered, open hiring
 * and the publication window.
 */
function vacancyFilterSql(f: VacancyFilterSql): RawBuilder<boolean> {
  return sql<boolean>`((${f.reach} is null or ${f.distance} is null or ${f.distance} <= ${f.reach})
    and (${f.minHours} is null or vacancy.hours_per_week >= ${f.minHours})
    and (${f.maxHours} is null or vacancy.hours_per_week <= ${f.maxHours})
    and (${f.occupationUri} is null or vacancy.occupation_uri = ${f.occupationUri})
    and (${f.supportOffered} is null or vacancy.support_offered @> ${f.supportOffered})
    and (not ${f.openHiring} or 'open_hiring' = any(vacancy.suitability))
    and (${f.publishedAfter} is null or ${publishedAt} > ${f.publishedAfter})
    and (${f.publishedUpTo} is null or ${publishedAt} <= ${f.publishedUpTo}))`;
}

/**
 * One page of a ranked query whose rows carry `count(*) over ()`; a page past the end has no row to
 * carry it, so the count then comes from the first row.
 */
async function pageWithTotal<Row extends { total_count: string }>(
  fetch: (offset: number, limit: number) => Promise<Row[]>,
  page: number,
  pageSize: number,
): Promise<{ rows: Row[]; total: number }> {
  const rows = await fetch((page - 1) * pageSize, pageSize);
  const counted = rows[0] ?? (page > 1 ? (await fetch(0, 1))[0] : undefined);
  return { rows, total: counted ? Number(counted.total_count) : 0 };
}

/** The parts of a candidate the viewer may not see are unknown to the score, so a ranking cannot leak them. */
export function maskToGroups(candidate: MatchCandidate, groups: readonly FieldGroup[]): MatchCandidate {
  const sees = (group: FieldGroup) => groups.includes(group);
  return {
    wishedOccupations: sees('werkwensen') ? candidate.wishedOccupations : null,
    wishedIscoGroups: sees('werkwensen') ? candidate.wishedIscoGroups : null,
    hoursPerWeek: sees('werkwensen') ? candidate.hoursPerWeek : null,
    skills: sees('ervaring') ? candidate.skills : null,
    dutchLevel: sees('ervaring') ? candidate.dutchLevel : null,
    travelRadiusKm: sees('locatie') ? candidate.travelRadiusKm : null,
    availability: sees('beschikbaarheid') ? candidate.availability : null,
    availabilityExpired: sees('beschikbaarheid') ? candidate.availabilityExpired : null,
    supportNeeds: sees('ondersteuning') ? candidate.supportNeeds : null,
  };
}

export type RankedCandidate = { read: CandidateRead; score: Score; distanceKm: number | null };

/**
 * Who looks: the scopes of the match terms to ask for (instantie|level), which groups of a row they
 * see, and the instanties whose weights apply. Staff see every group of their own instantie's
 * candidates; an employer sees per row what the candidate opened to its category there — the rule
 * of the policy itself (`groupsVisibleToEmployer`; the pool scope lets in only candidates who gave
 * consent).
 */
type Viewer = {
  termScopes: string[];
  instanties: string[];
  /** A row found carries its visibility as text (`candidate.visibility::text`). */
  groupsOf: (row: Pick<Candidate, 'instantie_id' | 'anonymous'> & { visibility_text: string }) => readonly FieldGroup[];
};

function staffViewer(actor: Actor): Viewer {
  const instanties = staffInstantieIds(actor);
  return {
    termScopes: instanties.flatMap((instantie) => visibilityLevels.map((level) => `${instantie}|${level}`)),
    instanties,
    groupsOf: () => fieldGroupNames,
  };
}

function employerViewer(pool: Map<EmployerCategory, string[]>): Viewer {
  const branches = [...pool];
  const categoryAt = new Map(branches.flatMap(([category, instanties]) => instanties.map((instantie) => [instantie, category])));
  const decided = new Map<string, readonly FieldGroup[]>();
  return {
    // Occupations carry the level of werkwensen, skills that of ervaring (migration 0006).
    termScopes: branches.flatMap(([category, instanties]) =>
      instanties.flatMap((instantie) =>
        [...new Set([...levelsShowingGroup('werkwensen', category), ...levelsShowingGroup('ervaring', category)])].map(
          (level) => `${instantie}|${level}`,
        ),
      ),
    ),
    instanties: branches.flatMap(([, instanties]) => instanties),
    // Decided once per instantie, anonymity and visibility text: a list of thousands holds a few dozen.
    groupsOf: (row) => {
      const key = `${row.instantie_id}|${row.anonymous}|${row.visibility_text}`;
      let groups = decided.get(key);
      if (!groups) {
        const category = categoryAt.get(row.instantie_id);
        groups = category
          ? groupsVisibleToEmployer({
              category,
              visibility: normaliseVisibility(JSON.parse(row.visibility_text) as Partial<Record<string, string>>),
              anonymous: row.anonymous,
              consentGiven: true,
            })
          : [];
        decided.set(key, groups);
      }
      return groups;
    },
  };
}

/** What candidates are ranked against: a vacancy, or an employer's search criteria. */
export type RankingTarget = MatchVacancy & { point: { latitude: number; longitude: number } | null };
type RankingOptions = { page: number; pageSize: number; scope: 'pool' | 'caseload' | 'instantie' };

/**
 * Candidates ranked for a vacancy, as advice: for the vacancy's own employer from the pool its
 * category opens (business-as-usual partners ask the instantie instead), or for a consultant from
 * the own instantie. The list holds the candidates who share (visible) work or skills with the
 * vacancy. Scores use only what the viewer may see; expired availability ranks last. Ranking happens
 * in the database (decision 018); only the candidates on the page shown are read, logged and counted.
 */
export async function candidatesForVacancy(
  db: Db,
  actor: Actor,
  vacancyId: string,
  options: RankingOptions,
  context: string,
): Promise<RankedList<RankedCandidate> | 'not_found' | 'forbidden' | 'limit'> {
  if (!isUuid(vacancyId)) return 'not_found';
  const vacancy = (await db
    .selectFrom('vacancy')
    .leftJoin('postcode_area', (join) => join.on(sql<boolean>`postcode_area.pc4 = left(vacancy.postcode, 4)`))
    .leftJoin('esco_concept', 'esco_concept.uri', 'vacancy.occupation_uri')
    .select([...vacancyColumns, publishedUntilText, 'postcode_area.latitude', 'postcode_area.longitude', 'esco_concept.isco_group'])
    .where('vacancy.id', '=', vacancyId)
    .executeTakeFirst()) as (Vacancy & { latitude: number | null; longitude: number | null; isco_group: string | null }) | undefined;
  if (!vacancy) return 'not_found';
  const ownEmployer = employerIds(actor).includes(vacancy.employer_id);
  const isListed = vacancy.status === 'open' && vacancy.published_until !== null && vacancy.published_until >= todayIso();
  if (options.scope === 'pool' ? !ownEmployer : !isListed && !ownEmployer) return 'not_found';
  const iscoOf: IscoLookup = () => vacancy.isco_group;
  const point =
    vacancy.latitude !== null && vacancy.longitude !== null
      ? { latitude: Number(vacancy.latitude), longitude: Number(vacancy.longitude) }
      : null;
  return rankCandidates(db, actor, { ...matchVacancyFrom(vacancy, iscoOf), point }, options, context, {
    direction: 'candidates_for_vacancy',
    subjectId: vacancy.id,
    query: { scope: options.scope, page: options.page, pageSize: options.pageSize },
  });
}

export type CandidateCriteria = {
  occupationUri?: string;
  skills?: string[];
  postcode?: string;
  hoursPerWeek?: number;
  requiredDutchLevel?: string;
};

/**
 * Candidates ranked for an employer's own criteria (occupation, skills, place, hours, Dutch level)
 * instead of a vacancy: the same ranking, the same policy, the same limits and the same record.
 */
export async function candidatesByCriteria(
  db: Db,
  actor: Actor,
  criteria: CandidateCriteria,
  options: RankingOptions,
  context: string,
): Promise<RankedList<RankedCandidate> | 'forbidden' | 'limit'> {
  const iscoOf = await iscoLookup(db, criteria.occupationUri ? [criteria.occupationUri] : []);
  const target: RankingTarget = {
    occupationUri: criteria.occupationUri ?? null,
    iscoGroup: criteria.occupationUri ? iscoOf(criteria.occupationUri) : null,
    requiredSkills: criteria.skills ?? [],
    niceSkills: [],
    hoursPerWeek: criteria.hoursPerWeek ?? null,
    requiredDutchLevel: criteria.requiredDutchLevel ?? null,
    supportOffered: [],
    point: criteria.postcode ? await coordinates(db, criteria.postcode) : null,
  };
  const result = await rankCandidates(db, actor, target, options, context, {
    direction: 'candidates_by_criteria',
    subjectId: null,
    query: { criteria, scope: options.scope, page: options.page, pageSize: options.pageSize },
  });
  return result;
}

async function rankCandidates(
  db: Db,
  actor: Actor,
  target: RankingTarget,
  options: RankingOptions,
  context: string,
  record: { direction: 'candidates_for_vacancy' | 'candidates_by_criteria'; subjectId: string | null; query: object },
): Promise<RankedList<RankedCandidate> | 'forbidden' | 'limit'> {
  // An employer's categories and the instanties' settings are read once, for the pool, the policy and the view limit.
  const standing = options.scope === 'pool' ? await employerStanding(db, actor) : undefined;
  const pool = standing ? await poolInstanties(db, actor, standing) : undefined;
  const scoped = await scopedCandidates(db, actor, options.scope, { pool, foundByTerms: true });
  if (scoped === 'forbidden') return 'forbidden';
  const viewer = pool ? employerViewer(pool) : staffViewer(actor);
  const hiding = (standing?.instanties ?? []).filter((i) => i.settings.expiredProfiles === 'hidden').map((i) => i.id);

  const targetOccupation = target.occupationUri ? [target.occupationUri] : [];
  const [{ related, matching: concepts }, weightsOf] = await Promise.all([
    rankingConcepts(db, targetOccupation, [...targetOccupation, ...target.requiredSkills, ...target.niceSkills]),
    weightsForInstanties(db, viewer.instanties),
  ]);
  const emptyList = { items: [], total: 0, page: options.page, pageSize: options.pageSize, weightsVersion: 'standaard' };
  if (concepts.length === 0 || viewer.termScopes.length === 0) return emptyList;

  // The index finds the candidates who share (visible) work or skills with the target; only their
  // work-related facts are read, never support needs or anything protected. Each is scored here by
  // score.ts on what the viewer may see of them (decision 025).
  const here = target.point;
  const now = new Date();
  // Of the wished occupations only two things count: the target's own, and any of its ISCO group
  // (all of them give the same part of the score), so one of those stands for the group.
  const relatedOccupations = [...related.keys()].filter((uri) => uri !== target.occupationUri);
  const targetSkills = [...new Set([...target.requiredSkills, ...target.niceSkills])];
  // A row carries no more than the score needs, in forms that are cheap to read (thousands of rows per
  // list): whether the candidate wishes the target's occupation or one of its group, which of the
  // target's skills they have (as positions in its list), the visibility as text (equal texts get the
  // same answer of the policy, decided once) and the end of availability in epoch milliseconds.
  let query = scoped
    .select([
      'candidate.id',
      'candidate.instantie_id',
      sql<string>`candidate.visibility::text`.as('visibility_text'),
      'candidate.anonymous',
      sql<boolean>`(${target.occupationUri}::text = any(candidate.wished_occupations))`.as('wishes_occupation'),
      sql<boolean>`(candidate.wished_occupations && ${sql.val(relatedOccupations)}::text[])`.as('wishes_related'),
      positionsIn('candidate.skills', targetSkills).as('skill_positions'),
      'candidate.hours_per_week',
      'candidate.dutch_level',
      'candidate.travel_radius_km',
      'candidate.availability',
      sql<number>`(extract(epoch from candidate.availability_expires_at) * 1000)::float8`.as('availability_expires_ms'),
      (here ? distanceKmSql({ earthPoint: 'candidate.home_point' }, here) : sql<number | null>`null::float8`).as('distance_km'),
    ])
    .where(sharesTerm('candidate', viewer.termScopes, concepts));
  // Left out only where the candidate's instantie chose so, and never from the consultant's own lists.
  if (hiding.length) {
    query = query.where(
      sql<boolean>`not (candidate.instantie_id in (${sql.join(hiding)}) and candidate.availability_expires_at <= ${now})`,
    );
  }
  const found = await query.execute();
  // Only "same ISCO group as the target" matters to the score, so that is all the look-up has to know.
  const iscoOfFound: IscoLookup = (uri) => related.get(uri) ?? null;
  const ranked = found
    .flatMap((row) => {
      // A row that shows the viewer nothing is not in its list (the scope leaves this to the policy).
      const groups = viewer.groupsOf(row);
      if (groups.length === 0) return [];
      const columns: CandidateMatchColumns = {
        wished_occupations: [
          ...(row.wishes_occupation && target.occupationUri ? [target.occupationUri] : []),
          ...(row.wishes_related ? relatedOccupations.slice(0, 1) : []),
        ],
        skills: row.skill_positions.map((position) => targetSkills[position - 1]!),
        hours_per_week: row.hours_per_week,
        dutch_level: row.dutch_level,
        travel_radius_km: row.travel_radius_km,
        availability: row.availability,
        availability_expires_at: new Date(Number(row.availability_expires_ms)),
      };
      const visible = maskToGroups(matchCandidateFrom(columns, iscoOfFound, now), groups);
      const distanceKm = row.distance_km !== null && groups.includes('locatie') ? Number(row.distance_km) : null;
      const { version, weights } = weightsOf.get(row.instantie_id) ?? standardWeights;
      const total = scoreMatch(visible, target, distanceKm, weights).total;
      return [{ id: row.id, version, distanceKm, expired: visible.availabilityExpired ?? false, total }];
    })
    // Expired availability last, then best first; the id settles ties the same way on every page.
    .sort((a, b) => Number(a.expired) - Number(b.expired) || b.total - a.total || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const total = ranked.length;
  const page = ranked.slice((options.page - 1) * options.pageSize, options.page * options.pageSize);

  const shown = await readCandidates(
    db,
    actor,
    page.map((row) => row.id),
    context,
    standing,
  );
  if (shown === 'limit') return shown;
  // The page shown is scored again on what the policy read shows (support needs too, for the
  // explanation, where the viewer may see them); the totals are the same. The distance as the
  // ranking saw it: null where the viewer may not see the location.
  const distances = new Map(page.map((row) => [row.id, row.distanceKm]));
  const items = shown.map((read) => {
    const { weights } = weightsOf.get(read.candidate.instantie_id) ?? standardWeights;
    const distanceKm = distances.get(read.candidate.id) ?? null;
    const visible = maskToGroups(matchCandidateFrom(read.candidate, iscoOfFound, now), read.access.groups);
    return { read, distanceKm, score: scoreMatch(visible, target, distanceKm, weights) };
  });
  const version = [...new Set(page.map((row) => row.version))].sort().join(',') || 'standaard';
  await recordShownLists(db, [
    {
      viewerUserId: actor.userId,
      role: items[0]?.read.access.role ?? (options.scope === 'pool' ? 'werkgever' : 'consulent'),
      direction: record.direction,
      subjectId: record.subjectId,
      query: record.query,
      version,
      ids: items.map((item) => item.read.candidate.id),
    },
  ]);
  return { items, total, page: options.page, pageSize: options.pageSize, weightsVersion: version };
}
