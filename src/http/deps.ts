import type { Auth } from '#app/auth.js';
import type { Db } from '#app/db/connection.js';

/** What route modules get from the composition root. */
export type AppDeps = { db: Db; auth: Auth };
