import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { makeUser, makeWorld, type World } from '../../../../test/support/fixtures.js';
import { loginCookie, postForm } from '../../../../test/support/session.js';
import {
  changedMeanwhileMessage,
  defaultSettings,
  numberFieldMessage,
  numberFieldNames,
  numberKnobs,
  saveSettings,
  settingsVersion,
  type NumberField,
} from '#app/domain/instanties/commands.js';
import { getInstantie } from '#app/domain/instanties/queries.js';
import { translateError } from '#app/ui/error-messages.js';
import { settingsText } from './messages.js';

let app: TestApp;
let world: World;
let beheerder: string;

const path = '/beheer/instellingen';
const db = () => app.database.db;
const get = (url: string, cookie?: string) => app.server.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
/** Text as the browser shows it. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
const inputValue = (html: string, name: string) =>
  new RegExp(`<input[^>]*name="${name.replace('.', '\\.')}"[^>]*value="([^"]*)"`).exec(html)?.[1];
const checked = (html: string, name: string) =>
  [...html.matchAll(new RegExp(`<input[^>]*name="${name}"[^>]*value="([^"]*)"[^>]*>`, 'g'))]
    .filter((match) => match[0].includes('checked'))
    .map((match) => match[1]!);
const eventCount = async () =>
  (await db().selectFrom('event').select('id').where('action', '=', 'instantie.settings_changed').execute()).length;
const settingsNow = async () => (await getInstantie(db(), 'rotterdam'))!.settings;

/** The form as the page fills it, with a change. */
async function formWith(changes: Record<string, string | string[]>): Promise<Record<string, string | string[]>> {
  const page = await get(path, beheerder);
  const fields: Record<string, string | string[]> = {
    basedOn: inputValue(page.body, 'basedOn')!,
    expiredProfiles: checked(page.body, 'expiredProfiles')[0]!,
    poolSearch: checked(page.body, 'poolSearch'),
    reason: '',
  };
  for (const name of ['flagAtPercent', ...numberKnobs]) fields[name] = inputValue(page.body, name)!;
  return { ...fields, ...changes };
}

beforeAll(async () => {
  app = await createTestApp();
  world = await makeWorld(app);
  beheerder = await loginCookie(app, world.beheerder.email, world.beheerder.password);
});
afterAll(async () => app?.close());
beforeEach(async () => {
  await db().updateTable('instantie').set({ settings: '{}' }).execute();
});

