import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { weightsHistory } from '#app/domain/matching/weights.js';
import { expectAccessible, logIn, startBrowserHarness, type BrowserHarness } from '../support/browser.js';
import { makeWorld, type World } from '../support/fixtures.js';

// A beheerder sets the match weights of their instantie: a new version, with a reason, in force
// for every list from then on (src/domain/matching/weights.ts).
let harness: BrowserHarness;
let world: World;
beforeAll(async () => {
  harness = await startBrowserHarness();
  world = await makeWorld(harness.app);
});
afterAll(async () => harness?.close());

describe.each([true, false])('match weights (JavaScript %s)', (javaScript) => {
  const checkAccessible = (page: Page) => (javaScript ? expectAccessible(page) : Promise.resolve());
  const distance = javaScript ? '35' : '40';
  const reason = javaScript ? 'Veel kandidaten hebben geen auto.' : 'Afstand telt nog iets zwaarder.';

  it('changes the weights: errors with the input kept, then a new version in force and in the history', async () => {
    const expectedVersion = (await weightsHistory(harness.app.database.db, 'rotterdam'))[0]!.version + 1;
    const page = await harness.newPage({ javaScript });
    await logIn(page, world.beheerder.email, world.beheerder.password);
    await page.goto('/beheer/werkgevers');
    await page.getByRole('link', { name: 'Gewichten van de matching: hoe zwaar elk deel van de score telt' }).click();
    await page.getByRole('heading', { level: 1, name: 'Gewichten van de matching' }).waitFor();
    await page.getByText('Hulp op het werk: 0.').waitFor();
    expect(await page.getByRole('textbox', { name: 'Hulp op het werk' }).count()).toBe(0);
    await checkAccessible(page);

    await page.getByLabel('Afstand', { exact: true }).fill('veel');
    await page.getByRole('button', { name: 'Nieuwe versie opslaan' }).click();
    const alert = page.getByRole('alert');
    await alert.getByText('Vul bij "Afstand" een heel getal in van 0 tot en met 100.').waitFor();
    await alert.getByText('Schrijf op waarom de gewichten veranderen.').waitFor();
    expect(await page.getByLabel('Afstand', { exact: true }).inputValue()).toBe('veel');
    expect(await page.title()).toMatch(/^Fout: Gewichten van de matching/);
    await checkAccessible(page);

    await page.getByLabel('Afstand', { exact: true }).fill(distance);
    await page.getByLabel('Waarom verander je de gewichten?').fill(reason);
    await page.getByRole('button', { name: 'Nieuwe versie opslaan' }).click();
    await page.getByText(`Versie ${expectedVersion} is opgeslagen. Vanaf nu gebruikt elke lijst met scores deze gewichten.`).waitFor();
    const inForce = page.getByRole('region', { name: 'Nu in gebruik' });
    const inForceText = await inForce.textContent();
    expect(inForceText).toContain(`rotterdam-v${expectedVersion}`);
    expect(inForceText).toContain(`Afstand ${distance}`);
    expect(inForceText).toContain('Beheerder Rotterdam');
    expect(inForceText).toContain(reason);
    expect(await page.getByLabel('Afstand', { exact: true }).inputValue()).toBe(distance);
    const newest = page.getByRole('region', { name: 'Alle versies' }).getByRole('row').nth(1);
    expect(await newest.getByRole('rowheader').textContent()).toBe(String(expectedVersion));
    expect(await newest.textContent()).toContain(reason);
    await checkAccessible(page);
  });
});
