import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVacancy } from '#app/domain/vacancies/commands.js';
import { todayIso } from '#app/domain/vacancies/rules.js';
import { expectAccessible, logIn, startBrowserHarness, type BrowserHarness } from '../support/browser.js';
import { makeWorld, type World } from '../support/fixtures.js';

let harness: BrowserHarness;
let world: World;
beforeAll(async () => {
  harness = await startBrowserHarness();
  world = await makeWorld(harness.app);
});
afterAll(async () => harness?.close());

/** axe on the pages of the JavaScript run; the run without JavaScript gets the same HTML. */
const check = async (page: Page, javaScript: boolean) => {
  if (javaScript) await expectAccessible(page);
};

/** Clicks a submit button and waits for the page that answers (after a redirect, or the form again). */
async function submit(page: Page, button: string) {
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: button }).click()]);
}

describe.each([
  { javaScript: true, who: 'preferred', category: 'Voorkeurspartner' },
  { javaScript: false, who: 'committed', category: 'Betrokken partner' },
] as const)('an employer publishes a vacancy (JavaScript $javaScript)', ({ javaScript, who, category }) => {
  it('edits the organisation, creates, publishes and closes a vacancy that everyone sees while it is open', async () => {
    const employer = world.employers[who];
    const title = `Medewerker magazijn ${who}`;
    const page = await harness.newPage({ javaScript });

    // My organisation: details, locations and the category at the instantie, with what it means.
    await logIn(page, employer.user.email, employer.user.password);
    expect(new URL(page.url()).pathname).toBe('/werkgever');
    await page.getByRole('heading', { level: 1, name: 'Mijn organisatie' }).waitFor();
    const categories = page.getByRole('table', { name: `Categorie van Werkgever ${who} per instantie` });
    expect(await categories.getByRole('row').nth(1).innerText()).toContain(`Gemeente Rotterdam\t${category}`);
    await page.getByRole('heading', { name: 'Wat betekenen de categorieën?' }).waitFor();
    await check(page, javaScript);

    // Change the organisation: a new sector and a second location.
    await page.getByRole('link', { name: `Gegevens van Werkgever ${who} wijzigen` }).click();
    await page.getByRole('heading', { level: 1, name: 'Gegevens van uw organisatie wijzigen' }).waitFor();
    await check(page, javaScript);
    await page.getByLabel('Sector').fill('Logistiek');
    const newLocation = page.getByRole('group', { name: 'Nieuwe vestiging' });
    await newLocation.getByLabel(/Naam van de vestiging/).fill('Loods Waalhaven');
    await newLocation.getByLabel(/Postcode van de vestiging/).fill('3089 ka');
    await submit(page, 'Opslaan');
    await page.getByText('De gegevens van uw organisatie zijn opgeslagen.').waitFor();
    expect(await page.getByRole('table', { name: `Vestigingen van Werkgever ${who}` }).innerText()).toContain('Loods Waalhaven\t3089KA');
    expect(await page.locator('dl').first().innerText()).toContain('Logistiek');

    // A new vacancy: first with a mistake, which keeps every value typed.
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn vacatures' }).click();
    await page.getByRole('link', { name: 'Nieuwe vacature maken' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nieuwe vacature' }).waitFor();
    await check(page, javaScript);
    await page.getByLabel('Functienaam').fill(title);
    await page.getByLabel('Uren per week').fill('24');
    await page.getByLabel('Soort contract').selectOption({ label: 'Tijdelijk contract' });
    // Occupation and skills are searched in the taxonomy; a search posts the form back and keeps what was typed.
    const occupation = page.getByRole('group', { name: /^Beroep/ });
    const needed = page.getByRole('group', { name: /Welke vaardigheden zijn nodig/ });
    await page.getByLabel('Zoek een beroep').fill('magazijn');
    await Promise.all([page.waitForEvent('load'), occupation.getByRole('button', { name: 'Zoeken' }).click()]);
    await occupation.getByLabel('magazijnmedewerker', { exact: true }).check();
    expect(await page.getByLabel('Functienaam').inputValue()).toBe(title);
    await page.getByLabel(/^Nederlands dat nodig is \(niveau\)/).selectOption('A2');
    await page.getByLabel('Zoek een vaardigheid die nodig is').fill('heftruck');
    await Promise.all([page.waitForEvent('load'), needed.getByRole('button', { name: 'Zoeken' }).click()]);
    expect(await occupation.getByLabel('magazijnmedewerker', { exact: true }).isChecked()).toBe(true);
    await needed.getByLabel('vorkheftruck bedienen').check();
    await page.getByLabel('Een jobcoach').check();
    await page.getByLabel(/^Open hiring/).check();
    await page.getByLabel(/^Wat vraagt het werk van het lichaam\?/).fill('Je staat de hele dag. Je tilt dozen tot 15 kilo.');
    await submit(page, 'Opslaan als concept');
    expect(await page.title()).toMatch(/^Fout: /);
    expect(await page.getByRole('alert').innerText()).toContain('Beschrijf het werk.');
    expect(await page.getByLabel('Functienaam').inputValue()).toBe(title);
    expect(await page.getByLabel('Uren per week').inputValue()).toBe('24');
    expect(await page.getByLabel(/^Nederlands dat nodig is \(niveau\)/).inputValue()).toBe('A2');
    // The chosen occupation and skill stay ticked.
    expect(await occupation.getByLabel('magazijnmedewerker', { exact: true }).isChecked()).toBe(true);
    expect(await needed.getByLabel('vorkheftruck bedienen').isChecked()).toBe(true);
    expect(await page.getByLabel('Een jobcoach').isChecked()).toBe(true);
    expect(await page.getByLabel(/^Wat vraagt het werk van het lichaam\?/).inputValue()).toBe(
      'Je staat de hele dag. Je tilt dozen tot 15 kilo.',
    );
    await check(page, javaScript);
    await page.getByRole('alert').getByRole('link', { name: 'Beschrijf het werk.' }).click();
    await page.getByLabel('Beschrijving van het werk').fill('Je pakt bestellingen in.\n\nJe werkt in een vast team, met een jobcoach.');
    await submit(page, 'Opslaan als concept');
    await page.getByText('De vacature is opgeslagen.').waitFor();
    expect(await page.getByText('Status: Concept').count()).toBe(1);
    const vacancyUrl = new URL(page.url()).pathname;
    await check(page, javaScript);

    // A concept is not public yet.
    const visitor = await harness.newPage({ javaScript });
    await visitor.goto(`/vacatures?zoek=${encodeURIComponent(title)}`);
    await visitor.getByText('Er zijn geen vacatures die passen bij je keuzes.').waitFor();

    // Publish; then everyone finds it on /vacatures, also without logging in.
    await submit(page, 'Vacature publiceren');
    await page.getByText('De vacature staat nu online.').waitFor();
    await visitor.goto('/vacatures');
    await visitor.getByLabel('Zoekwoord').fill(who);
    await visitor.getByLabel(/Alleen open hiring/).check();
    await visitor
      .getByRole('group', { name: /Ik wil deze hulp/ })
      .getByLabel('Een jobcoach')
      .check();
    await submit(visitor, 'Vacatures zoeken');
    expect(new URL(visitor.url()).searchParams.get('openHiring')).toBe('true');
    await visitor.getByText('1 vacature gevonden').waitFor();
    await check(visitor, javaScript);
    await visitor.getByRole('link', { name: title }).click();
    await visitor.getByRole('heading', { level: 1, name: title }).waitFor();
    expect(await visitor.locator('main').innerText()).toContain('vorkheftruck bedienen');
    expect(await visitor.locator('main').innerText()).toContain('A2: eenvoudige gesprekken over gewone dingen');
    expect(await visitor.locator('main').innerText()).toContain('Je staat de hele dag. Je tilt dozen tot 15 kilo.');
    await check(visitor, javaScript);

    // Close it as filled: it leaves the public list and can no longer change.
    await page.goto(vacancyUrl);
    await page.getByLabel('Ik heb iemand gevonden').check();
    await submit(page, 'Vacature sluiten');
    await page.getByText('De vacature is vervuld. Gefeliciteerd!').waitFor();
    expect(await page.getByRole('button', { name: 'Wijzigingen opslaan' }).count()).toBe(0);
    await check(page, javaScript);
    await visitor.goto(`/vacatures?zoek=${encodeURIComponent(title)}`);
    await visitor.getByText('Er zijn geen vacatures die passen bij je keuzes.').waitFor();
    const gone = await visitor.goto(vacancyUrl.replace('/werkgever', ''));
    expect(gone?.status()).toBe(404);
  });
});

describe('another employer', () => {
  it('gets the not-found page for a vacancy that is not theirs', async () => {
    const page = await harness.newPage();
    await logIn(page, world.employers.business_as_usual.user.email, world.employers.business_as_usual.user.password);
    const { preferred } = world.employers;
    const created = await createVacancy(harness.app.database.db, preferred.user, {
      employerId: preferred.id,
      title: 'Hovenier',
      description: 'Je werkt in parken.',
      postcode: '3011AB',
      hoursPerWeek: 32,
      contractType: 'vast',
      publishedUntil: todayIso(),
    });
    if (!created.ok) throw new Error(JSON.stringify(created));
    const response = await page.goto(`/werkgever/vacatures/${created.value.id}`);
    expect(response?.status()).toBe(404);
    await page.getByRole('heading', { name: 'Deze pagina bestaat niet' }).waitFor();
  });
});
