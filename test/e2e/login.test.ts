import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, logIn, startBrowserHarness, type BrowserHarness } from '../support/browser.js';
import { makeWorld, type World } from '../support/fixtures.js';

let harness: BrowserHarness;
let world: World;
beforeAll(async () => {
  harness = await startBrowserHarness();
  world = await makeWorld(harness.app);
});
afterAll(async () => harness?.close());

describe.each([true, false])('logging in and out (JavaScript %s)', (javaScript) => {
  it('shows a Dutch error and keeps the e-mail address when the password is wrong', async () => {
    const page = await harness.newPage({ javaScript });
    await page.goto('/inloggen');
    await page.getByLabel('E-mailadres').fill(world.consulent.email);
    await page.getByLabel('Wachtwoord').fill('fout-wachtwoord');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('Dit e-mailadres of wachtwoord klopt niet.');
    expect(await page.getByLabel('E-mailadres').inputValue()).toBe(world.consulent.email);
    expect(await page.title()).toMatch(/^Fout: /);
    if (javaScript) await expectAccessible(page);
  });

  it('logs in, then out', async () => {
    const page = await harness.newPage({ javaScript });
    await logIn(page, world.beheerder.email, world.beheerder.password);
    await page.getByText(`Ingelogd als ${world.beheerder.name}`).waitFor();
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.getByText('Je bent uitgelogd.').waitFor();
  });
});

describe('the start page', () => {
  it('is accessible and switches to English', async () => {
    const page = await harness.newPage();
    await page.goto('/inloggen');
    await expectAccessible(page);
    await page.goto('/');
    await expectAccessible(page);
    await page.getByRole('link', { name: 'English' }).click();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await expectAccessible(page);
  });
});
