import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createAuth, type Auth } from './auth.js';
import type { Config } from './config.js';
import { openDatabase, type DatabaseHandle } from './db/connection.js';
import { migrate } from './db/migrate.js';
import { ensureBuiltinPostcodes } from './domain/geo/builtin.js';
import { purgeExpiredMatchLog } from './domain/matching/queries.js';
import { ensureBuiltinTaxonomy } from './domain/taxonomy/queries.js';
import { buildServer } from './http/server.js';

export type App = { server: FastifyInstance; database: DatabaseHandle; auth: Auth; close: () => Promise<void> };

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

/** Composition root: config → database → migrations → HTTP application. */
export async function createApp(config: Config, options: { logger?: boolean } = {}): Promise<App> {
  const database = await openDatabase(config.database);
  try {
    const secret = resolveSecret(config);
    const auth = createAuth(database.db, { secret, baseUrl: config.baseUrl });
    await migrate(database.db, auth);
    await ensureBuiltinTaxonomy(database.db);
    await ensureBuiltinPostcodes(database.db);
    // Until scheduled jobs exist, expired records of shown lists are removed at every start.
    await purgeExpiredMatchLog(database.db);
    const server = await buildServer(
      { db: database.db, auth },
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
      close: async () => {
        await server.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
