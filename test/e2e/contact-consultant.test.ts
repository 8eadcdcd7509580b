import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inviteCandidate } from '#app/domain/applications/commands.js';
import { updateProfileSection } from '#app/domain/candidates/commands.js';
import { builtinOccupations } from '#app/domain/taxonomy/builtin.js';
import { okValue } from '../support/applications.js';
import { expectAccessible, logIn, startBrowserHarness, type BrowserHarness } from '../support/browser.js';
import { makeCandidate, makeVacancy, makeWorld, type World } from '../support/fixtures.js';

let harness: BrowserHarness;
let world: World;
beforeAll(async () => {
  harness = await startBrowserHarness();
  world = await makeWorld(harness.app);
});
afterAll(async () => harness?.close());

const db = () => harness.app.database.db;
const lastNameOf = async (id: string) =>
  (await db().selectFrom('candidate').select('last_name').where('id', '=', id).executeTakeFirstOrThrow()).last_name!;
const titleOf = async (id: string) =>
  (await db().selectFrom('vacancy').select('title').where('id', '=', id).executeTakeFirstOrThrow()).title;

describe.each([true, false])('a consultant handles contacts (JavaScript %s)', (javaScript) => {
  it('forwards an invitation for a guided candidate, who then sees it, and proposes a candidate', async () => {
    const check = async (p: Page) => {
      if (javaScript) await expectAccessible(p);
    };
    const employer = world.employers.preferred;

    // An employer invites a candidate with regie 'begeleid': the invitation goes to the consultant first.
    const guided = await makeCandidate(harness.app, world.consulent, { withLogin: true });
    await db().updateTable('candidate').set({ regie_level: 'begeleid' }).where('id', '=', guided.id).execute();
    const invited = await makeVacancy(harness.app, employer.id);
    const invitedTitle = await titleOf(invited);
    okValue(await inviteCandidate(db(), employer.user, invited, guided.id, { message: 'Wilt u kennismaken met ons groenteam?' }));
    const guidedName = await lastNameOf(guided.id);

    const page = await harness.newPage({ javaScript });
    await logIn(page, world.consulent.email, world.consulent.password);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Contacten' }).click();
    await page.getByRole('heading', { level: 1, name: 'Contacten' }).waitFor();
    const toDo = page.getByRole('region', { name: 'Te doen' });
    expect(await toDo.getByRole('table').textContent()).toContain('Uitnodiging ligt bij jou');
    await check(page);

    // The contact: the employer's words and the history; declining needs a reason.
    await toDo.getByRole('link', { name: new RegExp(guidedName) }).click();
    await page.getByRole('heading', { level: 1, name: `Contact over ${invitedTitle}` }).waitFor();
    await page.getByText('Wilt u kennismaken met ons groenteam?').waitFor();
    await check(page);
    await page.getByRole('button', { name: 'Afzeggen' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('Schrijf in een paar woorden waarom');
    expect(await page.title()).toMatch(/^Fout: /);
    await check(page);

    // Forward it instead: now it is with the candidate.
    await page.getByRole('button', { name: 'Doorsturen naar de kandidaat' }).click();
    await page.getByText('De uitnodiging is doorgestuurd.').waitFor();
    expect(await page.getByRole('region', { name: 'Gegevens' }).textContent()).toContain('Uitnodiging ligt bij de kandidaat');
    await check(page);

    // The candidate sees the invitation among their contacts.
    const candidatePage = await harness.newPage({ javaScript });
    await logIn(candidatePage, guided.user!.email, guided.user!.password);
    await candidatePage.goto('/kandidaat/contacten');
    await candidatePage.getByText(invitedTitle).first().waitFor();

    // Proposing a candidate: from the candidate's page to a vacancy that fits, then the form.
    const own = await makeCandidate(harness.app, world.consulent);
    const occupation = builtinOccupations[0]!.uri;
    await updateProfileSection(db(), world.consulent, own.id, 'werk', { hoursPerWeek: 24, days: ['ma'], wishedOccupations: [occupation] });
    const fitting = await makeVacancy(harness.app, employer.id, { occupation_uri: occupation });
    const fittingTitle = await titleOf(fitting);
    await page.goto(`/consulent/kandidaten/${own.id}`);
    await page
      .getByRole('region', { name: 'Contacten' })
      .getByRole('link', { name: 'Kies een vacature om de kandidaat voor te stellen' })
      .click();
    await page.getByRole('link', { name: new RegExp(`^Voorstellen\\W+${fittingTitle}$`) }).click();
    await page.getByRole('heading', { level: 1, name: 'Kandidaat voorstellen' }).waitFor();
    await check(page);
    await page.getByLabel('Bericht aan de werkgever').fill('Zij werkt graag buiten en is altijd op tijd.');
    await page.getByRole('button', { name: 'Voorstellen' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('Vraag eerst of de kandidaat dit goed vindt.');
    expect(await page.getByLabel('Bericht aan de werkgever').inputValue()).toBe('Zij werkt graag buiten en is altijd op tijd.');
    await check(page);
    await page.getByLabel('De kandidaat weet ervan en vindt het goed').check();
    await page.getByRole('button', { name: 'Voorstellen' }).click();
    await page.getByText('Je voorstel is verstuurd.').waitFor();
    await page.getByRole('heading', { level: 1, name: `Contact over ${fittingTitle}` }).waitFor();
    expect(await page.getByRole('region', { name: 'Gegevens' }).textContent()).toContain('Voorgesteld: wacht op de werkgever');
    await check(page);
  });
});
