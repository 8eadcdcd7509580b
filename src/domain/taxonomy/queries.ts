import { sql } from 'kysely';
import type { Db } from '#app/db/connection.js';
import { builtinOccupations, builtinSkills, builtinTransversalSkills } from './builtin.js';
import { foldText, searchText, type ConceptKind } from './rules.js';

/** An occupation or skill as pages and the API show it. */
export type Concept = { uri: string; kind: ConceptKind; label: string; altLabels: string[]; iscoGroup: string | null };

const conceptColumns = ['uri', 'kind', 'label', 'alt_labels', 'isco_group'] as const;
const toConcept = (row: { uri: string; kind: ConceptKind; label: string; alt_labels: string[]; isco_group: string | null }): Concept => ({
  uri: row.uri,
  kind: row.kind,
  label: row.label,
  altLabels: row.alt_labels,
  iscoGroup: row.isco_group,
});

/**
 * Puts the built-in list (builtin.ts) in the database when it is missing, in one statement, so a fresh
 * installation can choose occupations and skills before any ESCO import. Imported rows are never touched;
 * a built-in row follows the list when the list changes in a new version.
 */
export async function ensureBuiltinTaxonomy(db: Db): Promise<void> {
  const rows = [
    ...builtinOccupations.map((o) => ({ kind: 'occupation' as const, concept: o, iscoGroup: o.iscoGroup })),
    ...builtinSkills.map((s) => ({ kind: 'skill' as const, concept: s, iscoGroup: null })),
  ].map(({ kind, concept, iscoGroup }) => ({
    reuse_level: kind === 'skill' && builtinTransversalSkills.has(concept.uri) ? ('transversal' as const) : null,
    uri: concept.uri,
    kind,
    label: concept.label,
    alt_labels: [...concept.altLabels],
    isco_group: iscoGroup,
    search_text: searchText(concept.label, concept.altLabels),
    source: 'builtin' as const,
  }));
  await db
    .insertInto('esco_concept')
    .values(rows)
    .onConflict((oc) =>
      oc
        .column('uri')
        .doUpdateSet((eb) => ({
          label: eb.ref('excluded.label'),
          alt_labels: eb.ref('excluded.alt_labels'),
          isco_group: eb.ref('excluded.isco_group'),
          search_text: eb.ref('excluded.search_text'),
          reuse_level: eb.ref('excluded.reuse_level'),
          updated_at: sql<Date>`now()`,
        }))
        .where('esco_concept.source', '=', 'builtin')
        .where(
          sql<boolean>`(esco_concept.label, esco_concept.alt_labels, esco_concept.isco_group, esco_concept.search_text, esco_concept.reuse_level)
            is distinct from (excluded.label, excluded.alt_labels, excluded.isco_group, excluded.search_text, excluded.reuse_level)`,
        ),
    )
    .execute();
}

/** `%`, `_` and `\` typed by a person are letters, not wildcards. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
const maxQueryLength = 100;
/** Below three letters pg_trgm has no trigrams to compare, so only exact parts of labels count. */
const minFuzzyLength = 3;
/** Near misses (typos) are looked for only when fewer labels than this hold the words as typed. */
const nearMissThreshold = 10;

/** What a person typed, folded like `search_text`: no case, no diacritics, single spaces. */
function searchTerm(query: string | undefined): string {
  return foldText(query ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, maxQueryLength);
}

/**
 * Concepts whose labels hold the term as typed, best first: the label starts with it, the label holds
 * it, an alternative label starts with it, an alternative label holds it; shorter labels first. An
 * empty term matches every concept of the kind, by label.
 */
function exactMatches(db: Db, kind: ConceptKind, term: string) {
  const ofKind = db.selectFrom('esco_concept').where('kind', '=', kind).select(conceptColumns);
  if (term === '') return { query: ofKind, order: sql`label, uri` };
  const escaped = escapeLike(term);
  const holds = `%${escaped}%`;
  const label = sql`split_part(search_text, E'\\n', 1)`;
  const rank = sql`case
      when ${label} like ${`${escaped}%`} then 0
      when ${label} like ${holds} then 1
      when search_text like ${`%\n${escaped}%`} then 2
      else 3 end`;
  return { query: ofKind.where('search_text', 'like', holds), order: sql`${rank}, char_length(label), label, uri` };
}

/**
 * Concepts that hold a word like the term (pg_trgm strict word similarity) but not the term itself: typos.
 * The planner of both PostgreSQL and PGlite underestimates what scoring a row costs and would score
 * every row (100–500 ms); with sequential scans off, inside this transaction only, it takes the
 * trigram index and scores only the candidates (a few ms). The subquery with `offset 0` keeps the
 * kind filter outside, so the index on kind is no alternative either.
 */
async function nearMisses(db: Db, kind: ConceptKind, term: string, page: { limit: number; offset: number; counted?: boolean }) {
  return db.transaction().execute(async (trx) => {
    await sql`set local enable_seqscan = off`.execute(trx);
    const candidates = trx
      .selectFrom('esco_concept')
      .select([...conceptColumns, 'search_text'])
      .where(sql<boolean>`${term} <<% search_text`)
      .offset(0)
      .as('candidate');
    const found = trx
      .selectFrom(candidates)
      .where('kind', '=', kind)
      .where('search_text', 'not like', `%${escapeLike(term)}%`);
    const counted = page.counted ? await found.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow() : null;
    const rows =
      page.limit > 0
        ? await found
            .select(conceptColumns)
            // Scored here, after the kind filter, so only the candidates of this kind are scored again.
            .orderBy(
              sql`strict_word_similarity(${term}, search_text) desc,
                strict_word_similarity(${term}, split_part(search_text, E'\\n', 1)) desc, char_length(label), label, uri`,
            )
            .limit(page.limit)
            .offset(page.offset)
            .execute()
        : [];
    return { rows, total: counted ? Number(counted.total) : rows.length };
  });
}

