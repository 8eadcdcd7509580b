import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, logIn, startBrowserHarness, type BrowserHarness } from '../support/browser.js';
import { makeCandidate, makeUser, makeWorld, type World } from '../support/fixtures.js';

// No scraping (docs/decisions/013-no-scraping.md): an employer user meets the daily limit on
// profiles, and the beheerder sees the flag and handles it.
let harness: BrowserHarness;
let world: World;
let candidates: string[];
beforeAll(async () => {
  harness = await startBrowserHarness();
  world = await makeWorld(harness.app);
  await harness.app.database.db
    .updateTable('instantie')
    .set({ settings: JSON.stringify({ dailyProfileViews: { preferred: 3, committed: 3, business_as_usual: 3 }, flagAtFraction: 0.5 }) })
    .where('id', '=', 'rotterdam')
    .execute();
  candidates = [];
  for (let i = 0; i < 4; i++) candidates.push((await makeCandidate(harness.app, world.consulent)).id);
});
afterAll(async () => harness?.close());

describe.each([true, false])('no scraping (JavaScript %s)', (javaScript) => {
  const run = javaScript ? 'js' : 'html';
  const checkAccessible = (page: Page) => (javaScript ? expectAccessible(page) : Promise.resolve());

  it('stops an employer at the daily limit, and the beheerder handles the flag', async () => {
    const name = `Eva Veelkijker ${run}`;
    const employer = await makeUser(harness.app, name, [{ role: 'werkgever', employerId: world.employers.committed.id }]);
    const page = await harness.newPage({ javaScript });
    await logIn(page, employer.email, employer.password);
    for (const id of candidates.slice(0, 3)) {
      const response = await page.goto(`/kandidaten/${id}`);
      expect(response?.status()).toBe(200);
      await page.getByRole('heading', { level: 1, name: /^Profiel van Kandidaat / }).waitFor();
    }
    const refused = await page.goto(`/kandidaten/${candidates[3]}`);
    expect(refused?.status()).toBe(429);
    await page.getByRole('heading', { level: 1, name: 'Maximum voor vandaag bereikt' }).waitFor();
    await page.getByText('Je hebt vandaag het maximum aantal profielen bekeken.').waitFor();
    await checkAccessible(page);

    const beheer = await harness.newPage({ javaScript });
    await logIn(beheer, world.beheerder.email, world.beheerder.password);
    await beheer.goto('/beheer/werkgevers');
    await beheer.getByRole('link', { name: 'Opvallend gebruik: werkgevers die veel profielen bekijken' }).click();
    await beheer.getByRole('heading', { level: 1, name: 'Opvallend gebruik' }).waitFor();
    const today = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'Europe/Amsterdam' }).format(new Date());
    const row = beheer.getByRole('row').filter({ hasText: name });
    expect(await row.getByRole('cell').allTextContents()).toEqual(expect.arrayContaining([name, '3', '3']));
    await checkAccessible(beheer);

    await row.getByRole('button', { name: `Afgehandeld (melding over ${name} op ${today})` }).click();
    await beheer.getByText('De melding is afgehandeld.').waitFor();
    const handled = beheer.locator('section[aria-labelledby="afgehandeld"]').getByRole('row').filter({ hasText: name });
    expect(await handled.count()).toBe(1);
    expect(await handled.getByRole('cell').allTextContents()).toContain('Beheerder Rotterdam');
    await checkAccessible(beheer);
  });
});
