import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { makeWorld, type World } from '../../../../test/support/fixtures.js';
import { loginCookie, postForm } from '../../../../test/support/session.js';
import { hashApiToken, newApiToken } from '#app/domain/accounts/api-tokens.js';

let app: TestApp;
let world: World;
let cookie: string;

beforeAll(async () => {
  app = await createTestApp();
  world = await makeWorld(app);
  cookie = await loginCookie(app, world.consulent.email, world.consulent.password);
});
afterAll(async () => app?.close());

const page = '/account/api-sleutels';
const withToken = (token: string) => ({ authorization: `Bearer ${token}` });
const db = () => app.database.db;

/** Makes a token through the page and reads it from the answer, as the person would copy it. */
async function createToken(name: string, as = cookie): Promise<{ token: string; id: string }> {
  const response = await postForm(app, as, page, { name });
  expect(response.statusCode).toBe(201);
  const token = /id="nieuwe-sleutel"[^>]*value="(wr_[^"]+)"/.exec(response.body)?.[1];
  if (!token) throw new Error('no token on the page');
  const row = await db().selectFrom('api_token').select('id').where('token_hash', '=', hashApiToken(token)).executeTakeFirstOrThrow();
  return { token, id: row.id };
}

describe('the token itself', () => {
  it('is wr_ and 32 random bytes in base64url, and is stored as its SHA-256 hash', () => {
    const token = newApiToken();
    expect(token).toMatch(/^wr_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token.slice(3), 'base64url')).toHaveLength(32);
    expect(newApiToken()).not.toBe(token);
    expect(hashApiToken(token)).toBe(createHash('sha256').update(token).digest('hex'));
  });
});

describe('personal API tokens', () => {
  it('sends visitors to the log-in page', async () => {
    const response = await app.server.inject({ method: 'GET', url: page });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/inloggen?terug=%2Faccount%2Fapi-sleutels');
  });

  it('asks for a name', async () => {
    const response = await postForm(app, cookie, page, { name: '   ' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Geef de sleutel een naam.');
    expect(response.body).not.toContain('id="nieuwe-sleutel"');
  });

  it('shows a new token once, stores only its hash and records the event', async () => {
    const { token, id } = await createToken('Koppeling personeelssysteem');
    const stored = await db().selectFrom('api_token').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(stored.token_hash).toBe(hashApiToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(stored.user_id).toBe(world.consulent.userId);
    const event = await db()
      .selectFrom('event')
      .selectAll()
      .where('subject_type', '=', 'api_token')
      .where('subject_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({ action: 'api_token.created', actor_user_id: world.consulent.userId });

    const later = await app.server.inject({ method: 'GET', url: page, headers: { cookie } });
    expect(later.body).toContain('Koppeling personeelssysteem');
    expect(later.body).not.toContain(token);
  });

  it('authenticates a request with the token until it is revoked', async () => {
    const { token, id } = await createToken('Rapportage');
    const used = await app.server.inject({ method: 'GET', url: page, headers: withToken(token) });
    expect(used.statusCode).toBe(200);
    expect(used.body).toContain(`Ingelogd als ${world.consulent.name}`);
    expect(used.body).toContain('Rapportage');
    const row = await db().selectFrom('api_token').select('last_used_at').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.last_used_at).not.toBeNull();

    const revoked = await postForm(app, cookie, `${page}/${id}/intrekken`, {}, { tokenFrom: page });
    expect(revoked.statusCode).toBe(303);
    expect(revoked.headers.location).toBe(`${page}?ingetrokken=1`);
    const event = await db()
      .selectFrom('event')
      .selectAll()
      .where('subject_id', '=', id)
      .where('action', '=', 'api_token.revoked')
      .executeTakeFirst();
    expect(event?.actor_user_id).toBe(world.consulent.userId);

    const refused = await app.server.inject({ method: 'GET', url: page, headers: withToken(token) });
    expect(refused.statusCode).toBe(303);
    expect(refused.headers.location).toMatch(/^\/inloggen/);
    const list = await app.server.inject({ method: 'GET', url: `${page}?ingetrokken=1`, headers: { cookie } });
    expect(list.body).toContain('De sleutel is ingetrokken.');
    expect(list.body).toContain('Ingetrokken op');
  });

  it("does not let anyone revoke someone else's token", async () => {
    const { token, id } = await createToken('Van de consulent');
    const other = await loginCookie(app, world.beheerder.email, world.beheerder.password);
    const response = await postForm(app, other, `${page}/${id}/intrekken`, {}, { tokenFrom: page });
    expect(response.statusCode).toBe(404);
    expect((await app.server.inject({ method: 'GET', url: page, headers: withToken(token) })).statusCode).toBe(200);
    const theirs = await app.server.inject({ method: 'GET', url: page, headers: { cookie: other } });
    expect(theirs.body).not.toContain('Van de consulent');
  });

  it('does not let a token make or revoke tokens', async () => {
    const { token, id } = await createToken('Alleen lezen');
    const before = await db().selectFrom('api_token').select('id').execute();
    const made = await postForm(app, '', page, { name: 'Stiekem' }, { headers: withToken(token) });
    expect(made.statusCode).toBe(403);
    const revoked = await postForm(app, '', `${page}/${id}/intrekken`, {}, { tokenFrom: page, headers: withToken(token) });
    expect(revoked.statusCode).toBe(403);
    expect(await db().selectFrom('api_token').select('id').execute()).toHaveLength(before.length);
    expect((await app.server.inject({ method: 'GET', url: page, headers: withToken(token) })).statusCode).toBe(200);
  });

  it('does not accept a made-up token', async () => {
    const response = await app.server.inject({ method: 'GET', url: page, headers: withToken(newApiToken()) });
    expect(response.statusCode).toBe(303);
  });
});
