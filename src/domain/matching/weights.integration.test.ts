import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { makeCandidate, makeUser, makeWorld, type World } from '../../../test/support/fixtures.js';
import type { Actor } from '../accounts/actor.js';
import { updateProfileSection } from '../candidates/commands.js';
import { builtinOccupations, builtinSkills } from '../taxonomy/builtin.js';
import { vacanciesForCandidate } from './queries.js';
import { defaultWeights, type Weights } from './score.js';
import {
  missingWeightsMessage,
  noWeightMessage,
  sameWeightsMessage,
  saveWeights,
  savedMeanwhileMessage,
  weightFieldMessage,
  weightedParts,
  weightsHistory,
  weightsInForce,
  type SaveWeightsResult,
} from './weights.js';

let app: TestApp;
let world: World;
let otherBeheerder: Actor;
const db = () => app.database.db;

const onlyOccupation: Weights = { beroep: 100, vaardigheden: 0, extraVaardigheden: 0, afstand: 0, uren: 0, taal: 0, beschikbaarheid: 0 };
const weightsWith = (changes: Partial<Weights>): Weights => ({ ...defaultWeights, ...changes });

/** What a save may leave behind: versions and events of the instantie. */
async function written(instantieId = 'rotterdam') {
  const versions = await db().selectFrom('match_weights').select('version').where('instantie_id', '=', instantieId).execute();
  const events = await db()
    .selectFrom('event')
    .select(['id', 'actor_user_id', 'reason', 'data', 'action'])
    .where('subject_type', '=', 'instantie')
    .where('subject_id', '=', instantieId)
    .orderBy('id')
    .execute();
  return { versions: versions.map((row) => row.version).sort((a, b) => a - b), events };
}

const newestVersion = async (instantieId = 'rotterdam') => (await weightsHistory(db(), instantieId))[0]!.version;

beforeAll(async () => {
  app = await createTestApp();
  world = await makeWorld(app);
  otherBeheerder = await makeUser(app, 'Beheerder Schiedam', [{ role: 'beheerder', instantieId: 'schiedam' }]);
});
afterAll(async () => app?.close());

