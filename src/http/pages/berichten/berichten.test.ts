import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notify } from '#app/domain/notifications/notify.js';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { makeUser } from '../../../../test/support/fixtures.js';
import { loginCookie, postForm } from '../../../../test/support/session.js';

let app: TestApp;
let sanne: Awaited<ReturnType<typeof makeUser>>;
let pieter: Awaited<ReturnType<typeof makeUser>>;
let beheerder: Awaited<ReturnType<typeof makeUser>>;
let sanneCookie: string;
let pieterCookie: string;
const db = () => app.database.db;
const get = (url: string, cookie = '') => app.server.inject({ method: 'GET', url, headers: { cookie } });
const readAt = async (id: string) =>
  (await db().selectFrom('notification').select('read_at').where('id', '=', id).executeTakeFirstOrThrow()).read_at;

beforeAll(async () => {
  app = await createTestApp();
  await db().insertInto('region').values({ id: 'rijnmond', name: 'Rijnmond' }).execute();
  await db()
    .insertInto('instantie')
    .values({ id: 'rotterdam', name: 'Gemeente Rotterdam', kind: 'gemeente', region_id: 'rijnmond' })
    .execute();
  sanne = await makeUser(app, 'Sanne Kandidaat', [{ role: 'kandidaat', instantieId: 'rotterdam' }]);
  pieter = await makeUser(app, 'Pieter Consulent', [{ role: 'consulent', instantieId: 'rotterdam' }]);
  beheerder = await makeUser(app, 'Bea Beheerder', [{ role: 'beheerder', instantieId: 'rotterdam' }]);
  sanneCookie = await loginCookie(app, sanne.email, sanne.password);
  pieterCookie = await loginCookie(app, pieter.email, pieter.password);
});
afterAll(async () => app?.close());

