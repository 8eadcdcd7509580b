import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateProfileSection } from '#app/domain/candidates/commands.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { makeCandidate, makeWorld, type World } from '../../../test/support/fixtures.js';
import { loginCookie, postForm } from '../../../test/support/session.js';

let app: TestApp;
let world: World;
let consultantCookie: string;
beforeAll(async () => {
  app = await createTestApp();
  world = await makeWorld(app);
  consultantCookie = await loginCookie(app, world.consulent.email, world.consulent.password);
});
afterAll(async () => app?.close());

const tokenIn = (html: string) => /wachtwoord-instellen\?token=([^<"\s]+)/.exec(html)?.[1];

describe('a consultant lets a candidate log in with a password link', () => {
  it('asks for an e-mail address first', async () => {
    const { id } = await makeCandidate(app, world.consulent);
    await app.database.db.updateTable('candidate').set({ email: null }).where('id', '=', id).execute();
    const response = await postForm(
      app,
      consultantCookie,
      `/consulent/kandidaten/${id}/wachtwoordlink`,
      {},
      { tokenFrom: `/consulent/kandidaten/${id}` },
    );
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`/consulent/kandidaten/${id}?inloggen=no_email`);
  });

  it('creates the account, and the candidate chooses a password once', async () => {
    const { id } = await makeCandidate(app, world.consulent);
    const email = `nieuw.${id.slice(0, 8)}@voorbeeld.nl`;
    await updateProfileSection(app.database.db, world.consulent, id, 'contact', {
      firstName: 'Sanne',
      lastName: 'de Vries',
      email,
      phone: '',
    });
    const linkPage = await postForm(
      app,
      consultantCookie,
      `/consulent/kandidaten/${id}/wachtwoordlink`,
      {},
      { tokenFrom: `/consulent/kandidaten/${id}` },
    );
    expect(linkPage.statusCode).toBe(200);
    const token = decodeURIComponent(tokenIn(linkPage.body)!);
    expect(token).toBeTruthy();

    const anonymous = '';
    const mismatch = await postForm(
      app,
      anonymous,
      '/wachtwoord-instellen',
      { token, password: 'een-lang-wachtwoord', repeat: 'iets-anders-dus' },
      { tokenFrom: `/wachtwoord-instellen?token=${token}` },
    );
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.body).toContain('De twee wachtwoorden zijn niet hetzelfde.');

    const saved = await postForm(
      app,
      anonymous,
      '/wachtwoord-instellen',
      { token, password: 'een-lang-wachtwoord', repeat: 'een-lang-wachtwoord' },
      { tokenFrom: `/wachtwoord-instellen?token=${token}` },
    );
    expect(saved.statusCode).toBe(303);
    const candidateCookie = await loginCookie(app, email, 'een-lang-wachtwoord');
    const own = await app.server.inject({ method: 'GET', url: '/kandidaat', headers: { cookie: candidateCookie } });
    expect(own.statusCode).toBe(200);

    const again = await postForm(
      app,
      anonymous,
      '/wachtwoord-instellen',
      { token, password: 'nog-een-wachtwoord', repeat: 'nog-een-wachtwoord' },
      { tokenFrom: `/wachtwoord-instellen?token=${token}` },
    );
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('Deze link werkt niet meer.');
  });

  it('is refused to a consultant of another instantie', async () => {
    const { id } = await makeCandidate(app, world.consulent);
    const other = await loginCookie(app, world.otherConsulent.email, world.otherConsulent.password);
    const response = await postForm(app, other, `/consulent/kandidaten/${id}/wachtwoordlink`, {}, { tokenFrom: '/consulent' });
    expect(response.statusCode).toBe(404);
    const user = await app.database.db.selectFrom('candidate').select('user_id').where('id', '=', id).executeTakeFirstOrThrow();
    expect(user.user_id).toBeNull();
  });
});
