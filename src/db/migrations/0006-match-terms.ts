import { sql, type Kysely } from 'kysely';

// Index support for ranking at national scale (docs/decisions/018-ranking-in-sql.md). Each candidate
// and vacancy carries "match terms": hashed pairs of a scope and an ESCO concept, kept by the
// database itself (generated columns), so no write path can forget them. A list fetches only the
// rows that share a term with what it looks for, through a GIN index, and scores those in SQL.
//
// - Candidate terms pair a concept with the candidate's instantie and the visibility level of the
//   group it belongs to (occupations: werkwensen, skills: ervaring). An employer's search asks only
//   for the instanties and levels open to its category, so a hidden occupation or skill can never
//   bring a candidate into its list.
// - Vacancy terms pair a concept with the vacancy's PC2 area (the first two digits of its postcode,
//   some 20 km across) and with 'nl', so a candidate's list asks for the areas within reach, or the
//   whole country.
//
// The GIN indexes are built without "fast update": its pending list is only cleaned by (auto)vacuum,
// which the embedded database does not run, and a long pending list makes every look-up slow.
//
// Terms are 32-bit hashes from hashtextextended, which PostgreSQL keeps stable across versions
// because hash partitioning depends on it. A collision can only add a row to be scored, never hide one.
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

const statements = [
  // ESCO's reuse level of a skill: sharing only a transversal skill (teamwork, Dutch) does not make a match.
  `alter table esco_concept add column reuse_level text
     check (reuse_level in ('transversal', 'cross-sector', 'sector-specific', 'occupation-specific'))`,
  // The PC4 areas within a candidate's reach (earth_box look-ups), and the occupations of an ISCO unit group.
  `create index postcode_area_point on postcode_area using gist (ll_to_earth(latitude, longitude))`,
  `create index esco_concept_isco_group on esco_concept (isco_group) where kind = 'occupation'`,
  `create function match_term(scope text, concept text) returns integer
     language sql immutable parallel safe
     return (hashtextextended(scope || '|' || concept, 0) % 2147483647)::integer`,
  `create function candidate_match_terms(instantie text, visibility jsonb, occupations text[], skills text[])
     returns integer[] language plpgsql immutable parallel safe as $$
   declare
     work_scope text := instantie || '|' || coalesce(visibility ->> 'werkwensen', 'alle');
     skill_scope text := instantie || '|' || coalesce(visibility ->> 'ervaring', 'alle');
     terms integer[] := '{}';
     concept text;
   begin
     foreach concept in array occupations loop terms := terms || match_term(work_scope, concept); end loop;
     foreach concept in array skills loop terms := terms || match_term(skill_scope, concept); end loop;
     return terms;
   end $$`,
  `create function vacancy_match_terms(postcode text, occupation text, required text[], nice text[])
     returns integer[] language plpgsql immutable parallel safe as $$
   declare
     area text := left(postcode, 2);
     terms integer[] := '{}';
     concept text;
   begin
     foreach concept in array array_remove(array[occupation], null) || required || nice loop
       terms := terms || match_term(area, concept) || match_term('nl', concept);
     end loop;
     return terms;
   end $$`,
  `alter table candidate add column match_terms integer[] not null
     generated always as (candidate_match_terms(instantie_id, visibility, wished_occupations, skills)) stored`,
  `create index candidate_match_terms on candidate using gin (match_terms) with (fastupdate = off)`,
  `alter table vacancy add column match_terms integer[] not null
     generated always as (vacancy_match_terms(postcode, occupation_uri, required_skills, nice_skills)) stored`,
  `create index vacancy_match_terms on vacancy using gin (match_terms) with (fastupdate = off)`,
];
