import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { makeUser, makeWorld, type World } from '../../../test/support/fixtures.js';
import type { Actor } from '../accounts/actor.js';
import {
  changedMeanwhileMessage,
  defaultSettings,
  expiredProfilesMessage,
  fieldRange,
  nothingChangedMessage,
  numberFieldMessage,
  numberKnobs,
  poolSearchMessage,
  saveSettings,
  settingsReasonMessage,
  settingsReasonShortMessage,
  settingsVersion,
  trialOrderMessage,
} from './commands.js';
import { getInstantie, listInstanties, settingsHistory } from './queries.js';
import { instantieSettingsSchema, profileViewRule, readSettings } from './settings.js';

let app: TestApp;
let world: World;
let otherBeheerder: Actor;
const db = () => app.database.db;
const reason = 'Contacten blijven bij ons lang stil.';

const stored = async (id = 'rotterdam') =>
  (await db().selectFrom('instantie').select('settings').where('id', '=', id).executeTakeFirstOrThrow()).settings;
const settingsEvents = async (id = 'rotterdam') =>
  db()
    .selectFrom('event')
    .select(['actor_user_id', 'reason', 'data'])
    .where('subject_type', '=', 'instantie')
    .where('subject_id', '=', id)
    .where('action', '=', 'instantie.settings_changed')
    .orderBy('id')
    .execute();
const current = async (id = 'rotterdam') => readSettings(await stored(id));

beforeAll(async () => {
  app = await createTestApp();
  world = await makeWorld(app);
  otherBeheerder = await makeUser(app, 'Beheerder Schiedam', [{ role: 'beheerder', instantieId: 'schiedam' }]);
});
afterAll(async () => app?.close());
beforeEach(async () => {
  await db().updateTable('instantie').set({ settings: '{}' }).execute();
  await db().deleteFrom('event').where('action', '=', 'instantie.settings_changed').execute();
});

