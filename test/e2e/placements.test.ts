import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmployerCategory } from '#app/db/schema.js';
import { proposeCandidate, showInterest, startConversation } from '#app/domain/applications/commands.js';
import { readPlacement } from '#app/domain/placements/queries.js';
import { todayIso } from '#app/domain/vacancies/rules.js';
import { expectAccessible, logIn, startBrowserHarness, type BrowserHarness } from '../support/browser.js';
import { makeCandidate, makeVacancy, makeWorld, type World } from '../support/fixtures.js';

/**
 * The three category routes from a contact in conversation to "placement started", through the
 * pages, with and without JavaScript; then the candidate agrees and opens the printable agreement.
 * Each journey counts its form submissions (steps) and page loads (visits) and prints them with the
 * lead time from the first contact to the start (issue 4 asks for these numbers; nothing is asserted on time).
 */

let harness: BrowserHarness;
let world: World;
const db = () => harness.app.database.db;

beforeAll(async () => {
  harness = await startBrowserHarness();
  world = await makeWorld(harness.app);
});
afterAll(async () => harness?.close());

const mainText = async (page: Page) => (await page.locator('main').innerText()).replace(/\s+/g, ' ');
const inDays = (days: number) => todayIso(new Date(Date.now() + days * 86_400_000));

/** Page loads and form submissions of one journey, over all the people in it. */
class Counter {
  visits = 0;
  steps = 0;
  /** Counts every document this page loads from now on (a post answered by 303 and its GET is one visit). */
  watch(page: Page): Page {
    page.on('load', () => this.visits++);
    return page;
  }
  /** A form submission that leads to a new page. */
  async submit(page: Page, button: string): Promise<void> {
    this.steps++;
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: button }).click()]);
  }
}

type Person = { email: string; password: string };
async function signedIn(person: Person, javaScript: boolean): Promise<Page> {
  const page = await harness.newPage({ javaScript });
  await logIn(page, person.email, person.password);
  // The page after log-in has loaded fully before a journey starts counting.
  await page.waitForLoadState('load');
  return page;
}

/** The set-up through the domain: a candidate, a vacancy, interest or a proposal, and the conversation. */
async function contactInConversation(category: EmployerCategory, javaScript: boolean) {
  const made = await makeCandidate(harness.app, world.consulent, { withLogin: true });
  const title = `Orderpicker ${category} ${javaScript ? 'js' : 'html'}`;
  const vacancyId = await makeVacancy(harness.app, world.employers[category].id, { title });
  const contact =
    category === 'business_as_usual'
      ? await proposeCandidate(db(), world.consulent, vacancyId, made.id, { message: 'Zij past goed bij dit werk.', candidateAgrees: true })
      : await showInterest(db(), made.user!, vacancyId, { message: 'Ik wil dit werk graag doen.' });
  if (!contact.ok) throw new Error(JSON.stringify(contact));
  const talk = await startConversation(db(), world.employers[category].user, contact.value.id);
  if (!talk.ok) throw new Error(JSON.stringify(talk));
  return { applicationId: contact.value.id, candidate: made.user!, title };
}

const routes = [
  { category: 'preferred', label: 'voorkeurspartner' },
  { category: 'committed', label: 'betrokken partner' },
  { category: 'business_as_usual', label: 'gewone route' },
] as const;

