import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importEsco } from '#app/domain/taxonomy/import-esco.js';
import { expectAccessible, logIn, startBrowserHarness, type BrowserHarness } from '../support/browser.js';
import { makeCandidate, makeWorld, type World } from '../support/fixtures.js';
import { escoFixtureFolder } from '../support/esco-fixtures.js';

let harness: BrowserHarness;
let world: World;
beforeAll(async () => {
  harness = await startBrowserHarness();
  world = await makeWorld(harness.app);
  // "inspiciënt" exists only in the imported ESCO fixtures, not in the built-in list.
  await importEsco(harness.app.database.db, escoFixtureFolder());
});
afterAll(async () => harness?.close());

const wishedOccupations = async (id: string) =>
  (await harness.app.database.db.selectFrom('candidate').select('wished_occupations').where('id', '=', id).executeTakeFirstOrThrow())
    .wished_occupations;

describe('choosing an occupation from the whole taxonomy', () => {
  it('with JavaScript: suggestions appear while typing, are announced, and are chosen with the keyboard', async () => {
    const { id, user } = await makeCandidate(harness.app, world.consulent, { withLogin: true });
    const page = await harness.newPage({ javaScript: true });
    await logIn(page, user!.email, user!.password);
    await page.goto('/kandidaat/profiel/werk');
    const search = page.getByLabel('Zoek een beroep');
    await search.pressSequentially('inspicint', { delay: 20 });
    const suggestion = page.getByRole('checkbox', { name: 'inspiciënt' });
    await suggestion.waitFor();
    expect(await page.locator('[data-concept-status]').innerText()).toBe(
      '1 suggestie bij "inspicint". Ga met Tab naar de suggestie en vink die aan als die past.',
    );
    // Still on the same page: no form was posted.
    expect(new URL(page.url()).hash).toBe('');
    await expectAccessible(page);
    await search.press('ArrowDown');
    expect(await suggestion.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press('Space');
    expect(await suggestion.isChecked()).toBe(true);
    // A new search keeps what was ticked and replaces the rest.
    await search.fill('');
    await search.pressSequentially('schonmaker', { delay: 20 });
    await page.getByRole('checkbox', { name: 'schoonmaker gebouwen' }).waitFor();
    expect(await suggestion.isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Je gegevens zijn opgeslagen.').waitFor();
    expect(await page.locator('main').innerText()).toContain('inspiciënt');
    expect(await wishedOccupations(id)).toEqual(['http://data.europa.eu/esco/occupation/00030d09-2b3a-4efd-87cc-c4ea39d27c34']);
  });

  it('without JavaScript: the Zoeken button shows the same matches and nothing is saved until Opslaan', async () => {
    const { id, user } = await makeCandidate(harness.app, world.consulent, { withLogin: true });
    const page = await harness.newPage({ javaScript: false });
    await logIn(page, user!.email, user!.password);
    await page.goto('/kandidaat/profiel/werk');
    await page.getByLabel('Zoek een beroep').fill('inspicint');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.getByRole('checkbox', { name: 'inspiciënt' }).check();
    expect(await wishedOccupations(id)).toEqual([]);
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Je gegevens zijn opgeslagen.').waitFor();
    expect(await wishedOccupations(id)).toHaveLength(1);
  });
});
