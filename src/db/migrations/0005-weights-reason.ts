import { sql, type Kysely } from 'kysely';

// Match weights are changed by a beheerder with a short reason, kept with the version it explains
// (issue 3; src/domain/matching/weights.ts). Versions written before this have no reason.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table match_weights add column reason text`.execute(db);
}
