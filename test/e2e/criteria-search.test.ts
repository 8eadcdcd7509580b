import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateProfileSection } from '#app/domain/candidates/commands.js';
import { builtinOccupations } from '#app/domain/taxonomy/builtin.js';
import { expectAccessible, logIn, startBrowserHarness, type BrowserHarness } from '../support/browser.js';
import { makeCandidate, makeWorld, type World } from '../support/fixtures.js';

let harness: BrowserHarness;
let world: World;
let candidateId: string;
let pseudonym: string;
const cleaner = builtinOccupations[0]!;

beforeAll(async () => {
  harness = await startBrowserHarness();
  world = await makeWorld(harness.app);
  const db = harness.app.database.db;
  await db
    .insertInto('postcode_area')
    .values([
      { pc4: '3011', latitude: 51.9225, longitude: 4.4792, place: 'Rotterdam', municipality: 'Rotterdam' },
      { pc4: '3012', latitude: 51.9217, longitude: 4.4731, place: 'Rotterdam', municipality: 'Rotterdam' },
    ])
    .onConflict((oc) => oc.column('pc4').doNothing())
    .execute();
  const made = await makeCandidate(harness.app, world.consulent, { visibility: { werkwensen: 'alle', ervaring: 'alle', locatie: 'alle' } });
  await updateProfileSection(db, world.consulent, made.id, 'werk', { hoursPerWeek: 24, days: ['ma'], wishedOccupations: [cleaner.uri] });
  candidateId = made.id;
  pseudonym = (await db.selectFrom('candidate').select('pseudonym').where('id', '=', made.id).executeTakeFirstOrThrow()).pseudonym;
});
afterAll(async () => harness?.close());

describe.each([true, false])('an employer searches candidates by criteria (JavaScript %s)', (javaScript) => {
  it('opens the search from the menu, is told what is missing, picks an occupation and reads why a candidate fits', async () => {
    const employer = world.employers.preferred.user;
    const page = await harness.newPage({ javaScript });
    await logIn(page, employer.email, employer.password);
    await page.goto('/werkgever');
    await page.getByRole('link', { name: 'Zoek kandidaten die passen bij het werk dat u heeft' }).waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'Kandidaten zoeken' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kandidaten zoeken' }).waitFor();

    // Nothing chosen: the page says in plain words what the search needs.
    await page.getByRole('button', { name: 'Zoek kandidaten' }).click();
    await page.getByRole('heading', { level: 2, name: 'Er is een probleem' }).waitFor();
    await page.getByRole('link', { name: /Kies een beroep of minstens één vaardigheid/ }).waitFor();
    if (javaScript) await expectAccessible(page);

    // Search the occupation with the picker's own button, then choose it.
    const occupation = page.getByRole('group', { name: 'Beroep' });
    await page.getByLabel('Zoek een beroep', { exact: true }).fill('schoonmaker');
    await Promise.all([page.waitForURL(/zoekBeroep=schoonmaker/), occupation.getByRole('button', { name: 'Zoeken' }).click()]);
    await occupation.getByLabel(cleaner.label, { exact: true }).check();
    await page.getByLabel('Postcode van het werk').fill('3011');
    await page.getByLabel('Uren per week').fill('24');
    await page.getByLabel('Nederlands dat nodig is (niveau)').selectOption('B1');
    await Promise.all([page.waitForURL(/beroep=/), page.getByRole('button', { name: 'Zoek kandidaten' }).click()]);

    await page.getByText('1 kandidaat past.').waitFor();
    expect(await occupation.getByLabel(cleaner.label, { exact: true }).isChecked()).toBe(true);
    expect(await page.getByLabel('Postcode van het werk').inputValue()).toBe('3011');
    const card = page.getByRole('article').filter({ hasText: pseudonym });
    await card.locator('summary').click();
    await card.getByText(`Dit werk hoort bij het beroep ${cleaner.label}. Dat beroep zoekt de kandidaat.`).waitFor();
    if (javaScript) await expectAccessible(page);

    await card.getByRole('link', { name: pseudonym }).click();
    await page.waitForURL(/\/kandidaten\/[0-9a-f-]+$/);
    expect(new URL(page.url()).pathname).toBe(`/kandidaten/${candidateId}`);
  });
});

describe('the other faces of the search', () => {
  it('are accessible: the business-as-usual employer is sent to the instantie, and the page in English', async () => {
    const bau = world.employers.business_as_usual.user;
    const owner = await harness.newPage();
    await logIn(owner, bau.email, bau.password);
    await owner.goto('/werkgever/kandidaten-zoeken');
    await owner.getByRole('heading', { level: 1, name: 'Kandidaten zoeken' }).waitFor();
    await owner.getByText('De gemeente zoekt voor u kandidaten.').waitFor();
    expect(await owner.getByRole('search').count()).toBe(0);
    await expectAccessible(owner);

    const preferred = world.employers.preferred.user;
    const english = await harness.newPage();
    await logIn(english, preferred.email, preferred.password);
    await english.goto(`/werkgever/kandidaten-zoeken?taal=en&beroep=${encodeURIComponent(cleaner.uri)}&postcode=12`);
    await english.getByRole('heading', { level: 1, name: 'Find candidates' }).waitFor();
    await english.getByRole('link', { name: /Enter a postcode of 4 digits/ }).waitFor();
    await expectAccessible(english);
  });
});
