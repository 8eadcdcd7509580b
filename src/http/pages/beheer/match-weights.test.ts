import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { makeUser, makeWorld, type World } from '../../../../test/support/fixtures.js';
import { loginCookie, postForm } from '../../../../test/support/session.js';
import { defaultWeights, type Weights } from '#app/domain/matching/score.js';
import { weightFieldMessage, weightPartNames, weightedParts, weightsInForce } from '#app/domain/matching/weights.js';
import { translateError } from '#app/ui/error-messages.js';
import { matchingText } from '../matching/messages.js';

let app: TestApp;
let world: World;
let beheerder: string;
let otherBeheerder: string;

const path = '/beheer/matchgewichten';
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
const fieldsFor = (weights: Weights) => Object.fromEntries(weightedParts.map((part) => [part, String(weights[part])]));
const inputValue = (html: string, name: string) => new RegExp(`<input[^>]*name="${name}"[^>]*value="([^"]*)"`).exec(html)?.[1];
const versionCount = async () => (await db().selectFrom('match_weights').select('version').execute()).length;

beforeAll(async () => {
  app = await createTestApp();
  world = await makeWorld(app);
  const schiedam = await makeUser(app, 'Beheerder Schiedam', [{ role: 'beheerder', instantieId: 'schiedam' }]);
  beheerder = await loginCookie(app, world.beheerder.email, world.beheerder.password);
  otherBeheerder = await loginCookie(app, schiedam.email, schiedam.password);
});
afterAll(async () => app?.close());

