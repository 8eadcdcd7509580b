import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { makeCandidate, makeWorld, type World } from '../../../test/support/fixtures.js';
import type { Actor } from '../accounts/actor.js';
import { updateProfileSection } from '../candidates/commands.js';
import { builtinOccupations, builtinSkills } from '../taxonomy/builtin.js';
import {
  alertMatchLimit,
  createSavedSearch,
  deleteSavedSearch,
  deliverNewMatches,
  getSavedSearch,
  listSavedSearches,
  maxSavedSearches,
  newMatchesForSavedSearch,
  runWeeklyAlerts,
  updateSavedSearch,
  type SavedSearch,
  type WeeklyAlert,
} from './saved-searches.js';

const cleaner = builtinOccupations[0]!;
const [skill1, skill2] = builtinSkills.map((s) => s.uri);
const day = 24 * 3_600_000;

let app: TestApp;
let world: World;
let own: { id: string; user: Actor };
let other: { id: string; user: Actor };
const base = new Date();
const at = (days: number) => new Date(base.getTime() + days * day);

/** A candidate of Rotterdam with a login, looking for cleaning work: every test vacancy shares that. */
async function candidateWithLogin(): Promise<{ id: string; user: Actor }> {
  const made = await makeCandidate(app, world.consulent, { withLogin: true });
  await updateProfileSection(app.database.db, world.consulent, made.id, 'werk', {
    hoursPerWeek: 24,
    days: ['ma'],
    wishedOccupations: [cleaner.uri],
  });
  return { id: made.id, user: made.user! };
}