describe('saveSettings', () => {
  it('is only for a beheerder of the instantie itself, and a refusal writes nothing', async () => {
    const refused = [world.consulent, world.auditor, otherBeheerder, world.employers.preferred.user, world.otherConsulent];
    for (const actor of refused)
      expect(await saveSettings(db(), actor, 'rotterdam', { applicationExpiryDays: '30', reason })).toEqual({
        ok: false,
        reason: 'forbidden',
      });
    expect(await stored()).toEqual({});
    expect(await settingsEvents()).toEqual([]);
    // The beheerder of Schiedam may change Schiedam, not Rotterdam.
    expect(await saveSettings(db(), otherBeheerder, 'schiedam', { applicationExpiryDays: '30', reason })).toMatchObject({ ok: true });
    expect((await current('schiedam')).applicationExpiryDays).toBe(30);
    expect((await current('rotterdam')).applicationExpiryDays).toBe(defaultSettings.applicationExpiryDays);
  });

  it('saves a change in one update with an event, keeps the defaults of untouched knobs, and every reader sees it', async () => {
    const result = await saveSettings(db(), world.beheerder, 'rotterdam', {
      applicationExpiryDays: ' 45 ',
      'trialPlacementMonths.extended': '8',
      reason: `  ${reason}  `,
    });
    const changes = {
      applicationExpiryDays: { old: defaultSettings.applicationExpiryDays, new: 45 },
      'trialPlacementMonths.extended': { old: defaultSettings.trialPlacementMonths.extended, new: 8 },
    };
    expect(result).toEqual({ ok: true, value: { changes } });
    // Only what differs from Werkregie's default is stored; the rest follows the default.
    expect(await stored()).toEqual({ applicationExpiryDays: 45, trialPlacementMonths: { extended: 8 } });
    expect(await current()).toEqual({
      ...defaultSettings,
      applicationExpiryDays: 45,
      trialPlacementMonths: { ...defaultSettings.trialPlacementMonths, extended: 8 },
    });
    expect(await settingsEvents()).toEqual([{ actor_user_id: world.beheerder.userId, reason, data: { changes } }]);

    expect((await getInstantie(db(), 'rotterdam'))!.settings.applicationExpiryDays).toBe(45);
    expect((await listInstanties(db())).find((i) => i.id === 'rotterdam')!.settings.trialPlacementMonths).toEqual({
      standard: 2,
      extended: 8,
    });
    expect((await getInstantie(db(), 'schiedam'))!.settings).toEqual(defaultSettings);

    const [entry, ...rest] = await settingsHistory(db(), 'rotterdam');
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({ byName: 'Beheerder Rotterdam', reason, changes });
    expect(entry!.at).toBeInstanceOf(Date);
  });

  it('sets the check boxes, the choice and the percentage, and the code that reads them follows', async () => {
    const result = await saveSettings(db(), world.beheerder, 'rotterdam', {
      poolSearch: ['preferred', 'business_as_usual'],
      expiredProfiles: 'hidden',
      flagAtPercent: '90',
      'dailyProfileViews.committed': '100',
      reason,
    });
    expect(result).toMatchObject({ ok: true });
    const settings = (await getInstantie(db(), 'rotterdam'))!.settings;
    expect(settings.poolSearch).toEqual({ preferred: true, committed: false, business_as_usual: true });
    expect(settings.expiredProfiles).toBe('hidden');
    expect(settings.flagAtFraction).toBe(0.9);
    expect(profileViewRule(settings, 'committed')).toEqual({ limit: 100, flagAt: 90 });

    // No ticks: no employer may search. The percentage shown is the one in force: no change.
    const none = await saveSettings(db(), world.beheerder, 'rotterdam', { poolSearch: [], flagAtPercent: '90', reason });
    expect(none).toMatchObject({
      ok: true,
      value: { changes: { 'poolSearch.preferred': { old: true, new: false }, 'poolSearch.business_as_usual': { old: true, new: false } } },
    });
    expect((await current()).poolSearch).toEqual({ preferred: false, committed: false, business_as_usual: false });
  });

  it('refuses bad values with a Dutch message per field and writes nothing', async () => {
    const result = await saveSettings(db(), world.beheerder, 'rotterdam', {
      availabilityWeeks: '',
      availabilityReminderDays: 'veel',
      applicationExpiryDays: '6',
      'dailyProfileViews.preferred': '100001',
      committedStartWorkingDays: '2,5',
      flagAtPercent: '0',
      poolSearch: ['iedereen'],
      expiredProfiles: 'weg',
      reason: 'kort',
    });
    expect(result).toEqual({
      ok: false,
      reason: 'invalid',
      errors: {
        flagAtPercent: 'Vul bij "Melding vanaf dit percentage" een heel getal in van 1 tot en met 100.',
        availabilityWeeks: 'Vul bij "Weken dat beschikbaarheid geldt" een heel getal in van 1 tot en met 52.',
        availabilityReminderDays: numberFieldMessage('availabilityReminderDays'),
        'dailyProfileViews.preferred': 'Vul bij "Profielen per dag, voorkeurspartner" een heel getal in van 1 tot en met 100.000.',
        applicationExpiryDays: 'Vul bij "Dagen tot een contact verloopt" een heel getal in van 7 tot en met 365.',
        committedStartWorkingDays: numberFieldMessage('committedStartWorkingDays'),
        poolSearch: poolSearchMessage,
        expiredProfiles: expiredProfilesMessage,
        reason: settingsReasonShortMessage,
      },
    });
    expect(await saveSettings(db(), world.beheerder, 'rotterdam', { applicationExpiryDays: '30' })).toEqual({
      ok: false,
      reason: 'invalid',
      errors: { reason: settingsReasonMessage },
    });
    expect(await saveSettings(db(), world.beheerder, 'rotterdam', { applicationExpiryDays: '30', reason: 'x'.repeat(501) })).toEqual({
      ok: false,
      reason: 'invalid',
      errors: { reason: 'Schrijf hoogstens 500 tekens.' },
    });
    expect(await stored()).toEqual({});
    expect(await settingsEvents()).toEqual([]);
  });

  it('keeps the longer trial placement at least as long as the standard one, also against the value in force', async () => {
    const both = await saveSettings(db(), world.beheerder, 'rotterdam', {
      'trialPlacementMonths.standard': '4',
      'trialPlacementMonths.extended': '3',
      reason,
    });
    expect(both).toEqual({ ok: false, reason: 'invalid', errors: { 'trialPlacementMonths.extended': trialOrderMessage } });
    // Extended is 6 by default: a standard of 7 alone is too long.
    const one = await saveSettings(db(), world.beheerder, 'rotterdam', { 'trialPlacementMonths.standard': '7', reason });
    expect(one).toEqual({ ok: false, reason: 'invalid', errors: { 'trialPlacementMonths.extended': trialOrderMessage } });
    expect(await saveSettings(db(), world.beheerder, 'rotterdam', { 'trialPlacementMonths.standard': '6', reason })).toMatchObject({
      ok: true,
    });
    expect((await current()).trialPlacementMonths).toEqual({ standard: 6, extended: 6 });
  });

  it('refuses a save that changes nothing', async () => {
    const same = await saveSettings(db(), world.beheerder, 'rotterdam', {
      availabilityWeeks: String(defaultSettings.availabilityWeeks),
      poolSearch: ['preferred', 'committed'],
      flagAtPercent: '80',
      reason,
    });
    expect(same).toEqual({ ok: false, reason: 'invalid', errors: { settings: nothingChangedMessage } });
    expect(await settingsEvents()).toEqual([]);
  });

  it('refuses a form opened before someone else saved, and writes nothing', async () => {
    const basedOn = settingsVersion(await current());
    expect(basedOn).toBe(settingsVersion(defaultSettings));
    expect(await saveSettings(db(), world.beheerder, 'rotterdam', { supportDueWorkingDays: '5', reason, basedOn })).toMatchObject({
      ok: true,
    });
    const stale = await saveSettings(db(), world.beheerder, 'rotterdam', { applicationExpiryDays: '30', reason, basedOn });
    expect(stale).toEqual({ ok: false, reason: 'conflict', detail: changedMeanwhileMessage });
    expect(await saveSettings(db(), world.beheerder, 'rotterdam', { applicationExpiryDays: '30', reason, basedOn: 'kapot' })).toEqual(
      stale,
    );
    expect(await current()).toEqual({ ...defaultSettings, supportDueWorkingDays: 5 });
    expect(await settingsEvents()).toHaveLength(1);

    // Based on the settings now in force, the same save works.
    const fresh = settingsVersion(await current());
    expect(fresh).not.toBe(basedOn);
    expect(await saveSettings(db(), world.beheerder, 'rotterdam', { applicationExpiryDays: '30', reason, basedOn: fresh })).toMatchObject({
      ok: true,
    });
    expect(await current()).toEqual({ ...defaultSettings, supportDueWorkingDays: 5, applicationExpiryDays: 30 });
  });

  it('takes two saves of the same form at once one after the other: the second is told to look again', async () => {
    const basedOn = settingsVersion(await current());
    const results = await Promise.all([
      saveSettings(db(), world.beheerder, 'rotterdam', { applicationExpiryDays: '30', reason, basedOn }),
      saveSettings(db(), world.beheerder, 'rotterdam', { applicationExpiryDays: '90', reason, basedOn }),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, reason: 'conflict', detail: changedMeanwhileMessage }]);
    expect(await settingsEvents()).toHaveLength(1);
  });

  it('checks each number against the same range as the settings schema', async () => {
    for (const knob of numberKnobs) {
      const { min, max } = fieldRange(knob);
      const withValue = (value: number) => {
        const [group, key] = knob.split('.') as [string, string | undefined];
        return key ? { [group]: { [key]: value } } : { [group]: value };
      };
      // The ends are valid for the schema; a trial's two numbers go together (extended may not be below standard).
      const valid = (value: number) =>
        knob.startsWith('trial') ? { trialPlacementMonths: { standard: value, extended: value } } : withValue(value);
      expect(instantieSettingsSchema.safeParse(valid(min)).success, `${knob} ${min}`).toBe(true);
      expect(instantieSettingsSchema.safeParse(valid(max)).success, `${knob} ${max}`).toBe(true);
      expect(instantieSettingsSchema.safeParse(withValue(min - 1)).success, `${knob} ${min - 1}`).toBe(false);
      expect(instantieSettingsSchema.safeParse(withValue(max + 1)).success, `${knob} ${max + 1}`).toBe(false);
    }
  });
});
