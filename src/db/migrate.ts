import { getMigrations } from 'better-auth/db/migration';
import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration';
import type { Auth } from '../auth.js';
import type { Db } from './connection.js';
import * as foundation from './migrations/0001-foundation.js';
import * as matching from './migrations/0002-matching.js';

const migrations: Record<string, Migration> = {
  '0001-foundation': foundation,
  '0002-matching': matching,
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