/**
 * Occupations or skills for what a person typed, best first: labels that hold the words as typed (see
 * `exactMatches`), then, when those are few, near misses for typos. Case and diacritics do not matter.
 */
export async function searchConceptsInDb(db: Db, kind: ConceptKind, query: string, limit = 10): Promise<Concept[]> {
  const term = searchTerm(query);
  if (term === '' || limit <= 0) return [];
  const exact = exactMatches(db, kind, term);
  const rows = await exact.query.orderBy(exact.order).limit(limit).execute();
  if (rows.length >= Math.min(limit, nearMissThreshold) || term.length < minFuzzyLength) return rows.map(toConcept);
  const near = await nearMisses(db, kind, term, { limit: limit - rows.length, offset: 0 });
  return [...rows, ...near.rows].map(toConcept);
}

/** One page of the same list, and how many there are in all, for the API; no query lists all by label. */
export async function searchConceptPage(
  db: Db,
  kind: ConceptKind,
  query: string | undefined,
  page: { page: number; pageSize: number },
): Promise<{ items: Concept[]; total: number }> {
  const term = searchTerm(query);
  const exact = exactMatches(db, kind, term);
  const offset = (page.page - 1) * page.pageSize;
  const counted = await db
    .selectFrom(exact.query.as('exact'))
    .select((eb) => eb.fn.countAll<string>().as('total'))
    .executeTakeFirstOrThrow();
  const exactTotal = Number(counted.total);
  const rows = await exact.query.orderBy(exact.order).limit(page.pageSize).offset(offset).execute();
  if (exactTotal >= nearMissThreshold || term.length < minFuzzyLength) return { items: rows.map(toConcept), total: exactTotal };
  const near = await nearMisses(db, kind, term, {
    limit: page.pageSize - rows.length,
    offset: Math.max(0, offset - exactTotal),
    counted: true,
  });
  return { items: [...rows, ...near.rows].map(toConcept), total: exactTotal + near.total };
}

/**
 * The concepts with these URIs, as a query to pick columns from: one array parameter instead of one
 * per URI, for a page of profiles asks for a few hundred.
 */
const conceptsWithUris = (db: Db, uris: readonly string[]) =>
  db.selectFrom('esco_concept').where('uri', '=', sql<string>`any(${sql.val(uris)}::text[])`);

/** The concepts with these URIs that exist, by URI, in one query. */
export async function findConcepts(db: Db, uris: Iterable<string>): Promise<Map<string, Concept>> {
  const wanted = [...new Set(uris)];
  if (wanted.length === 0) return new Map();
  const rows = await conceptsWithUris(db, wanted).select(conceptColumns).execute();
  return new Map(rows.map((row) => [row.uri, toConcept(row)]));
}

/**
 * Dutch labels by URI, in one query; a URI that is not in the taxonomy is left out (show the URI
 * itself). Only the labels are read: alternative labels are most of a concept's bytes.
 */
export async function conceptLabels(db: Db, uris: Iterable<string>): Promise<Map<string, string>> {
  const wanted = [...new Set(uris)];
  if (wanted.length === 0) return new Map();
  const rows = await conceptsWithUris(db, wanted).select(['uri', 'label']).execute();
  return new Map(rows.map((row) => [row.uri, row.label]));
}

/** The URIs that are not an existing concept of this kind: what a form or the API may not store. */
export async function unknownConcepts(db: Db, kind: ConceptKind, uris: readonly string[]): Promise<string[]> {
  if (uris.length === 0) return [];
  const rows = await db
    .selectFrom('esco_concept')
    .select('uri')
    .where('kind', '=', kind)
    .where('uri', 'in', [...new Set(uris)])
    .execute();
  const known = new Set(rows.map((row) => row.uri));
  return uris.filter((uri) => !known.has(uri));
}

/**
 * What ranking needs of the taxonomy, in one query:
 * - `related`: every occupation that shares an ISCO-08 unit group with one of `occupations`, with
 *   that group — the occupations themselves among them — for the "same group" part and for finding rows;
 * - `matching`: the concepts of `concepts` that can put a candidate and a vacancy in each other's
 *   lists: all but the skills ESCO counts as transversal (teamwork, Dutch, safety), which every
 *   profile has and which therefore say little about fit. They still count in the score (decision 018).
 */
export async function rankingConcepts(
  db: Db,
  occupations: readonly string[],
  concepts: readonly string[],
): Promise<{ related: Map<string, string>; matching: string[] }> {
  const wanted = [...new Set(concepts)];
  if (occupations.length === 0 && wanted.length === 0) return { related: new Map(), matching: [] };
  const { rows } = await sql<{ uri: string; isco_group: string | null }>`
    select related.uri, related.isco_group from esco_concept related
    where related.kind = 'occupation' and related.isco_group in (
      select own.isco_group from esco_concept own where own.uri = any(${sql.val([...occupations])}::text[]))
    union all
    select uri, null from esco_concept where uri = any(${sql.val(wanted)}::text[]) and reuse_level = 'transversal'
    order by 1`.execute(db);
  const related = new Map(rows.flatMap((row) => (row.isco_group === null ? [] : [[row.uri, row.isco_group] as const])));
  const transversal = new Set(rows.filter((row) => row.isco_group === null).map((row) => row.uri));
  return { related, matching: wanted.filter((uri) => !transversal.has(uri)) };
}
