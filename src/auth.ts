import { betterAuth } from 'better-auth';
import type { Db } from './db/connection.js';

export type AuthOptions = { secret: string; baseUrl: string };

/** better-auth over our Kysely connection: e-mail and password, sessions in the database. */
export function createAuth(db: Db, options: AuthOptions) {
  return betterAuth({
    database: { db, type: 'postgres' },
    secret: options.secret,
    baseURL: options.baseUrl,
    basePath: '/api/auth',
    emailAndPassword: { enabled: true, minPasswordLength: 10, autoSignIn: false },
    session: { expiresIn: 60 * 60 * 12, updateAge: 60 * 60 },
    advanced: {
      cookiePrefix: 'werkregie',
      database: { generateId: () => crypto.randomUUID() },
    },
    // Rate limits are applied by the HTTP layer for every route, the log-in form included.
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
  });
}

export type Auth = ReturnType<typeof createAuth>;
