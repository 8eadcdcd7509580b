import { AsyncLocalStorage } from 'node:async_hooks';
import { betterAuth } from 'better-auth';
import type { Db } from './db/connection.js';

export type AuthOptions = { secret: string; baseUrl: string };

/** How long a link to set a (first) password stays valid: a week, so a consultant can hand it over in person. */
export const passwordLinkValidSeconds = 7 * 24 * 60 * 60;

const passwordTokens = new AsyncLocalStorage<{ token?: string }>();

/**
 * Runs better-auth's password-reset request and returns the token it made. Werkregie hands the
 * link to the person (through their consultant) instead of e-mailing it: many candidates have
 * no working e-mail routine, and mail arrives with the notifications issue.
 */
export async function capturePasswordToken(request: () => Promise<unknown>): Promise<string | null> {
  const store: { token?: string } = {};
  await passwordTokens.run(store, request);
  return store.token ?? null;
}

/** better-auth over our Kysely connection: e-mail and password, sessions in the database. */
export function createAuth(db: Db, options: AuthOptions) {
  return betterAuth({
    database: { db, type: 'postgres' },
    secret: options.secret,
    baseURL: options.baseUrl,
    basePath: '/api/auth',
    emailAndPassword: {
      enabled: true,
      minPasswordLength: 10,
      autoSignIn: false,
      resetPasswordTokenExpiresIn: passwordLinkValidSeconds,
      revokeSessionsOnPasswordReset: true,
      sendResetPassword: async ({ token }) => {
        const store = passwordTokens.getStore();
        if (store) store.token = token;
      },
    },
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
