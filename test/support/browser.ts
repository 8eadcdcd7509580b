import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { createTestApp, type TestApp } from './app.js';

/**
 * Debian's Chromium headless shell (package chromium-headless-shell): the same Blink and V8 as the
 * chromium package, without the desktop browser around them; pages load about twice as fast, which
 * halves the browser journeys' time (decision 027).
 */
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium-headless-shell';

export type BrowserHarness = {
  app: TestApp;
  browser: Browser;
  baseUrl: string;
  /** A fresh browser context (own cookies), with or without JavaScript. */
  newPage: (options?: { javaScript?: boolean }) => Promise<Page>;
  close: () => Promise<void>;
};

/** A real server on a free port and a real Chromium (Debian's headless shell) to drive it. */
export async function startBrowserHarness(): Promise<BrowserHarness> {
  const app = await createTestApp();
  await app.server.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const baseUrl = `http://127.0.0.1:${port}`;
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const contexts: BrowserContext[] = [];
  return {
    app,
    browser,
    baseUrl,
    newPage: async ({ javaScript = true } = {}) => {
      const context = await browser.newContext({ baseURL: baseUrl, javaScriptEnabled: javaScript, locale: 'nl-NL' });
      contexts.push(context);
      const page = await context.newPage();
      if (!javaScript) noJavaScriptPages.add(page);
      return page;
    },
    close: async () => {
      for (const context of contexts) await context.close().catch(() => {});
      await browser.close();
      await app.close();
    },
  };
}

/** Logs in through the real form, as a person would, with the keyboard. */
export async function logIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/inloggen');
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByLabel('Wachtwoord').press('Enter');
  await page.waitForLoadState('domcontentloaded');
}

const noJavaScriptPages = new WeakSet<Page>();

/**
 * axe-core with the WCAG 2.1 A and AA rules: zero violations expected. axe runs as a script in
 * the page, so it checks pages opened with JavaScript; the no-JavaScript journeys get the same HTML.
 */
export async function expectAccessible(page: Page): Promise<void> {
  if (noJavaScriptPages.has(page)) throw new Error('expectAccessible needs a page with JavaScript (axe-core runs in the page).');
  // Legacy mode runs axe.run() in the page itself. The default mode runs it per frame and then opens a
  // blank page to combine the results, which is a third of a journey's time; our pages have no frames.
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).setLegacyMode().analyze();
  const violations = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(violations, `axe-core on ${page.url()}`).toEqual([]);
}
