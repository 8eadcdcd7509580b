/**
 * `npm run bench:placements [-- --users 50 --rounds 6 --warmup 1]`
 *
 * The placement endpoints under 50 concurrent users, over real HTTP on 127.0.0.1, on a fresh
 * database (PGlite in memory, or a new PostgreSQL database when DATABASE_URL is set):
 * - registering a placement (`POST /api/v1/contacten/{id}/plaatsingen`, a preferred partner: it starts
 *   at once, so it locks the candidate, checks the hours, writes the placement, moves the contact, closes
 *   the candidate's other contacts and notifies);
 * - confirming the agreement (`POST /api/v1/plaatsingen/{id}/bevestigingen`, by the candidate).
 * Each round sends one request per user at the same moment; every user has their own candidate, so the
 * figures are the server's, not one row's lock queue. The baseline in the same run is `GET /inloggen`
 * (no database work) at the same concurrency. Figures only; nothing here passes or fails on time.
 */
import { availableParallelism, cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { showInterest, startConversation } from '#app/domain/applications/commands.js';
import { todayIso } from '#app/domain/vacancies/rules.js';
import { sessionHeaders } from '../test/support/api.js';
import { createTestApp } from '../test/support/app.js';
import { makeCandidate, makeUser, makeWorld } from '../test/support/fixtures.js';

const { values } = parseArgs({
  options: {
    users: { type: 'string', default: '50' },
    rounds: { type: 'string', default: '6' },
    warmup: { type: 'string', default: '1' },
  },
});
const users = Number(values.users);
const warmup = Number(values.warmup);
const rounds = Number(values.rounds) + warmup;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

const app = await createTestApp({ rateLimitPerMinute: 1_000_000 });
try {
  const db = app.database.db;
  const setupStart = performance.now();
  const world = await makeWorld(app);
  const employerId = world.employers.preferred.id;
  const vacancy = await db
    .insertInto('vacancy')
    .values({
      employer_id: employerId,
      title: 'Medewerker groenonderhoud',
      description: 'Snoeien, maaien en vegen in de wijk.',
      postcode: '3011AB',
      hours_per_week: 24,
      contract_type: 'tijdelijk',
      status: 'open',
      published_until: todayIso(new Date(Date.now() + 30 * 86_400_000)),
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  // Per user: an employer login, and per round a candidate with a contact in conversation.
  const employers = await Promise.all(
    Array.from({ length: users }, (_, i) => makeUser(app, `Werkgever ${i}`, [{ role: 'werkgever', employerId }])),
  );
  const employerHeaders: Record<string, string>[] = [];
  for (const employer of employers) employerHeaders.push(await sessionHeaders(app, employer));
  type Slot = { applicationId: string; candidateHeaders: Record<string, string> };
  const slots: Slot[][] = [];
  for (let round = 0; round < rounds; round++) {
    const row: Slot[] = [];
    for (let i = 0; i < users; i++) {
      const candidate = await makeCandidate(app, world.consulent, { withLogin: true });
      const interest = await showInterest(db, candidate.user!, vacancy.id, {});
      if (!interest.ok) throw new Error(JSON.stringify(interest));
      const talk = await startConversation(db, employers[i]!, interest.value.id);
      if (!talk.ok) throw new Error(JSON.stringify(talk));
      row.push({ applicationId: interest.value.id, candidateHeaders: await sessionHeaders(app, candidate.user!) });
    }
    slots.push(row);
  }
  console.log(
    `Opzet: ${users} werkgevers, ${users * rounds} kandidaten met een contact in gesprek, in ${Math.round((performance.now() - setupStart) / 1000)} s (${app.databaseName === 'pglite' ? 'PGlite in het geheugen' : 'PostgreSQL'}).`,
  );

  const base = await app.server.listen({ port: 0, host: '127.0.0.1' });
  const startDate = todayIso(new Date(Date.now() + 7 * 86_400_000));

  /** Sends all requests of one round at once; returns each one's time in ms. */
  async function burst(requests: (() => Promise<Response>)[], expected: number): Promise<number[]> {
    return Promise.all(
      requests.map(async (send) => {
        const start = performance.now();
        const response = await send();
        await response.arrayBuffer();
        const elapsed = performance.now() - start;
        if (response.status !== expected) throw new Error(`status ${response.status} in plaats van ${expected}`);
        return elapsed;
      }),
    );
  }

  const series = { baseline: [] as number[], register: [] as number[], confirm: [] as number[] };
  for (let round = 0; round < rounds; round++) {
    const row = slots[round]!;
    const baseline = await burst(
      row.map(() => () => fetch(`${base}/inloggen`)),
      200,
    );
    const placementIds: string[] = [];
    const register = await burst(
      row.map((slot, i) => async () => {
        const response = await fetch(`${base}/api/v1/contacten/${slot.applicationId}/plaatsingen`, {
          method: 'POST',
          headers: { ...employerHeaders[i], 'content-type': 'application/json' },
          body: JSON.stringify({ kind: 'dienstverband', startDate, hoursPerWeek: 20, support: 'Een vaste collega.', conditions: 'Cao.' }),
        });
        const location = response.headers.get('location');
        if (location) placementIds[i] = location.split('/').pop()!;
        return response;
      }),
      201,
    );
    const confirm = await burst(
      row.map(
        (slot, i) => () =>
          fetch(`${base}/api/v1/plaatsingen/${placementIds[i]}/bevestigingen`, {
            method: 'POST',
            headers: { ...slot.candidateHeaders, 'content-type': 'application/json' },
            body: '{}',
          }),
      ),
      200,
    );
    if (round >= warmup) {
      series.baseline.push(...baseline);
      series.register.push(...register);
      series.confirm.push(...confirm);
    }
  }

  const baselineP50 = percentile(
    [...series.baseline].sort((a, b) => a - b),
    50,
  );
  console.log(
    `\n${users} gelijktijdige gebruikers, ${rounds - warmup} rondes na ${warmup} opwarmronde(s): ${series.register.length} verzoeken per regel; tijden in ms; verhouding = p50 / p50 van GET /inloggen in dezelfde rondes.`,
  );
  console.log('| meting | p50 | p95 | max | × /inloggen |\n|---|---:|---:|---:|---:|');
  for (const [name, samples] of [
    ['GET /inloggen (geen database)', series.baseline],
    ['POST /contacten/{id}/plaatsingen (plaatsing vastleggen)', series.register],
    ['POST /plaatsingen/{id}/bevestigingen (afspraken bevestigen)', series.confirm],
  ] as const) {
    const sorted = [...samples].sort((a, b) => a - b);
    const p50 = percentile(sorted, 50);
    console.log(
      `| ${name} | ${p50.toFixed(1)} | ${percentile(sorted, 95).toFixed(1)} | ${sorted.at(-1)!.toFixed(1)} | ${(p50 / baselineP50).toFixed(1)} |`,
    );
  }
  const placements = await db
    .selectFrom('placement')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  console.log(`\nPlaatsingen geschreven: ${Number(placements.n)} (verwacht ${users * rounds}).`);
  console.log(
    `Machine: ${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? 'onbekend'}), Node ${process.version}, ${new Date().toISOString().slice(0, 10)}.`,
  );
} finally {
  await app.close();
}
