import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getInstantie } from '#app/domain/instanties/queries.js';
import { expectAccessible, logIn, startBrowserHarness, type BrowserHarness } from '../support/browser.js';
import { makeWorld, type World } from '../support/fixtures.js';

// A beheerder changes a setting of their instantie with a reason, and sees it in the history
// (src/domain/instanties/commands.ts, decision 024).
let harness: BrowserHarness;
let world: World;
beforeAll(async () => {
  harness = await startBrowserHarness();
  world = await makeWorld(harness.app);
});
afterAll(async () => harness?.close());

describe.each([true, false])('instantie settings (JavaScript %s)', (javaScript) => {
  const checkAccessible = (page: Page) => (javaScript ? expectAccessible(page) : Promise.resolve());
  const days = javaScript ? '45' : '90';
  const reason = javaScript ? 'In de zomer blijven contacten lang stil.' : 'Werkgevers reageren bij ons traag.';

  it('changes the days until a contact expires: an error with the input kept, then saved and in the history', async () => {
    const before = (await getInstantie(harness.app.database.db, 'rotterdam'))!.settings.applicationExpiryDays;
    const page = await harness.newPage({ javaScript });
    await logIn(page, world.beheerder.email, world.beheerder.password);
    await page.goto('/beheer/werkgevers');
    await page.getByRole('link', { name: 'Instellingen: termijnen, inzage per dag en wie zelf kandidaten mag zoeken' }).click();
    await page.getByRole('heading', { level: 1, name: 'Instellingen' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Contacten' }).waitFor();
    const expiry = page.getByLabel('Dagen tot een contact verloopt', { exact: true });
    expect(await expiry.inputValue()).toBe(String(before));
    await checkAccessible(page);

    await expiry.fill('twee maanden');
    await page.getByRole('button', { name: 'Instellingen opslaan' }).click();
    const alert = page.getByRole('alert');
    await alert.getByText('Vul bij "Dagen tot een contact verloopt" een heel getal in van 7 tot en met 365.').waitFor();
    await alert.getByText('Schrijf op waarom de instellingen veranderen.').waitFor();
    expect(await page.title()).toMatch(/^Fout: Instellingen/);
    expect(await expiry.inputValue()).toBe('twee maanden');
    await checkAccessible(page);

    await expiry.fill(days);
    await page.getByLabel('Waarom verander je de instellingen?').fill(reason);
    await page.getByRole('button', { name: 'Instellingen opslaan' }).click();
    await page.getByText('De instellingen zijn opgeslagen. Ze gelden vanaf nu.').waitFor();
    expect(await expiry.inputValue()).toBe(days);
    const newest = page.getByRole('region', { name: 'Wie veranderde wat?' }).getByRole('row').nth(1);
    const row = await newest.textContent();
    expect(row).toContain('Beheerder Rotterdam');
    expect(row).toContain(reason);
    expect(row).toContain(`Dagen tot een contact verloopt: van ${before} naar ${days}`);
    await checkAccessible(page);

    expect((await getInstantie(harness.app.database.db, 'rotterdam'))!.settings.applicationExpiryDays).toBe(Number(days));
  });
});
