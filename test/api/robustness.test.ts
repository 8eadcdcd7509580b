import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { sessionHeaders } from '../support/api.js';
import { makeWorld, type World } from '../support/fixtures.js';

let app: TestApp;
let world: World;
let paths: [string, string][];
beforeAll(async () => {
  app = await createTestApp({ rateLimitPerMinute: 100_000 });
  world = await makeWorld(app);
  const document = (await app.server.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as {
    paths: Record<string, Record<string, unknown>>;
  };
  paths = Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.keys(operations).map((method) => [method, path] as [string, string]),
  );
});
afterAll(async () => app?.close());

const oddIds = ['x', '00000000-0000-0000-0000-000000000000', "1' or '1'='1", '%E2%80%AE', 'a'.repeat(300)];
const oddQueries = [
  'page=-1&pageSize=abc',
  'page=1e309',
  'search=%00',
  'scope[]=x&zoek=%',
  'km=NaN&minHours=Infinity',
  'supportOffered=&openHiring=misschien',
];
const oddBodies = [
  '{',
  '[]',
  'null',
  '"tekst"',
  '{"title":123,"hoursPerWeek":"veel","postcode":null,"employerId":"x"}',
  '{"__proto__":{"x":1}}',
];

describe('every API operation survives odd input without a 500', () => {
  it('answers with a problem, never with a crash, for visitors and signed-in users', async () => {
    const identities = [{}, await sessionHeaders(app, world.employers.preferred.user), await sessionHeaders(app, world.consulent)];
    const failures: string[] = [];
    for (const headers of identities) {
      for (const [method, path] of paths) {
        for (const id of oddIds) {
          const url = `/api/v1${path.replace(/\{\w+\}/g, encodeURIComponent(id))}`;
          // Odd queries matter to reads; writes get every odd body, with one odd query beside it.
          const withBody = method !== 'get' && method !== 'delete';
          for (const query of withBody ? oddQueries.slice(0, 1) : oddQueries) {
            const requests = withBody
              ? oddBodies.map((payload) => ({ payload, contentType: 'application/json' }))
              : [{ payload: undefined, contentType: undefined }];
            for (const { payload, contentType } of requests) {
              const response = await app.server.inject({
                method: method.toUpperCase() as 'GET',
                url: `${url}?${query}`,
                headers: { ...headers, ...(contentType ? { 'content-type': contentType } : {}) },
                payload,
              });
              if (response.statusCode >= 500) failures.push(`${method} ${url}?${query} ${payload ?? ''} → ${response.statusCode}`);
              else if (response.statusCode >= 400)
                expect(response.headers['content-type'], `${method} ${url}`).toContain('application/problem+json');
            }
          }
        }
      }
    }
    expect(failures).toEqual([]);
    // Thousands of requests, more with every operation: the default minute is too short on a busy machine.
  }, 300_000);
});

describe('pages survive odd input without a 500', () => {
  it('answers every list page with odd filters for each role', async () => {
    const pages = [
      '/',
      '/vacatures',
      '/vacatures/x',
      '/kandidaten/x',
      '/consulent',
      '/consulent/verlopen',
      '/consulent/kandidaten/x',
      '/beheer/werkgevers',
      '/beheer/opvallend-gebruik',
      '/werkgever',
      '/werkgever/vacatures',
      '/werkgever/kandidaten-zoeken',
      '/kandidaat',
      '/kandidaat/vacatures-voor-jou',
      '/kandidaat/zoekopdrachten',
      '/kandidaat/zoekopdrachten/x/wijzigen',
      '/consulent/kandidaten/x/zoekopdrachten',
      '/consulent/kandidaten/x/zoekopdrachten/x/verwijderen',
      '/account/api-sleutels',
      '/berichten',
      '/ontwikkeling/mailbox',
      '/hoe-werkt-het-matchen',
      '/wachtwoord-instellen',
      '/vacatures/x/interesse',
      '/vacatures/x/wachtlijst',
      '/kandidaat/contacten',
      '/kandidaat/contacten/x',
      '/kandidaat/plaatsingen',
      '/kandidaat/plaatsingen/x',
      '/kandidaat/wachtlijsten',
      '/werkgever/contacten',
      '/werkgever/contacten/x',
      '/werkgever/contacten/x/plaatsing',
      '/werkgever/plaatsingen',
      '/werkgever/plaatsingen/x',
      '/werkgever/plaatsingen/x/ondersteuning',
      '/werkgever/vacatures/x/uitnodigen/x',
      '/werkgever/vacatures/x/wachtlijst',
      '/consulent/contacten',
      '/consulent/contacten/x',
      '/consulent/plaatsingen',
      '/consulent/plaatsingen/x',
      '/consulent/vacatures/x/voorstellen/x',
      '/consulent/ondersteuning',
      '/consulent/ondersteuning/x',
      '/plaatsingen/x/overeenkomst',
      '/beheer/budgetten',
      '/beheer/instellingen',
    ];
    const queries = [
      'zoek=%00',
      'pagina=-1&km=veel&urenVanaf=NaN',
      'zoek=%25_%5C&naam=%27%3B',
      'taal=xx&categorie=alles&bereik=overal',
      'beroep=x&vaardigheden=%27&vaardigheden=&postcode=1e309&uren=-1&taalniveau=x&pagina=99999',
    ];
    const identities = [
      {},
      ...(await Promise.all([world.consulent, world.beheerder, world.employers.preferred.user].map((user) => sessionHeaders(app, user)))),
    ];
    const failures: string[] = [];
    for (const headers of identities) {
      for (const page of pages) {
        for (const query of queries) {
          const response = await app.server.inject({ method: 'GET', url: `${page}?${query}`, headers });
          if (response.statusCode >= 500) failures.push(`${page}?${query} → ${response.statusCode}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
