import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, logIn, startBrowserHarness, type BrowserHarness } from '../support/browser.js';
import { makeCandidate, makeWorld, type World } from '../support/fixtures.js';

let harness: BrowserHarness;
let world: World;
beforeAll(async () => {
  harness = await startBrowserHarness();
  world = await makeWorld(harness.app);
});
afterAll(async () => harness?.close());

const candidateRow = (id: string) =>
  harness.app.database.db.selectFrom('candidate').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const mainText = async (page: Page) => (await page.locator('main').textContent()) ?? '';

describe.each([true, false])('a candidate keeps their own profile (JavaScript %s)', (javaScript) => {
  it('fills in sections, chooses who sees what, gives and withdraws consent and looks at the employer view', async () => {
    const { id, user } = await makeCandidate(harness.app, world.consulent, { withLogin: true, consent: false });
    const other = await makeCandidate(harness.app, world.consulent, { withLogin: true });
    const otherName = (await candidateRow(other.id)).last_name;
    const page = await harness.newPage({ javaScript });
    const accessible = async () => {
      if (javaScript) await expectAccessible(page);
    };

    await logIn(page, user!.email, user!.password);
    await page.getByRole('heading', { level: 1, name: 'Mijn profiel' }).waitFor();
    expect(await mainText(page)).toContain('Werkgevers zien je profiel nu niet.');
    await accessible();

    // Work wishes: search an occupation without JavaScript, tick it, save.
    await page.getByRole('link', { name: 'Wijzigen (Werkwensen)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Welk werk zoek je?' }).waitFor();
    await accessible();
    await page.getByLabel('Hoeveel uur per week wil je werken?').fill('32');
    await page.getByLabel('Zoek een beroep').fill('magazijn');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.getByLabel('magazijnmedewerker', { exact: true }).check();
    expect(await page.getByLabel('Hoeveel uur per week wil je werken?').inputValue()).toBe('32');
    await accessible();
    await page.getByLabel('vrijdag').check();
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Je gegevens zijn opgeslagen.').waitFor();
    expect(await mainText(page)).toContain('magazijnmedewerker');
    await accessible();

    // Experience: a half-filled row gets a Dutch error and keeps what was typed.
    await page.getByRole('link', { name: 'Wijzigen (Ervaring en opleiding)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Wat kun je en wat heb je gedaan?' }).waitFor();
    await accessible();
    await page.getByLabel('Wat is je hoogste opleiding?').selectOption('mbo_2');
    const firstRow = page.getByRole('group', { name: 'Werkervaring 1' });
    await firstRow.getByLabel('Bij welke werkgever?').fill('Opslag BV');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('alert').getByText('Vul de functie in.').waitFor();
    expect(await page.title()).toMatch(/^Fout: /);
    expect(await firstRow.getByLabel('Bij welke werkgever?').inputValue()).toBe('Opslag BV');
    await accessible();
    await firstRow.getByLabel('Functie of soort werk').fill('Orderpicker');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Je gegevens zijn opgeslagen.').waitFor();
    expect(await mainText(page)).toContain('Orderpicker bij Opslag BV');

    // Only my own row, whatever the address says.
    await page.goto(`/kandidaat/profiel/contact?id=${other.id}`);
    expect(await page.getByLabel('Achternaam').inputValue()).not.toBe(otherName);
    await accessible();

    // Visibility: name to every employer, not anonymous.
    await page.goto('/kandidaat');
    await page.getByRole('link', { name: 'Kies wie je profiel mag zien' }).click();
    await page.getByRole('heading', { level: 1, name: 'Wie mag je profiel zien?' }).waitFor();
    await accessible();
    await page
      .getByRole('group', { name: 'Je naam, e-mailadres en telefoonnummer' })
      .getByLabel('Mijn consulent en alle werkgevers')
      .check();
    await page
      .getByRole('group', { name: 'Wil je anoniem zijn voor werkgevers?' })
      .getByLabel(/^Nee\./)
      .check();
    await page.getByRole('button', { name: 'Keuzes opslaan' }).click();
    await page.getByText('Je keuzes zijn opgeslagen.').waitFor();
    await accessible();
    expect(await mainText(page)).toContain('Je hebt nu geen toestemming gegeven. Daarom ziet geen enkele werkgever iets van je profiel.');

    await page.getByRole('button', { name: 'Ik geef toestemming' }).click();
    await page.getByText('Je hebt toestemming gegeven. Werkgevers kunnen je profiel nu zien').waitFor();
    await accessible();

    // The employer view, from the policy's own rules.
    await page.getByRole('link', { name: 'Bekijk je profiel zoals een werkgever het ziet' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bekijk je profiel zoals een werkgever het ziet' }).waitFor();
    await accessible();
    await page.getByLabel('Andere werkgever').check();
    await page.getByRole('button', { name: 'Bekijken' }).click();
    await page.getByRole('heading', { level: 2, name: 'Zo ziet een andere werkgever je profiel' }).waitFor();
    const ordinary = await mainText(page);
    expect(ordinary).toContain((await candidateRow(id)).last_name);
    expect(ordinary).toContain('magazijnmedewerker');
    expect(ordinary).not.toContain('Een jobcoach die me helpt');
    await accessible();
    await page.getByLabel('Voorkeurspartner').check();
    await page.getByRole('button', { name: 'Bekijken' }).click();
    await page.getByRole('heading', { level: 2, name: 'Zo ziet een voorkeurspartner je profiel' }).waitFor();
    expect(await mainText(page)).toContain('Een jobcoach die me helpt');
    await accessible();

    // Withdraw: no employer sees anything any more.
    await page.goto('/kandidaat/zichtbaarheid');
    await page.getByRole('button', { name: 'Toestemming intrekken' }).click();
    await page.getByText('Je toestemming is ingetrokken.').waitFor();
    await accessible();
    await page.goto('/kandidaat/voorbeeld?categorie=preferred');
    await page.getByText('Daarom ziet geen enkele werkgever iets van je profiel.').waitFor();
    expect(await mainText(page)).not.toContain('magazijnmedewerker');
    await accessible();

    // Still looking for work.
    await page.goto('/kandidaat');
    await page.getByRole('button', { name: 'Ik zoek nog steeds werk' }).click();
    await page.getByText('We weten nu dat je nog werk zoekt.').waitFor();
    await accessible();

    const saved = await candidateRow(id);
    expect(saved.hours_per_week).toBe(32);
    expect(saved.education_level).toBe('mbo_2');
    expect(saved.work_experience).toEqual([{ title: 'Orderpicker', employer: 'Opslag BV', years: 0 }]);
    expect(saved.anonymous).toBe(false);
    expect(saved.visibility).toMatchObject({ identiteit: 'alle' });
    const consents = await harness.app.database.db.selectFrom('consent').selectAll().where('candidate_id', '=', id).execute();
    expect(consents.map((c) => [c.recorded_as, c.withdrawn_at !== null])).toEqual([['kandidaat', true]]);
    expect(await candidateRow(other.id)).toMatchObject({ last_name: otherName, hours_per_week: 24 });
  });
});
