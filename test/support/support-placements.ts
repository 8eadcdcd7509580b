import type { Actor } from '#app/domain/accounts/actor.js';
import { proposeCandidate, showInterest, startConversation } from '#app/domain/applications/commands.js';
import { registerPlacement } from '#app/domain/placements/commands.js';
import { todayIso } from '#app/domain/vacancies/rules.js';
import type { EmployerCategory } from '#app/db/schema.js';
import type { TestApp } from './app.js';
import { makeCandidate, type World } from './fixtures.js';

// Placements for the tests of support on call, made through the domain as people would make them:
// interest (or a consultant's proposal), a conversation, and the employer registering the placement.

let counter = 0;

async function openVacancy(app: TestApp, employerId: string): Promise<string> {
  const row = await app.database.db
    .insertInto('vacancy')
    .values({
      employer_id: employerId,
      title: `Medewerker groenonderhoud ${++counter}`,
      description: 'Gras maaien en hagen snoeien in de wijk.',
      postcode: '3011AB',
      hours_per_week: 24,
      contract_type: 'tijdelijk',
      status: 'open',
      published_until: '2099-12-31',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

function must<T>(result: { ok: true; value: T } | { ok: false }, what: string): T {
  if (!result.ok) throw new Error(`${what}: ${JSON.stringify(result)}`);
  return result.value;
}

export type TestPlacement = { id: string; vacancyTitle: string; candidate: { id: string; user: Actor & { password: string } } };

/**
 * A placement of a new candidate (24 hours a week available) with the employer of `category` at
 * Rotterdam: preferred → active at once, committed and business-as-usual → waiting for the instantie.
 */
export async function makePlacement(
  app: TestApp,
  world: World,
  category: EmployerCategory,
  options: { hoursPerWeek?: number } = {},
): Promise<TestPlacement> {
  const db = app.database.db;
  const made = await makeCandidate(app, world.consulent, { withLogin: true });
  const candidate = { id: made.id, user: made.user! };
  const employer = world.employers[category];
  const vacancyId = await openVacancy(app, employer.id);
  const vacancy = await db.selectFrom('vacancy').select('title').where('id', '=', vacancyId).executeTakeFirstOrThrow();
  const applicationId =
    category === 'business_as_usual'
      ? must(
          await proposeCandidate(db, world.consulent, vacancyId, candidate.id, { message: 'Zij past hier goed.', candidateAgrees: true }),
          'proposeCandidate',
        ).id
      : must(await showInterest(db, candidate.user, vacancyId, { message: 'Ik wil graag bij u werken.' }), 'showInterest').id;
  must(await startConversation(db, employer.user, applicationId), 'startConversation');
  const placement = must(
    await registerPlacement(db, employer.user, applicationId, {
      kind: 'dienstverband_lks',
      startDate: todayIso(new Date(Date.now() + 7 * 86_400_000)),
      hoursPerWeek: options.hoursPerWeek ?? 20,
      support: 'Een vaste collega helpt de eerste weken.',
      conditions: 'Loon volgens de cao.',
    }),
    'registerPlacement',
  );
  return { id: placement.id, vacancyTitle: vacancy.title, candidate };
}
