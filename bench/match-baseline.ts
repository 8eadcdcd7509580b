/**
 * The brute-force baseline of `npm run bench:match`: every row of the pool (or every open vacancy)
 * read in batches and scored in the application with score.ts, as a plain implementation would,
 * keeping the rows the lists hold (they share a visible occupation or skill; vacancies also lie within
 * reach). Returns the top 20 in the order the lists use, with their totals, to check the SQL ranking.
 */
import { sql } from 'kysely';
import type { Db } from '#app/db/connection.js';
import type { Candidate, Vacancy } from '#app/db/schema.js';
import type { Actor } from '#app/domain/accounts/actor.js';
import { decideAccessFor, scopedCandidates } from '#app/domain/candidates/queries.js';
import { distanceKmSql } from '#app/domain/geo/distance.js';
import { matchCandidateFrom, matchVacancyFrom } from '#app/domain/matching/inputs.js';
import { maskToGroups, reachKm } from '#app/domain/matching/queries.js';
import { scoreMatch } from '#app/domain/matching/score.js';
import { weightsForInstanties, weightsInForce } from '#app/domain/matching/weights.js';
import { findConcepts } from '#app/domain/taxonomy/queries.js';
import { todayIso } from '#app/domain/vacancies/rules.js';

export type Ranked = { id: string; total: number };

/** Top 20 in the order the lists use, kept while streaming (a plain implementation keeps them all). */
function topTwenty<T>(ranked: T[], item: T, compare: (a: T, b: T) => number) {
  ranked.push(item);
  if (ranked.length > 200) ranked.sort(compare).splice(20);
}

/** The lists' inclusion rule: a shared occupation or skill that is not transversal. */
const shares = (have: readonly string[], wanted: readonly string[], transversal: ReadonlySet<string>) =>
  have.some((concept) => wanted.includes(concept) && !transversal.has(concept));

async function transversalSkills(db: Db): Promise<ReadonlySet<string>> {
  const rows = await db.selectFrom('esco_concept').select('uri').where('reuse_level', '=', 'transversal').execute();
  return new Set(rows.map((row) => row.uri));
}

/** Brute force: every candidate in the employer's pool, read in batches, policy and score in the application. */
export async function bruteForceCandidates(db: Db, actor: Actor, vacancyId: string): Promise<Ranked[]> {
  const vacancy = (await db
    .selectFrom('vacancy')
    .leftJoin('postcode_area', (join) => join.on(sql<boolean>`postcode_area.pc4 = left(vacancy.postcode, 4)`))
    .selectAll('vacancy')
    .select(['postcode_area.latitude', 'postcode_area.longitude'])
    .where('vacancy.id', '=', vacancyId)
    .executeTakeFirstOrThrow()) as Vacancy & { latitude: number; longitude: number };
  const scoped = await scopedCandidates(db, actor, 'pool');
  if (scoped === 'forbidden') throw new Error('De benchwerkgever mag de pool niet doorzoeken.');
  const now = new Date();
  const transversal = await transversalSkills(db);
  const ranked: { id: string; expired: boolean; total: number }[] = [];
  const compare = (a: (typeof ranked)[number], b: (typeof ranked)[number]) =>
    Number(a.expired) - Number(b.expired) || b.total - a.total || (a.id < b.id ? -1 : 1);
  const weightsOf = new Map<string, Awaited<ReturnType<typeof weightsInForce>>>();
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = (await scoped
      .leftJoin('postcode_area', (join) => join.on(sql<boolean>`postcode_area.pc4 = left(candidate.postcode, 4)`))
      .selectAll('candidate')
      .select(distanceKmSql({ latitude: 'postcode_area.latitude', longitude: 'postcode_area.longitude' }, vacancy).as('distance_km'))
      .where('candidate.id', '>', after)
      .orderBy('candidate.id')
      .limit(20_000)
      .execute()) as (Candidate & { distance_km: number | null })[];
    if (rows.length === 0) break;
    after = rows.at(-1)!.id;
    const concepts = await findConcepts(db, [...new Set([...rows.flatMap((r) => r.wished_occupations), vacancy.occupation_uri ?? ''])]);
    const iscoOf = (uri: string) => concepts.get(uri)?.iscoGroup ?? null;
    const matchVacancy = matchVacancyFrom(vacancy, iscoOf);
    const wanted = [...(vacancy.occupation_uri ? [vacancy.occupation_uri] : []), ...vacancy.required_skills, ...vacancy.nice_skills];
    for (const id of new Set(rows.map((r) => r.instantie_id))) if (!weightsOf.has(id)) weightsOf.set(id, await weightsInForce(db, id));
    const distances = new Map(rows.map((r) => [r.id, r.distance_km === null ? null : Number(r.distance_km)]));
    for (const { candidate, access } of await decideAccessFor(db, actor, rows)) {
      const visible = maskToGroups(matchCandidateFrom(candidate, iscoOf, now), access.groups);
      if (!shares([...(visible.wishedOccupations ?? []), ...(visible.skills ?? [])], wanted, transversal)) continue;
      const distance = access.groups.includes('locatie') ? (distances.get(candidate.id) ?? null) : null;
      const score = scoreMatch(visible, matchVacancy, distance, weightsOf.get(candidate.instantie_id)!.weights);
      topTwenty(ranked, { id: candidate.id, expired: visible.availabilityExpired === true, total: score.total }, compare);
    }
  }
  return ranked
    .sort(compare)
    .slice(0, 20)
    .map(({ id, total }) => ({ id, total }));
}

