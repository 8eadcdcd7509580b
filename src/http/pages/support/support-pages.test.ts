import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { makeWorld, type World } from '../../../../test/support/fixtures.js';
import { loginCookie, postForm } from '../../../../test/support/session.js';
import { makePlacement, type TestPlacement } from '../../../../test/support/support-placements.js';
import { saveSettings } from '#app/domain/instanties/commands.js';
import { requestSupport, setBudgets } from '#app/domain/support/commands.js';
import { defaultPlanningRates } from '#app/domain/instanties/settings.js';
import { budgetYear } from '#app/domain/support/rules.js';

let app: TestApp;
let world: World;
let preferred: TestPlacement;
let committed: TestPlacement;
const cookies = {} as Record<'preferred' | 'committed' | 'consulent' | 'otherConsulent' | 'beheerder' | 'candidate', string>;
const year = budgetYear();

const db = () => app.database.db;
const get = (url: string, cookie?: string) => app.server.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
/** Text as the browser shows it. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
const inputValue = (html: string, name: string) => new RegExp(`<input[^>]*name="${name}"[^>]*value="([^"]*)"`).exec(html)?.[1];
const errorSummary = (html: string) => text(/<div[^>]*id="foutmeldingen"[\s\S]*?<\/ul>/.exec(html)?.[0] ?? '');
const requestCount = async () => (await db().selectFrom('support_request').select('id').execute()).length;
const employerPath = (placement: TestPlacement) => `/werkgever/plaatsingen/${placement.id}/ondersteuning`;

beforeAll(async () => {
  app = await createTestApp();
  world = await makeWorld(app);
  preferred = await makePlacement(app, world, 'preferred');
  committed = await makePlacement(app, world, 'committed');
  cookies.preferred = await loginCookie(app, world.employers.preferred.user.email, world.employers.preferred.user.password);
  cookies.committed = await loginCookie(app, world.employers.committed.user.email, world.employers.committed.user.password);
  cookies.consulent = await loginCookie(app, world.consulent.email, world.consulent.password);
  cookies.otherConsulent = await loginCookie(app, world.otherConsulent.email, world.otherConsulent.password);
  cookies.beheerder = await loginCookie(app, world.beheerder.email, world.beheerder.password);
  cookies.candidate = await loginCookie(app, preferred.candidate.user.email, preferred.candidate.user.password);
});
afterAll(async () => app?.close());

describe('the employer’s support page of a placement', () => {
  it('explains the provisions in plain words and shows the form; others get 404 or 403', async () => {
    const response = await get(employerPath(preferred), cookies.preferred);
    expect(response.statusCode).toBe(200);
    const page = text(response.body);
    expect(page).toContain('Ondersteuning aanvragen');
    expect(page).toContain(`Bij de plaatsing "${preferred.vacancyTitle}"`);
    expect(page).toContain('U bent voorkeurspartner. Past uw aanvraag in het budget van de instantie? Dan is zij meteen goedgekeurd.');
    expect(page).toContain('Dat heet de loonwaarde: wat de werknemer kan, vergeleken met een gewone werknemer in dezelfde functie.');
    expect(page).toContain('Het minimumloon is € 14,71 per uur (vanaf 1 januari 2026).');
    expect(response.body).toContain(`href="/werkgever/plaatsingen/${preferred.id}"`);
    expect(response.body).toContain('name="provision"');
    expect(page).toContain('Er is nog geen ondersteuning aangevraagd bij deze plaatsing.');

    expect((await get(employerPath(preferred), cookies.committed)).statusCode).toBe(404);
    expect((await get(`/werkgever/plaatsingen/niet-een-id/ondersteuning`, cookies.preferred)).statusCode).toBe(404);
    expect((await get(employerPath(preferred), cookies.consulent)).statusCode).toBe(403);
    expect((await get(employerPath(preferred), cookies.candidate)).statusCode).toBe(403);
    const visitor = await get(employerPath(preferred));
    expect(visitor.statusCode).toBe(303);
    expect(visitor.headers.location).toContain('/inloggen?terug=');
    const english = await get(`${employerPath(preferred)}?taal=en`, cookies.preferred);
    expect(text(english.body)).toContain('This is called the wage value (loonwaarde)');
  });

  it('re-renders bad input with Dutch errors, the values typed, status 400, and writes nothing', async () => {
    const before = await requestCount();
    const response = await postForm(app, cookies.preferred, employerPath(preferred), {
      actie: 'aanvragen',
      provision: 'werkplekaanpassing',
      amountEuros: '12,50',
      explanation: '',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toMatch(/<title>Fout: /);
    expect(errorSummary(response.body)).toMatch(
      /Vul een bedrag in hele euro's in, zonder komma\. Bijvoorbeeld 1500\. Schrijf in een paar zinnen waarvoor het geld nodig is \(minstens 10 tekens\)\./,
    );
    expect(response.body).toContain('href="#veld-amountEuros"');
    expect(response.body).toContain('href="#veld-explanation"');
    expect(inputValue(response.body, 'amountEuros')).toBe('12,50');
    expect(response.body).toMatch(/<input[^>]*checked=""[^>]*value="werkplekaanpassing"/);

    const none = await postForm(app, cookies.preferred, employerPath(preferred), { actie: 'aanvragen' });
    expect(none.statusCode).toBe(400);
    expect(errorSummary(none.body)).toContain('Kies de soort ondersteuning.');

    const lks = await postForm(app, cookies.preferred, `${employerPath(preferred)}?taal=en`, {
      actie: 'aanvragen',
      provision: 'loonkostensubsidie',
      loonwaardePercent: '100',
    });
    expect(lks.statusCode).toBe(400);
    expect(errorSummary(lks.body)).toContain('At a wage value of 100 percent there is no wage cost subsidy.');
    expect(await requestCount()).toBe(before);

    const otherEmployer = await postForm(
      app,
      cookies.committed,
      employerPath(preferred),
      { actie: 'aanvragen', provision: 'jobcoach', jobcoachHours: '4' },
      { tokenFrom: '/' },
    );
    expect(otherEmployer.statusCode).toBe(404);
    const consultant = await postForm(
      app,
      cookies.consulent,
      employerPath(preferred),
      { actie: 'aanvragen', provision: 'jobcoach', jobcoachHours: '4' },
      { tokenFrom: '/' },
    );
    expect(consultant.statusCode).toBe(403);
    expect(await requestCount()).toBe(before);
  });

  it('sends a request with post/redirect/get: approved at once within the budget, then withdraws it', async () => {
    await setBudgets(db(), world.beheerder, year, { jobcoach: String(100 * defaultPlanningRates.jobcoachHourEuros) });
    const response = await postForm(app, cookies.preferred, employerPath(preferred), {
      actie: 'aanvragen',
      provision: 'jobcoach',
      jobcoachHours: '20',
      explanation: 'Hulp bij het inwerken.',
    });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toMatch(new RegExp(`^${employerPath(preferred)}\\?aanvraag=[0-9a-f-]{36}$`));
    const shown = await get(response.headers.location!, cookies.preferred);
    const page = text(shown.body);
    expect(page).toContain('Uw aanvraag is goedgekeurd. Het bedrag past in het budget van de instantie.');
    const row = text(/<tbody[\s\S]*?<\/tbody>/.exec(shown.body)?.[0] ?? '');
    expect(row).toContain('Jobcoach');
    expect(row).toContain('€ 1.600');
    expect(row).toContain('20 uur');
    expect(row).toContain('Meteen goedgekeurd binnen het budget');

    const id = new URL(response.headers.location!, 'http://x').searchParams.get('aanvraag')!;
    const withdrawn = await postForm(app, cookies.preferred, employerPath(preferred), { actie: 'intrekken', aanvraag: id });
    expect(withdrawn.statusCode).toBe(303);
    expect(withdrawn.headers.location).toBe(`${employerPath(preferred)}?ingetrokken=1`);
    const after = await get(withdrawn.headers.location!, cookies.preferred);
    expect(text(after.body)).toContain('De aanvraag is ingetrokken.');
    expect(text(/<tbody[\s\S]*?<\/tbody>/.exec(after.body)?.[0] ?? '')).toContain('Ingetrokken');
    const again = await postForm(app, cookies.preferred, employerPath(preferred), { actie: 'intrekken', aanvraag: id });
    expect(again.statusCode).toBe(409);
    expect(text(again.body)).toContain('Deze aanvraag kunt u niet meer intrekken');
  });

  it('a committed partner’s request waits for the instantie, with the date', async () => {
    const response = await postForm(app, cookies.committed, employerPath(committed), {
      actie: 'aanvragen',
      provision: 'loonkostensubsidie',
      loonwaardePercent: '55',
    });
    expect(response.statusCode).toBe(303);
    const page = text((await get(response.headers.location!, cookies.committed)).body);
    expect(page).toMatch(/Uw aanvraag is verstuurd\. De instantie beslist uiterlijk op \d+ \w+ \d{4}\./);
    expect(page).toContain('Loonwaarde 55%, subsidie 45% van het minimumloon, voor een jaar');
    expect(page).toContain('Wacht op de instantie');
  });
});

describe('the consultant’s work list and decisions', () => {
  it('lists the waiting requests of the instantie by due date, late ones marked in words; others see nothing', async () => {
    const late = await requestSupport(db(), world.employers.committed.user, committed.id, { provision: 'loonwaardebepaling' });
    if (!late.ok) throw new Error(JSON.stringify(late));
    await db().updateTable('support_request').set({ due_date: '2020-01-06' }).where('id', '=', late.value.id).execute();

    const response = await get('/consulent/ondersteuning', cookies.consulent);
    expect(response.statusCode).toBe(200);
    const waiting = /<section aria-labelledby="wacht"[\s\S]*?<\/section>/.exec(response.body)?.[0] ?? '';
    const rows = [...waiting.matchAll(/<tr class="utrecht-table__row">[\s\S]*?<\/tr>/g)].map((row) => text(row[0]).trim()).slice(1);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows[0]).toContain('Loonwaardebepaling voor Werkgever committed');
    expect(rows[0]).toContain('Te laat');
    expect(rows.slice(1).some((row) => row.includes('Te laat'))).toBe(false);
    expect(waiting).toContain(`href="/consulent/ondersteuning/${late.value.id}"`);
    expect(text(response.body)).toContain(`Budget ${year}`);

    const other = await get('/consulent/ondersteuning', cookies.otherConsulent);
    expect(other.statusCode).toBe(200);
    expect(text(other.body)).toContain('Er wachten geen aanvragen.');
    expect((await get(`/consulent/ondersteuning/${late.value.id}`, cookies.otherConsulent)).statusCode).toBe(404);
    expect((await get('/consulent/ondersteuning', cookies.committed)).statusCode).toBe(403);
    expect((await get(`/consulent/ondersteuning/${late.value.id}`, cookies.committed)).statusCode).toBe(403);
    expect((await get('/consulent/ondersteuning/x', cookies.consulent)).statusCode).toBe(404);
  });

  it('approving beyond the budget needs the confirmation; bad decisions get 400 and change nothing', async () => {
    await setBudgets(db(), world.beheerder, year, { no_riskpolis: '0' });
    const asked = await requestSupport(db(), world.employers.committed.user, committed.id, {
      provision: 'no_riskpolis',
      amountEuros: 3000,
      explanation: 'Verzekering van het loon bij ziekte.',
    });
    if (!asked.ok) throw new Error(JSON.stringify(asked));
    const path = `/consulent/ondersteuning/${asked.value.id}`;
    const page = await get(path, cookies.consulent);
    expect(page.statusCode).toBe(200);
    expect(text(page.body)).toContain('No-riskpolis voor Werkgever committed');
    expect(text(page.body)).toContain('Het bedrag past niet in het budget: er is nog € 0 over.');
    expect(text(page.body)).toContain('Verzekering van het loon bij ziekte.');

    const noConfirmation = await postForm(app, cookies.consulent, path, { actie: 'besluiten', decision: 'approve' });
    expect(noConfirmation.statusCode).toBe(400);
    expect(errorSummary(noConfirmation.body)).toContain('Dit bedrag past niet in het budget.');
    expect(noConfirmation.body).toContain('href="#veld-aboveBudget"');
    expect(noConfirmation.body).toMatch(/<input[^>]*checked=""[^>]*value="approve"/);
    const noReason = await postForm(app, cookies.consulent, path, { actie: 'besluiten', decision: 'reject', reason: 'nee' });
    expect(noReason.statusCode).toBe(400);
    expect(errorSummary(noReason.body)).toContain('Schrijf in een paar woorden waarom u de aanvraag afwijst (minstens 10 tekens).');
    const nothing = await postForm(app, cookies.consulent, path, { actie: 'besluiten' });
    expect(nothing.statusCode).toBe(400);
    expect(errorSummary(nothing.body)).toContain('Kies: goedkeuren of afwijzen.');
    const stranger = await postForm(
      app,
      cookies.otherConsulent,
      path,
      { actie: 'besluiten', decision: 'approve', aboveBudget: 'ja' },
      { tokenFrom: '/' },
    );
    expect(stranger.statusCode).toBe(404);
    expect(
      (await db().selectFrom('support_request').select('status').where('id', '=', asked.value.id).executeTakeFirstOrThrow()).status,
    ).toBe('requested');

    const approved = await postForm(app, cookies.consulent, path, { actie: 'besluiten', decision: 'approve', aboveBudget: 'ja' });
    expect(approved.statusCode).toBe(303);
    expect(approved.headers.location).toBe(`${path}?besloten=1`);
    const after = text((await get(approved.headers.location!, cookies.consulent)).body);
    expect(after).toContain('Je besluit is opgeslagen. De werkgever krijgt bericht.');
    expect(after).toContain('Goedgekeurd boven het budget');
    expect(after).toMatch(/Consulent Rotterdam Goedgekeurd boven het budget \(budget € 0, al toegezegd € 0\)/);

    const twice = await postForm(
      app,
      cookies.consulent,
      path,
      { actie: 'besluiten', decision: 'approve', aboveBudget: 'ja' },
      { tokenFrom: '/consulent/ondersteuning' },
    );
    expect(twice.statusCode).toBe(409);
    expect(text(twice.body)).toContain('Over deze aanvraag is al beslist');

    const tooMuch = await postForm(app, cookies.consulent, path, { actie: 'uitgaven', spentEuros: '3001' });
    expect(tooMuch.statusCode).toBe(400);
    expect(errorSummary(tooMuch.body)).toContain('Het uitgegeven bedrag is hoger dan het toegekende bedrag.');
    expect(inputValue(tooMuch.body, 'spentEuros')).toBe('3001');
    const spent = await postForm(app, cookies.consulent, path, { actie: 'uitgaven', spentEuros: '2.750' });
    expect(spent.headers.location).toBe(`${path}?uitgaven=1`);
    const withSpending = text((await get(spent.headers.location!, cookies.consulent)).body);
    expect(withSpending).toContain('De uitgaven zijn opgeslagen.');
    expect(withSpending).toContain('Uitgegeven bijgewerkt naar € 2.750');
  });
});

describe('the beheerder’s budgets', () => {
  it('shows per provision budget, committed, spent and left; refused to other roles', async () => {
    const response = await get('/beheer/budgetten', cookies.beheerder);
    expect(response.statusCode).toBe(200);
    const overview = /<section aria-labelledby="overzicht"[\s\S]*?<\/section>/.exec(response.body)?.[0] ?? '';
    const rows = [...overview.matchAll(/<tr class="utrecht-table__row">[\s\S]*?<\/tr>/g)].map((row) => text(row[0]).trim());
    expect(rows[0]).toBe('Ondersteuning Budget Toegezegd Uitgegeven Over Wacht op besluit Laatst gewijzigd');
    expect(rows.find((row) => row.startsWith('No-riskpolis'))).toMatch(
      /^No-riskpolis € 0 € 3\.000 € 2\.750 € -3\.000 \(boven het budget\) € 0/,
    );
    expect(rows.find((row) => row.startsWith('Loonkostensubsidie'))).toMatch(/^Loonkostensubsidie Geen budget € 0 € 0 – € \d/);
    expect(inputValue(response.body, 'no_riskpolis')).toBe('0');
    expect(inputValue(response.body, 'loonkostensubsidie')).toBe('');
    expect(text(response.body)).toContain('Bij een aanvraag voor een jobcoach houden wij € 80 per uur apart.');
    // The instantie's own planning rates, once its beheerder set them.
    const rates = (jobcoach: number, assessment: number) =>
      saveSettings(app.database.db, world.beheerder, 'rotterdam', {
        'planningRates.jobcoachHourEuros': String(jobcoach),
        'planningRates.loonwaardebepalingEuros': String(assessment),
        reason: 'Nieuwe tarieven van het contract.',
      });
    expect((await rates(95, 1250)).ok).toBe(true);
    expect(text((await get('/beheer/budgetten', cookies.beheerder)).body)).toContain(
      'Bij een aanvraag voor een jobcoach houden wij € 95 per uur apart. Bij een loonwaardebepaling € 1.250.',
    );
    expect((await rates(defaultPlanningRates.jobcoachHourEuros, defaultPlanningRates.loonwaardebepalingEuros)).ok).toBe(true);
    for (const cookie of [cookies.consulent, cookies.preferred]) expect((await get('/beheer/budgetten', cookie)).statusCode).toBe(403);
    const wrongYear = await get('/beheer/budgetten?jaar=abc', cookies.beheerder);
    expect(wrongYear.statusCode).toBe(400);
    expect(errorSummary(wrongYear.body)).toContain('Kies een jaar van 2000 tot en met 2100.');
    const next = await get(`/beheer/budgetten?jaar=${year + 1}`, cookies.beheerder);
    expect(text(next.body)).toContain(`Overzicht ${year + 1}`);
  });

  it('sets budgets with post/redirect/get and an event; bad amounts get 400 and write nothing', async () => {
    const events = async () => (await db().selectFrom('event').select('id').where('subject_type', '=', 'support_budget').execute()).length;
    const before = await events();
    const bad = await postForm(app, cookies.beheerder, '/beheer/budgetten', {
      year: String(year + 1),
      jobcoach: 'veel',
      no_riskpolis: '1.000',
    });
    expect(bad.statusCode).toBe(400);
    expect(errorSummary(bad.body)).toContain("Vul het budget in hele euro's in, zonder komma.");
    expect(bad.body).toContain('href="#veld-jobcoach"');
    expect(inputValue(bad.body, 'jobcoach')).toBe('veel');
    expect(await events()).toBe(before);
    const consultant = await postForm(
      app,
      cookies.consulent,
      '/beheer/budgetten',
      { year: String(year), jobcoach: '1' },
      { tokenFrom: '/' },
    );
    expect(consultant.statusCode).toBe(403);

    const saved = await postForm(app, cookies.beheerder, '/beheer/budgetten', {
      year: String(year + 1),
      jobcoach: '40.000',
      loonkostensubsidie: '250000',
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`/beheer/budgetten?jaar=${year + 1}&opgeslagen=1`);
    const page = await get(saved.headers.location!, cookies.beheerder);
    expect(text(page.body)).toContain(`De budgetten voor ${year + 1} zijn opgeslagen.`);
    expect(inputValue(page.body, 'jobcoach')).toBe('40000');
    expect(text(page.body)).toContain('Beheerder Rotterdam');
    expect(await events()).toBe(before + 2);
  });
});

describe('odd addresses', () => {
  it('never answer with a 500', async () => {
    const tries: [string, string][] = [
      ['/consulent/ondersteuning?pagina=-1', cookies.consulent],
      ['/consulent/ondersteuning?pagina=99999', cookies.consulent],
      ['/consulent/ondersteuning/00000000-0000-0000-0000-000000000000', cookies.consulent],
      [`/consulent/ondersteuning/${'a'.repeat(300)}`, cookies.consulent],
      ['/beheer/budgetten?jaar=1e309', cookies.beheerder],
      ['/beheer/budgetten?jaar=&jaar=2026', cookies.beheerder],
      ["/werkgever/plaatsingen/1'%20or%20'1'='1/ondersteuning", cookies.preferred],
      ['/werkgever/plaatsingen/00000000-0000-0000-0000-000000000000/ondersteuning?aanvraag=x', cookies.preferred],
    ];
    for (const [url, cookie] of tries) expect((await get(url, cookie)).statusCode, url).toBeLessThan(500);
    const odd = await postForm(app, cookies.preferred, employerPath(preferred), { actie: 'intrekken', aanvraag: 'x' });
    expect(odd.statusCode).toBe(404);
    const unknown = await postForm(app, cookies.preferred, employerPath(preferred), { actie: 'iets' });
    expect(unknown.statusCode).toBe(400);
  });
});