describe('Berichten', () => {
  it('sends visitors to the log-in page', async () => {
    const page = await get('/berichten');
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe('/inloggen?terug=%2Fberichten');
    // A visitor's form (with a valid CSRF token from a page) also goes to the log-in page.
    const post = await postForm(app, '', '/berichten/00000000-0000-0000-0000-000000000000/gelezen', {}, { tokenFrom: '/inloggen' });
    expect(post.statusCode).toBe(303);
    expect(post.headers.location).toMatch(/^\/inloggen\?terug=/);
  });

  it('shows only the own notifications, newest first, with the unread count in the menu', async () => {
    const empty = await get('/berichten', sanneCookie);
    expect(empty.statusCode).toBe(200);
    expect(empty.body).toContain('Je hebt nog geen berichten.');
    expect(empty.body).toMatch(/href="\/berichten"[^>]*>Berichten</);

    await notify(db(), {
      userId: sanne.userId,
      kind: 'availability_expiring',
      params: { expiresAt: '2026-12-12T08:00:00.000Z' },
      link: '/kandidaat',
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    await notify(db(), {
      userId: sanne.userId,
      kind: 'availability_expired',
      params: { expiresAt: '2026-12-12T08:00:00.000Z' },
      link: '/kandidaat',
    });
    await notify(db(), { userId: pieter.userId, kind: 'availability_expired_summary', params: { count: 3 }, link: '/consulent/verlopen' });

    const page = await get('/berichten', sanneCookie);
    expect(page.body).toContain('Berichten (2 nieuw)');
    expect(page.body).toContain('Je hebt 2 nieuwe berichten.');
    const expired = page.body.indexOf('Je beschikbaarheid is verlopen');
    const expiring = page.body.indexOf('Je beschikbaarheid verloopt op 12 december 2026');
    expect(expired).toBeGreaterThan(0);
    expect(expiring).toBeGreaterThan(expired);
    expect(page.body).toContain('href="/kandidaat"');
    expect(page.body).not.toContain('verlopen beschikbaarheid');

    // In English, from the same stored notification.
    const english = await get('/berichten?taal=en', sanneCookie);
    expect(english.body).toContain('Your availability has ended');
    expect(english.body).toContain('Messages (2 new)');
  });

  it('marks an own notification as read with a form, and refuses another person’s', async () => {
    const [mine] = await db()
      .selectFrom('notification')
      .select('id')
      .where('user_id', '=', sanne.userId)
      .orderBy('created_at', 'desc')
      .execute();
    const [theirs] = await db().selectFrom('notification').select('id').where('user_id', '=', pieter.userId).execute();

    // Sanne tries Pieter's notification: not found, and it stays unread.
    const denied = await postForm(app, sanneCookie, `/berichten/${theirs!.id}/gelezen`, {}, { tokenFrom: '/berichten' });
    expect(denied.statusCode).toBe(404);
    expect(await readAt(theirs!.id)).toBeNull();
    const odd = await postForm(app, sanneCookie, '/berichten/niet-een-id/gelezen', {}, { tokenFrom: '/berichten' });
    expect(odd.statusCode).toBe(404);

    const done = await postForm(app, sanneCookie, `/berichten/${mine!.id}/gelezen`, {}, { tokenFrom: '/berichten' });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/berichten?gelezen=1');
    expect(await readAt(mine!.id)).toBeInstanceOf(Date);

    const after = await get('/berichten?gelezen=1', sanneCookie);
    expect(after.body).toContain('Het bericht is gemarkeerd als gelezen.');
    expect(after.body).toContain('Berichten (1 nieuw)');
    expect(after.body).toContain('Gelezen op');

    // Without the CSRF token nothing changes.
    const [other] = await db()
      .selectFrom('notification')
      .select('id')
      .where('user_id', '=', sanne.userId)
      .where('read_at', 'is', null)
      .execute();
    const forged = await app.server.inject({
      method: 'POST',
      url: `/berichten/${other!.id}/gelezen`,
      headers: { cookie: sanneCookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: '',
    });
    expect(forged.statusCode).toBe(403);
    expect(await readAt(other!.id)).toBeNull();
  });

  it('pages through many notifications', async () => {
    for (let i = 0; i < 21; i++)
      await notify(db(), { userId: pieter.userId, kind: 'availability_expired_summary', params: { count: i + 1 }, email: false });
    const first = await get('/berichten', pieterCookie);
    expect(first.body).toContain('href="/berichten?pagina=2"');
    expect(first.body).toContain('21 kandidaten hebben een verlopen beschikbaarheid');
    const second = await get('/berichten?pagina=2', pieterCookie);
    expect(second.body).toContain('3 kandidaten hebben een verlopen beschikbaarheid');
  });
});

describe('the development mailbox', () => {
  it('shows a person only the mail to their own address', async () => {
    const page = await get('/ontwikkeling/mailbox', sanneCookie);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Postbus voor ontwikkeling');
    expect(page.body).toContain(sanne.email);
    expect(page.body).toContain('Je beschikbaarheid is verlopen');
    expect(page.body).toContain('Hallo Sanne Kandidaat,');
    expect(page.body).toContain('http://localhost:3000/kandidaat');
    expect(page.body).toContain('Nog niet verstuurd');
    expect(page.body).not.toContain(pieter.email);
    expect(page.body).not.toContain('3 kandidaten hebben');
  });

  it('shows a beheerder all mail, with attempts and errors', async () => {
    await db()
      .updateTable('mail_outbox')
      .set({ attempts: 2, last_error: 'connect ECONNREFUSED 127.0.0.1:25' })
      .where('to_address', '=', pieter.email)
      .execute();
    const cookie = await loginCookie(app, beheerder.email, beheerder.password);
    const page = await get('/ontwikkeling/mailbox', cookie);
    expect(page.body).toContain('Als beheerder zie je alle e-mails.');
    expect(page.body).toContain(sanne.email);
    expect(page.body).toContain(pieter.email);
    expect(page.body).toContain('Pogingen: 2. Laatste fout: connect ECONNREFUSED 127.0.0.1:25');
  });

  it('sends visitors to the log-in page', async () => {
    const page = await get('/ontwikkeling/mailbox');
    expect(page.statusCode).toBe(303);
  });
});

describe('in production', () => {
  it('has no mailbox at all, not even for a beheerder', async () => {
    const production = await createTestApp({ production: true });
    try {
      await production.database.db.insertInto('region').values({ id: 'rijnmond', name: 'Rijnmond' }).execute();
      await production.database.db
        .insertInto('instantie')
        .values({ id: 'rotterdam', name: 'Gemeente Rotterdam', kind: 'gemeente', region_id: 'rijnmond' })
        .execute();
      const admin = await makeUser(production, 'Bea Productie', [{ role: 'beheerder', instantieId: 'rotterdam' }]);
      await notify(production.database.db, { userId: admin.userId, kind: 'availability_expired_summary', params: { count: 1 } });
      const visitor = await production.server.inject({ method: 'GET', url: '/ontwikkeling/mailbox' });
      expect(visitor.statusCode).toBe(404);
      const cookie = await loginCookie(production, admin.email, admin.password);
      const signedIn = await production.server.inject({ method: 'GET', url: '/ontwikkeling/mailbox', headers: { cookie } });
      expect(signedIn.statusCode).toBe(404);
      expect(signedIn.body).not.toContain('verlopen beschikbaarheid');
      // Berichten itself is there.
      const messages = await production.server.inject({ method: 'GET', url: '/berichten', headers: { cookie } });
      expect(messages.statusCode).toBe(200);
      expect(messages.body).toContain('1 kandidaat heeft een verlopen beschikbaarheid');
    } finally {
      await production.close();
    }
  });
});
