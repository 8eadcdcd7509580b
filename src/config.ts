import { z } from 'zod';

const environment = z.object({
  DATABASE_URL: z.string().startsWith('postgres').optional(),
  DATA_DIR: z.string().default('./data'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  BASE_URL: z.string().url().optional(),
  AUTH_SECRET: z.string().min(32).optional(),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  TRUST_PROXY: z.string().optional(),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, 'moet beginnen met smtp:// of smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Werkregie <noreply@localhost>'),
  JOBS: z.enum(['on', 'off']).default('on'),
});

export type Config = {
  /** `from`: a PGlite snapshot to start an in-memory database from (tests only; src/db/connection.ts). */
  database: { kind: 'pglite'; dataDir: string | null; from?: Blob } | { kind: 'postgres'; url: string };
  port: number;
  host: string;
  baseUrl: string;
  authSecret: string | null;
  production: boolean;
  /** Addresses of the reverse proxies whose X-Forwarded-For is believed; none by default. */
  trustProxy: string[];
  /** Requests per minute per client address, pages and API alike. */
  rateLimitPerMinute: number;
  /** Without an SMTP server, e-mail stays in the outbox (the development mailbox shows it). */
  mail: { smtpUrl: string | null; from: string };
  /** Background jobs (pg-boss workers and schedules); tests and one-off commands run without them. */
  jobs: boolean;
};

/** Reads the environment once at start-up; a wrong value stops the process with the variable named. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable counts as not set, as shells and CI files often leave them.
  const parsed = environment.safeParse(Object.fromEntries(Object.entries(env).filter(([, value]) => value !== '')));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Ongeldige instelling in de omgeving:\n  ${problems.join('\n  ')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  if (production && !e.AUTH_SECRET) throw new Error('AUTH_SECRET is verplicht in productie (minstens 32 tekens).');
  return {
    database: e.DATABASE_URL ? { kind: 'postgres', url: e.DATABASE_URL } : { kind: 'pglite', dataDir: e.DATA_DIR },
    port: e.PORT,
    host: e.HOST,
    baseUrl: e.BASE_URL ?? `http://localhost:${e.PORT}`,
    authSecret: e.AUTH_SECRET ?? null,
    production,
    trustProxy: (e.TRUST_PROXY ?? '')
      .split(',')
      .map((a) => a.trim())
      .filter(Boolean),
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    mail: { smtpUrl: e.SMTP_URL ?? null, from: e.MAIL_FROM },
    jobs: e.JOBS === 'on',
  };
}