/** Brute force: every open vacancy, read in batches, scored in the application. */
export async function bruteForceVacancies(db: Db, candidate: Candidate): Promise<Ranked[]> {
  const home = await db
    .selectFrom('postcode_area')
    .select(['latitude', 'longitude'])
    .where('pc4', '=', candidate.postcode!.slice(0, 4))
    .executeTakeFirstOrThrow();
  const { weights } = (await weightsForInstanties(db, [candidate.instantie_id])).get(candidate.instantie_id)!;
  const transversal = await transversalSkills(db);
  const ranked: { id: string; total: number; km: number }[] = [];
  const compare = (a: (typeof ranked)[number], b: (typeof ranked)[number]) => b.total - a.total || a.km - b.km || (a.id < b.id ? -1 : 1);
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = (await db
      .selectFrom('vacancy')
      .leftJoin('postcode_area', (join) => join.on(sql<boolean>`postcode_area.pc4 = left(vacancy.postcode, 4)`))
      .selectAll('vacancy')
      .select(distanceKmSql({ latitude: 'postcode_area.latitude', longitude: 'postcode_area.longitude' }, home).as('distance_km'))
      .where('vacancy.status', '=', 'open')
      .where('vacancy.published_until', '>=', todayIso())
      .where('vacancy.id', '>', after)
      .orderBy('vacancy.id')
      .limit(20_000)
      .execute()) as (Vacancy & { distance_km: number | null })[];
    if (rows.length === 0) break;
    after = rows.at(-1)!.id;
    const concepts = await findConcepts(db, [
      ...new Set([...candidate.wished_occupations, ...rows.flatMap((r) => (r.occupation_uri ? [r.occupation_uri] : []))]),
    ]);
    const iscoOf = (uri: string) => concepts.get(uri)?.iscoGroup ?? null;
    const matchCandidate = matchCandidateFrom(candidate, iscoOf, new Date());
    const have = [...candidate.wished_occupations, ...candidate.skills];
    const reach = reachKm(candidate.travel_radius_km, undefined);
    for (const row of rows) {
      const km = row.distance_km === null ? null : Number(row.distance_km);
      const wanted = [...(row.occupation_uri ? [row.occupation_uri] : []), ...row.required_skills, ...row.nice_skills];
      if (!shares(have, wanted, transversal) || (reach !== null && km !== null && km > reach)) continue;
      const score = scoreMatch(matchCandidate, matchVacancyFrom(row, iscoOf), km, weights);
      topTwenty(ranked, { id: row.id, total: score.total, km: km ?? Infinity }, compare);
    }
  }
  return ranked
    .sort(compare)
    .slice(0, 20)
    .map(({ id, total }) => ({ id, total }));
}
