/**
 * `npm run bench:match -- --candidates 10000,100000 --vacancies 20000 [--requests 100] [--baseline 5]`
 *
 * Times the two ranked lists of issue 3 on a generated national pool (bench/match-data.ts), on a
 * fresh database (PGlite in memory, or a new PostgreSQL database when DATABASE_URL is set):
 * - employer search: one of its vacancies → the top 20 of its pool, with the score parts that explain
 *   them (`candidatesForVacancy`, as the API and the page call it: policy, access log, view count and
 *   match log included), for a "regional" employer (preferred partner of the 10 instanties of one
 *   region) and a "national" one (preferred partner of all 90);
 * - candidate list: a candidate → the top 20 open vacancies (`vacanciesForCandidate`).
 * Candidates are added in steps (e.g. 10,000 then 100,000), so one run shows how the times grow.
 * In the same run, a brute-force baseline scores every row of the pool (or every open vacancy) in
 * the application with score.ts, as a plain implementation would, and the two top-20 lists are
 * compared. Figures only; nothing here passes or fails on time.
 */
import { availableParallelism, cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { loadActor, type Actor } from '#app/domain/accounts/actor.js';
import { candidatesForVacancy, vacanciesForCandidate } from '#app/domain/matching/queries.js';
import { bruteForceCandidates, bruteForceVacancies, type Ranked } from './match-baseline.js';
import { importEsco } from '#app/domain/taxonomy/import-esco.js';
import { seedDemo } from '#app/seed/seed.js';
import { createTestApp } from '../test/support/app.js';
import { generateCandidates, generateInstanties, generatePostcodes, generateSkills, generateVacancies } from './match-data.js';

const { values } = parseArgs({
  options: {
    candidates: { type: 'string', default: '10000' },
    vacancies: { type: 'string', default: '20000' },
    requests: { type: 'string', default: '100' },
    warmup: { type: 'string', default: '10' },
    baseline: { type: 'string', default: '5' },
    esco: { type: 'string', default: '../shared/data/esco' },
  },
});
const steps = values.candidates.split(',').map(Number);
const requests = Number(values.requests);
const warmup = Number(values.warmup);
const baselineRuns = Number(values.baseline);
if (steps.some((n) => !Number.isSafeInteger(n) || n < 1) || steps.some((n, i) => i > 0 && n <= steps[i - 1]!))
  throw new Error('--candidates: geef oplopende aantallen, gescheiden door komma’s, bijvoorbeeld 10000,100000.');

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
const ms = (n: number) => n.toFixed(1);
const log = (line: string) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await work();
  return { ms: performance.now() - start, result };
}

type Series = { name: string; fast: number[]; brute: number[]; rows: number[]; same: number; compared: number };
const newSeries = (name: string): Series => ({ name, fast: [], brute: [], rows: [], same: 0, compared: 0 });

/** Fast requests in turns over the subjects; every requests/baseline-th round also the brute force, and the two top 20s compared. */
async function measure(
  series: Series,
  subjects: string[],
  fast: (subject: string) => Promise<{ ids: string[]; total: number }>,
  brute: (subject: string) => Promise<Ranked[]>,
) {
  const every = Math.max(1, Math.floor(requests / Math.max(1, baselineRuns)));
  for (let round = 0; round < warmup + requests; round++) {
    const subject = subjects[round % subjects.length]!;
    const run = await timed(() => fast(subject));
    if (round < warmup) continue;
    series.fast.push(run.ms);
    series.rows.push(run.result.total);
    if ((round - warmup) % every === 0 && series.brute.length < baselineRuns) {
      const baseline = await timed(() => brute(subject));
      series.brute.push(baseline.ms);
      series.compared++;
      if (JSON.stringify(baseline.result.map((r) => r.id)) === JSON.stringify(run.result.ids)) series.same++;
    }
  }
  series.fast.sort((a, b) => a - b);
  series.brute.sort((a, b) => a - b);
}

