import type { LightMyRequestResponse } from 'fastify';
import type { TestApp } from './app.js';

type Jar = Map<string, string>;

function absorb(jar: Jar, setCookie: string | string[] | undefined): void {
  for (const cookie of [setCookie ?? []].flat()) {
    const pair = cookie.split(';')[0]!;
    const at = pair.indexOf('=');
    const name = pair.slice(0, at).trim();
    const value = pair.slice(at + 1).trim();
    if (value === '' || /max-age=0/i.test(cookie)) jar.delete(name);
    else jar.set(name, value);
  }
}

const cookieHeader = (jar: Jar) => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');

function cookieJar(header: string): Jar {
  const jar: Jar = new Map();
  absorb(jar, header.split('; ').filter(Boolean));
  return jar;
}

/** The CSRF token of the first form on a page. */
export function csrfTokenIn(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('no CSRF token on this page');
  return match[1]!;
}

function formBody(fields: Record<string, string | readonly string[]>): string {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) for (const one of [value].flat()) body.append(name, one);
  return body.toString();
}

/**
 * Logs in through the real log-in form, as a browser would: fetch /inloggen for the CSRF cookie
 * and token, post the form, and return the Cookie header (session and CSRF secret) to send next.
 */
export async function loginCookie(app: TestApp, email: string, password: string): Promise<string> {
  const jar: Jar = new Map();
  const page = await app.server.inject({ method: 'GET', url: '/inloggen' });
  absorb(jar, page.headers['set-cookie']);
  const response = await app.server.inject({
    method: 'POST',
    url: '/inloggen',
    headers: { cookie: cookieHeader(jar), 'content-type': 'application/x-www-form-urlencoded' },
    payload: formBody({ _csrf: csrfTokenIn(page.body), email, password }),
  });
  if (response.statusCode !== 303) throw new Error(`log-in of ${email} failed with ${response.statusCode}`);
  absorb(jar, response.headers['set-cookie']);
  if (![...jar.keys()].some((name) => name.includes('session_token'))) throw new Error(`log-in of ${email} gave no session cookie`);
  return cookieHeader(jar);
}

/**
 * Posts a form as a browser would: the CSRF token comes from a page the person can open
 * (`tokenFrom`, by default the form's own URL). `headers` adds e.g. an Authorization header.
 */
export async function postForm(
  app: TestApp,
  cookie: string,
  url: string,
  fields: Record<string, string | readonly string[]>,
  options: { tokenFrom?: string; headers?: Record<string, string> } = {},
): Promise<LightMyRequestResponse> {
  const jar = cookieJar(cookie);
  const page = await app.server.inject({ method: 'GET', url: options.tokenFrom ?? url, headers: { ...options.headers, cookie } });
  absorb(jar, page.headers['set-cookie']);
  return app.server.inject({
    method: 'POST',
    url,
    headers: { ...options.headers, cookie: cookieHeader(jar), 'content-type': 'application/x-www-form-urlencoded' },
    payload: formBody({ _csrf: csrfTokenIn(page.body), ...fields }),
  });
}
