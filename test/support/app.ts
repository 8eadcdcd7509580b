import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createApp, type App } from '#app/app.js';
import type { Config } from '#app/config.js';

export type TestApp = App & { databaseName: string };

/**
 * A fresh application on a database of its own: PGlite in memory, or, when DATABASE_URL is set,
 * a new database on that PostgreSQL server that is dropped afterwards, so runs never collide.
 */
export async function createTestApp(
  options: { rateLimitPerMinute?: number; jobs?: boolean; smtpUrl?: string; production?: boolean } = {},
): Promise<TestApp> {
  const serverUrl = process.env.DATABASE_URL;
  const secret = randomBytes(32).toString('hex');
  const base = {
    port: 0,
    host: '127.0.0.1',
    baseUrl: 'http://localhost:3000',
    authSecret: secret,
    production: options.production ?? false,
    trustProxy: [],
    rateLimitPerMinute: options.rateLimitPerMinute ?? 600,
    mail: { smtpUrl: options.smtpUrl ?? null, from: 'Werkregie <noreply@test.werkregie.nl>' },
    // Background jobs only where a test asks for them; job bodies are tested by calling them.
    jobs: options.jobs ?? false,
  };
  if (!serverUrl) {
    const app = await createApp({ ...base, database: { kind: 'pglite', dataDir: null } } satisfies Config);
    return { ...app, databaseName: 'pglite' };
  }
  const databaseName = `werkregie_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${databaseName}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${databaseName}`;
  const app = await createApp({ ...base, database: { kind: 'postgres', url: url.toString() } } satisfies Config);
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
