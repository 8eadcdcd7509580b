import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importEsco } from '#app/domain/taxonomy/import-esco.js';
import { todayIso } from '#app/domain/vacancies/rules.js';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { sessionHeaders } from '../../../../test/support/api.js';
import { makeWorld, type World } from '../../../../test/support/fixtures.js';
import { escoFixtureFolder } from '../../../../test/support/esco-fixtures.js';

const inspicient = 'http://data.europa.eu/esco/occupation/00030d09-2b3a-4efd-87cc-c4ea39d27c34';
const pallets = 'http://data.europa.eu/esco/skill/f1a7e0c2-0000-4000-8000-000000000001';

let app: TestApp;
let world: World;

type Item = { uri: string; label: string; altLabels: string[]; iscoGroup?: string };
type Page = { items: Item[]; page: number; pageSize: number; total: number; _links: Record<string, { href: string }> };
async function get(url: string) {
  const response = await app.server.inject({ method: 'GET', url: `/api/v1${url}` });
  return {
    status: response.statusCode,
    type: response.headers['content-type'],
    version: response.headers['api-version'],
    json: response.json(),
  };
}

beforeAll(async () => {
  app = await createTestApp();
  world = await makeWorld(app);
  await importEsco(app.database.db, escoFixtureFolder());
});
afterAll(async () => app?.close());

describe('GET /beroepen and /vaardigheden', () => {
  it('finds occupations for everyone, also with a typo, with label, alternative labels and ISCO group', async () => {
    const response = await get('/beroepen?zoek=inspicint');
    expect(response.status).toBe(200);
    expect(response.version).toBe('1.0.0');
    const page = response.json as Page;
    expect(page.items).toEqual([
      {
        uri: inspicient,
        label: 'inspiciënt',
        altLabels: ['toneelmeester', 'inspiciënte', 'technisch directeur', 'chef-inspiciënt'],
        iscoGroup: '2654',
      },
    ]);
    expect(page).toMatchObject({ page: 1, pageSize: 20, total: 1 });
  });

  it('finds skills, without an ISCO group, and never occupations there', async () => {
    const skills = (await get('/vaardigheden?zoek=pallets')).json as Page;
    expect(skills.items.map((i) => i.uri)).toEqual([pallets]);
    expect(skills.items[0]).not.toHaveProperty('iscoGroup');
    expect(((await get('/vaardigheden?zoek=inspiciënt')).json as Page).total).toBe(0);
  });

  it('pages through everything by label, with links that keep the search', async () => {
    const first = (await get('/beroepen?pageSize=2')).json as Page;
    const second = (await get('/beroepen?pageSize=2&page=2')).json as Page;
    expect(first.total).toBeGreaterThan(40);
    expect(first.items).toHaveLength(2);
    expect(second.items[0]!.label.localeCompare(first.items[1]!.label)).toBeGreaterThanOrEqual(0);
    expect(first._links.next!.href).toBe('/api/v1/beroepen?pageSize=2&page=2');
    const searched = (await get('/beroepen?zoek=medewerker&pageSize=1')).json as Page;
    expect(searched._links.next!.href).toBe('/api/v1/beroepen?zoek=medewerker&pageSize=1&page=2');
  });

  it('answers bad parameters with 400 problem+json', async () => {
    for (const url of ['/beroepen?pageSize=500', '/vaardigheden?page=0', `/beroepen?zoek=${'a'.repeat(101)}`]) {
      const response = await get(url);
      expect(response.status, url).toBe(400);
      expect(response.type).toMatch(/^application\/problem\+json/);
    }
  });

  it('lets an employer write a vacancy with imported concepts, and refuses unknown ones', async () => {
    const { cookie } = await sessionHeaders(app, world.employers.preferred.user);
    const post = (payload: object) =>
      app.server.inject({ method: 'POST', url: '/api/v1/vacatures', headers: { cookie, 'content-type': 'application/json' }, payload });
    const body = {
      employerId: world.employers.preferred.id,
      title: 'Inspiciënt',
      description: 'Achter de schermen.',
      postcode: '3011 AB',
      hoursPerWeek: 32,
      contractType: 'vast',
      occupationUri: inspicient,
      requiredSkills: [pallets],
      publishedUntil: todayIso(new Date(Date.now() + 20 * 24 * 60 * 60 * 1000)),
    };
    const created = await post(body);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      occupation: { uri: inspicient, label: 'inspiciënt' },
      requiredSkills: [{ uri: pallets, label: 'pallets stapelen' }],
    });
    const unknown = await post({ ...body, requiredSkills: ['http://data.europa.eu/esco/skill/99999999-0000-4000-8000-000000000000'] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().invalidParams).toEqual([
      expect.objectContaining({ name: 'requiredSkills', reason: 'Kies vaardigheden uit de lijst.' }),
    ]);
  });
});
