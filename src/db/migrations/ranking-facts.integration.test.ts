import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { ensureBuiltinPostcodes } from '../../domain/geo/builtin.js';
import { makeCandidate, makeVacancy, makeWorld, type World } from '../../../test/support/fixtures.js';

let app: TestApp;
let world: World;
let candidates: string[];
let vacancies: string[];
beforeAll(async () => {
  app = await createTestApp();
  world = await makeWorld(app);
  candidates = [];
  for (let i = 0; i < 3; i++) candidates.push((await makeCandidate(app, world.consulent, { consent: i !== 1 })).id);
  vacancies = [];
  for (const postcode of ['3011AB', '3012CD']) vacancies.push(await makeVacancy(app, world.employers.preferred.id, { postcode }));
});
afterAll(async () => app?.close());

/** Every test candidate or vacancy whose kept facts differ from what consent and postcode_area say. */
async function factsOutOfStep(): Promise<unknown[]> {
  const { rows } = await sql<{ id: string }>`
    select candidate.id, candidate.consent_given, candidate.home_point::text as home_point, candidate.postcode
    from candidate
    where candidate.id = any(${candidates}::uuid[])
      and (candidate.consent_given <> exists (select from consent
             where consent.candidate_id = candidate.id and consent.withdrawn_at is null)
        or candidate.home_point::text is distinct from
             (select point::text from postcode_area where pc4 = left(candidate.postcode, 4)))
    union all
    select vacancy.id, null, vacancy.point::text, vacancy.postcode
    from vacancy
    where vacancy.id = any(${vacancies}::uuid[])
      and vacancy.point::text is distinct from (select point::text from postcode_area where pc4 = left(vacancy.postcode, 4))`.execute(
    app.database.db,
  );
  return rows;
}

/** What can change the kept facts: consent given, withdrawn, removed, moved or all cleared; a candidate's or vacancy's postcode; a PC4 area. */
const change = fc.oneof(
  fc.record({ kind: fc.constant('give' as const), who: fc.nat(2), scope: fc.constantFrom('zichtbaar_voor_werkgevers', 'onderzoek') }),
  fc.record({ kind: fc.constant('withdraw' as const), who: fc.nat(2) }),
  fc.record({ kind: fc.constant('remove' as const), who: fc.nat(2) }),
  fc.record({ kind: fc.constant('move' as const), who: fc.nat(2), to: fc.nat(2) }),
  fc.record({ kind: fc.constant('clear' as const) }),
  fc.record({ kind: fc.constant('postcode' as const), who: fc.nat(2), postcode: fc.constantFrom('3012CD', '3011AB', '9999ZZ', null) }),
  fc.record({ kind: fc.constant('vacancy-postcode' as const), which: fc.nat(1), postcode: fc.constantFrom('3012CD', '3011AB', '9999ZZ') }),
  fc.record({
    kind: fc.constant('move-area' as const),
    pc4: fc.constantFrom('3012', '3011'),
    latitude: fc.double({ min: 51, max: 53, noNaN: true }),
  }),
  fc.record({ kind: fc.constant('drop-area' as const), pc4: fc.constantFrom('3012', '3011') }),
  fc.record({ kind: fc.constant('add-area' as const), pc4: fc.constantFrom('3012', '3011', '9999') }),
);

describe('the ranking facts on candidate and vacancy rows (migrations 0009 and 0010)', () => {
  it('follow consent and postcode_area after any sequence of changes', async () => {
    const db = app.database.db;
    expect(await factsOutOfStep()).toEqual([]);
    const start = await db.selectFrom('candidate').select(['id', 'consent_given']).where('id', 'in', candidates).orderBy('id').execute();
    // The fixture gave consent to the first and third only, and placed all three in a known PC4 area.
    expect(start.filter((c) => c.consent_given)).toHaveLength(2);
    await fc.assert(
      fc.asyncProperty(fc.array(change, { minLength: 1, maxLength: 8 }), async (changes) => {
        for (const c of changes) {
          if (c.kind === 'give') {
            await db
              .insertInto('consent')
              .values({ candidate_id: candidates[c.who]!, scope: c.scope, given_by: 'test', recorded_as: 'kandidaat' })
              .onConflict((oc) => oc.columns(['candidate_id', 'scope']).where('withdrawn_at', 'is', null).doNothing())
              .execute();
          } else if (c.kind === 'withdraw') {
            await db
              .updateTable('consent')
              .set({ withdrawn_at: new Date(), withdrawn_by: 'test' })
              .where('candidate_id', '=', candidates[c.who]!)
              .where('withdrawn_at', 'is', null)
              .execute();
          } else if (c.kind === 'remove') {
            await db.deleteFrom('consent').where('candidate_id', '=', candidates[c.who]!).execute();
          } else if (c.kind === 'move') {
            // A standing consent can only move to a candidate without a standing one of its scope.
            await sql`update consent set candidate_id = ${candidates[c.to]!}::uuid
              where candidate_id = ${candidates[c.who]!}::uuid and not exists (select from consent other
                where other.candidate_id = ${candidates[c.to]!}::uuid and other.scope = consent.scope
                  and other.withdrawn_at is null and consent.withdrawn_at is null)`.execute(db);
          } else if (c.kind === 'clear') {
            await sql`truncate consent`.execute(db);
          } else if (c.kind === 'postcode') {
            await db.updateTable('candidate').set({ postcode: c.postcode }).where('id', '=', candidates[c.who]!).execute();
          } else if (c.kind === 'vacancy-postcode') {
            await db.updateTable('vacancy').set({ postcode: c.postcode }).where('id', '=', vacancies[c.which]!).execute();
          } else if (c.kind === 'move-area') {
            await db.updateTable('postcode_area').set({ latitude: c.latitude }).where('pc4', '=', c.pc4).execute();
          } else if (c.kind === 'drop-area') {
            await db.deleteFrom('postcode_area').where('pc4', '=', c.pc4).execute();
          } else {
            await db
              .insertInto('postcode_area')
              .values({ pc4: c.pc4, latitude: 51.92, longitude: 4.48, place: 'Test', municipality: 'Test' })
              .onConflict((oc) => oc.column('pc4').doNothing())
              .execute();
          }
        }
        expect(await factsOutOfStep()).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('read no candidate or vacancy when a statement on postcode_area changes no area, as at every start-up', async () => {
    await ensureBuiltinPostcodes(app.database.db); // puts back areas the test above removed
    const scans = await app.database.db.transaction().execute(async (trx) => {
      // Counters not yet flushed from earlier statements show up here too, so count the difference.
      const rowScans = async () => {
        const { rows } = await sql<{ scans: string }>`select coalesce(sum(coalesce(seq_scan, 0) + coalesce(idx_scan, 0)), 0) as scans
          from pg_stat_xact_user_tables where relname in ('candidate', 'vacancy')`.execute(trx);
        return Number(rows[0]?.scans ?? 0);
      };
      const before = await rowScans();
      await ensureBuiltinPostcodes(trx);
      return (await rowScans()) - before;
    });
    expect(scans).toBe(0);
  });

  it('let a candidate with consent rows be removed: the consent goes with it', async () => {
    const db = app.database.db;
    const { id } = await makeCandidate(app, world.consulent, { consent: true });
    await db.deleteFrom('candidate').where('id', '=', id).execute();
    expect(await db.selectFrom('consent').select('id').where('candidate_id', '=', id).execute()).toEqual([]);
  });
});
