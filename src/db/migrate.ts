import { getMigrations } from 'better-auth/db/migration';
import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration';
import type { Auth } from '../auth.js';
import type { Db } from './connection.js';
import * as foundation from './migrations/0001-foundation.js';
import * as matching from './migrations/0002-matching.js';
import * as notifications from './migrations/0003-notifications.js';
import * as savedSearches from './migrations/0004-saved-searches.js';
import * as weightsReason from './migrations/0005-weights-reason.js';
import * as matchTerms from './migrations/0006-match-terms.js';
import * as placements from './migrations/0007-placements.js';
import * as postcodeRegions from './migrations/0008-postcode-regions.js';
import * as rankingFacts from './migrations/0009-ranking-facts.js';
import * as vacancyPoint from './migrations/0010-vacancy-point.js';

const migrations: Record<string, Migration> = {
  '0001-foundation': foundation,
  '0002-matching': matching,
  '0003-notifications': notifications,
  '0004-saved-searches': savedSearches,
  '0005-weights-reason': weightsReason,
  '0006-match-terms': matchTerms,
  '0007-placements': placements,
  '0008-postcode-regions': postcodeRegions,
  '0009-ranking-facts': rankingFacts,
  '0010-vacancy-point': vacancyPoint,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Brings the database up to date: first better-auth's own tables, then ours. */
export async function migrate(db: Db, auth: Auth): Promise<void> {
  const { runMigrations } = await getMigrations(auth.options);
  await runMigrations();
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName;
    throw new Error(`Migratie ${failed ?? ''} is mislukt: ${String(error)}`, { cause: error });
  }
}
