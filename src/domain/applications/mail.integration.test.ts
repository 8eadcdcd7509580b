import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '#app/config.js';
import { deliverMail } from '#app/jobs/mail.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { makeCandidate, makeVacancy, makeWorld, type World } from '../../../test/support/fixtures.js';
import { startSmtpServer, type TestSmtpServer } from '../../../test/support/smtp.js';
import { registerPlacement } from '../placements/commands.js';
import { todayIso } from '../vacancies/rules.js';
import { sendMessage, showInterest, startConversation } from './commands.js';

let app: TestApp;
let smtp: TestSmtpServer;
let world: World;
const baseUrl = 'https://werkregie.example.nl';
const db = () => app.database.db;

beforeAll(async () => {
  smtp = await startSmtpServer();
  app = await createTestApp({ smtpUrl: smtp.url });
  world = await makeWorld(app);
});
afterAll(async () => {
  await app?.close();
  await smtp?.close();
});

/** Runs the mail job once and returns what the SMTP server received since. */
async function deliver() {
  const before = smtp.received.length;
  const report = await deliverMail(db(), {
    ...loadConfig({}),
    baseUrl,
    mail: { smtpUrl: smtp.url, from: 'Werkregie <noreply@test.werkregie.nl>' },
  });
  expect(report.failed).toBe(0);
  return smtp.received.slice(before);
}

describe('from interest to a placement, every side hears it by e-mail through a real SMTP server', () => {
  it('mails the employer, the candidate and the consultant in Dutch, with a link and never the message text', async () => {
    const made = await makeCandidate(app, world.consulent, { withLogin: true });
    const candidate = made.user!;
    const employer = world.employers.preferred.user;
    const vacancyId = await makeVacancy(app, world.employers.preferred.id, { title: 'Medewerker groen' });
    const privateWords = 'Ik heb een vraag over mijn rooster.';

    const interest = await showInterest(db(), candidate, vacancyId, { message: privateWords });
    if (!interest.ok) throw new Error(JSON.stringify(interest));
    const toEmployer = (await deliver()).filter((mail) => mail.to.includes(employer.email));
    expect(toEmployer).toHaveLength(1);
    expect(toEmployer[0]!.subject).toBe('Interesse in de vacature "Medewerker groen"');
    expect(toEmployer[0]!.text).toContain(`${baseUrl}/werkgever/contacten/${interest.value.id}`);
    expect(toEmployer[0]!.text).not.toContain(privateWords);

    expect((await startConversation(db(), employer, interest.value.id)).ok).toBe(true);
    expect((await sendMessage(db(), employer, interest.value.id, { body: 'Kom je dinsdag langs?' })).ok).toBe(true);
    const toCandidate = (await deliver()).filter((mail) => mail.to.includes(candidate.email));
    expect(toCandidate.map((mail) => mail.subject)).toEqual(['De werkgever wil met je praten', 'Nieuw bericht over "Medewerker groen"']);
    expect(toCandidate.every((mail) => !mail.text.includes('dinsdag'))).toBe(true);
    expect(toCandidate[0]!.text).toContain(`${baseUrl}/kandidaat/contacten/${interest.value.id}`);

    const placed = await registerPlacement(db(), employer, interest.value.id, {
      kind: 'dienstverband',
      startDate: todayIso(new Date(Date.now() + 7 * 86_400_000)),
      hoursPerWeek: 20,
    });
    if (!placed.ok) throw new Error(JSON.stringify(placed));
    const mails = await deliver();
    const toConsultant = mails.filter((mail) => mail.to.includes(world.consulent.email));
    expect(toConsultant.map((mail) => mail.subject)).toContain('Plaatsing gestart bij Werkgever preferred');
    expect(toConsultant.find((mail) => mail.subject.startsWith('Plaatsing'))!.text).toContain(
      `${baseUrl}/consulent/plaatsingen/${placed.value.id}`,
    );
    expect(mails.filter((mail) => mail.to.includes(candidate.email)).map((mail) => mail.subject)).toContain(
      'De plaatsing voor "Medewerker groen" is begonnen',
    );
    // Sent once: a second run finds nothing left.
    expect(await deliver()).toEqual([]);
  });
});