async function insertVacancy(title: string, publishedAt: Date | null, values: Record<string, unknown> = {}): Promise<string> {
  const row = await app.database.db
    .insertInto('vacancy')
    .values({
      employer_id: world.employers.preferred.id,
      title,
      postcode: '3011AB',
      hours_per_week: 24,
      contract_type: 'tijdelijk',
      occupation_uri: cleaner.uri,
      required_skills: [skill1!, skill2!],
      status: 'open',
      published_until: '2099-12-31',
      published_at: publishedAt,
      created_at: at(-30),
      ...values,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const savedRows = (candidateId: string) =>
  app.database.db.selectFrom('saved_search').selectAll().where('candidate_id', '=', candidateId).execute();
const eventCount = async (candidateId: string, action: string) =>
  (await app.database.db.selectFrom('event').select('id').where('subject_id', '=', candidateId).where('action', '=', action).execute())
    .length;

async function save(actor: Actor, candidateId: string, input: object): Promise<SavedSearch> {
  const result = await createSavedSearch(app.database.db, actor, candidateId, input);
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.value;
}

/** Our own deliver function: it records the alerts it is given, as the notification job would send them. */
function recorder() {
  const alerts: WeeklyAlert[] = [];
  const deliver = async (_trx: unknown, batch: WeeklyAlert[]) => {
    alerts.push(...batch);
  };
  return { alerts, deliver, of: (searchId: string) => alerts.filter((alert) => alert.savedSearch.id === searchId) };
}

beforeAll(async () => {
  app = await createTestApp();
  world = await makeWorld(app);
  await app.database.db
    .insertInto('postcode_area')
    .values([
      { pc4: '3011', latitude: 51.9225, longitude: 4.4792, place: 'Rotterdam', municipality: 'Rotterdam' },
      { pc4: '3012', latitude: 51.9217, longitude: 4.4731, place: 'Rotterdam', municipality: 'Rotterdam' },
    ])
    .onConflict((oc) => oc.column('pc4').doNothing())
    .execute();
  own = await candidateWithLogin();
  other = await candidateWithLogin();
});
afterAll(async () => app?.close());

describe('saving, listing, changing and deleting', () => {
  it('lets the candidate save the current filters under a name, and records it', async () => {
    const saved = await save(own.user, own.id, {
      name: '  Schoonmaak dichtbij ',
      alertWeekly: 'ja',
      filters: { maxKm: '10', hoursMin: '16', supportOffered: ['jobcoach'], openHiring: 'true', occupationUri: '' },
    });
    expect(saved).toMatchObject({
      name: 'Schoonmaak dichtbij',
      alertWeekly: true,
      lastAlertAt: null,
      filters: { maxKm: 10, hoursMin: 16, supportOffered: ['jobcoach'], openHiring: true },
    });
    const [row] = await savedRows(own.id);
    // Only what narrows the list is stored.
    expect(row!.filters).toEqual({ maxKm: 10, hoursMin: 16, supportOffered: ['jobcoach'], openHiring: true });
    expect(await eventCount(own.id, 'saved_search.created')).toBe(1);
    const listed = await listSavedSearches(app.database.db, own.user, own.id, 'test');
    expect(listed).toEqual([saved]);
  });

  it("lets a consultant of the candidate's instantie save, rename, switch and delete, each recorded", async () => {
    const saved = await save(world.consulent, own.id, { name: 'Voor het gesprek', alertWeekly: false, filters: {} });
    expect(saved.alertWeekly).toBe(false);
    const renamed = await updateSavedSearch(app.database.db, world.consulent, own.id, saved.id, {
      name: 'Na het gesprek',
      alertWeekly: 'ja',
    });
    if (!renamed.ok) throw new Error(JSON.stringify(renamed));
    expect(renamed.value).toMatchObject({ name: 'Na het gesprek', alertWeekly: true });
    // Switched on, the alert starts now: it does not send what came online while it was off.
    expect(renamed.value.lastAlertAt!.getTime()).toBeGreaterThan(Date.now() - 60_000);
    const off = await updateSavedSearch(app.database.db, own.user, own.id, saved.id, { name: 'Na het gesprek' });
    expect(off.ok && off.value.alertWeekly).toBe(false);
    expect(await getSavedSearch(app.database.db, own.user, own.id, saved.id, 'test')).toMatchObject({ alertWeekly: false });

    expect(await deleteSavedSearch(app.database.db, world.consulent, own.id, saved.id)).toEqual({ ok: true, value: undefined });
    expect((await savedRows(own.id)).map((row) => row.id)).not.toContain(saved.id);
    expect(await eventCount(own.id, 'saved_search.updated')).toBe(2);
    expect(await eventCount(own.id, 'saved_search.deleted')).toBe(1);
    expect(await deleteSavedSearch(app.database.db, world.consulent, own.id, saved.id)).toEqual({ ok: false, reason: 'not_found' });
  });

  it('refuses bad input with Dutch messages and writes nothing', async () => {
    const before = (await savedRows(own.id)).length;
    const events = await eventCount(own.id, 'saved_search.created');
    const attempts: [object, Record<string, string>][] = [
      [{ name: '  ', alertWeekly: 'ja', filters: {} }, { name: 'Geef de zoekopdracht een naam.' }],
      [{ name: 'x'.repeat(101), filters: {} }, { name: 'De naam is te lang. Gebruik hoogstens 100 tekens.' }],
      [{ name: 'Ver weg', filters: { maxKm: 'ver' } }, { 'filters.maxKm': 'Vul een aantal kilometers in tussen 1 en 500.' }],
      [
        { name: 'Uren', filters: { hoursMin: '30', hoursMax: '20' } },
        { 'filters.hoursMax': 'Het minimum aantal uren is hoger dan het maximum.' },
      ],
      [{ name: 'Hulp', filters: { supportOffered: ['toverstaf'] } }, { 'filters.supportOffered.0': 'Kies ondersteuning uit de lijst.' }],
      [{ name: 'Melding', alertWeekly: 'misschien', filters: {} }, { alertWeekly: 'Kies of er elke week een bericht moet komen.' }],
      [{ name: 'schoonmaak DICHTBIJ', filters: {} }, { name: 'Er is al een zoekopdracht met deze naam. Kies een andere naam.' }],
    ];
    for (const [input, errors] of attempts) {
      expect(await createSavedSearch(app.database.db, own.user, own.id, input)).toEqual({ ok: false, reason: 'invalid', errors });
    }
    const [first] = await savedRows(own.id);
    expect(await updateSavedSearch(app.database.db, own.user, own.id, first!.id, { name: '' })).toEqual({
      ok: false,
      reason: 'invalid',
      errors: { name: 'Geef de zoekopdracht een naam.' },
    });
    expect((await savedRows(own.id)).length).toBe(before);
    expect((await savedRows(own.id))[0]!.name).toBe(first!.name);
    expect(await eventCount(own.id, 'saved_search.created')).toBe(events);
  });

  it('keeps at most the maximum per candidate, also when saves come at the same time', async () => {
    const candidate = await candidateWithLogin();
    for (let n = 1; n < maxSavedSearches; n++) await save(candidate.user, candidate.id, { name: `Zoekopdracht ${n}`, filters: {} });
    const results = await Promise.all(
      ['Laatste A', 'Laatste B'].map((name) => createSavedSearch(app.database.db, candidate.user, candidate.id, { name, filters: {} })),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.find((result) => !result.ok)).toEqual({
      ok: false,
      reason: 'invalid',
      errors: { name: `Er zijn al ${maxSavedSearches} zoekopdrachten bewaard. Dat is het maximum. Verwijder eerst een zoekopdracht.` },
    });
    expect(await savedRows(candidate.id)).toHaveLength(maxSavedSearches);
  });

  it('is refused to another candidate, to employers, to staff of another instantie and (for changes) to auditors', async () => {
    const [saved] = await savedRows(own.id);
    const outsiders = [other.user, world.employers.preferred.user, world.otherConsulent];
    for (const actor of outsiders) {
      expect(await listSavedSearches(app.database.db, actor, own.id, 'test')).toBe('not_found');
      expect(await getSavedSearch(app.database.db, actor, own.id, saved!.id, 'test')).toBe('not_found');
      expect(await createSavedSearch(app.database.db, actor, own.id, { name: 'Van een ander', filters: {} })).toEqual({
        ok: false,
        reason: 'not_found',
      });
      expect(await updateSavedSearch(app.database.db, actor, own.id, saved!.id, { name: 'Overgenomen' })).toEqual({
        ok: false,
        reason: 'not_found',
      });
      expect(await deleteSavedSearch(app.database.db, actor, own.id, saved!.id)).toEqual({ ok: false, reason: 'not_found' });
    }
    expect(await createSavedSearch(app.database.db, world.auditor, own.id, { name: 'Controle', filters: {} })).toEqual({
      ok: false,
      reason: 'not_found',
    });
    // Another candidate's search is not found under one's own id either.
    expect(await deleteSavedSearch(app.database.db, other.user, other.id, saved!.id)).toEqual({ ok: false, reason: 'not_found' });
    expect(await getSavedSearch(app.database.db, own.user, own.id, 'geen-id', 'test')).toBe('not_found');
    expect((await savedRows(own.id)).find((row) => row.id === saved!.id)?.name).toBe(saved!.name);
    // Employers were not charged a profile view for asking.
    const charged = await app.database.db
      .selectFrom('profile_view_count')
      .select('views')
      .where('user_id', '=', world.employers.preferred.user.userId)
      .execute();
    expect(charged).toEqual([]);
  });

  it('logs the reading of the list as a read of the candidate', async () => {
    await listSavedSearches(app.database.db, world.consulent, own.id, 'zoekopdrachten-test');
    const logged = await app.database.db
      .selectFrom('access_log')
      .select(['candidate_id', 'viewer_role'])
      .where('context', '=', 'zoekopdrachten-test')
      .execute();
    expect(logged).toEqual([{ candidate_id: own.id, viewer_role: 'consulent' }]);
  });
});

describe('new matches of a saved search', () => {
  it('ranks only vacancies that fit the saved filters and went online in the window', async () => {
    const candidate = await candidateWithLogin();
    const fits = await insertVacancy('Nieuw, open hiring', at(-2), { suitability: ['open_hiring'] });
    const alsoFits = await insertVacancy('Nieuw, open hiring, minder uren', at(-1), { suitability: ['open_hiring'], hours_per_week: 16 });
    await insertVacancy('Nieuw, zonder open hiring', at(-2));
    await insertVacancy('Oud, open hiring', at(-20), { suitability: ['open_hiring'] });
    // Written straight as open: it counts from created_at.
    const importedNew = await insertVacancy('Geïmporteerd, open hiring', null, { suitability: ['open_hiring'], created_at: at(-3) });
    await insertVacancy('Later, open hiring', at(1), { suitability: ['open_hiring'] });
    await insertVacancy('Concept, open hiring', null, { suitability: ['open_hiring'], status: 'concept', created_at: at(-2) });
    const search = await save(candidate.user, candidate.id, { name: 'Open hiring', alertWeekly: 'ja', filters: { openHiring: true } });

    const found = await newMatchesForSavedSearch(app.database.db, candidate.user, search, at(-7), { until: base });
    if (typeof found === 'string') throw new Error(found);
    expect(found.items.map((item) => item.vacancy.id).sort()).toEqual([fits, alsoFits, importedNew].sort());
    expect(found.total).toBe(3);
    // Ranked by the list's own score: 24 hours fits the candidate better than 16.
    expect(found.items.findIndex((item) => item.vacancy.id === fits)).toBeLessThan(
      found.items.findIndex((item) => item.vacancy.id === alsoFits),
    );
    expect(found.items.every((item) => item.score.parts.length > 0)).toBe(true);

    const narrower = await newMatchesForSavedSearch(app.database.db, candidate.user, search, at(-1.5), { until: base });
    if (typeof narrower === 'string') throw new Error(narrower);
    expect(narrower.items.map((item) => item.vacancy.id)).toEqual([alsoFits]);

    expect(await newMatchesForSavedSearch(app.database.db, world.otherConsulent, search, at(-7))).toBe('not_found');
    expect(await newMatchesForSavedSearch(app.database.db, candidate.user, { ...search, filters: null }, at(-7))).toBe('invalid_filters');
  });

  it('sees a vacancy published today even when its concept was written weeks ago', async () => {
    const candidate = await candidateWithLogin();
    const search = await save(candidate.user, candidate.id, { name: 'Alles', filters: { hoursMin: 30 } });
    const published = await insertVacancy('Lang een concept', at(-1), { hours_per_week: 36, created_at: at(-60) });
    const found = await newMatchesForSavedSearch(app.database.db, candidate.user, search, at(-7), { until: base });
    if (typeof found === 'string') throw new Error(found);
    expect(found.items.map((item) => item.vacancy.id)).toContain(published);
  });
});

describe('the weekly alert', () => {
  const longAgo = at(-10);

  /** A candidate with one saved search (with alert), saved `longAgo`. */
  async function searchingCandidate(name: string, filters: object, alertWeekly = true) {
    const candidate = await candidateWithLogin();
    const search = await save(candidate.user, candidate.id, { name, alertWeekly, filters });
    await app.database.db.updateTable('saved_search').set({ created_at: longAgo }).where('id', '=', search.id).execute();
    return { candidate, search };
  }
  const rowOf = (id: string) => app.database.db.selectFrom('saved_search').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('sends new matches once a week, only when there are any, and moves the window', async () => {
    const { candidate, search } = await searchingCandidate('Veel uren', { hoursMin: 38 });
    const { search: quiet } = await searchingCandidate('Niets nieuws', { hoursMin: 40, openHiring: true });
    const { search: off } = await searchingCandidate('Zonder melding', { hoursMin: 38 }, false);
    const first = await insertVacancy('Fulltime schoonmaker', at(-4), { hours_per_week: 38 });

    const week1 = recorder();
    const result = await runWeeklyAlerts(app.database.db, base, week1.deliver);
    expect(result.delivered).toBeGreaterThanOrEqual(1);
    const [alert] = week1.of(search.id);
    expect(week1.of(search.id)).toHaveLength(1);
    expect(alert).toMatchObject({ candidateId: candidate.id, userId: candidate.user.userId, total: 1, since: longAgo, until: base });
    expect(alert!.matches.map((match) => match.vacancy.id)).toEqual([first]);
    expect(alert!.matches[0]!.score.total).toBeGreaterThan(0);
    expect(week1.of(quiet.id)).toEqual([]);
    expect(week1.of(off.id)).toEqual([]);
    expect(await rowOf(search.id)).toMatchObject({ last_alert_at: base, last_sent_at: base });
    // Nothing new is no message, but the week is checked all the same.
    expect(await rowOf(quiet.id)).toMatchObject({ last_alert_at: base, last_sent_at: null });
    // Its profile was read to look, so the read is logged all the same.
    const quietReads = await app.database.db
      .selectFrom('access_log')
      .select('viewer_role')
      .where('candidate_id', '=', quiet.candidateId)
      .where('context', '=', 'zoekopdracht.melding')
      .execute();
    expect(quietReads).toEqual([{ viewer_role: 'kandidaat' }]);
    expect(await rowOf(off.id)).toMatchObject({ last_alert_at: null });
    expect(await eventCount(candidate.id, 'saved_search.alerted')).toBe(1);
    // The list is recorded as shown to the candidate, through the policy.
    const log = await app.database.db.selectFrom('match_log').selectAll().where('subject_id', '=', candidate.id).execute();
    expect(log.at(-1)).toMatchObject({ viewer_user_id: candidate.user.userId, viewer_role: 'kandidaat', shown_ids: [first] });

    const again = recorder();
    await runWeeklyAlerts(app.database.db, base, again.deliver);
    await runWeeklyAlerts(app.database.db, at(3), again.deliver);
    expect(again.of(search.id)).toEqual([]);

    const second = await insertVacancy('Nog een fulltime schoonmaker', at(2), { hours_per_week: 40 });
    const week2 = recorder();
    await runWeeklyAlerts(app.database.db, at(7), week2.deliver);
    expect(week2.of(search.id).map((a) => a.matches.map((match) => match.vacancy.id))).toEqual([[second]]);
    expect(week2.of(search.id)[0]!.since).toEqual(base);
  });

  it('sends each due search exactly once when two runs overlap', async () => {
    const searches = await Promise.all(['Overlap 1', 'Overlap 2', 'Overlap 3'].map((name) => searchingCandidate(name, { hoursMax: 12 })));
    await insertVacancy('Kleine baan', at(-1), { hours_per_week: 12 });
    const calls = recorder();
    const runs = await Promise.all([
      runWeeklyAlerts(app.database.db, base, calls.deliver),
      runWeeklyAlerts(app.database.db, base, calls.deliver),
    ]);
    for (const { search } of searches) expect(calls.of(search.id)).toHaveLength(1);
    expect(runs.map((run) => run.delivered).reduce((a, b) => a + b)).toBe(calls.alerts.length);
  });

  it('keeps a search due when delivering fails, and sends it on the next run', async () => {
    const { search } = await searchingCandidate('Mislukt', { hoursMax: 10 });
    await insertVacancy('Heel kleine baan', at(-1), { hours_per_week: 10 });
    const { search: fine } = await searchingCandidate('Gaat wel goed', { hoursMax: 10 });
    const failing = async (_trx: unknown, batch: WeeklyAlert[]) => {
      if (batch.some((alert) => alert.savedSearch.id === search.id)) throw new Error('SMTP weg');
    };
    await expect(runWeeklyAlerts(app.database.db, base, failing)).rejects.toThrow(AggregateError);
    expect(await rowOf(search.id)).toMatchObject({ last_alert_at: null, last_sent_at: null });
    // The other alerts of the batch went out all the same.
    expect(await rowOf(fine.id)).toMatchObject({ last_alert_at: base, last_sent_at: base });
    const retry = recorder();
    await runWeeklyAlerts(app.database.db, base, retry.deliver);
    expect(retry.of(search.id)).toHaveLength(1);
  });

  it('names at most the best few, with the number of all new matches', async () => {
    const { search } = await searchingCandidate('Veel nieuw', { hoursMin: 39, hoursMax: 39 });
    for (let n = 0; n <= alertMatchLimit; n++) await insertVacancy(`Vacature ${n}`, at(-1), { hours_per_week: 39 });
    const calls = recorder();
    await runWeeklyAlerts(app.database.db, base, calls.deliver);
    const [alert] = calls.of(search.id);
    expect(alert!.matches).toHaveLength(alertMatchLimit);
    expect(alert!.total).toBe(alertMatchLimit + 1);
  });

  it('tells the candidate in the app and by e-mail, through the job', async () => {
    const { candidate, search } = await searchingCandidate('Melding via de app', { hoursMin: 33, hoursMax: 33 });
    await insertVacancy('Schoonmaker 33 uur', at(-1), { hours_per_week: 33 });
    await runWeeklyAlerts(app.database.db, base, deliverNewMatches);
    const db = app.database.db;
    const notification = await db
      .selectFrom('notification')
      .selectAll()
      .where('user_id', '=', candidate.user.userId)
      .where('kind', '=', 'new_matches')
      .executeTakeFirstOrThrow();
    expect(notification.params).toMatchObject({ name: 'Melding via de app', count: 1 });
    const mail = await db.selectFrom('mail_outbox').selectAll().where('notification_id', '=', notification.id).executeTakeFirstOrThrow();
    expect(mail.subject).toBe('Nieuw werk voor je zoekopdracht "Melding via de app"');
    expect(mail.text_body).toContain('Er is deze week 1 nieuwe vacature die past bij je zoekopdracht "Melding via de app".');
    expect(await rowOf(search.id)).toMatchObject({ last_sent_at: base });
  });

  it('leaves out candidates without an account: there is nobody to tell', async () => {
    const made = await makeCandidate(app, world.consulent);
    await updateProfileSection(app.database.db, world.consulent, made.id, 'werk', {
      hoursPerWeek: 24,
      days: ['ma'],
      wishedOccupations: [cleaner.uri],
    });
    const search = await save(world.consulent, made.id, { name: 'Zonder account', alertWeekly: 'ja', filters: {} });
    const calls = recorder();
    await runWeeklyAlerts(app.database.db, at(1), calls.deliver);
    expect(calls.of(search.id)).toEqual([]);
    expect(await rowOf(search.id)).toMatchObject({ last_alert_at: null });
  });
});
