/**
 * Data for `npm run bench:match`: a national-scale pool generated inside the database with SQL, so
 * that a million candidates take minutes, not hours. Spreads (docs/benchmarks.md):
 * - occupations: the real ESCO download (../shared/data/esco, 3,007 occupations with ISCO groups);
 * - skills: 13,000 generated ESCO-style skills; each occupation has a window of 40 related skills
 *   (neighbouring occupations share part of it), and some skills are common to many profiles: the
 *   130 most common count as transversal, as ESCO's teamwork or Dutch do;
 * - candidates: 1–3 wished occupations (popular ones more often), 5–15 skills (70 % from their
 *   occupation's window), a PC4 area anywhere in the country, radius 5–50 km, 90 % with consent,
 *   10 % with expired availability, a fifth with narrower visibility than the default;
 * - vacancies: one occupation, 3–8 required and 0–4 nice-to-have skills from its window, opened in the
 *   last 8 weeks.
 */
import { sql } from 'kysely';
import type { Db } from '#app/db/connection.js';
import { defaultVisibility } from '#app/domain/candidates/rules.js';

export const skillCount = 13_000;
export const benchSkillUri = (n: number) => `http://data.europa.eu/esco/skill/bench-${n}`;

/** Rough centres of the first postcode digit's part of the country; PC4 areas are spread around them. */
const pc4Centres: Record<number, [number, number]> = {
  1: [52.45, 4.85],
  2: [52.05, 4.45],
  3: [51.95, 4.95],
  4: [51.5, 4.0],
  5: [51.55, 5.35],
  6: [51.3, 5.9],
  7: [52.25, 6.55],
  8: [52.75, 5.85],
  9: [53.15, 6.6],
};

/**
 * PC4 areas over the whole country (every even number not yet known): the first digit picks a part
 * of the country, the second a block of about 24 × 22 km in it (as PC2 areas are), the rest a place
 * in the block.
 */
