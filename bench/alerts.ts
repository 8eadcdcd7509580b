/**
 * `npm run bench:alerts -- [--candidates 50000] [--vacancies 5000] [--sample 300]`
 *
 * Times the weekly alert job (`runWeeklyAlerts` with the real delivery: a notification and an e-mail
 * in the outbox per alert) for N candidates, each with a saved search last checked a week ago, and M
 * vacancies that opened in that week, on a fresh database (PGlite in memory, or a new PostgreSQL
 * database when DATABASE_URL is set). The baseline in the same run: the straightforward way, one
 * `vacanciesForCandidate` per search, timed on a sample and multiplied out. Figures only.
 */
import { availableParallelism, cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import type { Actor } from '#app/domain/accounts/actor.js';
import { vacanciesForCandidate } from '#app/domain/matching/queries.js';
import { deliverNewMatches, runWeeklyAlerts } from '#app/domain/matching/saved-searches.js';
import { importEsco } from '#app/domain/taxonomy/import-esco.js';
import { seedDemo } from '#app/seed/seed.js';
import { createTestApp } from '../test/support/app.js';
import {
  generateCandidates,
  generateInstanties,
  generatePostcodes,
  generateSavedSearches,
  generateSkills,
  generateVacancies,
} from './match-data.js';

const { values } = parseArgs({
  options: {
    candidates: { type: 'string', default: '50000' },
    vacancies: { type: 'string', default: '5000' },
    sample: { type: 'string', default: '300' },
    esco: { type: 'string', default: '../shared/data/esco' },
  },
});
const log = (line: string) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

const app = await createTestApp({ rateLimitPerMinute: 1_000_000_000 });
const db = app.database.db;
try {
  await seedDemo(app, { candidates: 0, employers: 20, seed: 1, log: () => {} });
  await importEsco(db, values.esco);
  await generateSkills(db);
  await generatePostcodes(db);
  const instanties = await generateInstanties(db);
  const employers = (await db.selectFrom('employer').select('id').execute()).map((e) => e.id);
  await generateVacancies(db, Number(values.vacancies), employers, 7);
  await generateCandidates(db, Number(values.candidates));
  await generateSavedSearches(db, Number(values.candidates));
  await sql`analyze`.execute(db);
  log(`${values.candidates} kandidaten met een zoekopdracht, ${values.vacancies} vacatures van deze week.`);

  // Baseline: one ranked list per search, as the page builds it, on a sample.
  const staff: Actor = {
    userId: 'bench-consulent',
    name: 'Bench',
    email: 'bench@example.org',
    memberships: instanties.map((instantieId) => ({ role: 'consulent' as const, instantieId, employerId: null })),
  };
  const sample = await db
    .selectFrom('saved_search')
    .select(['candidate_id', 'last_alert_at'])
    .orderBy('id')
    .limit(Number(values.sample))
    .execute();
  const now = new Date();
  const one = performance.now();
  for (const search of sample)
    await vacanciesForCandidate(
      db,
      staff,
      search.candidate_id,
      { page: 1, pageSize: 10, filters: { publishedAfter: search.last_alert_at!, publishedUpTo: now } },
      'bench',
    );
  const perSearch = (performance.now() - one) / sample.length;

  const start = performance.now();
  const run = await runWeeklyAlerts(db, now, deliverNewMatches);
  const seconds = (performance.now() - start) / 1000;
  const mails = await db
    .selectFrom('mail_outbox')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  console.log(`\nWekelijkse meldingen, ${app.databaseName === 'pglite' ? 'PGlite in het geheugen' : 'PostgreSQL'}:`);
  console.log(
    `| zoekopdrachten | nieuwe vacatures | bekeken | met melding | e-mails in de outbox | tijd | basislijn: één lijst per zoekopdracht |`,
  );
  console.log(`|---:|---:|---:|---:|---:|---:|---:|`);
  console.log(
    `| ${Number(values.candidates).toLocaleString('nl-NL')} | ${Number(values.vacancies).toLocaleString('nl-NL')} | ${run.checked} | ${run.delivered} | ${mails.n} | ${seconds.toFixed(1)} s | ${perSearch.toFixed(1)} ms × ${run.checked} ≈ ${((perSearch * run.checked) / 1000).toFixed(0)} s |`,
  );
  console.log(
    `\nMachine: ${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? 'onbekend'}), Node ${process.version}, ${now.toISOString().slice(0, 10)}.`,
  );
} finally {
  await app.close();
}
