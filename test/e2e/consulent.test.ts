import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, logIn, startBrowserHarness, type BrowserHarness } from '../support/browser.js';
import { makeCandidate, makeWorld, type World } from '../support/fixtures.js';

let harness: BrowserHarness;
let world: World;
beforeAll(async () => {
  harness = await startBrowserHarness();
  world = await makeWorld(harness.app);
  await makeCandidate(harness.app, world.consulent);
});
afterAll(async () => harness?.close());

const lastNameOf = async (id: string) =>
  (await harness.app.database.db.selectFrom('candidate').select('last_name').where('id', '=', id).executeTakeFirstOrThrow()).last_name;

describe.each([true, false])('a consultant at work (JavaScript %s)', (javaScript) => {
  it('sees the caseload, adds a candidate, fills in a section together and confirms an expired availability', async () => {
    const page = await harness.newPage({ javaScript });
    const check = async (p: Page) => {
      if (javaScript) await expectAccessible(p);
    };

    // An expired availability waiting in the list.
    const expired = await makeCandidate(harness.app, world.consulent);
    await harness.app.database.db
      .updateTable('candidate')
      .set({ availability_expires_at: new Date(Date.now() - 24 * 3600 * 1000) })
      .where('id', '=', expired.id)
      .execute();
    const expiredName = await lastNameOf(expired.id);

    // Log in: the consultant starts at the caseload.
    await logIn(page, world.consulent.email, world.consulent.password);
    await page.getByRole('heading', { level: 1, name: 'Mijn kandidaten' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/consulent');
    expect(
      await page
        .getByRole('table')
        .getByRole('link', { name: new RegExp(expiredName) })
        .count(),
    ).toBe(1);
    expect(await page.getByRole('table').textContent()).toContain('Verlopen sinds');
    await check(page);

    // Add a candidate: first a wrong e-mail address, the values stay.
    const lastName = `Jansen-${javaScript ? 'js' : 'html'}`;
    await page.getByRole('link', { name: 'Kandidaat toevoegen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kandidaat toevoegen' }).waitFor();
    await check(page);
    await page.getByLabel('Voornaam').fill('Noor');
    await page.getByLabel('Achternaam').fill(lastName);
    await page.getByLabel(/E-mailadres van de kandidaat/).fill('noor-zonder-apenstaartje');
    await page.getByRole('button', { name: 'Kandidaat toevoegen' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('Vul een geldig e-mailadres in');
    expect(await page.title()).toMatch(/^Fout: /);
    expect(await page.getByLabel('Voornaam').inputValue()).toBe('Noor');
    expect(await page.getByLabel('Achternaam').inputValue()).toBe(lastName);
    await check(page);
    await page.getByRole('alert').getByRole('link').first().click();
    await page.getByLabel(/E-mailadres van de kandidaat/).fill('');
    await page.getByRole('button', { name: 'Kandidaat toevoegen' }).click();

    // The new candidate's page.
    await page.getByText('De kandidaat is toegevoegd.').waitFor();
    await page.getByRole('heading', { level: 1, name: `Noor ${lastName}` }).waitFor();
    await check(page);

    // Fill in one section together with the candidate.
    await page.getByRole('link', { name: /Wijzigen.*Werkwensen/ }).click();
    await page.getByLabel('Hoeveel uur per week wil je werken?').fill('20');
    await page.getByLabel('dinsdag').check();
    await check(page);
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Je gegevens zijn opgeslagen.').waitFor();
    const werk = page.locator('section.werkregie-card', { has: page.getByRole('heading', { name: 'Werkwensen' }) });
    expect(await werk.textContent()).toContain('dinsdag');
    expect(await werk.textContent()).toContain('20');
    await check(page);

    // Back to the caseload: the new candidate is there; then the expired list.
    await page.getByRole('link', { name: 'Terug naar mijn kandidaten' }).click();
    await page
      .getByRole('table')
      .getByRole('link', { name: `Noor ${lastName}` })
      .waitFor();
    await page.getByRole('link', { name: 'Kandidaten met verlopen beschikbaarheid' }).click();
    await page.getByRole('heading', { level: 1, name: 'Verlopen beschikbaarheid' }).waitFor();
    await check(page);
    await page.getByRole('button', { name: new RegExp(`Bevestigen voor .*${expiredName}`) }).click();
    await page.getByText('De beschikbaarheid is bevestigd.').waitFor();
    expect(await page.getByRole('link', { name: new RegExp(expiredName) }).count()).toBe(0);
    await check(page);
  });
});
