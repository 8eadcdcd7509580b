import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateProfileSection } from '#app/domain/candidates/commands.js';
import { builtinOccupations, builtinSkills } from '#app/domain/taxonomy/builtin.js';
import { expectAccessible, logIn, startBrowserHarness, type BrowserHarness } from '../support/browser.js';
import { makeCandidate, makeWorld, type World } from '../support/fixtures.js';

let harness: BrowserHarness;
let world: World;
let candidate: { id: string; email: string; password: string };
const cleaner = builtinOccupations[0]!;
const [skill1, skill2] = builtinSkills;

const mainText = async (page: Page) => (await page.locator('main').textContent()) ?? '';

beforeAll(async () => {
  harness = await startBrowserHarness();
  world = await makeWorld(harness.app);
  const db = harness.app.database.db;
  for (const [title, suitability] of [
    ['Schoonmaker kantoren', []],
    ['Schoonmaker open hiring', ['open_hiring']],
  ] as const) {
    await db
      .insertInto('vacancy')
      .values({
        employer_id: world.employers.preferred.id,
        title,
        postcode: '3011AB',
        hours_per_week: 24,
        contract_type: 'tijdelijk',
        occupation_uri: cleaner.uri,
        required_skills: [skill1!.uri, skill2!.uri],
        suitability: [...suitability],
        status: 'open',
        published_until: '2099-12-31',
      })
      .execute();
  }
  const made = await makeCandidate(harness.app, world.consulent, { withLogin: true });
  await updateProfileSection(db, world.consulent, made.id, 'werk', { hoursPerWeek: 24, days: ['ma'], wishedOccupations: [cleaner.uri] });
  candidate = { id: made.id, email: made.user!.email, password: made.user!.password };
});
afterAll(async () => harness?.close());

describe.each([true, false])('saved searches (JavaScript %s)', (javaScript) => {
  it('a candidate saves the filters of "Vacatures voor jou", opens them again, renames, switches off and deletes', async () => {
    const name = `Open hiring ${javaScript ? 'met' : 'zonder'} JavaScript`;
    const page = await harness.newPage({ javaScript });
    const accessible = async () => {
      if (javaScript) await expectAccessible(page);
    };
    await logIn(page, candidate.email, candidate.password);
    await page.goto('/kandidaat');
    await page.getByRole('link', { name: 'Bekijk welk werk past bij je profiel.' }).click();
    await page.getByRole('heading', { level: 1, name: 'Vacatures voor jou' }).waitFor();
    await page.getByLabel(/Alleen werk met open hiring/).check();
    await Promise.all([page.waitForURL(/openHiring=true/), page.getByRole('button', { name: 'Toon werk' }).click()]);
    await page.getByText('1 vacature past.').waitFor();

    // Without a name: a Dutch error, the list and the choices stay.
    await page.getByRole('button', { name: 'Bewaar zoekopdracht' }).click();
    await page.getByRole('alert').getByText('Geef de zoekopdracht een naam.').waitFor();
    expect(await page.title()).toMatch(/^Fout: /);
    await page.getByText('1 vacature past.').waitFor();
    await accessible();

    await page.getByLabel('Naam van de zoekopdracht').fill(name);
    expect(await page.getByLabel('Stuur elke week een bericht als er nieuw werk is dat past').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Bewaar zoekopdracht' }).click();
    await page.getByRole('heading', { level: 1, name: 'Je zoekopdrachten' }).waitFor();
    await page.getByText('Je zoekopdracht is bewaard.').waitFor();
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name }) });
    expect(await row.textContent()).toContain('alleen open hiring');
    expect(await row.getByRole('cell', { name: 'Aan', exact: true }).count()).toBe(1);
    await accessible();

    // The link opens the ranked list with the saved choices.
    await row.getByRole('link', { name: `Bekijk het werk voor de zoekopdracht ${name}` }).click();
    await page.getByRole('heading', { level: 1, name: 'Vacatures voor jou' }).waitFor();
    await page.getByText('1 vacature past.').waitFor();
    expect(await page.getByLabel(/Alleen werk met open hiring/).isChecked()).toBe(true);

    // Rename and switch the weekly message off.
    await page.getByRole('link', { name: 'Bekijk je bewaarde zoekopdrachten' }).click();
    await page.getByRole('link', { name: `Wijzig voor de zoekopdracht ${name}` }).click();
    await page.getByRole('heading', { level: 1, name: 'Zoekopdracht wijzigen' }).waitFor();
    await accessible();
    await page.getByLabel('Naam van de zoekopdracht').fill(`${name}, stil`);
    await page.getByLabel('Stuur elke week een bericht als er nieuw werk is dat past').uncheck();
    await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await page.getByText('De zoekopdracht is gewijzigd.').waitFor();
    const renamed = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: `${name}, stil` }) });
    expect(await renamed.getByRole('cell', { name: 'Uit', exact: true }).count()).toBe(1);

    // Delete, after a question.
    await page.getByRole('link', { name: `Verwijder voor de zoekopdracht ${name}, stil` }).click();
    await page.getByRole('heading', { level: 1, name: 'Zoekopdracht verwijderen' }).waitFor();
    await accessible();
    await page.getByRole('button', { name: 'Ja, verwijder de zoekopdracht' }).click();
    await page.getByText('De zoekopdracht is verwijderd.').waitFor();
    expect(await mainText(page)).not.toContain(name);
    await accessible();
  });
});

describe('the consultant', () => {
  it("opens a candidate's saved searches from the candidate page and saves one for them", async () => {
    const page = await harness.newPage();
    await logIn(page, world.consulent.email, world.consulent.password);
    await page.goto(`/consulent/kandidaten/${candidate.id}`);
    await page.getByRole('link', { name: 'Vacatures die passen bij deze kandidaat' }).click();
    await page.getByRole('heading', { level: 1, name: 'Vacatures voor deze kandidaat' }).waitFor();
    await page.getByLabel('Naam van de zoekopdracht').fill('Na het gesprek');
    await page.getByRole('button', { name: 'Bewaar zoekopdracht' }).click();
    await page.getByRole('heading', { level: 1, name: 'Zoekopdrachten van deze kandidaat' }).waitFor();
    await page.getByRole('rowheader', { name: 'Na het gesprek' }).waitFor();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Terug naar de kandidaat' }).click();
    await page.getByRole('link', { name: 'Bekijk de bewaarde zoekopdrachten van deze kandidaat' }).waitFor();
    await expectAccessible(page);

    const english = await harness.newPage();
    await logIn(english, candidate.email, candidate.password);
    await english.goto('/kandidaat/zoekopdrachten?taal=en');
    await english.getByRole('heading', { level: 1, name: 'Your searches' }).waitFor();
    await english.getByRole('rowheader', { name: 'Na het gesprek' }).waitFor();
    await expectAccessible(english);
  });
});