describe('match weights of an instantie', () => {
  it('start as the built-in default, shown as the base of the history', async () => {
    expect(await weightsInForce(db(), 'rotterdam')).toEqual({ version: 'standaard', weights: defaultWeights });
    expect(await weightsHistory(db(), 'rotterdam')).toEqual([
      { version: 0, name: 'standaard', weights: defaultWeights, reason: null, createdAt: null, createdByName: null },
    ]);
  });

  it('get a new version for every save by a beheerder, with who, when and why, and an event', async () => {
    const first = await saveWeights(db(), world.beheerder, 'rotterdam', {
      weights: weightsWith({ afstand: 30 }),
      reason: 'Veel kandidaten hebben geen auto.',
      basedOnVersion: 0,
    });
    expect(first).toEqual({ ok: true, value: { version: 1 } });
    // Numbers as a form sends them: text, with spaces.
    const second = await saveWeights(db(), world.beheerder, 'rotterdam', {
      weights: Object.fromEntries(Object.entries(weightsWith({ afstand: 30, taal: 20 })).map(([part, value]) => [part, ` ${value} `])),
      reason: '  Taal is belangrijk voor veilig werken.  ',
      basedOnVersion: 1,
    });
    expect(second).toEqual({ ok: true, value: { version: 2 } });

    expect(await weightsInForce(db(), 'rotterdam')).toEqual({ version: 'rotterdam-v2', weights: weightsWith({ afstand: 30, taal: 20 }) });
    const history = await weightsHistory(db(), 'rotterdam');
    expect(history.map((version) => [version.version, version.name, version.reason, version.createdByName])).toEqual([
      [2, 'rotterdam-v2', 'Taal is belangrijk voor veilig werken.', 'Beheerder Rotterdam'],
      [1, 'rotterdam-v1', 'Veel kandidaten hebben geen auto.', 'Beheerder Rotterdam'],
      [0, 'standaard', null, null],
    ]);
    expect(history[1]!.weights).toEqual(weightsWith({ afstand: 30 }));
    expect(history[0]!.createdAt!.getTime()).toBeGreaterThanOrEqual(history[1]!.createdAt!.getTime());
    expect(Date.now() - history[0]!.createdAt!.getTime()).toBeLessThan(60_000);

    const { events } = await written();
    expect(events.map((event) => [event.action, event.actor_user_id, event.reason, event.data])).toEqual([
      [
        'match_weights.saved',
        world.beheerder.userId,
        'Veel kandidaten hebben geen auto.',
        { version: 1, weights: weightsWith({ afstand: 30 }) },
      ],
      [
        'match_weights.saved',
        world.beheerder.userId,
        'Taal is belangrijk voor veilig werken.',
        { version: 2, weights: weightsWith({ afstand: 30, taal: 20 }) },
      ],
    ]);
    // Another instantie keeps its own weights.
    expect(await weightsInForce(db(), 'schiedam')).toEqual({ version: 'standaard', weights: defaultWeights });
    expect(await weightsHistory(db(), 'schiedam')).toHaveLength(1);
  });

  it('refuse bad input with Dutch messages per field, and write nothing', async () => {
    const before = await written();
    const basedOnVersion = await newestVersion();
    const inForce = (await weightsInForce(db(), 'rotterdam')).weights;
    const cases: [unknown, Record<string, string>][] = [
      [
        { weights: { ...inForce, beroep: '', vaardigheden: 'veel', afstand: -1, uren: 101, taal: '12.5' }, reason: 'Een goede reden' },
        {
          'weights.beroep': weightFieldMessage('beroep'),
          'weights.vaardigheden': weightFieldMessage('vaardigheden'),
          'weights.afstand': weightFieldMessage('afstand'),
          'weights.uren': weightFieldMessage('uren'),
          'weights.taal': weightFieldMessage('taal'),
        },
      ],
      [
        { weights: { beroep: 10 }, reason: 'Een goede reden' },
        Object.fromEntries(weightedParts.filter((part) => part !== 'beroep').map((part) => [`weights.${part}`, weightFieldMessage(part)])),
      ],
      [{ weights: { ...onlyOccupation, beroep: 0 }, reason: 'Een goede reden' }, { weights: noWeightMessage }],
      [{ weights: onlyOccupation }, { reason: 'Schrijf op waarom de gewichten veranderen.' }],
      [{ weights: onlyOccupation, reason: '   ' }, { reason: 'Schrijf op waarom de gewichten veranderen.' }],
      [{ weights: onlyOccupation, reason: '  kort ' }, { reason: 'Schrijf op waarom de gewichten veranderen (minstens 5 tekens).' }],
      [{ weights: onlyOccupation, reason: 'x'.repeat(501) }, { reason: 'Schrijf hoogstens 500 tekens.' }],
      [{ weights: inForce, reason: 'Nog een keer hetzelfde' }, { weights: sameWeightsMessage }],
      [null, { weights: missingWeightsMessage, reason: 'Schrijf op waarom de gewichten veranderen.' }],
    ];
    for (const [input, errors] of cases) {
      const result = await saveWeights(db(), world.beheerder, 'rotterdam', { basedOnVersion, ...(input as object) });
      expect(result, JSON.stringify(input)).toEqual({ ok: false, reason: 'invalid', errors });
    }
    expect(await written()).toEqual(before);
  });

  it('are refused to a consultant, a beheerder of another instantie, an auditor and an employer', async () => {
    const before = { rotterdam: await written('rotterdam'), schiedam: await written('schiedam') };
    for (const actor of [world.consulent, otherBeheerder, world.auditor, world.employers.preferred.user]) {
      const result = await saveWeights(db(), actor, 'rotterdam', { weights: onlyOccupation, reason: 'Ik wil dit anders.' });
      expect(result, actor.name).toEqual({ ok: false, reason: 'forbidden' });
    }
    // A beheerder of Rotterdam cannot change Schiedam either.
    expect(await saveWeights(db(), world.beheerder, 'schiedam', { weights: onlyOccupation, reason: 'Ik wil dit anders.' })).toEqual({
      ok: false,
      reason: 'forbidden',
    });
    expect({ rotterdam: await written('rotterdam'), schiedam: await written('schiedam') }).toEqual(before);
  });

  it('are not saved over a version the beheerder has not seen', async () => {
    const before = await written();
    const stale = (await newestVersion()) - 1;
    const result = await saveWeights(db(), world.beheerder, 'rotterdam', {
      weights: onlyOccupation,
      reason: 'Gebaseerd op een oude versie',
      basedOnVersion: stale,
    });
    expect(result).toEqual({ ok: false, reason: 'conflict', errors: { weights: savedMeanwhileMessage } });
    expect(await written()).toEqual(before);
  });

  it('survive two saves at once: both end well, or one is told to try again; nothing is half-written', async () => {
    for (const basedOn of [false, true]) {
      const before = await written();
      const current = await newestVersion();
      const save = (taal: number) =>
        saveWeights(db(), world.beheerder, 'rotterdam', {
          weights: weightsWith({ taal }),
          reason: `Tegelijk opgeslagen (${taal})`,
          ...(basedOn ? { basedOnVersion: current } : {}),
        });
      const results: SaveWeightsResult[] = await Promise.all([save(basedOn ? 51 : 41), save(basedOn ? 52 : 42), save(basedOn ? 53 : 43)]);
      const saved = results.flatMap((result) => (result.ok ? [result.value.version] : []));
      for (const result of results)
        if (!result.ok) expect(result).toEqual({ ok: false, reason: 'conflict', errors: { weights: savedMeanwhileMessage } });
      expect(saved.length).toBeGreaterThanOrEqual(1);
      // Based on the same version, only one of them can win.
      if (basedOn) expect(saved).toHaveLength(1);
      expect([...saved].sort((a, b) => a - b)).toEqual(saved.map((_, index) => current + 1 + index));
      const after = await written();
      expect(after.versions).toEqual([...before.versions, ...saved.map((_, index) => current + 1 + index)]);
      expect(after.events).toHaveLength(before.events.length + saved.length);
      const history = await weightsHistory(db(), 'rotterdam');
      expect(history[0]!.version).toBe(current + saved.length);
      expect(history.every((version) => version.weights !== null)).toBe(true);
    }
  });

  it('answer a save that collides with a version written at the same moment with the Dutch retry message', async () => {
    const before = await written();
    const current = await newestVersion();
    const postgres = app.databaseName !== 'pglite';
    let saving: Promise<SaveWeightsResult> | undefined;
    await db()
      .transaction()
      .execute(async (trx) => {
        await trx
          .insertInto('match_weights')
          .values({
            instantie_id: 'rotterdam',
            version: current + 1,
            weights: JSON.stringify(weightsWith({ uren: 1 })),
            created_by: otherBeheerder.userId,
            reason: 'Tegelijk',
          })
          .execute();
        saving = saveWeights(db(), world.beheerder, 'rotterdam', { weights: weightsWith({ uren: 2 }), reason: 'Net iets later' });
        // On PostgreSQL the save reads the version before this one is committed and then waits on the key;
        // PGlite has one connection, so there the save waits for this transaction as a whole.
        if (postgres) await waitForLockWait();
      });
    const result = await saving!;
    const after = await written();
    if (postgres) {
      expect(result).toEqual({ ok: false, reason: 'conflict', errors: { weights: savedMeanwhileMessage } });
      expect(after.versions).toEqual([...before.versions, current + 1]);
      expect(after.events).toEqual(before.events);
    } else {
      expect(result).toEqual({ ok: true, value: { version: current + 2 } });
      expect(after.versions).toEqual([...before.versions, current + 1, current + 2]);
      expect(after.events).toHaveLength(before.events.length + 1);
    }
  });
});

