import { sql } from 'kysely';
import type { Db } from '#app/db/connection.js';
import type { Candidate, Vacancy } from '#app/db/schema.js';
import { employerIds, type Actor } from '../accounts/actor.js';
import { decideAccessFor, readCandidates, readCandidate, scopedCandidates, type CandidateRead } from '../candidates/queries.js';
import { availabilityExpired, type FieldGroup } from '../candidates/rules.js';
import { listInstanties } from '../instanties/queries.js';
import { isUuid } from '../ids.js';
import { coordinatesOf, distanceKmSql } from '../geo/distance.js';
import { findConcepts } from '../taxonomy/queries.js';
import { vacancyColumns, publishedUntilText } from '../vacancies/queries.js';
import { todayIso } from '../vacancies/rules.js';
import { matchCandidateFrom, matchVacancyFrom, type IscoLookup } from './inputs.js';
import { defaultWeights, scoreMatch, weightsSchema, type MatchCandidate, type Score, type Weights } from './score.js';

/** How long a shown ranked list stays on record (AI Act logging; docs/domain/matching.md). */
export const matchLogRetentionMonths = 12;
/** At most this many rows are scored per list; the prefilter keeps only rows that share work, skills or place. */
const scoringWindow = 2000;

/** Lists shown are kept for `matchLogRetentionMonths`; older rows go. Returns how many were removed. */
export async function purgeExpiredMatchLog(db: Db, today = todayIso()): Promise<number> {
  const result = await db.deleteFrom('match_log').where('keep_until', '<', today).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export type WeightsInForce = { version: string; weights: Weights };

/** The newest weights of an instantie, or the built-in default (version "standaard"). */
export async function weightsInForce(db: Db, instantieId: string): Promise<WeightsInForce> {
  const row = await db
    .selectFrom('match_weights')
    .select(['version', 'weights'])
    .where('instantie_id', '=', instantieId)
    .orderBy('version', 'desc')
    .executeTakeFirst();
  const parsed = row ? weightsSchema.safeParse(row.weights) : null;
  return parsed?.success
    ? { version: `${instantieId}-v${row!.version}`, weights: parsed.data }
    : { version: 'standaard', weights: defaultWeights };
}

/** ISCO unit groups of occupations, from the taxonomy (the built-in list is in it from start-up). */
async function iscoLookup(db: Db, uris: readonly string[]): Promise<IscoLookup> {
  const concepts = await findConcepts(db, uris);
  return (uri) => concepts.get(uri)?.iscoGroup ?? null;
}

/** Distance in km from a PC4 area row (joined as `postcode_area`) to a point. */
const kmFrom = (point: { latitude: number; longitude: number }) =>
  distanceKmSql({ latitude: 'postcode_area.latitude', longitude: 'postcode_area.longitude' }, point);

async function coordinates(db: Db, postcode: string | null): Promise<{ latitude: number; longitude: number } | null> {
  if (!postcode) return null;
  const pc4 = postcode.slice(0, 4);
  return (await coordinatesOf(db, [pc4])).get(pc4) ?? null;
}

async function recordShownList(
  db: Db,
  entry: {
    actor: Actor;
    role: string;
    direction: 'vacancies_for_candidate' | 'candidates_for_vacancy';
    subjectId: string;
    query: object;
    version: string;
    ids: string[];
  },
): Promise<void> {
  const keep = new Date();
  keep.setMonth(keep.getMonth() + matchLogRetentionMonths);
  await db
    .insertInto('match_log')
    .values({
      viewer_user_id: entry.actor.userId,
      viewer_role: entry.role,
      direction: entry.direction,
      subject_id: entry.subjectId,
      query: JSON.stringify(entry.query),
      weights_version: entry.version,
      shown_ids: entry.ids,
      keep_until: keep.toISOString().slice(0, 10),
    })
    .execute();
}

export type VacancyFilters = {
  maxKm?: number;
  minHours?: number;
  maxHours?: number;
  occupationUri?: string;
  supportOffered?: string[];
  openHiring?: boolean;
};
export type RankedVacancy = { vacancy: Vacancy & { employer_name: string }; score: Score; distanceKm: number | null };
export type RankedList<T> = { items: T[]; total: number; page: number; pageSize: number; weightsVersion: string };

/**
 * "Vacatures voor jou": open vacancies ranked for a candidate, as advice. Only the candidate and
 * staff of the candidate's instantie may ask. Vacancies that share nothing with the profile (work,
 * skills) are not ranked here; they stay in the ordinary vacancy list.
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
  const [{ version, weights }, home] = [await weightsInForce(db, candidate.instantie_id), await coordinates(db, candidate.postcode)];
  const { filters } = options;
  let query = db
    .selectFrom('vacancy')
    .innerJoin('employer', 'employer.id', 'vacancy.employer_id')
    .leftJoin('postcode_area', (join) => join.on(sql<boolean>`postcode_area.pc4 = left(vacancy.postcode, 4)`))
    .select([...vacancyColumns, publishedUntilText, 'employer.name as employer_name'])
    .select(home ? kmFrom(home).as('distance_km') : sql<null>`null`.as('distance_km'))
    .where('vacancy.status', '=', 'open')
    .where('vacancy.published_until', '>=', todayIso());
  const shares = [
    candidate.wished_occupations.length
      ? sql<boolean>`vacancy.occupation_uri = any(${sql.val(candidate.wished_occupations)}::text[])`
      : null,
    candidate.skills.length ? sql<boolean>`vacancy.required_skills && ${sql.val(candidate.skills)}::text[]` : null,
    candidate.skills.length ? sql<boolean>`vacancy.nice_skills && ${sql.val(candidate.skills)}::text[]` : null,
  ].filter((condition) => condition !== null);
  if (shares.length) query = query.where(sql<boolean>`(${sql.join(shares, sql` or `)})`);
  if (filters.maxKm !== undefined && home) query = query.where(kmFrom(home), '<=', filters.maxKm);
  if (filters.minHours !== undefined) query = query.where('vacancy.hours_per_week', '>=', filters.minHours);
  if (filters.maxHours !== undefined) query = query.where('vacancy.hours_per_week', '<=', filters.maxHours);
  if (filters.occupationUri) query = query.where('vacancy.occupation_uri', '=', filters.occupationUri);
  if (filters.supportOffered?.length)
    query = query.where(sql<boolean>`vacancy.support_offered @> ${sql.val(filters.supportOffered)}::text[]`);
  if (filters.openHiring) query = query.where(sql<boolean>`'open_hiring' = any(vacancy.suitability)`);
  const rows = (await query.orderBy('vacancy.created_at', 'desc').limit(scoringWindow).execute()) as (Vacancy & {
    employer_name: string;
    distance_km: number | null;
  })[];

  const iscoOf = await iscoLookup(db, [
    ...candidate.wished_occupations,
    ...rows.flatMap((row) => (row.occupation_uri ? [row.occupation_uri] : [])),
  ]);
  const matchCandidate = matchCandidateFrom(candidate, iscoOf, new Date());
  const ranked = rows
    .map(({ distance_km, ...vacancy }) => ({
      vacancy,
      distanceKm: distance_km === null ? null : Number(distance_km),
      score: scoreMatch(matchCandidate, matchVacancyFrom(vacancy, iscoOf), distance_km === null ? null : Number(distance_km), weights),
    }))
    .sort(
      (a, b) =>
        b.score.total - a.score.total ||
        (a.distanceKm ?? Infinity) - (b.distanceKm ?? Infinity) ||
        a.vacancy.id.localeCompare(b.vacancy.id),
    );
  const items = ranked.slice((options.page - 1) * options.pageSize, options.page * options.pageSize);
  await recordShownList(db, {
    actor,
    role: read.access.role,
    direction: 'vacancies_for_candidate',
    subjectId: candidate.id,
    query: { filters, page: options.page, pageSize: options.pageSize },
    version,
    ids: items.map((item) => item.vacancy.id),
  });
  return { items, total: ranked.length, page: options.page, pageSize: options.pageSize, weightsVersion: version };
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
 * Candidates ranked for a vacancy, as advice: for the vacancy's own employer from the pool its
 * category opens (business-as-usual partners ask the instantie instead), or for a consultant from
 * the own instantie. Scores use only what the viewer may see; expired availability ranks last.
 * Only the candidates on the page shown are read, logged and counted.
 */
export async function candidatesForVacancy(
  db: Db,
  actor: Actor,
  vacancyId: string,
  options: { page: number; pageSize: number; scope: 'pool' | 'caseload' | 'instantie' },
  context: string,
): Promise<RankedList<RankedCandidate> | 'not_found' | 'forbidden' | 'limit'> {
  if (!isUuid(vacancyId)) return 'not_found';
  const vacancy = (await db
    .selectFrom('vacancy')
    .leftJoin('postcode_area', (join) => join.on(sql<boolean>`postcode_area.pc4 = left(vacancy.postcode, 4)`))
    .select([...vacancyColumns, publishedUntilText, 'postcode_area.latitude', 'postcode_area.longitude'])
    .where('vacancy.id', '=', vacancyId)
    .executeTakeFirst()) as (Vacancy & { latitude: number | null; longitude: number | null }) | undefined;
  if (!vacancy) return 'not_found';
  const ownEmployer = employerIds(actor).includes(vacancy.employer_id);
  const isListed = vacancy.status === 'open' && vacancy.published_until !== null && vacancy.published_until >= todayIso();
  if (options.scope === 'pool' ? !ownEmployer : !isListed && !ownEmployer) return 'not_found';
  const scoped = await scopedCandidates(db, actor, options.scope);
  if (scoped === 'forbidden') return 'forbidden';

  const shares = [
    vacancy.occupation_uri ? sql<boolean>`${vacancy.occupation_uri} = any(candidate.wished_occupations)` : null,
    vacancy.required_skills.length ? sql<boolean>`candidate.skills && ${sql.val(vacancy.required_skills)}::text[]` : null,
    vacancy.nice_skills.length ? sql<boolean>`candidate.skills && ${sql.val(vacancy.nice_skills)}::text[]` : null,
  ].filter((condition) => condition !== null);
  const here =
    vacancy.latitude !== null && vacancy.longitude !== null ? { latitude: vacancy.latitude, longitude: vacancy.longitude } : null;
  let query = scoped
    .leftJoin('postcode_area', (join) => join.on(sql<boolean>`postcode_area.pc4 = left(candidate.postcode, 4)`))
    .selectAll('candidate')
    .select(here ? kmFrom(here).as('distance_km') : sql<null>`null`.as('distance_km'));
  if (shares.length) query = query.where(sql<boolean>`(${sql.join(shares, sql` or `)})`);
  const rows = (await query.orderBy('candidate.availability_expires_at', 'desc').limit(scoringWindow).execute()) as (Candidate & {
    distance_km: number | null;
  })[];

  const hiding = new Set((await listInstanties(db)).filter((i) => i.settings.expiredProfiles === 'hidden').map((i) => i.id));
  const now = new Date();
  const decisions = (await decideAccessFor(db, actor, rows)).filter(
    // Left out only where the candidate's instantie chose so, and never from the consultant's own lists.
    ({ candidate, access }) =>
      access.role !== 'werkgever' || !hiding.has(candidate.instantie_id) || !availabilityExpired(candidate.availability_expires_at, now),
  );
  const distanceOf = new Map(rows.map((row) => [row.id, row.distance_km === null ? null : Number(row.distance_km)]));
  const iscoOf = await iscoLookup(db, [
    ...(vacancy.occupation_uri ? [vacancy.occupation_uri] : []),
    ...rows.flatMap((row) => row.wished_occupations),
  ]);
  const matchVacancy = matchVacancyFrom(vacancy, iscoOf);
  // Each candidate is scored with the weights of their own instantie.
  const weightsOf = new Map<string, WeightsInForce>();
  for (const instantieId of new Set(decisions.map(({ candidate }) => candidate.instantie_id))) {
    weightsOf.set(instantieId, await weightsInForce(db, instantieId));
  }
  const ranked = decisions
    .map(({ candidate, access }) => {
      const { version, weights } = weightsOf.get(candidate.instantie_id)!;
      const seesLocation = access.groups.includes('locatie');
      const distanceKm = seesLocation ? (distanceOf.get(candidate.id) ?? null) : null;
      const visible = maskToGroups(matchCandidateFrom(candidate, iscoOf, now), access.groups);
      return {
        id: candidate.id,
        expired: visible.availabilityExpired === true,
        distanceKm,
        version,
        score: scoreMatch(visible, matchVacancy, distanceKm, weights),
      };
    })
    .sort((a, b) => Number(a.expired) - Number(b.expired) || b.score.total - a.score.total || a.id.localeCompare(b.id));
  const page = ranked.slice((options.page - 1) * options.pageSize, options.page * options.pageSize);
  const shown = await readCandidates(
    db,
    actor,
    page.map((item) => item.id),
    context,
  );
  if (shown === 'limit') return shown;
  const reads = new Map(shown.map((read) => [read.candidate.id, read]));
  const items = page.flatMap((item) => {
    const read = reads.get(item.id);
    return read ? [{ read, score: item.score, distanceKm: item.distanceKm }] : [];
  });
  const version = [...new Set(page.map((item) => item.version))].sort().join(',') || 'standaard';
  await recordShownList(db, {
    actor,
    role: items[0]?.read.access.role ?? (options.scope === 'pool' ? 'werkgever' : 'consulent'),
    direction: 'candidates_for_vacancy',
    subjectId: vacancy.id,
    query: { scope: options.scope, page: options.page, pageSize: options.pageSize },
    version,
    ids: items.map((item) => item.read.candidate.id),
  });
  return { items, total: ranked.length, page: options.page, pageSize: options.pageSize, weightsVersion: version };
}