describe('the beheerder page with the settings of the instantie', () => {
  it('is linked from the beheer overview, and refused to other roles', async () => {
    const list = await get('/beheer/werkgevers', beheerder);
    expect(list.body).toContain(`href="${path}"`);
    expect(text(list.body)).toContain(settingsText.nl.settingsLink);
    const schiedam = await makeUser(app, 'Auditor Schiedam', [{ role: 'auditor', instantieId: 'schiedam' }]);
    const others = [world.consulent, world.auditor, schiedam, world.employers.preferred.user];
    for (const user of others) {
      const cookie = await loginCookie(app, user.email, user.password);
      expect((await get(path, cookie)).statusCode).toBe(403);
      const post = await postForm(app, cookie, path, { applicationExpiryDays: '30', reason: 'Zomaar iets' }, { tokenFrom: '/' });
      expect(post.statusCode).toBe(403);
    }
    const visitor = await get(path);
    expect(visitor.statusCode).toBe(303);
    expect(visitor.headers.location).toBe('/inloggen?terug=%2Fbeheer%2Finstellingen');
    expect(await settingsNow()).toEqual(defaultSettings);
    expect(await eventCount()).toBe(0);
  });

  it('shows every knob in its section with the value in force, what it does and its default', async () => {
    const response = await get(path, beheerder);
    expect(response.statusCode).toBe(200);
    const page = text(response.body);
    expect(page).toContain('Hier stel je de regels van Gemeente Rotterdam in.');
    for (const title of ['Beschikbaarheid', 'Kandidaten zoeken', 'Inzage per dag', 'Contacten', 'Plaatsingen', 'Ondersteuning'])
      expect(response.body).toMatch(new RegExp(`<h2 class="utrecht-heading-2" id="[a-z]+">${title}</h2>`));
    expect(page).toMatch(/Beschikbaarheid .* Kandidaten zoeken .* Inzage per dag .* Contacten .* Plaatsingen .* Ondersteuning/);
    for (const name of numberKnobs) {
      const value = name.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], defaultSettings);
      expect(inputValue(response.body, name), name).toBe(String(value));
      // The label on the page is the name in the validation message.
      expect(response.body).toContain(`for="veld-${name}">${numberFieldNames[name]}<!-- --> </label>`);
    }
    expect(inputValue(response.body, 'flagAtPercent')).toBe('80');
    expect(checked(response.body, 'poolSearch')).toEqual(['preferred', 'committed']);
    expect(checked(response.body, 'expiredProfiles')).toEqual(['last']);
    expect(page).toContain(
      'Wat doet dit? Gebeurt er in een open contact zo lang niets? Dan sluit Werkregie het contact. De kandidaat en de werkgever krijgen een bericht. Standaard: 60. Kies een heel getal van 7 tot en met 365.',
    );
    expect(page).toContain('Standaard: 300. Kies een heel getal van 1 tot en met 100.000.');
    expect(page).toContain('Standaard: voorkeurspartners en betrokken partners wel, gewone werkgevers niet.');
    expect(inputValue(response.body, 'basedOn')).toBe(settingsVersion(defaultSettings));
    expect(page).toContain('Wie veranderde wat? Er zijn nog geen wijzigingen opgeslagen.');

    const english = text((await get(`${path}?taal=en`, beheerder)).body);
    expect(english).toContain('Here you set the rules of Gemeente Rotterdam.');
    expect(english).toContain('Days until a contact expires');
  });

  it('re-renders bad input with the values typed and an error summary in the order of the form, status 400, and saves nothing', async () => {
    const response = await postForm(
      app,
      beheerder,
      path,
      await formWith({ availabilityWeeks: 'acht', 'trialPlacementMonths.standard': '5', 'trialPlacementMonths.extended': '4', reason: '' }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.body).toMatch(/<title>Fout: Instellingen/);
    const summary = text(/<div[^>]*id="foutmeldingen"[\s\S]*?<\/ul>/.exec(response.body)?.[0] ?? '');
    expect(summary).toContain(
      `${numberFieldMessage('availabilityWeeks')} De langere proefplaatsing mag niet korter zijn dan de gewone proefplaatsing. Schrijf op waarom de instellingen veranderen.`,
    );
    expect(response.body).toContain('href="#veld-availabilityWeeks"');
    expect(response.body).toContain('href="#veld-trialPlacementMonths.extended"');
    expect(response.body).toContain('id="veld-trialPlacementMonths.extended"');
    expect(inputValue(response.body, 'availabilityWeeks')).toBe('acht');
    expect(inputValue(response.body, 'trialPlacementMonths.standard')).toBe('5');
    expect(inputValue(response.body, 'applicationExpiryDays')).toBe('60');

    const english = await postForm(app, beheerder, `${path}?taal=en`, await formWith({ applicationExpiryDays: '1000', reason: 'Iets' }));
    expect(english.statusCode).toBe(400);
    expect(text(english.body)).toContain('Enter a whole number from 7 to 365 for "Days until a contact expires".');
    expect(text(english.body)).toContain('Write down why the settings change (at least 5 characters).');

    const nothing = await postForm(app, beheerder, path, await formWith({ reason: 'Alleen even kijken' }));
    expect(nothing.statusCode).toBe(400);
    expect(nothing.body).toContain('href="#veld-settings"');
    expect(text(nothing.body)).toContain('Je hebt niets veranderd. Verander minstens één instelling.');
    expect(await settingsNow()).toEqual(defaultSettings);
    expect(await eventCount()).toBe(0);
  });

  it('saves with post/redirect/get, shows the new values, and the history says who, when, why and what', async () => {
    const reason = 'In de zomer blijven contacten lang stil.';
    const response = await postForm(
      app,
      beheerder,
      path,
      await formWith({
        applicationExpiryDays: '45',
        flagAtPercent: '90',
        // Regular employers get a tick; committed partners lose theirs.
        poolSearch: ['preferred', 'business_as_usual'],
        expiredProfiles: 'hidden',
        reason,
      }),
    );
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`${path}?opgeslagen=1`);
    const settings = await settingsNow();
    expect(settings).toMatchObject({
      applicationExpiryDays: 45,
      flagAtFraction: 0.9,
      expiredProfiles: 'hidden',
      poolSearch: { preferred: true, committed: false, business_as_usual: true },
      availabilityWeeks: defaultSettings.availabilityWeeks,
    });

    const after = await get(response.headers.location!, beheerder);
    const page = text(after.body);
    expect(page).toContain('De instellingen zijn opgeslagen. Ze gelden vanaf nu.');
    expect(inputValue(after.body, 'applicationExpiryDays')).toBe('45');
    expect(inputValue(after.body, 'flagAtPercent')).toBe('90');
    expect(checked(after.body, 'poolSearch')).toEqual(['preferred', 'business_as_usual']);
    expect(inputValue(after.body, 'basedOn')).toBe(settingsVersion(settings));
    const history = text(/<table[\s\S]*?<\/table>/.exec(after.body)?.[0] ?? '');
    expect(history).toContain('Beheerder Rotterdam');
    expect(history).toContain(reason);
    expect(history).toContain('Dagen tot een contact verloopt: van 60 naar 45');
    expect(history).toContain('Melding vanaf dit percentage: van 80% naar 90%');
    expect(history).toContain(
      'Kandidaten van wie de beschikbaarheid is vervallen: van Onderaan de lijst zetten naar Niet laten zien aan werkgevers',
    );
    expect(history).toContain('Zelf kandidaten zoeken, Betrokken partner: van mag wel naar mag niet');
    expect(history).toContain('Zelf kandidaten zoeken, Gewone werkgever: van mag niet naar mag wel');
    expect(history).toMatch(/\d{4}/);

    // The other beheer pages read the same settings.
    const list = text((await get('/beheer/werkgevers', beheerder)).body);
    expect(list).toMatch(/Gewone werkgever .*Zoeken in de kandidaten: mag zelf zoeken\./);
    expect(list).toMatch(/Betrokken partner .*Zoeken in de kandidaten: mag niet zelf zoeken\./);

    // No ticks at all: the browser sends no field, and no employer may search.
    const none = await postForm(app, beheerder, path, { ...(await formWith({ reason: 'Niemand zoekt meer zelf.' })), poolSearch: [] });
    expect(none.statusCode).toBe(303);
    expect((await settingsNow()).poolSearch).toEqual({ preferred: false, committed: false, business_as_usual: false });
  });

  it('answers a form opened before someone else saved with 409, the settings as they are now and the reason kept', async () => {
    const stale = await formWith({ supportDueWorkingDays: '15', reason: 'Wij hebben meer tijd nodig.' });
    expect(
      await saveSettings(db(), world.beheerder, 'rotterdam', { applicationExpiryDays: '30', reason: 'Collega was mij voor.' }),
    ).toMatchObject({ ok: true });
    const response = await postForm(app, beheerder, path, stale);
    expect(response.statusCode).toBe(409);
    expect(text(response.body)).toContain(changedMeanwhileMessage);
    expect(inputValue(response.body, 'applicationExpiryDays')).toBe('30');
    expect(inputValue(response.body, 'supportDueWorkingDays')).toBe(String(defaultSettings.supportDueWorkingDays));
    expect(response.body).toMatch(/<textarea[^>]*name="reason"[^>]*>Wij hebben meer tijd nodig\.<\/textarea>/);
    expect(text(response.body)).toContain('Collega was mij voor.');
    expect((await settingsNow()).supportDueWorkingDays).toBe(defaultSettings.supportDueWorkingDays);

    // Sent again from the page now shown, it saves.
    const again = await postForm(
      app,
      beheerder,
      path,
      await formWith({ supportDueWorkingDays: '15', reason: 'Wij hebben meer tijd nodig.' }),
    );
    expect(again.statusCode).toBe(303);
    expect(await settingsNow()).toMatchObject({ applicationExpiryDays: 30, supportDueWorkingDays: 15 });

    const english = await postForm(app, beheerder, `${path}?taal=en`, stale);
    expect(english.statusCode).toBe(409);
    expect(text(english.body)).toContain(translateError(changedMeanwhileMessage, 'en'));
  });

  it('has English for every message of the settings, with the English labels of the page', () => {
    for (const name of ['flagAtPercent', ...numberKnobs] as NumberField[]) {
      const english = translateError(numberFieldMessage(name), 'en');
      expect(english).not.toBe(numberFieldMessage(name));
      expect(english).toContain(`"${settingsText.en[`label_${name.replace('.', '_')}` as keyof typeof settingsText.en]}"`);
      expect(numberFieldNames[name]).toBe(settingsText.nl[`label_${name.replace('.', '_')}` as keyof typeof settingsText.nl]);
    }
  });
});