describe('the beheerder page about match weights', () => {
  it('is linked from the beheer overview, and refused to other roles', async () => {
    const list = await get('/beheer/werkgevers', beheerder);
    expect(list.body).toContain(`href="${path}"`);
    expect(text(list.body)).toContain('Gewichten van de matching: hoe zwaar elk deel van de score telt');
    const consulent = await loginCookie(app, world.consulent.email, world.consulent.password);
    const employer = await loginCookie(app, world.employers.preferred.user.email, world.employers.preferred.user.password);
    for (const cookie of [consulent, employer]) {
      expect((await get(path, cookie)).statusCode).toBe(403);
      expect((await postForm(app, cookie, path, { ...fieldsFor(defaultWeights), reason: 'Zomaar' }, { tokenFrom: '/' })).statusCode).toBe(
        403,
      );
    }
    const visitor = await get(path);
    expect(visitor.statusCode).toBe(303);
    expect(visitor.headers.location).toBe('/inloggen?terug=%2Fbeheer%2Fmatchgewichten');
    expect(await versionCount()).toBe(0);
  });

  it('shows the default in force, a field per part, support fixed at 0, the explanation and the history', async () => {
    const response = await get(path, beheerder);
    expect(response.statusCode).toBe(200);
    const page = text(response.body);
    expect(page).toContain('Gewichten van de matching');
    expect(page).toContain('Gemeente Rotterdam gebruikt de standaard gewichten van Werkregie.');
    expect(page).toContain('Vanaf dat moment gebruikt elke lijst met scores de nieuwe versie.');
    expect(page).toContain('Bij elke lijst die iemand ziet, leggen we vast welke versie we gebruikten (in het logboek van de matching).');
    expect(response.body).toContain('<code>standaard</code>');
    for (const part of weightedParts) {
      expect(inputValue(response.body, part)).toBe(String(defaultWeights[part]));
      expect(response.body).toContain(
        `<label class="utrecht-form-label" for="veld-${part}">${matchingText.nl[`part_${part}`]}<!-- --> </label>`,
      );
    }
    expect(response.body).not.toContain('name="ondersteuning"');
    expect(page).toContain('Hulp op het werk: 0. Dit gewicht staat altijd op 0.');
    expect(page).toContain('Wie hulp nodig heeft, mag daardoor nooit lager in een lijst komen.');
    expect(inputValue(response.body, 'basedOnVersion')).toBe('0');
    expect(response.body).toContain('<textarea');
    expect(response.body).toContain(`href="/hoe-werkt-het-matchen"`);
    const history = /<table[\s\S]*?<\/table>/.exec(response.body)?.[0] ?? '';
    expect(text(history)).toContain('Alle versies van de gewichten, de nieuwste eerst');
    expect(text(history)).toContain('Standaard van Werkregie');
    expect(text(history)).toContain(`Beroep ${defaultWeights.beroep}, Vaardigheden die nodig zijn ${defaultWeights.vaardigheden}`);

    const english = await get(`${path}?taal=en`, beheerder);
    expect(text(english.body)).toContain('Matching weights');
    expect(text(english.body)).toContain('Does the job fit the occupation the candidate is looking for?');
  });

  it('re-renders bad input with the values typed and an error summary, status 400, and saves nothing', async () => {
    const response = await postForm(app, beheerder, path, {
      ...fieldsFor(defaultWeights),
      beroep: 'veel',
      uren: '101',
      reason: '',
      basedOnVersion: '0',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('id="foutmeldingen"');
    const summary = text(/<div[^>]*id="foutmeldingen"[\s\S]*?<\/ul>/.exec(response.body)?.[0] ?? '');
    // In the order of the form.
    expect(summary).toMatch(/Vul bij "Beroep" .* Vul bij "Uren" .* Schrijf op waarom de gewichten veranderen\./);
    expect(response.body).toContain('href="#veld-beroep"');
    expect(response.body).toContain('href="#veld-reason"');
    expect(inputValue(response.body, 'beroep')).toBe('veel');
    expect(inputValue(response.body, 'uren')).toBe('101');
    expect(inputValue(response.body, 'afstand')).toBe(String(defaultWeights.afstand));
    expect(response.body).toMatch(/<title>Fout: /);

    const allZero = await postForm(app, beheerder, path, {
      ...fieldsFor({
        ...defaultWeights,
        beroep: 0,
        vaardigheden: 0,
        extraVaardigheden: 0,
        afstand: 0,
        uren: 0,
        taal: 0,
        beschikbaarheid: 0,
      }),
      reason: 'Alles op nul',
      basedOnVersion: '0',
    });
    expect(allZero.statusCode).toBe(400);
    expect(allZero.body).toContain('href="#veld-weights"');
    expect(allZero.body).toContain('id="veld-weights"');
    expect(text(allZero.body)).toContain('Zet minstens één gewicht hoger dan 0.');

    const english = await postForm(app, beheerder, `${path}?taal=en`, {
      ...fieldsFor(defaultWeights),
      beroep: '',
      reason: 'Een reden',
      basedOnVersion: '0',
    });
    expect(english.statusCode).toBe(400);
    expect(text(english.body)).toContain('Enter a whole number from 0 to 100 for "Occupation".');
    expect(await versionCount()).toBe(0);
  });

  it('saves a new version with post/redirect/get, and shows it in force and in the history', async () => {
    const weights = { ...defaultWeights, afstand: 35 };
    const response = await postForm(app, beheerder, path, {
      ...fieldsFor(weights),
      reason: 'Veel kandidaten hebben geen auto.',
      basedOnVersion: '0',
    });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`${path}?opgeslagen=1`);
    expect(await weightsInForce(db(), 'rotterdam')).toEqual({ version: 'rotterdam-v1', weights });

    const shown = await get(response.headers.location!, beheerder);
    const page = text(shown.body);
    expect(page).toContain('Versie 1 is opgeslagen. Vanaf nu gebruikt elke lijst met scores deze gewichten.');
    const inForce = text(/<section aria-labelledby="in-gebruik"[\s\S]*?<\/section>/.exec(shown.body)?.[0] ?? '');
    expect(inForce).toMatch(/Versie 1 Naam in het logboek rotterdam-v1 Sinds .+ Opgeslagen door Beheerder Rotterdam Reden Veel kandidaten/);
    expect(inForce).toContain('Afstand 35');
    expect(inputValue(shown.body, 'afstand')).toBe('35');
    expect(inputValue(shown.body, 'basedOnVersion')).toBe('1');
    const rows = [...(/<tbody[\s\S]*?<\/tbody>/.exec(shown.body)?.[0] ?? '').matchAll(/<tr[\s\S]*?<\/tr>/g)].map((row) =>
      text(row[0]).trim(),
    );
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/^1 .+ Beheerder Rotterdam Veel kandidaten hebben geen auto\. Beroep 30, .*Afstand 35/);
    expect(rows[1]).toMatch(/^Standaard van Werkregie .*Afstand 15/);

    // Schiedam still has the default.
    const other = await get(path, otherBeheerder);
    expect(text(other.body)).toContain('Gemeente Schiedam gebruikt de standaard gewichten van Werkregie.');
    expect(other.body).not.toContain('Veel kandidaten hebben geen auto.');
  });

  it('tells a beheerder who saves over a version they have not seen to try again (409), keeping what they typed', async () => {
    const before = await versionCount();
    const response = await postForm(app, beheerder, path, {
      ...fieldsFor({ ...defaultWeights, taal: 15 }),
      reason: 'Taal telt zwaarder.',
      basedOnVersion: '0',
    });
    expect(response.statusCode).toBe(409);
    expect(text(response.body)).toContain(
      'Iemand anders heeft net nieuwe gewichten opgeslagen. Bekijk de nieuwe versie en probeer het opnieuw.',
    );
    expect(response.body).toContain('href="#veld-weights"');
    expect(inputValue(response.body, 'taal')).toBe('15');
    expect(response.body).toContain('Taal telt zwaarder.</textarea>');
    // The form is now based on the version shown, so saving again works.
    expect(inputValue(response.body, 'basedOnVersion')).toBe('1');
    expect(await versionCount()).toBe(before);
    const again = await postForm(app, beheerder, path, {
      ...fieldsFor({ ...defaultWeights, taal: 15 }),
      reason: 'Taal telt zwaarder.',
      basedOnVersion: '1',
    });
    expect(again.headers.location).toBe(`${path}?opgeslagen=2`);
    // A version the page never gave is not the one in force either.
    expect(
      (await postForm(app, beheerder, path, { ...fieldsFor(defaultWeights), reason: 'Terug naar af', basedOnVersion: 'x' })).statusCode,
    ).toBe(409);
  });

  it('names the parts in messages as the pages do, in Dutch and English', () => {
    for (const part of weightedParts) {
      expect(weightPartNames[part]).toBe(matchingText.nl[`part_${part}`]);
      expect(translateError(weightFieldMessage(part), 'en')).toBe(
        `Enter a whole number from 0 to 100 for "${matchingText.en[`part_${part}`]}".`,
      );
    }
  });
});