export async function generatePostcodes(db: Db): Promise<number> {
  const cases = Object.entries(pc4Centres);
  const latitude = sql.raw(`case n / 1000 ${cases.map(([d, [lat]]) => `when ${d} then ${lat}`).join(' ')} end`);
  const longitude = sql.raw(`case n / 1000 ${cases.map(([d, [, lon]]) => `when ${d} then ${lon}`).join(' ')} end`);
  const result = await sql`
    insert into postcode_area (pc4, latitude, longitude, place, municipality)
    select n::text,
      ${latitude} + ((n / 100 % 10) % 3 - 1) * 0.22 + (((n * 7919) % 1000) / 1000.0 - 0.5) * 0.22,
      ${longitude} + ((n / 100 % 10) / 3 - 1.5) * 0.33 + (((n * 104729) % 1000) / 1000.0 - 0.5) * 0.33,
      null, null
    from generate_series(1000, 9998, 2) n
    on conflict (pc4) do nothing`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/** The most common generated skills stand for ESCO's transversal ones (teamwork, Dutch, safety). */
export const transversalSkillCount = 130;

export async function generateSkills(db: Db): Promise<void> {
  await sql`
    insert into esco_concept (uri, kind, label, alt_labels, search_text, source, reuse_level)
    select ${'http://data.europa.eu/esco/skill/bench-'} || n, 'skill', 'vaardigheid ' || n, '{}', 'vaardigheid ' || n, 'import',
      case when n < ${transversalSkillCount}::int then 'transversal' end
    from generate_series(0, ${skillCount - 1}::int) n
    on conflict (uri) do nothing`.execute(db);
}

/** One gemeente-instantie per PC2 area (10–99) in a region per first digit, each with a consultant; returns their ids. */
export async function generateInstanties(db: Db): Promise<string[]> {
  await sql`insert into region (id, name) select 'bench-' || d, 'Benchregio ' || d from generate_series(1, 9) d
    on conflict (id) do nothing`.execute(db);
  await sql`insert into instantie (id, name, kind, region_id, settings)
    select 'bench-' || n, 'Benchgemeente ' || n, 'gemeente', 'bench-' || (n / 10),
      ${JSON.stringify({ dailyProfileViews: { preferred: 100_000, committed: 100_000, business_as_usual: 100_000 } })}::jsonb
    from generate_series(10, 99) n on conflict (id) do nothing`.execute(db);
  return Array.from({ length: 90 }, (_, i) => `bench-${i + 10}`);
}

/** Numbered lists the generators draw from: occupations (a stable order) and PC4 areas. */
async function prepareDraws(db: Db): Promise<void> {
  await sql`drop table if exists bench_occupation, bench_pc4`.execute(db);
  await sql`create table bench_occupation as
    select (row_number() over (order by uri) - 1)::int as n, uri from esco_concept where kind = 'occupation'`.execute(db);
  await sql`create table bench_pc4 as select (row_number() over (order by pc4) - 1)::int as n, pc4 from postcode_area`.execute(db);
}

/** The skills of a profile: `count` skills, 70 % from the occupation's window of 40, the rest skewed over all. */
// \`k * 0\` ties the aggregate to the inner rows; without it PostgreSQL would aggregate at the outer level.
const skillDraw = (occupation: string, count: string, salt: string) =>
  sql.raw(`(select array_agg(distinct 'http://data.europa.eu/esco/skill/bench-' ||
      case when random() < 0.7 then (k * 0 + (${occupation}) * 4 + floor(random() * 40)::int) % ${skillCount}
           else floor(${skillCount} * power(random(), 3))::int end)
    from generate_series(1, ${count}) k where k > 0 and ${salt} is not null)`);

/**
 * Inserts `count` more candidates in batches, each at the instantie of their PC2 area (see
 * `generateInstanties`), with consent for 90 %.
 */
export async function generateCandidates(db: Db, count: number, onBatch: (done: number) => void = () => {}): Promise<void> {
  await prepareDraws(db);
  const visibilityNarrow = JSON.stringify({ ...defaultVisibility, werkwensen: 'betrokken', locatie: 'voorkeur' });
  const batch = 50_000;
  const [{ already }] = (await sql<{ already: number }>`select count(*)::int as already from candidate`.execute(db)).rows as [
    { already: number },
  ];
  for (let from = already; from < already + count; from += batch) {
    const to = Math.min(already + count, from + batch) - 1;
    await sql`
      with occupations as (select count(*)::int as total from bench_occupation),
      pc4s as (select count(*)::int as total from bench_pc4),
      draw as (
        select g.i,
          floor(occupations.total * power(random(), 2))::int as occupation,
          floor(occupations.total * random())::int as second_occupation,
          random() as r1, random() as r2, random() as r3, random() as r4,
          5 + floor(random() * 11)::int as skill_count,
          floor(random() * pc4s.total)::int as pc4
        from generate_series(${from}::int, ${to}::int) g(i), occupations, pc4s
      )
      insert into candidate (instantie_id, consultant_user_id, pseudonym, first_name, last_name, postcode,
        travel_radius_km, hours_per_week, wished_occupations, skills, dutch_level, availability,
        availability_confirmed_at, availability_expires_at, visibility, anonymous)
      select 'bench-' || left(bp.pc4, 2), 'bench-consulent-' || left(bp.pc4, 2), 'Bench-' || draw.i, 'Kandidaat', 'Bench ' || draw.i, bp.pc4 || 'AB',
        (array[5, 10, 10, 15, 20, 25, 30, 50])[1 + floor(draw.r1 * 8)::int],
        (array[8, 12, 16, 20, 24, 28, 32, 36, 40])[1 + floor(draw.r2 * 9)::int],
        case when draw.r3 < 0.3 then array[o1.uri, o2.uri] else array[o1.uri] end,
        coalesce(${skillDraw('draw.occupation', 'draw.skill_count', 'draw.i')}, '{}'),
        (array['A1', 'A2', 'B1', 'B1', 'B2', 'C1'])[1 + floor(draw.r4 * 6)::int],
        case when draw.r1 < 0.8 then 'beschikbaar' when draw.r1 < 0.95 then 'binnenkort' else 'niet_beschikbaar' end,
        now() - interval '20 days',
        case when draw.r2 < 0.1 then now() - interval '3 days' else now() + interval '5 weeks' end,
        case when draw.r3 > 0.8 then ${visibilityNarrow}::jsonb else ${JSON.stringify(defaultVisibility)}::jsonb end,
        draw.r4 < 0.7
      from draw
      join bench_occupation o1 on o1.n = draw.occupation
      join bench_occupation o2 on o2.n = draw.second_occupation
      join bench_pc4 bp on bp.n = draw.pc4`.execute(db);
    onBatch(to + 1 - already);
  }
  await sql`
    insert into consent (candidate_id, given_by, recorded_as)
    select c.id, 'bench', 'kandidaat' from candidate c
    where c.pseudonym like 'Bench-%' and abs(hashtext(c.pseudonym)) % 10 <> 0
      and not exists (select 1 from consent x where x.candidate_id = c.id and x.withdrawn_at is null)`.execute(db);
}

/** Inserts `count` open vacancies spread over the given employers, opened in the last `openedWithinDays` days. */
export async function generateVacancies(db: Db, count: number, employerIds: readonly string[], openedWithinDays = 56): Promise<void> {
  await prepareDraws(db);
  const batch = 50_000;
  for (let from = 0; from < count; from += batch) {
    const to = Math.min(count, from + batch) - 1;
    await sql`
      with occupations as (select count(*)::int as total from bench_occupation),
      pc4s as (select count(*)::int as total from bench_pc4),
      draw as (
        select g.i,
          floor(occupations.total * power(random(), 2))::int as occupation,
          3 + floor(random() * 6)::int as required_count,
          floor(random() * 5)::int as nice_count,
          floor(random() * pc4s.total)::int as pc4,
          random() as r1, random() as r2
        from generate_series(${from}::int, ${to}::int) g(i), occupations, pc4s
      )
      insert into vacancy (employer_id, title, postcode, hours_per_week, contract_type, occupation_uri,
        required_skills, nice_skills, status, published_until, created_at, required_dutch_level)
      select (${sql.val(employerIds)}::uuid[])[1 + draw.i % ${employerIds.length}], 'Vacature ' || draw.i, bp.pc4 || 'CD',
        (array[8, 16, 20, 24, 32, 36, 40])[1 + floor(draw.r1 * 7)::int], 'tijdelijk', o.uri,
        coalesce(${skillDraw('draw.occupation', 'draw.required_count', 'draw.i')}, '{}'),
        coalesce(${skillDraw('draw.occupation', 'draw.nice_count', 'draw.i')}, '{}'),
        'open', current_date + 30, now() - (draw.r2 * ${openedWithinDays}::int * interval '1 day'),
        case when draw.r1 < 0.5 then null else (array['A2', 'B1', 'B2'])[1 + floor(draw.r2 * 3)::int] end
      from draw
      join bench_occupation o on o.n = draw.occupation
      join bench_pc4 bp on bp.n = draw.pc4`.execute(db);
  }
}

/**
 * Gives `count` generated candidates an account and one saved search with the weekly alert on, last
 * checked a week ago (the set-up of the weekly alert benchmark).
 */
export async function generateSavedSearches(db: Db, count: number): Promise<void> {
  await sql`
    with chosen as (
      select id from candidate where pseudonym like 'Bench-%' and user_id is null order by id limit ${count}::int
    ), users as (
      insert into "user" (id, name, email, "emailVerified", image, "createdAt", "updatedAt")
      select 'bench-' || chosen.id, 'Kandidaat', 'kandidaat-' || chosen.id || '@bench.werkregie.nl', false, null, now(), now()
      from chosen
      returning id
    )
    update candidate set user_id = users.id from users where users.id = 'bench-' || candidate.id`.execute(db);
  await sql`
    insert into saved_search (candidate_id, name, filters, alert_weekly, last_alert_at, created_at)
    select id, 'Mijn zoekopdracht', '{}', true, now() - interval '7 days', now() - interval '30 days'
    from candidate where user_id like 'bench-%'`.execute(db);
}
