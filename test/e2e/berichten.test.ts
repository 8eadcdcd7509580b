import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendAvailabilityReminders } from '#app/domain/candidates/availability-reminders.js';
import { expectAccessible, logIn, startBrowserHarness, type BrowserHarness } from '../support/browser.js';
import { makeCandidate, makeWorld, type World } from '../support/fixtures.js';

let harness: BrowserHarness;
let world: World;
const candidates = new Map<boolean, NonNullable<Awaited<ReturnType<typeof makeCandidate>>['user']>>();

beforeAll(async () => {
  harness = await startBrowserHarness();
  world = await makeWorld(harness.app);
  const db = harness.app.database.db;
  // One candidate per journey, whose availability runs out in three days; the daily job reminds them.
  for (const javaScript of [true, false]) {
    const { id, user } = await makeCandidate(harness.app, world.consulent, { withLogin: true });
    await db
      .updateTable('candidate')
      .set({ availability_expires_at: new Date(Date.now() + 3 * 24 * 3600_000) })
      .where('id', '=', id)
      .execute();
    candidates.set(javaScript, user!);
  }
  await sendAvailabilityReminders(db);
});
afterAll(async () => harness?.close());

const mainText = async (page: Page) => (await page.locator('main').textContent()) ?? '';

describe.each([true, false])('a candidate reads a reminder (JavaScript %s)', (javaScript) => {
  it('finds it under Berichten, marks it as read, follows it to confirm, and sees the e-mail in the development mailbox', async () => {
    const user = candidates.get(javaScript)!;
    const page = await harness.newPage({ javaScript });
    const accessible = async () => {
      if (javaScript) await expectAccessible(page);
    };

    await logIn(page, user.email, user.password);
    await page.getByRole('heading', { level: 1, name: 'Mijn profiel' }).waitFor();
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Berichten (1 nieuw)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Berichten' }).waitFor();
    const reminder = page.getByRole('region', { name: /Je beschikbaarheid verloopt op/ });
    expect(await reminder.textContent()).toContain('Nieuw');
    expect(await mainText(page)).toContain('Je hebt 1 nieuw bericht.');
    await accessible();

    // Mark as read with the keyboard.
    await reminder.getByRole('button', { name: /Markeer als gelezen/ }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Het bericht is gemarkeerd als gelezen.').waitFor();
    expect(await mainText(page)).toContain('Je hebt alle berichten gelezen.');
    expect(await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Berichten', exact: true }).count()).toBe(1);
    expect(await reminder.getByRole('button').count()).toBe(0);
    await accessible();

    // The link goes to where the candidate confirms.
    await reminder.getByRole('link', { name: 'Bevestig je beschikbaarheid' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mijn profiel' }).waitFor();
    await page.getByRole('button', { name: 'Ik zoek nog steeds werk' }).waitFor();

    // The same reminder as an e-mail, kept in the outbox (no SMTP_URL here).
    await page.goto('/ontwikkeling/mailbox');
    await page.getByRole('heading', { level: 1, name: 'Postbus voor ontwikkeling' }).waitFor();
    const mail = page.getByRole('region', { name: /Je beschikbaarheid verloopt op/ });
    expect(await mail.textContent()).toContain(user.email);
    expect(await mail.textContent()).toContain('Nog niet verstuurd');
    expect(await mail.textContent()).toContain('/kandidaat');
    expect(await page.getByRole('region').count()).toBe(1);
    await accessible();
  });
});
