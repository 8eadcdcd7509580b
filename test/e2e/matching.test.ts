import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateProfileSection } from '#app/domain/candidates/commands.js';
import { builtinOccupations, builtinSkills } from '#app/domain/taxonomy/builtin.js';
import { expectAccessible, logIn, startBrowserHarness, type BrowserHarness } from '../support/browser.js';
import { makeCandidate, makeWorld, type World } from '../support/fixtures.js';

let harness: BrowserHarness;
let world: World;
let candidate: { email: string; password: string };
let pseudonym: string;
const cleaner = builtinOccupations[0]!;
const [skill1, skill2] = builtinSkills;
const vacancies: Record<string, string> = {};

beforeAll(async () => {
  harness = await startBrowserHarness();
  world = await makeWorld(harness.app);
  const db = harness.app.database.db;
  await db
    .insertInto('postcode_area')
    .values([
      { pc4: '3011', latitude: 51.9225, longitude: 4.4792, place: 'Rotterdam', municipality: 'Rotterdam' },
      { pc4: '3012', latitude: 51.9217, longitude: 4.4731, place: 'Rotterdam', municipality: 'Rotterdam' },
    ])
    .onConflict((oc) => oc.column('pc4').doNothing())
    .execute();
  const insert = async (title: string, suitability: string[]) =>
    (
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
          suitability,
          status: 'open',
          published_until: '2099-12-31',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  vacancies.offices = await insert('Schoonmaker kantoren', []);
  vacancies.open = await insert('Schoonmaker open hiring', ['open_hiring']);
  const made = await makeCandidate(harness.app, world.consulent, { withLogin: true });
  await updateProfileSection(db, world.consulent, made.id, 'werk', { hoursPerWeek: 24, days: ['ma'], wishedOccupations: [cleaner.uri] });
  await updateProfileSection(db, world.consulent, made.id, 'ervaring', {
    skills: [skill1!.uri],
    educationLevel: 'vmbo',
    workExperience: [],
  });
  candidate = made.user!;
  pseudonym = (await db.selectFrom('candidate').select('pseudonym').where('id', '=', made.id).executeTakeFirstOrThrow()).pseudonym;
});
afterAll(async () => harness?.close());

describe.each([true, false])('ranked lists (JavaScript %s)', (javaScript) => {
  it('a candidate opens "Vacatures voor jou", reads why, filters and opens a vacancy', async () => {
    const page = await harness.newPage({ javaScript });
    await logIn(page, candidate.email, candidate.password);
    await page.goto('/kandidaat');
    await page.getByRole('link', { name: 'Bekijk welk werk past bij je profiel.' }).click();
    await page.getByRole('heading', { level: 1, name: 'Vacatures voor jou' }).waitFor();
    await page.getByText('2 vacatures passen.').waitFor();
    await page.getByRole('link', { name: 'Lees hoe het matchen werkt' }).waitFor();

    const first = page.getByRole('article').first();
    await first.locator('summary').click();
    await first.getByText('Dit werk hoort bij het beroep schoonmaker gebouwen. Dat beroep zoek je.').waitFor();
    if (javaScript) await expectAccessible(page);

    await page.getByLabel(/Alleen werk met open hiring/).check();
    await Promise.all([page.waitForURL(/openHiring=true/), page.getByRole('button', { name: 'Toon werk' }).click()]);
    await page.getByText('1 vacature past.').waitFor();
    expect(await page.getByLabel(/Alleen werk met open hiring/).isChecked()).toBe(true);
    await page.getByRole('link', { name: 'Schoonmaker open hiring' }).click();
    await page.getByRole('heading', { level: 1, name: 'Schoonmaker open hiring' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/vacatures/${vacancies.open}`);
  });

  it('an employer opens the candidates for its vacancy, by pseudonym, with the explanation', async () => {
    const employer = world.employers.preferred.user;
    const page = await harness.newPage({ javaScript });
    await logIn(page, employer.email, employer.password);
    await page.goto(`/werkgever/vacatures/${vacancies.offices}`);
    await page.getByRole('link', { name: 'Kandidaten die passen bij deze vacature' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kandidaten voor Schoonmaker kantoren' }).waitFor();
    const card = page.getByRole('article').filter({ hasText: pseudonym });
    await card.locator('summary').click();
    await card.getByText('Dit werk hoort bij het beroep schoonmaker gebouwen. Dat beroep zoekt de kandidaat.').waitFor();
    if (javaScript) await expectAccessible(page);
    await card.getByRole('link', { name: pseudonym, exact: true }).click();
    await page.waitForURL(/\/kandidaten\/[0-9a-f-]+$/);
  });
});

describe('the other ranked pages', () => {
  it('are accessible: the consultant with the scope switch, the business-as-usual owner, and the list in English', async () => {
    const consultant = await harness.newPage();
    await logIn(consultant, world.consulent.email, world.consulent.password);
    await consultant.goto(`/vacatures/${vacancies.offices}`);
    await consultant.getByRole('link', { name: 'Welke van mijn kandidaten passen?' }).click();
    await consultant.getByRole('heading', { level: 1, name: 'Kandidaten voor Schoonmaker kantoren' }).waitFor();
    await consultant.getByRole('link', { name: 'Alle kandidaten van mijn organisatie' }).click();
    await consultant.waitForURL(/bereik=instantie/);
    await consultant.getByText('1 kandidaat past.').waitFor();
    await expectAccessible(consultant);

    const bau = world.employers.business_as_usual;
    const vacancy = await harness.app.database.db
      .insertInto('vacancy')
      .values({
        employer_id: bau.id,
        title: 'Hulp in de keuken',
        postcode: '3011AB',
        hours_per_week: 20,
        contract_type: 'tijdelijk',
        status: 'open',
        published_until: '2099-12-31',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const owner = await harness.newPage();
    await logIn(owner, bau.user.email, bau.user.password);
    await owner.goto(`/werkgever/vacatures/${vacancy.id}/kandidaten`);
    await owner.getByRole('heading', { level: 1, name: 'Kandidaten voor uw vacature' }).waitFor();
    await expectAccessible(owner);

    const english = await harness.newPage();
    await logIn(english, candidate.email, candidate.password);
    await english.goto('/kandidaat/vacatures-voor-jou?taal=en');
    await english.getByRole('heading', { level: 1, name: 'Vacancies for you' }).waitFor();
    await expectAccessible(english);
  });
});
