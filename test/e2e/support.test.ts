import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { budgetYear } from '#app/domain/support/rules.js';
import { expectAccessible, logIn, startBrowserHarness, type BrowserHarness } from '../support/browser.js';
import { makeWorld, type World } from '../support/fixtures.js';
import { makePlacement } from '../support/support-placements.js';

// Support on call (docs/decisions/022-support-on-call.md): the beheerder sets budgets; a preferred
// partner's request that fits is approved at once; a committed partner's request waits for the
// consultant, who approves it.
let harness: BrowserHarness;
let world: World;
beforeAll(async () => {
  harness = await startBrowserHarness();
  world = await makeWorld(harness.app);
});
afterAll(async () => harness?.close());

const year = budgetYear();

describe.each([true, false])('support on call (JavaScript %s)', (javaScript) => {
  const checkAccessible = (page: Page) => (javaScript ? expectAccessible(page) : Promise.resolve());
  const jobcoachBudget = javaScript ? '20000' : '30000';

  it('the beheerder sets a budget; a preferred partner’s jobcoach request is approved at once', async () => {
    const beheerder = await harness.newPage({ javaScript });
    await logIn(beheerder, world.beheerder.email, world.beheerder.password);
    await beheerder.goto('/beheer/budgetten');
    await beheerder.getByRole('heading', { level: 1, name: 'Budgetten voor ondersteuning' }).waitFor();
    await checkAccessible(beheerder);
    await beheerder.getByRole('textbox', { name: /^Jobcoach/ }).fill('veel');
    await beheerder.getByRole('button', { name: 'Budgetten opslaan' }).click();
    await beheerder.getByRole('alert').getByText("Vul het budget in hele euro's in, zonder komma.", { exact: false }).waitFor();
    expect(await beheerder.getByRole('textbox', { name: /^Jobcoach/ }).inputValue()).toBe('veel');
    await checkAccessible(beheerder);
    await beheerder.getByRole('textbox', { name: /^Jobcoach/ }).fill(jobcoachBudget);
    await beheerder.getByRole('textbox', { name: /^Werkplekaanpassing/ }).fill('5.000');
    await beheerder.getByRole('button', { name: 'Budgetten opslaan' }).click();
    await beheerder.getByText(`De budgetten voor ${year} zijn opgeslagen.`).waitFor();
    const overview = beheerder.getByRole('region', { name: `Overzicht ${year}` });
    const jobcoachRow = overview.getByRole('row', { name: /^Jobcoach/ });
    expect((await jobcoachRow.textContent())?.replace(/\s+/g, ' ')).toContain(`€ ${Number(jobcoachBudget).toLocaleString('nl-NL')}`);
    await checkAccessible(beheerder);

    const placement = await makePlacement(harness.app, world, 'preferred', { hoursPerWeek: 4 });
    const employer = await harness.newPage({ javaScript });
    await logIn(employer, world.employers.preferred.user.email, world.employers.preferred.user.password);
    await employer.goto(`/werkgever/plaatsingen/${placement.id}/ondersteuning`);
    await employer.getByRole('heading', { level: 1, name: 'Ondersteuning aanvragen' }).waitFor();
    await employer.getByText('Dat heet de loonwaarde', { exact: false }).waitFor();
    await checkAccessible(employer);
    await employer.getByRole('button', { name: 'Aanvraag versturen' }).click();
    await employer.getByRole('alert').getByText('Kies de soort ondersteuning.').waitFor();
    expect(await employer.title()).toMatch(/^Fout: Ondersteuning aanvragen/);
    await checkAccessible(employer);
    await employer.getByRole('radio', { name: 'Jobcoach', exact: true }).check();
    await employer.getByLabel('Aantal uren jobcoach').fill('12');
    await employer.getByLabel('Uitleg').fill('Hulp bij het inwerken in de eerste weken.');
    await employer.getByRole('button', { name: 'Aanvraag versturen' }).click();
    await employer.getByText('Uw aanvraag is goedgekeurd. Het bedrag past in het budget van de instantie.').waitFor();
    const row = employer.getByRole('region', { name: 'Aanvragen bij deze plaatsing' }).getByRole('row', { name: /^Jobcoach/ });
    expect(await row.textContent()).toContain('Meteen goedgekeurd binnen het budget');
    expect(await row.textContent()).toContain('12 uur');
    await checkAccessible(employer);
  });

  it('a committed partner’s request waits; the consultant approves it and the employer sees it', async () => {
    const placement = await makePlacement(harness.app, world, 'committed', { hoursPerWeek: 4 });
    const employer = await harness.newPage({ javaScript });
    await logIn(employer, world.employers.committed.user.email, world.employers.committed.user.password);
    const supportPath = `/werkgever/plaatsingen/${placement.id}/ondersteuning`;
    await employer.goto(supportPath);
    await employer.getByRole('radio', { name: 'Werkplekaanpassing', exact: true }).check();
    await employer.getByLabel('Bedrag in euro’s').fill('1.200');
    await employer.getByLabel('Uitleg').fill('Een tafel die in hoogte verstelbaar is.');
    await employer.getByRole('button', { name: 'Aanvraag versturen' }).click();
    await employer.getByText('Uw aanvraag is verstuurd. De instantie beslist uiterlijk op', { exact: false }).waitFor();
    await checkAccessible(employer);

    const consultant = await harness.newPage({ javaScript });
    await logIn(consultant, world.consulent.email, world.consulent.password);
    await consultant.goto('/consulent/ondersteuning');
    await consultant.getByRole('heading', { level: 1, name: 'Ondersteuning' }).waitFor();
    await checkAccessible(consultant);
    await consultant
      .getByRole('region', { name: 'Wacht op een besluit' })
      .getByRole('row', { name: new RegExp(placement.vacancyTitle) })
      .getByRole('link', { name: 'Werkplekaanpassing voor Werkgever committed' })
      .click();
    await consultant.getByRole('heading', { level: 1, name: 'Werkplekaanpassing voor Werkgever committed' }).waitFor();
    await consultant.getByText('Het bedrag past in het budget.', { exact: false }).waitFor();
    await checkAccessible(consultant);
    await consultant.getByRole('radio', { name: 'Afwijzen' }).check();
    await consultant.getByRole('button', { name: 'Besluit opslaan' }).click();
    await consultant.getByRole('alert').getByText('Schrijf in een paar woorden waarom', { exact: false }).waitFor();
    await checkAccessible(consultant);
    await consultant.getByRole('radio', { name: 'Goedkeuren', exact: true }).check();
    await consultant.getByRole('button', { name: 'Besluit opslaan' }).click();
    await consultant.getByText('Je besluit is opgeslagen. De werkgever krijgt bericht.').waitFor();
    await consultant.getByRole('region', { name: 'Uitgaven' }).waitFor();
    await checkAccessible(consultant);

    await employer.goto(supportPath);
    const row = employer.getByRole('region', { name: 'Aanvragen bij deze plaatsing' }).getByRole('row', { name: /^Werkplekaanpassing/ });
    expect(await row.textContent()).toContain('Goedgekeurd');
    await employer.goto('/berichten');
    await employer.getByText('Uw aanvraag voor een werkplekaanpassing is goedgekeurd').first().waitFor();
    await checkAccessible(employer);
  });
});
