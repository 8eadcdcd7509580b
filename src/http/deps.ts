import type { Auth } from '#app/auth.js';
import type { Config } from '#app/config.js';
import type { Db } from '#app/db/connection.js';

/** What route modules get from the composition root. */
export type AppDeps = { db: Db; auth: Auth; config: Pick<Config, 'baseUrl' | 'production'> };
