import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultWeights } from '#app/domain/matching/score.js';
import { expectAccessible, startBrowserHarness, type BrowserHarness } from '../support/browser.js';

let harness: BrowserHarness;
beforeAll(async () => {
  harness = await startBrowserHarness();
});
afterAll(async () => harness?.close());

describe.each([true, false])('the page "Hoe werkt het matchen?" (JavaScript %s)', (javaScript) => {
  it('is reached from the footer, shows the weights and the example, and opens the vacancies', async () => {
    const page = await harness.newPage({ javaScript });
    await page.goto('/');
    await page.getByRole('contentinfo').getByRole('link', { name: 'Hoe werkt het matchen?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hoe werkt het matchen?' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/hoe-werkt-het-matchen');

    const weights = page.getByRole('table', { name: 'De delen van de score en hun gewicht' });
    const row = weights.getByRole('row', { name: /^Afstand/ });
    expect((await row.getByRole('cell').last().textContent())?.trim()).toBe(String(defaultWeights.afstand));
    await page
      .getByRole('region', { name: 'Zo ziet de kandidaat de uitleg bij deze score' })
      .getByText('Je woont 6 km van dit werk. Je wilt maximaal 10 km reizen.')
      .waitFor();
    if (javaScript) await expectAccessible(page);

    await page.getByRole('link', { name: 'Bekijk alle vacatures' }).click();
    await page.waitForURL('**/vacatures');
  });
});

describe('the page in English', () => {
  it('is accessible', async () => {
    const page = await harness.newPage();
    await page.goto('/hoe-werkt-het-matchen?taal=en');
    await page.getByRole('heading', { level: 1, name: 'How does matching work?' }).waitFor();
    await expectAccessible(page);
  });
});
