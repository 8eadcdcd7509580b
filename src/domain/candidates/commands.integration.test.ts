import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { makeCandidate, makeWorld, type World } from '../../../test/support/fixtures.js';
import { confirmAvailability, createCandidate, setVisibility, updateProfileSection } from './commands.js';
import { listCandidates } from './queries.js';

let app: TestApp;
let world: World;
beforeAll(async () => {
  app = await createTestApp();
  world = await makeWorld(app);
});
afterAll(async () => app?.close());

const countRows = async (table: 'candidate' | 'event' | 'user') =>
  Number(
    (
      await app.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('availability expiry', () => {
  it('starts at 8 weeks, shows up as expired after that, and a confirmation renews it', async () => {
    const db = app.database.db;
    const { id } = await makeCandidate(app, world.consulent);
    const row = await db
      .selectFrom('candidate')
      .select(['availability_confirmed_at', 'availability_expires_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.availability_expires_at.getTime() - row.availability_confirmed_at.getTime()).toBe(8 * 7 * 86_400_000);

    const expiredIds = async () => {
      const list = await listCandidates(db, world.consulent, { scope: 'expired', page: 1, pageSize: 100 }, 'test');
      return list === 'forbidden' ? [] : list.items.map((item) => item.candidate.id);
    };
    expect(await expiredIds()).not.toContain(id);
    await db
      .updateTable('candidate')
      .set({ availability_expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', id)
      .execute();
    expect(await expiredIds()).toContain(id);

    const confirmed = await confirmAvailability(db, world.consulent, id);
    expect(confirmed.ok).toBe(true);
    expect(await expiredIds()).not.toContain(id);
    const after = await db.selectFrom('candidate').select('availability_expires_at').where('id', '=', id).executeTakeFirstOrThrow();
    expect(after.availability_expires_at.getTime()).toBeGreaterThan(Date.now() + 8 * 7 * 86_400_000 - 60_000);
    const events = await db
      .selectFrom('event')
      .select('action')
      .where('subject_id', '=', id)
      .where('action', '=', 'availability.confirmed')
      .execute();
    expect(events).toHaveLength(1);
  });

  it('does not let a consultant of another instantie confirm', async () => {
    const { id } = await makeCandidate(app, world.consulent);
    expect(await confirmAvailability(app.database.db, world.otherConsulent, id)).toEqual({ ok: false, reason: 'not_found' });
  });
});

describe('writing a profile', () => {
  it('refuses bad input with Dutch messages and writes nothing', async () => {
    const before = { candidates: await countRows('candidate'), events: await countRows('event'), users: await countRows('user') };
    const result = await createCandidate(app.database.db, world.consulent, { firstName: '', lastName: 'Jansen', email: 'geen-adres' });
    expect(result).toEqual({
      ok: false,
      reason: 'invalid',
      errors: { firstName: 'Vul de voornaam in.', email: 'Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.' },
    });
    expect({ candidates: await countRows('candidate'), events: await countRows('event'), users: await countRows('user') }).toEqual(before);
  });

  it('keeps target-group status for staff, and lets the candidate fill in the rest', async () => {
    const { id, user } = await makeCandidate(app, world.consulent, { withLogin: true });
    expect(await updateProfileSection(app.database.db, user!, id, 'doelgroep', { targetGroups: [] })).toEqual({
      ok: false,
      reason: 'forbidden',
    });
    expect(
      await updateProfileSection(app.database.db, user!, id, 'reizen', { postcode: '2511 ab', travelRadiusKm: '15', travelModes: ['ov'] }),
    ).toEqual({ ok: true, value: undefined });
    const row = await app.database.db
      .selectFrom('candidate')
      .select(['postcode', 'travel_radius_km'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ postcode: '2511AB', travel_radius_km: 15 });
  });

  it('records whether visibility was chosen by the candidate or by the consultant together with the candidate', async () => {
    const { id, user } = await makeCandidate(app, world.consulent, { withLogin: true });
    const visibility = {
      identiteit: 'consulent',
      werkwensen: 'alle',
      ervaring: 'alle',
      beschikbaarheid: 'alle',
      locatie: 'betrokken',
      ondersteuning: 'voorkeur',
      doelgroep: 'consulent',
    };
    await setVisibility(app.database.db, user!, id, { visibility, anonymous: 'ja' });
    const events = await app.database.db
      .selectFrom('event')
      .select(['data', 'actor_user_id'])
      .where('subject_id', '=', id)
      .where('action', '=', 'visibility.changed')
      .orderBy('id')
      .execute();
    expect(events.map((e) => (e.data as { recordedAs: string }).recordedAs)).toEqual(['consulent_met_kandidaat', 'kandidaat']);
    expect(events.at(-1)!.actor_user_id).toBe(user!.userId);
    const invalid = await setVisibility(app.database.db, user!, id, {
      visibility: { ...visibility, doelgroep: 'iedereen' },
      anonymous: 'nee',
    });
    expect(invalid).toMatchObject({ ok: false, reason: 'invalid', errors: { 'visibility.doelgroep': 'Kies wie dit mag zien.' } });
  });
});
