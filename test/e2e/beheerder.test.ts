import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, logIn, startBrowserHarness, type BrowserHarness } from '../support/browser.js';
import { makeWorld, type World } from '../support/fixtures.js';

let harness: BrowserHarness;
let world: World;
beforeAll(async () => {
  harness = await startBrowserHarness();
  world = await makeWorld(harness.app);
});
afterAll(async () => harness?.close());

describe.each([true, false])('a beheerder (JavaScript %s)', (javaScript) => {
  const run = javaScript ? 'js' : 'html';
  /** axe runs in the page, so only on the JavaScript variant; the HTML is the same. */
  const checkAccessible = (page: Page) => (javaScript ? expectAccessible(page) : Promise.resolve());

  it('registers an employer, finds it, changes its category with a reason and adds a user', async () => {
    const page = await harness.newPage({ javaScript });
    const name = `Bakkerij De Zon ${run}`;
    await logIn(page, world.beheerder.email, world.beheerder.password);
    await page.getByRole('heading', { level: 1, name: 'Werkgevers' }).waitFor();
    await page.getByText('De drie categorieën').waitFor();
    await checkAccessible(page);

    await page.getByRole('link', { name: 'Nieuwe werkgever registreren' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nieuwe werkgever registreren' }).waitFor();
    await checkAccessible(page);
    await page.getByLabel('Naam van de organisatie').fill(name);
    await page.getByRole('button', { name: 'Werkgever registreren' }).click();
    await page.getByRole('alert').getByText('Vul het KvK-nummer in.').waitFor();
    expect(await page.getByLabel('Naam van de organisatie').inputValue()).toBe(name);
    await checkAccessible(page);

    await page.getByLabel('KvK-nummer').fill(javaScript ? '87654321' : '87654322');
    await page.getByLabel('Sector').fill('Voeding');
    await page.getByLabel('PSO-niveau').selectOption('trede_2');
    await page.getByLabel('Ja', { exact: true }).check();
    await page.getByLabel('Naam van de vestiging').fill('Bakkerij');
    await page.getByLabel('Postcode van de vestiging').fill('3012 CD');
    await page.getByRole('button', { name: 'Werkgever registreren' }).click();
    await page.getByText('De werkgever is geregistreerd.').waitFor();
    await checkAccessible(page);

    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Werkgevers' }).click();
    await page.getByLabel('Naam van de werkgever').fill(name);
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.getByText('1 werkgever gevonden.').waitFor();
    expect(await page.getByRole('link', { name: 'Werkgever preferred' }).count()).toBe(0);
    await checkAccessible(page);
    await page.getByRole('link', { name }).click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    expect(await page.getByText('Bakkerij, 3012 CD').count()).toBe(1);
    await checkAccessible(page);

    // First without a reason: an error, and the chosen category is kept.
    await page.getByLabel('Betrokken partner').check();
    await page.getByRole('button', { name: 'Categorie opslaan' }).click();
    await page.getByRole('alert').getByText('Schrijf op waarom de categorie verandert (minstens 5 tekens).').waitFor();
    expect(await page.title()).toMatch(/^Fout: /);
    expect(await page.getByLabel('Betrokken partner').isChecked()).toBe(true);
    await checkAccessible(page);

    await page.getByLabel('Waarom verandert de categorie?').fill('Goede start met twee plaatsingen');
    await page.getByRole('button', { name: 'Categorie opslaan' }).click();
    await page.getByText('De categorie is opgeslagen.').waitFor();
    const newest = page.locator('#geschiedenis ~ table tbody tr').first();
    const cells = await newest.locator('td').allTextContents();
    expect(cells.slice(1)).toEqual(['Gewone werkgever', 'Betrokken partner', 'Goede start met twee plaatsingen', 'Beheerder Rotterdam']);
    expect(await page.locator('#geschiedenis ~ table tbody tr').count()).toBe(2);
    await checkAccessible(page);

    await page.getByRole('link', { name: 'Gebruikers van deze werkgever' }).click();
    await page.getByText('Deze werkgever heeft nog geen gebruikers.').waitFor();
    await checkAccessible(page);
    const email = `bakker.${run}.${process.pid}@voorbeeld.nl`;
    await page.getByLabel('Naam', { exact: true }).fill('Bas Bakker');
    await page.getByLabel('E-mailadres', { exact: true }).fill(email);
    await page.getByLabel('Eerste wachtwoord').fill('een-goed-wachtwoord');
    await page.getByRole('button', { name: 'Gebruiker toevoegen' }).click();
    await page.getByText('De gebruiker is toegevoegd. Er is een nieuw account gemaakt.').waitFor();
    await page.getByRole('cell', { name: email }).waitFor();
    await checkAccessible(page);
  });

  it('makes an API key, sees it once, and revokes it', async () => {
    const page = await harness.newPage({ javaScript });
    const keyName = `Koppeling ${run}`;
    await logIn(page, world.beheerder.email, world.beheerder.password);
    await page.getByRole('link', { name: 'API-sleutels' }).click();
    await page.getByRole('heading', { level: 1, name: 'API-sleutels' }).waitFor();
    await checkAccessible(page);

    await page.getByLabel('Naam van de sleutel').fill(keyName);
    await page.getByRole('button', { name: 'Sleutel maken' }).click();
    const shown = page.getByLabel(`Sleutel "${keyName}"`);
    await shown.waitFor();
    const token = await shown.inputValue();
    expect(token).toMatch(/^wr_[A-Za-z0-9_-]{43}$/);
    await checkAccessible(page);

    const api = (value: string) =>
      harness.app.server.inject({ method: 'GET', url: '/account/api-sleutels', headers: { authorization: `Bearer ${value}` } });
    expect((await api(token)).statusCode).toBe(200);

    await page.goto('/account/api-sleutels');
    await page.getByRole('rowheader', { name: keyName }).waitFor();
    expect(await page.locator('#nieuwe-sleutel').count()).toBe(0);
    expect(await page.content()).not.toContain(token);

    await page.getByRole('button', { name: `Intrekken sleutel ${keyName}` }).click();
    await page.getByText('De sleutel is ingetrokken. Hij werkt niet meer.').waitFor();
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: keyName }) });
    expect(await row.textContent()).toContain('Ingetrokken op');
    expect((await api(token)).statusCode).toBe(303);
    await checkAccessible(page);
  });
});