/** Waits until a session of this database waits for a lock (PostgreSQL only). */
async function waitForLockWait(): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const { rows } = await sql<{ waiting: string }>`select count(*) as waiting from pg_stat_activity
      where datname = current_database() and wait_event_type = 'Lock'`.execute(db());
    if (Number(rows[0]!.waiting) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('the save never waited for the other version');
}

describe('the weights in force in ranked lists', () => {
  const cleaner = builtinOccupations[0]!;
  const [teamwork, colleagues] = builtinSkills.map((skill) => skill.uri);

  it('are the newest version, which a ranked list uses and records', async () => {
    await db()
      .insertInto('postcode_area')
      .values([
        { pc4: '3011', latitude: 51.9225, longitude: 4.4792, place: 'Rotterdam', municipality: 'Rotterdam' },
        { pc4: '3012', latitude: 51.9217, longitude: 4.4731, place: 'Rotterdam', municipality: 'Rotterdam' },
      ])
      .onConflict((oc) => oc.column('pc4').doNothing())
      .execute();
    const vacancy = await db()
      .insertInto('vacancy')
      .values({
        employer_id: world.employers.preferred.id,
        title: 'Schoonmaker kantoren',
        postcode: '3011AB',
        hours_per_week: 24,
        contract_type: 'tijdelijk',
        occupation_uri: cleaner.uri,
        required_skills: [teamwork!, colleagues!],
        status: 'open',
        published_until: '2099-12-31',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // The right occupation, none of the skills: the default weights give less than 100.
    const { id: candidateId } = await makeCandidate(app, world.consulent);
    await updateProfileSection(db(), world.consulent, candidateId, 'werk', {
      wishedOccupations: [cleaner.uri],
      hoursPerWeek: 24,
      days: ['ma'],
    });
    await updateProfileSection(db(), world.consulent, candidateId, 'ervaring', { skills: [], educationLevel: 'vmbo', workExperience: [] });

    const rank = async () => {
      const result = await vacanciesForCandidate(db(), world.consulent, candidateId, { page: 1, pageSize: 10, filters: {} }, 'test');
      if (result === 'not_found') throw new Error('not found');
      const item = result.items.find((one) => one.vacancy.id === vacancy.id)!;
      const log = await db()
        .selectFrom('match_log')
        .select('weights_version')
        .where('subject_id', '=', candidateId)
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      return { version: result.weightsVersion, logged: log.weights_version, total: item.score.total };
    };
    const before = await rank();
    expect(before.version).toBe(`rotterdam-v${await newestVersion()}`);
    expect(before.logged).toBe(before.version);
    expect(before.total).toBeLessThan(100);

    const saved = await saveWeights(db(), world.beheerder, 'rotterdam', {
      weights: onlyOccupation,
      reason: 'Alleen het beroep telt, als proef.',
      basedOnVersion: await newestVersion(),
    });
    if (!saved.ok) throw new Error(JSON.stringify(saved));
    expect(await weightsInForce(db(), 'rotterdam')).toEqual({ version: `rotterdam-v${saved.value.version}`, weights: onlyOccupation });
    const after = await rank();
    expect(after).toEqual({ version: `rotterdam-v${saved.value.version}`, logged: `rotterdam-v${saved.value.version}`, total: 100 });
  });
});
