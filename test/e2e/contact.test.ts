import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateProfileSection } from '#app/domain/candidates/commands.js';
import { builtinOccupations } from '#app/domain/taxonomy/builtin.js';
import { expectAccessible, logIn, startBrowserHarness, type BrowserHarness } from '../support/browser.js';
import { makeCandidate, makeVacancy, makeWorld, type World } from '../support/fixtures.js';

let harness: BrowserHarness;
let world: World;
const cleaner = builtinOccupations[0]!;

const mainText = async (page: Page) => (await page.locator('main').textContent()) ?? '';

beforeAll(async () => {
  harness = await startBrowserHarness();
  world = await makeWorld(harness.app);
});
afterAll(async () => harness?.close());

/** A candidate who can log in, anonymous in the pool, who wants to clean; and their name and pseudonym. */
async function candidate() {
  const db = harness.app.database.db;
  const made = await makeCandidate(harness.app, world.consulent, { withLogin: true });
  await updateProfileSection(db, world.consulent, made.id, 'werk', { hoursPerWeek: 24, days: ['ma'], wishedOccupations: [cleaner.uri] });
  const row = await db.selectFrom('candidate').select(['first_name', 'last_name']).where('id', '=', made.id).executeTakeFirstOrThrow();
  return { id: made.id, email: made.user!.email, password: made.user!.password, name: `${row.first_name} ${row.last_name}` };
}

