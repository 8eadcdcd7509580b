import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { createApp, type App } from '#app/app.js';
import type { Config } from '#app/config.js';

export type TestApp = App & { databaseName: string };

type TestAppOptions = { rateLimitPerMinute?: number; jobs?: boolean; smtpUrl?: string; production?: boolean };

/** The configuration of a test application on `database`. */
export function testConfig(database: Config['database'], options: TestAppOptions = {}): Config {
  return {
    database,
    port: 0,
    host: '127.0.0.1',
    baseUrl: 'http://localhost:3000',
    authSecret: randomBytes(32).toString('hex'),
    production: options.production ?? false,
    trustProxy: [],
    rateLimitPerMinute: options.rateLimitPerMinute ?? 600,
    mail: { smtpUrl: options.smtpUrl ?? null, from: 'Werkregie <noreply@test.werkregie.nl>' },
    // Background jobs only where a test asks for them; job bodies are tested by calling them.
    jobs: options.jobs ?? false,
  };
}

/** The migrated PGlite snapshot of this run (test/support/global-setup.ts), read once per worker. */
let pgliteSnapshot: Blob | undefined;
function migratedPgliteSnapshot(): Blob | undefined {
  const file = process.env.WERKREGIE_TEST_PGLITE_SNAPSHOT;
  if (file && !pgliteSnapshot) pgliteSnapshot = new Blob([readFileSync(file)]);
  return pgliteSnapshot;
}

/**
 * A fresh application on a database of its own: PGlite in memory, or, when DATABASE_URL is set,
 * a new database on that PostgreSQL server that is dropped afterwards, so runs never collide.
 * Under vitest the database starts as a copy of one migrated at the start of the run
 * (test/support/global-setup.ts); createApp then finds its migrations and built-in data in place.
 */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const app = await createApp(testConfig({ kind: 'pglite', dataDir: null, from: migratedPgliteSnapshot() }, options));
    return { ...app, databaseName: 'pglite' };
  }
  const databaseName = `werkregie_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const template = process.env.WERKREGIE_TEST_TEMPLATE_DB;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${databaseName}${template ? ` template ${template}` : ''}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${databaseName}`;
  const app = await createApp(testConfig({ kind: 'postgres', url: url.toString() }, options));
  return {
    ...app,
    databaseName,
    close: async () => {
      await app.close();
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${databaseName} with (force)`);
      await dropper.end();
    },
  };
}
