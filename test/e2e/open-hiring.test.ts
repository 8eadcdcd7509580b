import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, logIn, startBrowserHarness, type BrowserHarness } from '../support/browser.js';
import { makeCandidate, makeVacancy, makeWorld, type World } from '../support/fixtures.js';

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

describe.each([{ javaScript: true }, { javaScript: false }])('open hiring (JavaScript $javaScript)', ({ javaScript }) => {
  it('a candidate reads the requirements and joins; the employer takes the next and lands on the contact', async () => {
    const title = `Orderpicker open hiring ${javaScript ? 'met' : 'zonder'} JavaScript`;
    const vacancyId = await makeVacancy(harness.app, world.employers.preferred.id, {
      title,
      description: 'Je pakt bestellingen in het magazijn.',
      suitability: ['open_hiring'],
      physical_requirements: 'Je staat en loopt de hele dag.\n\nJe tilt kratten tot 15 kilo.',
    });
    const made = await makeCandidate(harness.app, world.consulent, { withLogin: true });
    const candidateUser = made.user!;

    // The candidate finds the vacancy and reads what the work asks of the body.
    const candidate = await harness.newPage({ javaScript });
    await logIn(candidate, candidateUser.email, candidateUser.password);
    await candidate.goto(`/vacatures/${vacancyId}`);
    await candidate.getByRole('heading', { level: 2, name: 'Wat het werk van je lichaam vraagt' }).waitFor();
    expect(await candidate.locator('main').innerText()).toContain('Je tilt kratten tot 15 kilo.');
    await check(candidate, javaScript);
    await candidate.getByRole('link', { name: 'Naar de wachtlijst' }).click();
    await candidate.getByRole('heading', { level: 1, name: `Wachtlijst: ${title}` }).waitFor();
    await check(candidate, javaScript);

    // Without the tick: a clear Dutch error, and nothing happens.
    await submit(candidate, 'Zet mij op de wachtlijst');
    expect(await candidate.title()).toMatch(/^Fout: /);
    const error = 'Lees wat het werk van je lichaam vraagt. Zet dan een vinkje als je dit werk kunt doen.';
    expect(await candidate.getByRole('alert').innerText()).toContain(error);
    await check(candidate, javaScript);

    // With the tick: on the list, at place 1.
    await candidate.getByRole('alert').getByRole('link', { name: error }).click();
    await candidate.getByLabel('Ik heb gelezen wat het werk van mijn lichaam vraagt. Ik kan dit werk doen.').check();
    await submit(candidate, 'Zet mij op de wachtlijst');
    await candidate.getByText('Je staat op de wachtlijst.', { exact: true }).waitFor();
    await candidate.getByRole('heading', { name: 'Je staat op plaats 1' }).waitFor();
    await check(candidate, javaScript);
    await candidate.getByRole('link', { name: 'Al mijn wachtlijsten' }).click();
    await candidate.getByRole('heading', { level: 1, name: 'Mijn wachtlijsten' }).waitFor();
    const row = candidate.getByRole('row', { name: new RegExp(title) });
    expect(await row.innerText()).toContain('Plaats 1');
    await check(candidate, javaScript);

    // The employer sees the list from the vacancy and takes the next in line.
    const employer = await harness.newPage({ javaScript });
    const { user } = world.employers.preferred;
    await logIn(employer, user.email, user.password);
    await employer.goto(`/werkgever/vacatures/${vacancyId}`);
    await employer.getByRole('link', { name: 'Bekijk de wachtlijst (open hiring)' }).click();
    await employer.getByRole('heading', { level: 1, name: `Wachtlijst: ${title}` }).waitFor();
    expect(await employer.locator('dl').first().innerText()).toMatch(/Op de wachtlijst\s+1/);
    expect(await employer.getByRole('table', { name: 'De eersten op de wachtlijst, in volgorde' }).innerText()).toContain('1');
    await check(employer, javaScript);
    await submit(employer, 'Neem de volgende');
    const application = await harness.app.database.db
      .selectFrom('application')
      .select(['id', 'candidate_id', 'started_by'])
      .where('vacancy_id', '=', vacancyId)
      .executeTakeFirstOrThrow();
    expect(application).toMatchObject({ candidate_id: made.id, started_by: 'waiting_list' });
    expect(new URL(employer.url()).pathname).toBe(`/werkgever/contacten/${application.id}`);
    expect(await employer.getByRole('heading', { name: 'Deze pagina bestaat niet' }).count()).toBe(0);

    // The candidate's turn came: the page says so and links to the contact.
    await candidate.goto(`/vacatures/${vacancyId}/wachtlijst`);
    await candidate.getByText('Je was aan de beurt bij deze vacature.').waitFor();
    await candidate.getByRole('link', { name: 'Bekijk het contact' }).waitFor();
    await check(candidate, javaScript);
    // And the list page counts the hire.
    await employer.goto(`/werkgever/vacatures/${vacancyId}/wachtlijst`);
    expect(await employer.locator('dl').first().innerText()).toMatch(/Door u genomen\s+1/);
    await employer.getByText('Er staat nu niemand op de wachtlijst.').waitFor();
    await check(employer, javaScript);
  });
});
