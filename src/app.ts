import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createAuth, type Auth } from './auth.js';
import type { Config } from './config.js';
import { openDatabase, type DatabaseHandle } from './db/connection.js';
import { migrate } from './db/migrate.js';
import { ensureBuiltinPostcodes } from './domain/geo/builtin.js';
import { ensureBuiltinTaxonomy } from './domain/taxonomy/queries.js';
import { buildServer } from './http/server.js';
import { startJobs, type Jobs } from './jobs/boss.js';

export type App = {
  server: FastifyInstance;
  database: DatabaseHandle;
  auth: Auth;
  /** The background jobs, when config.jobs started them. */
  jobs: Jobs | null;
  close: () => Promise<void>;
};

/** The embedded database keeps its secret beside the data, so sessions survive a restart. */
function resolveSecret(config: Config): string {
  if (config.authSecret) return config.authSecret;
  if (config.database.kind === 'pglite' && config.database.dataDir) {
    const path = join(config.database.dataDir, 'auth-secret');
    if (existsSync(path)) return readFileSync(path, 'utf8').trim();
    mkdirSync(config.database.dataDir, { recursive: true });
    const secret = randomBytes(32).toString('hex');
    writeFileSync(path, secret, { mode: 0o600 });
    return secret;
  }
  return randomBytes(32).toString('hex');
}

/** Composition root: config → database → migrations → jobs → HTTP application. */
export async function createApp(config: Config, options: { logger?: boolean } = {}): Promise<App> {
  const database = await openDatabase(config.database);
  let jobs: Jobs | null = null;
  try {
    const secret = resolveSecret(config);
    const auth = createAuth(database.db, { secret, baseUrl: config.baseUrl });
    await migrate(database.db, auth);
    await ensureBuiltinTaxonomy(database.db);
    await ensureBuiltinPostcodes(database.db);
    // Background jobs (src/jobs/definitions.ts) run on the migrated database; tests and one-off commands go without.
    if (config.jobs) jobs = await startJobs(database, config);
    const server = await buildServer(
      { db: database.db, auth, config: { baseUrl: config.baseUrl, production: config.production } },
      {
        cookieSecret: secret,
        baseUrl: config.baseUrl,
        logger: options.logger,
        secureCookies: config.production,
        trustProxy: config.trustProxy,
        rateLimitPerMinute: config.rateLimitPerMinute,
      },
    );
    return {
      server,
      database,
      auth,
      jobs,
      close: async () => {
        await server.close();
        // pg-boss first: its last queries need the database (PGlite above all).
        await jobs?.stop();
        await database.close();
      },
    };
  } catch (error) {
    await jobs?.stop();
    await database.close();
    throw error;
  }
}
