import { sql, type RawBuilder } from 'kysely';
import { cefrLevels } from '../candidates/rules.js';
import type { PartName } from './score.js';

/**
 * The total of `scoreMatch` (score.ts) as one SQL expression, so that a list can be ranked inside
 * the database and only the page shown travels to the application. score.ts stays the definition:
 * it explains every part to the reader, and a property test (score-sql.integration.test.ts) proves
 * that this expression gives the same total for any candidate, vacancy and weights.
 *
 * Every input is an SQL expression. The vacancy lists use it, where the candidate (or their
 * consultant) sees the whole profile; candidates are ranked by score.ts itself (decision 025).
 */
export type ScoreSqlInputs = {
  /** Candidate: wished occupations, skills, hours, Dutch level, travel radius, availability, expired. */
  wishedOccupations: RawBuilder<string[] | null>;
  skills: RawBuilder<string[] | null>;
  candidateHours: RawBuilder<number | null>;
  dutchLevel: RawBuilder<string | null>;
  travelRadiusKm: RawBuilder<number | null>;
  availability: RawBuilder<string | null>;
  availabilityExpired: RawBuilder<boolean | null>;
  /** Vacancy: occupation, required and nice-to-have skills, hours, required Dutch level. */
  occupationUri: RawBuilder<string | null>;
  requiredSkills: RawBuilder<string[]>;
  niceSkills: RawBuilder<string[]>;
  vacancyHours: RawBuilder<number | null>;
  requiredDutchLevel: RawBuilder<string | null>;
  /** True when a wished occupation lies in the vacancy's ISCO unit group (only read when not exact). */
  sameIscoGroup: RawBuilder<boolean | null>;
  /** Distance in km between the two PC4 areas, or null (unknown, or the location is hidden). */
  distanceKm: RawBuilder<number | null>;
};

export type WeightsSql = Record<Exclude<PartName, 'ondersteuning'>, RawBuilder<number>>;

/** The share of `wanted` in `have`; counted only when the two share a skill at all (`&&` is cheap, the count is a subquery). */
const covered = (wanted: RawBuilder<string[]>, have: RawBuilder<string[] | null>) =>
  sql<number>`(case when cardinality(${wanted}) = 0 or ${have} is null then null
    when not (${wanted} && ${have}) then 0::float8
    else (select count(*) from unnest(${wanted}) wanted_skill where wanted_skill = any(${have}))::float8 / cardinality(${wanted}) end)`;

const cefr = (level: RawBuilder<string | null>) =>
  sql<number>`array_position(array[${sql.join(cefrLevels.map((l) => sql.lit(l)))}]::text[], ${level})`;

const inputNames = [
  'wishedOccupations',
  'skills',
  'candidateHours',
  'dutchLevel',
  'travelRadiusKm',
  'availability',
  'availabilityExpired',
  'occupationUri',
  'requiredSkills',
  'niceSkills',
  'vacancyHours',
  'requiredDutchLevel',
  'sameIscoGroup',
  'distanceKm',
] as const satisfies readonly (keyof ScoreSqlInputs)[];

/** Each part's value 0–1, or NULL when it does not apply or is unknown, in the order of score.ts, over the `facts` columns. */
function partValues(): [Exclude<PartName, 'ondersteuning'>, RawBuilder<number | null>][] {
  const i = Object.fromEntries(inputNames.map((name) => [name, sql.ref(`facts.${name}`)])) as unknown as ScoreSqlInputs;
  const d = sql`(${i.distanceKm})::float8`;
  const r = sql`(${i.travelRadiusKm})::float8`;
  return [
    [
      'beroep',
      sql`(case when ${i.occupationUri} is null or ${i.wishedOccupations} is null then null
        when ${i.occupationUri} = any(${i.wishedOccupations}) then 1::float8
        when ${i.sameIscoGroup} then 0.6::float8 else 0::float8 end)`,
    ],
    ['vaardigheden', covered(i.requiredSkills, i.skills)],
    ['extraVaardigheden', covered(i.niceSkills, i.skills)],
    [
      'afstand',
      sql`(case when ${d} is null or ${r} is null then null
        when ${r} <= 0 then (case when ${d} <= 0 then 1::float8 else 0::float8 end)
        when ${d} <= ${r} then 1::float8 - (0.5::float8 * ${d}) / ${r}
        else greatest(0::float8, 0.5::float8 - (0.5::float8 * (${d} - ${r})) / ${r}) end)`,
    ],
    [
      'uren',
      sql`(case when ${i.candidateHours} is null or ${i.vacancyHours} is null then null
        else greatest(0::float8, 1::float8 - abs(${i.vacancyHours} - ${i.candidateHours})::float8 / greatest(${i.candidateHours}, 8)) end)`,
    ],
    [
      'taal',
      sql`(case when ${i.requiredDutchLevel} is null or ${cefr(i.dutchLevel)} is null then null
        when ${cefr(i.requiredDutchLevel)} - ${cefr(i.dutchLevel)} <= 0 then 1::float8
        when ${cefr(i.requiredDutchLevel)} - ${cefr(i.dutchLevel)} = 1 then 0.5::float8 else 0::float8 end)`,
    ],
    [
      'beschikbaarheid',
      sql`(case when ${i.availability} is null then null when ${i.availabilityExpired} then 0::float8
        when ${i.availability} = 'beschikbaar' then 1::float8 when ${i.availability} = 'binnenkort' then 0.5::float8 else 0::float8 end)`,
    ],
  ];
}

/**
 * The score as SQL: `parts`, a lateral subquery that computes each input and then each part's value
 * once per row (join it with `crossJoinLateral`), and `total` 0–100 over it: the weighted mean of the
 * parts that have a value and a weight above 0, rounded as `Math.round` does; 0 when no part counts.
 * Sums run in the order of score.ts, so the floating-point result is the same.
 */
export function scoreSql(inputs: ScoreSqlInputs, weights: WeightsSql) {
  // Each input is computed once per row (`facts`), each part once over them (`parts`); `offset 0` keeps
  // PostgreSQL from folding the subqueries into the outer query, which would repeat every expression.
  // One lateral for both: it depends on the row's own columns only, so PostgreSQL does not put a
  // cache (Memoize) in front of it that misses on every row.
  const facts = sql`(select ${sql.join(inputNames.map((name) => sql`${inputs[name]} as ${sql.ref(name)}`))} offset 0) as facts`;
  const values = partValues();
  const parts = sql`(select ${sql.join(values.map(([name, value]) => sql`${value} as ${sql.ref(name)}`))} from ${facts} offset 0)`.as(
    'parts',
  );
  const counted = values.map(([name]) => {
    const value = sql.ref(`parts.${name}`);
    const weight = sql`(${weights[name]})::float8`;
    return { value, weight, counts: sql`(${value} is not null and ${weight} > 0)` };
  });
  const weighted = sql.join(
    counted.map((p) => sql`(case when ${p.counts} then ${p.weight} * ${p.value} else 0::float8 end)`),
    sql` + `,
  );
  const weightSum = sql.join(
    counted.map((p) => sql`(case when ${p.counts} then ${p.weight} else 0::float8 end)`),
    sql` + `,
  );
  const total = sql<number>`(case when (0::float8 + ${weightSum}) = 0 then 0
    else floor((100::float8 * (0::float8 + ${weighted})) / (0::float8 + ${weightSum}) + 0.5)::integer end)`;
  return { parts, total };
}