describe.each([true, false])('placements (JavaScript %s)', (javaScript) => {
  const accessible = async (page: Page) => {
    if (javaScript) await expectAccessible(page);
  };

  it.each(routes)('$label: from a contact in conversation to "placement started"', async ({ category, label }) => {
    const { applicationId, candidate, title } = await contactInConversation(category, javaScript);
    const counter = new Counter();
    const employer = counter.watch(await signedIn(world.employers[category].user, javaScript));

    // The employer registers the agreement; the page says first what will happen.
    await employer.goto(`/werkgever/contacten/${applicationId}/plaatsing`);
    await employer.getByRole('heading', { level: 1, name: 'Plaatsing vastleggen' }).waitFor();
    const routeText = {
      preferred: 'De plaatsing begint meteen als u de afspraken vastlegt.',
      committed: 'Of vanzelf na 5 werkdagen, als niemand bezwaar maakt.',
      business_as_usual: 'Gemeente Rotterdam moet de plaatsing eerst goedkeuren.',
    }[category];
    expect(await mainText(employer)).toContain(routeText);
    await accessible(employer);
    await employer.getByLabel('Dienstverband', { exact: true }).check();
    await employer.getByLabel('Startdatum').fill(inDays(14));
    await employer.getByLabel('Uren per week').fill('16');
    await employer.getByLabel(/^Ondersteuning/).fill('Een vaste collega is de eerste weken het maatje.');
    await employer.getByLabel(/^Voorwaarden/).fill('Loon volgens de cao. Werktijden 9 tot 13 uur.');
    await counter.submit(employer, 'Leg de plaatsing vast');
    await employer.getByRole('heading', { level: 1, name: `Plaatsing: ${title}` }).waitFor();
    const placementId = new URL(employer.url()).pathname.split('/').pop()!;
    await accessible(employer);

    if (category === 'preferred') {
      await employer.getByText('De plaatsing is vastgelegd en begonnen. De instantie heeft bericht gekregen.').waitFor();
      expect(await mainText(employer)).toContain('De plaatsing is begonnen.');
    } else {
      const waiting = await mainText(employer);
      if (category === 'committed') expect(waiting).toMatch(/Ze begint vanzelf op \d+ \w+ \d{4} als niemand bezwaar maakt\./);
      else expect(waiting).toContain('De plaatsing wacht op goedkeuring van Gemeente Rotterdam.');

      // The consultant finds it at the top of the list and decides.
      const consultant = counter.watch(await signedIn(world.consulent, javaScript));
      await consultant.goto('/consulent/plaatsingen');
      await consultant.getByRole('heading', { level: 1, name: 'Plaatsingen' }).waitFor();
      await accessible(consultant);
      const row = consultant.getByRole('row').filter({ has: consultant.getByRole('link', { name: title }) });
      expect(await row.textContent()).toContain(category === 'committed' ? 'Begint vanzelf op' : 'Wacht op de instantie');
      await Promise.all([consultant.waitForEvent('load'), row.getByRole('link', { name: title }).click()]);
      await consultant.getByRole('heading', { level: 2, name: 'Besluit van de instantie' }).waitFor();
      await accessible(consultant);
      await counter.submit(consultant, category === 'committed' ? 'Geef akkoord: de plaatsing begint nu' : 'Keur de plaatsing goed');
      await consultant.getByText('De plaatsing is goedgekeurd en begonnen.').waitFor();
      await accessible(consultant);
    }

    // Started: measured here, before the candidate's own confirmation (which comes after the start).
    const view = (await readPlacement(db(), world.consulent, placementId))!;
    expect(view.placement.status).toBe('active');
    const leadTimeMs = view.leadTime.milliseconds!;
    console.log(
      `[placements e2e] route=${category} (${label}) javaScript=${javaScript} steps=${counter.steps} visits=${counter.visits} ` +
        `leadTime=${leadTimeMs} ms (${(leadTimeMs / 1000).toFixed(1)} s) from first contact to start; set-up before the pages: ` +
        `${category === 'business_as_usual' ? 'proposeCandidate' : 'showInterest'} + startConversation`,
    );

    // The candidate agrees and opens the printable agreement.
    const me = await signedIn(candidate, javaScript);
    await me.goto('/kandidaat/plaatsingen');
    await me.getByRole('heading', { level: 1, name: 'Je plaatsingen' }).waitFor();
    await accessible(me);
    await Promise.all([me.waitForEvent('load'), me.getByRole('link', { name: title }).click()]);
    await me.getByRole('heading', { level: 1, name: `Plaatsing: ${title}` }).waitFor();
    expect(await mainText(me)).toContain('Van het eerste contact tot de start van de plaatsing:');
    await accessible(me);
    await Promise.all([me.waitForEvent('load'), me.getByRole('button', { name: 'Ik ga akkoord met deze afspraken' }).click()]);
    await me.getByText('Het akkoord is bewaard.').waitFor();
    expect(await me.getByRole('button', { name: 'Ik ga akkoord met deze afspraken' }).count()).toBe(0);
    await Promise.all([
      me.waitForEvent('load'),
      me.getByRole('link', { name: 'Bekijk de overeenkomst om te printen of te downloaden' }).click(),
    ]);
    await me.getByRole('heading', { level: 1, name: 'Plaatsingsovereenkomst' }).waitFor();
    const agreement = await mainText(me);
    expect(agreement).toContain('Soort plaatsing Dienstverband');
    expect(agreement).toContain('Uren per week 16 uur');
    expect(agreement).toMatch(/Kandidaat Kandidaat \d+ \w+\.? \d{4},? \d{2}:\d{2}/);
    expect(agreement).toMatch(new RegExp(`Werkgever ${world.employers[category].user.name} \\d+`));
    if (category !== 'preferred') expect(agreement).toMatch(new RegExp(`Instantie ${world.consulent.name} \\d+`));
    await accessible(me);
    // In print, the menu and the page's own links are hidden.
    if (javaScript) {
      await me.emulateMedia({ media: 'print' });
      expect(await me.locator('nav[aria-label="Hoofdmenu"]').isVisible()).toBe(false);
      expect(await me.getByRole('link', { name: 'Download de overeenkomst als HTML-bestand' }).isVisible()).toBe(false);
      expect(await me.getByRole('heading', { level: 1, name: 'Plaatsingsovereenkomst' }).isVisible()).toBe(true);
      await me.emulateMedia({ media: 'screen' });
    }
    const [download] = await Promise.all([
      me.waitForEvent('download'),
      me.getByRole('link', { name: 'Download de overeenkomst als HTML-bestand' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`plaatsingsovereenkomst-${placementId}.html`);

    // The employer's list shows the placement as started.
    await employer.goto('/werkgever/plaatsingen');
    const row = employer.getByRole('row').filter({ has: employer.getByRole('link', { name: title }) });
    expect(await row.textContent()).toContain('Begonnen');
    await accessible(employer);
  });

  it('bad input on the form: Dutch errors, the values stay, nothing is written', async () => {
    const { applicationId } = await contactInConversation('preferred', javaScript);
    const employer = await signedIn(world.employers.preferred.user, javaScript);
    await employer.goto(`/werkgever/contacten/${applicationId}/plaatsing`);
    await employer.getByLabel('Proefplaatsing met behoud van uitkering').check();
    await employer.getByLabel('Startdatum').fill(inDays(7));
    await employer.getByLabel('Uren per week').fill('50');
    await Promise.all([employer.waitForEvent('load'), employer.getByRole('button', { name: 'Leg de plaatsing vast' }).click()]);
    const summary = employer.getByRole('alert');
    await summary.getByText('Een proefplaatsing duurt hoogstens 2 maanden. Vul de einddatum in.').waitFor();
    await summary.getByText('Vul een aantal uren per week in tussen 1 en 40.').waitFor();
    expect(await employer.title()).toMatch(/^Fout: /);
    expect(await employer.getByLabel('Uren per week').inputValue()).toBe('50');
    expect(await employer.getByLabel('Proefplaatsing met behoud van uitkering').isChecked()).toBe(true);
    await accessible(employer);
    // The summary links to the field.
    await summary.getByRole('link', { name: 'Vul een aantal uren per week in tussen 1 en 40.' }).click();
    expect(new URL(employer.url()).hash).toBe('#veld-hoursPerWeek');
    expect(await db().selectFrom('placement').select('id').where('application_id', '=', applicationId).execute()).toEqual([]);
  });
});
