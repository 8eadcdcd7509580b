import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { sessionHeaders } from '../../../../test/support/api.js';
import { makeCandidate, makeWorld, type World } from '../../../../test/support/fixtures.js';

let app: TestApp;
let world: World;
let candidateId: string;
let candidateUser: { email: string; password: string };

type Json = Record<string, unknown> & { items?: Record<string, unknown>[]; invalidParams?: { name: string; reason: string }[] };
async function call(method: 'GET' | 'POST' | 'DELETE', url: string, user: { email: string; password: string }, body?: unknown) {
  const response = await app.server.inject({
    method,
    url: `/api/v1${url}`,
    headers: { ...(await sessionHeaders(app, user)), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    payload: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.statusCode, type: response.headers['content-type'], json: (response.body ? response.json() : {}) as Json };
}

beforeAll(async () => {
  app = await createTestApp();
  world = await makeWorld(app);
  const made = await makeCandidate(app, world.consulent, { withLogin: true });
  candidateId = made.id;
  candidateUser = made.user!;
});
afterAll(async () => app?.close());

describe('/kandidaten/{id}/zoekopdrachten', () => {
  it('saves, lists and deletes a search for the candidate', async () => {
    const created = await call('POST', `/kandidaten/${candidateId}/zoekopdrachten`, candidateUser, {
      name: 'Dichtbij',
      alertWeekly: true,
      filters: { maxKm: 5, supportOffered: ['jobcoach'] },
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      name: 'Dichtbij',
      alertWeekly: true,
      filters: { maxKm: 5, supportOffered: ['jobcoach'] },
      lastSentAt: null,
    });
    const list = await call('GET', `/kandidaten/${candidateId}/zoekopdrachten`, world.consulent);
    expect(list.status).toBe(200);
    expect(list.json.items!.map((item) => item.id)).toEqual([created.json.id]);
    const deleted = await call('DELETE', `/kandidaten/${candidateId}/zoekopdrachten/${String(created.json.id)}`, candidateUser);
    expect(deleted.status).toBe(204);
    expect((await call('GET', `/kandidaten/${candidateId}/zoekopdrachten`, candidateUser)).json.items).toEqual([]);
  });

  it('answers bad input with 400 and the invalid fields, in Dutch', async () => {
    const bad = await call('POST', `/kandidaten/${candidateId}/zoekopdrachten`, candidateUser, {
      name: '',
      filters: { hoursMin: 30, hoursMax: 20 },
    });
    expect(bad.status).toBe(400);
    expect(bad.type).toContain('application/problem+json');
    expect(bad.json.invalidParams).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'name', reason: 'Geef de zoekopdracht een naam.' }),
        expect.objectContaining({ name: 'filters.hoursMax', reason: 'Het minimum aantal uren is hoger dan het maximum.' }),
      ]),
    );
    expect((await call('GET', `/kandidaten/${candidateId}/zoekopdrachten`, candidateUser)).json.items).toEqual([]);
  });

  it('answers 404 to employers and to staff of another instantie, and for a search of someone else', async () => {
    const created = await call('POST', `/kandidaten/${candidateId}/zoekopdrachten`, world.consulent, { name: 'Van de consulent' });
    expect(created.status).toBe(201);
    for (const user of [world.employers.preferred.user, world.otherConsulent]) {
      expect((await call('GET', `/kandidaten/${candidateId}/zoekopdrachten`, user)).status).toBe(404);
      expect((await call('POST', `/kandidaten/${candidateId}/zoekopdrachten`, user, { name: 'Van buiten' })).status).toBe(404);
      expect((await call('DELETE', `/kandidaten/${candidateId}/zoekopdrachten/${String(created.json.id)}`, user)).status).toBe(404);
    }
    expect((await call('DELETE', `/kandidaten/${candidateId}/zoekopdrachten/geen-id`, candidateUser)).status).toBe(404);
    const names = (await call('GET', `/kandidaten/${candidateId}/zoekopdrachten`, candidateUser)).json.items!.map((item) => item.name);
    expect(names).toEqual(['Van de consulent']);
  });
});
