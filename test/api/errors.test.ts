import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({ rateLimitPerMinute: 5 });
});
afterAll(async () => app?.close());

describe('errors are Dutch and never a 500', () => {
  it('answers an unknown API path with problem+json and an unknown page with a Dutch page', async () => {
    const api = await app.server.inject({ method: 'GET', url: '/api/v1/bestaat-niet', remoteAddress: '10.1.0.1' });
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toContain('application/problem+json');
    expect(api.json()).toMatchObject({ status: 404, title: 'Niet gevonden' });
    const page = await app.server.inject({ method: 'GET', url: '/bestaat-niet', remoteAddress: '10.1.0.2' });
    expect(page.statusCode).toBe(404);
    expect(page.body).toContain('Deze pagina bestaat niet');
  });

  it('answers a form post without CSRF token as an expired form, not a crash', async () => {
    const response = await app.server.inject({
      method: 'POST',
      url: '/inloggen',
      remoteAddress: '10.1.0.3',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'email=a%40b.nl&password=x',
    });
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain('Het formulier was verlopen');
  });

  it('limits the requests per client and says so in Dutch', async () => {
    let last = await app.server.inject({ method: 'GET', url: '/api/v1/openapi.json', remoteAddress: '10.1.0.4' });
    for (let i = 0; i < 5; i++) last = await app.server.inject({ method: 'GET', url: '/api/v1/openapi.json', remoteAddress: '10.1.0.4' });
    expect(last.statusCode).toBe(429);
    expect(last.json()).toMatchObject({ status: 429, title: 'Te veel verzoeken' });
    const page = await app.server.inject({ method: 'GET', url: '/', remoteAddress: '10.1.0.4' });
    expect(page.statusCode).toBe(429);
    expect(page.body).toContain('Even wachten');
    const other = await app.server.inject({
      method: 'GET',
      url: '/',
      remoteAddress: '10.1.0.5',
      headers: { 'x-forwarded-for': '10.1.0.4' },
    });
    expect(other.statusCode).toBe(200);
  });
});