describe.each([true, false])('contact between candidate and employer (JavaScript %s)', (javaScript) => {
  const open = async () => harness.newPage({ javaScript });
  const accessible = async (page: Page) => {
    if (javaScript) await expectAccessible(page);
  };

  it('a candidate shows interest, the employer says yes and writes, and the candidate answers', async () => {
    const me = await candidate();
    const title = `Hovenier in het park (${javaScript ? 'met' : 'zonder'} JavaScript)`;
    const vacancyId = await makeVacancy(harness.app, world.employers.preferred.id, { title, occupation_uri: cleaner.uri });

    const candidatePage = await open();
    await logIn(candidatePage, me.email, me.password);
    await candidatePage.goto(`/vacatures/${vacancyId}`);
    await candidatePage.getByRole('heading', { level: 2, name: 'Ik heb interesse' }).waitFor();
    expect(await mainText(candidatePage)).toContain('De werkgever ziet dan je naam en je profiel.');
    await accessible(candidatePage);
    await candidatePage.getByLabel(/Bericht aan de werkgever/).fill('Ik werk graag buiten.');
    await candidatePage.getByRole('button', { name: 'Ik heb interesse' }).click();
    await candidatePage.getByRole('heading', { level: 1, name: `Contact over ${title}` }).waitFor();
    await candidatePage.getByText('Je interesse is verstuurd.').waitFor();
    await accessible(candidatePage);
    const contactUrl = candidatePage.url();

    const employerPage = await open();
    await logIn(employerPage, world.employers.preferred.user.email, world.employers.preferred.user.password);
    await employerPage.goto('/werkgever/contacten');
    await employerPage.getByRole('heading', { level: 1, name: 'Contacten met kandidaten' }).waitFor();
    await accessible(employerPage);
    await employerPage.getByRole('link', { name: me.name }).first().click();
    await employerPage.getByRole('heading', { level: 1, name: `Contact met ${me.name}` }).waitFor();
    expect(await mainText(employerPage)).toContain('Ik werk graag buiten.');
    await accessible(employerPage);
    await employerPage.getByRole('button', { name: 'Ja, ik wil praten' }).click();
    await employerPage.getByText('U hebt gezegd dat u wilt praten.').waitFor();

    // An empty message: a Dutch error, nothing sent.
    await employerPage.getByRole('button', { name: 'Verstuur bericht' }).click();
    await employerPage.getByRole('alert').getByText('Schrijf een bericht.').waitFor();
    expect(await employerPage.title()).toMatch(/^Fout: /);
    await accessible(employerPage);
    await employerPage.getByLabel('Uw bericht').fill('Komt u dinsdag om 10 uur langs?');
    await employerPage.getByRole('button', { name: 'Verstuur bericht' }).click();
    await employerPage.getByText('Uw bericht is verstuurd.').waitFor();

    await candidatePage.goto(contactUrl);
    await candidatePage.getByText('Jullie zijn met elkaar in gesprek.').waitFor();
    expect(await mainText(candidatePage)).toContain('Komt u dinsdag om 10 uur langs?');
    await candidatePage.getByLabel('Je bericht').fill('Ja, dat kan. Tot dinsdag!');
    await candidatePage.getByRole('button', { name: 'Verstuur bericht' }).click();
    await candidatePage.getByText('Je bericht is verstuurd.').waitFor();
    await accessible(candidatePage);

    await employerPage.reload();
    await employerPage.getByText('Ja, dat kan. Tot dinsdag!').waitFor();
    await employerPage.getByRole('link', { name: 'Plaatsing vastleggen' }).waitFor();
  });

  it('an employer invites a candidate from the ranked list, and the candidate accepts', async () => {
    const me = await candidate();
    const title = `Schoonmaker kantoren (${javaScript ? 'met' : 'zonder'} JavaScript)`;
    const vacancyId = await makeVacancy(harness.app, world.employers.preferred.id, { title, occupation_uri: cleaner.uri });

    const employerPage = await open();
    await logIn(employerPage, world.employers.preferred.user.email, world.employers.preferred.user.password);
    await employerPage.goto(`/werkgever/vacatures/${vacancyId}/kandidaten`);
    await employerPage.locator(`a[href="/werkgever/vacatures/${vacancyId}/uitnodigen/${me.id}"]`).click();
    await employerPage.getByRole('heading', { level: 1, name: 'Kandidaat uitnodigen' }).waitFor();
    expect(await mainText(employerPage)).not.toContain(me.name);
    await accessible(employerPage);
    await employerPage.getByRole('button', { name: 'Verstuur uitnodiging' }).click();
    await employerPage.getByRole('alert').getByText('Schrijf een bericht.').waitFor();
    await accessible(employerPage);
    await employerPage.getByLabel('Uw bericht aan de kandidaat').fill('Wilt u komen kennismaken?');
    await employerPage.getByRole('button', { name: 'Verstuur uitnodiging' }).click();
    await employerPage.getByText('Uw uitnodiging is verstuurd.').waitFor();
    expect(await mainText(employerPage)).toContain('U ziet de naam van de kandidaat zodra de kandidaat ja zegt op uw uitnodiging.');
    expect(await mainText(employerPage)).not.toContain(me.name);
    await accessible(employerPage);
    const contactUrl = employerPage.url().split('?')[0]!;

    const candidatePage = await open();
    await logIn(candidatePage, me.email, me.password);
    await candidatePage.goto('/kandidaat/contacten');
    await candidatePage.getByRole('heading', { level: 1, name: 'Je contacten' }).waitFor();
    await accessible(candidatePage);
    await candidatePage.getByRole('link', { name: title }).click();
    await candidatePage.getByRole('heading', { level: 2, name: 'Je bent uitgenodigd' }).waitFor();
    expect(await mainText(candidatePage)).toContain('Wilt u komen kennismaken?');
    await accessible(candidatePage);
    await candidatePage.getByLabel('Ja, ik wil praten').check();
    await candidatePage.getByRole('button', { name: 'Verstuur je antwoord' }).click();
    await candidatePage.getByText('Je hebt ja gezegd.').waitFor();
    await candidatePage.getByLabel('Je bericht').waitFor();
    await accessible(candidatePage);

    await employerPage.goto(contactUrl);
    await employerPage.getByRole('heading', { level: 1, name: `Contact met ${me.name}` }).waitFor();
    expect(await mainText(employerPage)).toContain('U bent in gesprek met de kandidaat.');
  });
});
