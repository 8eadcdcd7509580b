import { sql, type RawBuilder } from 'kysely';
import type { EmployerCategory } from '#app/db/schema.js';
import { defaultVisibility, levelsShowingGroup, type FieldGroup } from './rules.js';

/**
 * `groupsVisibleToEmployer` (rules.ts) as SQL over the `candidate` row, for ranking inside the
 * database: true when an employer of `category` may see `group`. Consent is left to the pool scope
 * (`scopedCandidates`), which only lets in candidates who gave it. The page shown is still read
 * through `readCandidates`, the policy itself; a test holds the two to the same answers.
 */
export function groupVisibleToEmployerSql(group: FieldGroup, category: EmployerCategory): RawBuilder<boolean> {
  const levels = levelsShowingGroup(group, category);
  if (levels.length === 0) return sql<boolean>`false`;
  const level = sql`coalesce(candidate.visibility ->> ${sql.lit(group)}, ${sql.lit(defaultVisibility[group])})`;
  const opens = sql<boolean>`(${level} in (${sql.join(levels.map((l) => sql.lit(l)))}))`;
  return group === 'identiteit' ? sql<boolean>`(${opens} and not candidate.anonymous)` : opens;
}
