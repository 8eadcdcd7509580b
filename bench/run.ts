/**
 * `npm run bench [-- --candidates 2000 --requests 200 --warmup 20 --url /consulent --url '/consulent?pagina=4']`
 *
 * Starts Werkregie in this process on a fresh database (PGlite in memory, or a new PostgreSQL
 * database when DATABASE_URL is set), fills it with the demo data, logs in as the demo consultant
 * through the real log-in form and times pages over real HTTP on 127.0.0.1. Each page is compared
 * with two baselines measured in the same run: the log-in page (no database work) and a bare
 * `select 1` through Kysely. Figures only; nothing here passes or fails on time.
 */
import { availableParallelism, cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { demoCaseloadSize, seedDemo } from '#app/seed/seed.js';
import { createTestApp } from '../test/support/app.js';

const { values } = parseArgs({
  options: {
    candidates: { type: 'string', default: '2000' },
    employers: { type: 'string', default: '100' },
    requests: { type: 'string', default: '200' },
    warmup: { type: 'string', default: '20' },
    url: { type: 'string', multiple: true, default: ['/consulent', '/consulent?pagina=4'] },
  },
});
const requests = Number(values.requests);
const warmup = Number(values.warmup);
const candidates = Number(values.candidates);
if (candidates < demoCaseloadSize)
  throw new Error(`--candidates moet minstens ${demoCaseloadSize} zijn: de demo-consulent heeft ${demoCaseloadSize} kandidaten.`);

type Series = { name: string; once: () => Promise<number> };
type Result = { name: string; samples: number[]; bytes: number };

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/**
 * Takes the series in turns, one request each per round, so that a change in the machine's load
 * (other processes, garbage collection) falls on every series alike and the ratios stay fair.
 */
async function measure(series: Series[]): Promise<Result[]> {
  const results = series.map((s) => ({ name: s.name, samples: [] as number[], bytes: 0 }));
  for (let round = 0; round < warmup + requests; round++) {
    for (const [i, s] of series.entries()) {
      const start = performance.now();
      const bytes = await s.once();
      if (round >= warmup) {
        results[i]!.samples.push(performance.now() - start);
        results[i]!.bytes = bytes;
      }
    }
  }
  for (const r of results) r.samples.sort((a, b) => a - b);
  return results;
}

/** Cookies as a browser keeps them: name=value from each Set-Cookie, the newest winning. */
function remember(jar: Map<string, string>, response: Response) {
  for (const header of response.headers.getSetCookie()) {
    const [pair] = header.split(';');
    const at = pair!.indexOf('=');
    jar.set(pair!.slice(0, at), pair!.slice(at + 1));
  }
}
const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');

// The rate limit (per client address) would measure itself here, so it is set out of reach.
const app = await createTestApp({ rateLimitPerMinute: 1_000_000 });
try {
  const seedStart = performance.now();
  await seedDemo(app, { candidates, employers: Number(values.employers), seed: 1, log: () => {} });
  console.log(
    `Demogegevens: ${candidates} kandidaten in ${Math.round(performance.now() - seedStart)} ms (${app.databaseName === 'pglite' ? 'PGlite in het geheugen' : 'PostgreSQL'}).`,
  );
  const base = await app.server.listen({ port: 0, host: '127.0.0.1' });

  // Log in through the form, as a person would: fetch the page for the CSRF token, then post.
  const jar = new Map<string, string>();
  const form = await fetch(`${base}/inloggen`);
  remember(jar, form);
  const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1];
  if (!token) throw new Error('Geen CSRF-token op /inloggen.');
  const login = await fetch(`${base}/inloggen`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader(jar) },
    body: new URLSearchParams({ _csrf: token, email: 'consulent@demo.werkregie.nl', password: 'werkregie-demo' }),
  });
  remember(jar, login);
  if (login.status !== 303) throw new Error(`Inloggen mislukte: status ${login.status}.`);

  const page = (path: string, withSession: boolean) => {
    const headers: Record<string, string> = {};
    if (withSession) headers.cookie = cookieHeader(jar);
    return async () => {
      const response = await fetch(`${base}${path}`, { headers, redirect: 'manual' });
      const body = await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${path} gaf status ${response.status}.`);
      return body.byteLength;
    };
  };

  const db = app.database.db;
  const results = await measure([
    {
      name: 'select 1 (Kysely)',
      once: async () => {
        await sql`select 1`.execute(db);
        return 0;
      },
    },
    { name: 'GET /inloggen (geen database)', once: page('/inloggen', false) },
    ...values.url.map((url) => ({ name: `GET ${url}`, once: page(url, true) })),
  ]);

  const [selectOne, loginPage] = results as [Result, Result];
  const ms = (n: number) => n.toFixed(2);
  const rows = results.map((r) => ({
    name: r.name,
    p50: ms(percentile(r.samples, 50)),
    p95: ms(percentile(r.samples, 95)),
    kb: r.bytes ? (r.bytes / 1024).toFixed(1) : '',
    vsLogin: (percentile(r.samples, 50) / percentile(loginPage.samples, 50)).toFixed(1),
    vsSelect: (percentile(r.samples, 50) / percentile(selectOne.samples, 50)).toFixed(1),
  }));
  console.log(
    `\n${requests} metingen per regel, om beurten, na ${warmup} opwarmrondes; tijden in ms; verhouding = p50 / p50 van de basislijn.`,
  );
  console.log(`| meting | p50 | p95 | KiB | × /inloggen | × select 1 |\n|---|---:|---:|---:|---:|---:|`);
  for (const r of rows) console.log(`| ${r.name} | ${r.p50} | ${r.p95} | ${r.kb} | ${r.vsLogin} | ${r.vsSelect} |`);
  console.log(
    `\nMachine: ${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? 'onbekend'}), Node ${process.version}, ${new Date().toISOString().slice(0, 10)}.`,
  );
} finally {
  await app.close();
}