const app = await createTestApp({ rateLimitPerMinute: 1_000_000_000 });
const db = app.database.db;
const report: string[] = [];
try {
  log('Basis: demo-instanties en werkgevers, ESCO-beroepen, 13.000 vaardigheden, PC4 over heel Nederland.');
  await seedDemo(app, { candidates: 0, employers: 20, seed: 1, log: () => {} });
  await importEsco(db, values.esco);
  await generateSkills(db);
  await generatePostcodes(db);
  const instanties = await generateInstanties(db);
  const employerUser = await db
    .selectFrom('user')
    .innerJoin('membership', 'membership.user_id', 'user.id')
    .select(['user.id', 'membership.employer_id'])
    .where('user.email', '=', 'werkgever@demo.werkregie.nl')
    .executeTakeFirstOrThrow();
  const employerId = employerUser.employer_id!;
  const employers = (await db.selectFrom('employer').select('id').execute()).map((e) => e.id);
  const vacancyStart = await timed(() => generateVacancies(db, Number(values.vacancies), employers));
  log(`${values.vacancies} vacatures in ${ms(vacancyStart.ms / 1000)} s.`);
  const regional = instanties.filter((id) => id.startsWith('bench-3'));
  const setPool = async (ids: string[]) => {
    await db.deleteFrom('employer_category').where('employer_id', '=', employerId).where('instantie_id', 'like', 'bench-%').execute();
    await db
      .insertInto('employer_category')
      .values(ids.map((instantie_id) => ({ employer_id: employerId, instantie_id, category: 'preferred' as const })))
      .execute();
  };
  const employer = (await loadActor(db, employerUser.id))!;
  const subjects = (
    await db
      .selectFrom('vacancy')
      .select('id')
      .where('employer_id', '=', employerId)
      .where('postcode', 'like', '3%')
      .orderBy('id')
      .limit(50)
      .execute()
  ).map((v) => v.id);
  const staff: Actor = {
    userId: 'bench-consulent',
    name: 'Bench',
    email: 'bench@example.org',
    memberships: instanties.map((instantieId) => ({ role: 'consulent' as const, instantieId, employerId: null })),
  };

  let total = 0;
  for (const step of steps) {
    const added = await timed(() => generateCandidates(db, step - total, (done) => done % 200_000 === 0 && log(`  ${done} kandidaten…`)));
    total = step;
    // As autovacuum leaves a table that has been in use a while: statistics, and a visibility map
    // so that consent look-ups are answered from the index alone.
    await sql`vacuum analyze`.execute(db);
    log(`${step} kandidaten (${ms(added.ms / 1000)} s erbij).`);
    const candidates = (
      await db
        .selectFrom('candidate')
        .selectAll()
        .where('pseudonym', 'like', 'Bench-%')
        .where('postcode', 'is not', null)
        .orderBy('id')
        .limit(50)
        .execute()
    ).map((c) => c);
    const byId = new Map(candidates.map((c) => [c.id, c]));

    for (const [name, pool] of [
      ['regionaal', regional],
      ['landelijk', instanties],
    ] as const) {
      await setPool(pool);
      const poolSize = Number(
        (
          await db
            .selectFrom('candidate')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('instantie_id', 'in', pool)
            .executeTakeFirstOrThrow()
        ).n,
      );
      const series = newSeries(`werkgever zoekt (${name}, pool ${poolSize} kandidaten)`);
      await measure(
        series,
        subjects,
        async (id) => {
          const list = await candidatesForVacancy(db, employer, id, { page: 1, pageSize: 20, scope: 'pool' }, 'bench');
          if (typeof list === 'string') throw new Error(`candidatesForVacancy gaf ${list}`);
          return { ids: list.items.map((i) => i.read.candidate.id), total: list.total };
        },
        (id) => bruteForceCandidates(db, employer, id),
      );
      report.push(line(step, series));
      log(report.at(-1)!);
    }
    const series = newSeries(`kandidaat: vacatures voor jou (${values.vacancies} vacatures)`);
    await measure(
      series,
      candidates.map((c) => c.id),
      async (id) => {
        const list = await vacanciesForCandidate(db, staff, id, { page: 1, pageSize: 20, filters: {} }, 'bench');
        if (typeof list === 'string') throw new Error(`vacanciesForCandidate gaf ${list}`);
        return { ids: list.items.map((i) => i.vacancy.id), total: list.total };
      },
      (id) => bruteForceVacancies(db, byId.get(id)!),
    );
    report.push(line(step, series));
    log(report.at(-1)!);
  }
  console.log(
    `\n${requests} metingen per regel na ${warmup} opwarmrondes, ${baselineRuns} met de brute kracht; tijden in ms; ` +
      `${app.databaseName === 'pglite' ? 'PGlite in het geheugen' : 'PostgreSQL'}.`,
  );
  console.log('| kandidaten | meting | rijen gescoord (mediaan) | p50 | p95 | brute kracht p50 | × sneller | zelfde top 20 |');
  console.log('|---:|---|---:|---:|---:|---:|---:|---:|');
  for (const row of report) console.log(row);
  console.log(
    `\nMachine: ${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? 'onbekend'}), Node ${process.version}, ${new Date().toISOString().slice(0, 10)}.`,
  );
} finally {
  await app.close();
}

function line(step: number, s: Series): string {
  const brute = s.brute.length ? percentile(s.brute, 50) : NaN;
  const rows = [...s.rows].sort((a, b) => a - b);
  return `| ${step.toLocaleString('nl-NL')} | ${s.name} | ${percentile(rows, 50)} | ${ms(percentile(s.fast, 50))} | ${ms(percentile(s.fast, 95))} | ${ms(brute)} | ${(brute / percentile(s.fast, 50)).toFixed(0)} | ${s.same}/${s.compared} |`;
}
