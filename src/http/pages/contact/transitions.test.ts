import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inviteCandidate, showInterest } from '#app/domain/applications/commands.js';
import { todayIso } from '#app/domain/vacancies/rules.js';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { expectLogMatchesState } from '../../../../test/support/applications.js';
import { makeCandidate, makeVacancy, makeWorld, type World } from '../../../../test/support/fixtures.js';
import { loginCookie, postForm } from '../../../../test/support/session.js';

// "No illegal transition is reachable through the pages": random sequences of the forms the three sides
// post on their contact pages (and the employer's placement form), checked after every step against
// the state machine, and never a 500.

let app: TestApp;
let world: World;
const cookies = new Map<string, string>();
const db = () => app.database.db;

beforeAll(async () => {
  app = await createTestApp({ rateLimitPerMinute: 100_000 });
  world = await makeWorld(app);
  for (const user of [world.employers.preferred.user, world.consulent])
    cookies.set(user.userId, await loginCookie(app, user.email, user.password));
});
afterAll(async () => app?.close());

type Side = 'candidate' | 'employer' | 'consultant';
type PagePost = { side: Side; path: (id: string) => string; fields: Record<string, string> };

const reason = 'Wij kiezen voor iemand met meer ervaring.';
const posts: PagePost[] = [
  { side: 'candidate', path: (id) => `/kandidaat/contacten/${id}`, fields: { actie: 'bericht', bericht: 'Hallo!' } },
  { side: 'candidate', path: (id) => `/kandidaat/contacten/${id}`, fields: { actie: 'antwoord', antwoord: 'ja' } },
  { side: 'candidate', path: (id) => `/kandidaat/contacten/${id}`, fields: { actie: 'antwoord', antwoord: 'nee' } },
  { side: 'candidate', path: (id) => `/kandidaat/contacten/${id}`, fields: { actie: 'stoppen' } },
  { side: 'employer', path: (id) => `/werkgever/contacten/${id}`, fields: { actie: 'bericht', bericht: 'Welkom.' } },
  { side: 'employer', path: (id) => `/werkgever/contacten/${id}`, fields: { actie: 'praten' } },
  { side: 'employer', path: (id) => `/werkgever/contacten/${id}`, fields: { actie: 'afwijzen', afwijsReden: reason } },
  { side: 'employer', path: (id) => `/werkgever/contacten/${id}`, fields: { actie: 'intrekken' } },
  {
    side: 'employer',
    path: (id) => `/werkgever/contacten/${id}/plaatsing`,
    fields: { kind: 'dienstverband', startDate: todayIso(new Date(Date.now() + 7 * 86_400_000)), hoursPerWeek: '8' },
  },
  { side: 'consultant', path: (id) => `/consulent/contacten/${id}`, fields: { actie: 'doorsturen' } },
  { side: 'consultant', path: (id) => `/consulent/contacten/${id}`, fields: { actie: 'afzeggen', reason } },
  { side: 'consultant', path: (id) => `/consulent/contacten/${id}`, fields: { actie: 'besproken' } },
  { side: 'consultant', path: (id) => `/consulent/contacten/${id}`, fields: { actie: 'intrekken' } },
];

describe('the contact pages', () => {
  it('never reach an illegal transition, whatever the three sides post in whatever order', async () => {
    const reached = new Set<string>();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('interest', 'invitation'),
        fc.constantFrom('samen', 'begeleid'),
        fc.array(fc.integer({ min: 0, max: posts.length - 1 }), { minLength: 1, maxLength: 8 }),
        async (start, regie, steps) => {
          const made = await makeCandidate(app, world.consulent, { withLogin: true, visibility: { identiteit: 'alle' } });
          await db().updateTable('candidate').set({ regie_level: regie }).where('id', '=', made.id).execute();
          const candidate = made.user!;
          if (!cookies.has(candidate.userId)) cookies.set(candidate.userId, await loginCookie(app, candidate.email, candidate.password));
          const vacancyId = await makeVacancy(app, world.employers.preferred.id);
          const started =
            start === 'interest'
              ? await showInterest(db(), candidate, vacancyId, {})
              : await inviteCandidate(db(), world.employers.preferred.user, vacancyId, made.id, { message: 'Kom je kennismaken?' });
          if (!started.ok) throw new Error(JSON.stringify(started));
          const id = started.value.id;
          const cookieOf: Record<Side, string> = {
            candidate: cookies.get(candidate.userId)!,
            employer: cookies.get(world.employers.preferred.user.userId)!,
            consultant: cookies.get(world.consulent.userId)!,
          };
          for (const index of steps) {
            const post = posts[index]!;
            const response = await postForm(app, cookieOf[post.side], post.path(id), post.fields, { tokenFrom: '/berichten' });
            expect(response.statusCode, `${post.side} ${post.path(id)} ${JSON.stringify(post.fields)}`).toBeLessThan(500);
            const steps = await expectLogMatchesState(db(), id);
            reached.add(steps.at(-1)!.to_state);
          }
        },
      ),
      // A fixed seed, so the walk below is the same each run and surely goes somewhere.
      { numRuns: 12, seed: 4 },
    );
    expect([...reached]).toEqual(expect.arrayContaining(['in_conversation', 'placed', 'declined', 'withdrawn']));
  });
});
