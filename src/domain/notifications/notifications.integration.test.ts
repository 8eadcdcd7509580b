import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translator } from '#app/i18n.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { makeUser } from '../../../test/support/fixtures.js';
import { notificationText, renderNotification } from './kinds.js';
import { notify } from './notify.js';
import { composeMail } from './outbox.js';
import { listNotifications, markNotificationRead, unreadCount } from './queries.js';

let app: TestApp;
let person: { userId: string; email: string };
let other: { userId: string };
const db = () => app.database.db;
const outboxFor = (notificationId: string) =>
  db().selectFrom('mail_outbox').selectAll().where('notification_id', '=', notificationId).execute();

beforeAll(async () => {
  app = await createTestApp();
  person = await makeUser(app, 'Sanne de Vries', []);
  other = await makeUser(app, 'Iemand Anders', []);
});
afterAll(async () => app?.close());

describe('notify', () => {
  it('writes the notification and a Dutch e-mail to the account address in one transaction', async () => {
    const id = await db()
      .transaction()
      .execute((trx) =>
        notify(trx, {
          userId: person.userId,
          kind: 'availability_expiring',
          params: { expiresAt: '2026-12-12T08:00:00.000Z' },
          link: '/kandidaat',
        }),
      );
    expect(id).toBeTruthy();
    const [mail] = await outboxFor(id!);
    expect(mail).toMatchObject({
      to_address: person.email,
      subject: 'Je beschikbaarheid verloopt op 12 december 2026',
      link: '/kandidaat',
      sent_at: null,
      attempts: 0,
    });
    expect(mail!.text_body).toMatch(/^Hallo Sanne de Vries,\n\nWerkgevers zien tot 12 december 2026/);
    expect(mail!.text_body.endsWith('Bevestig je beschikbaarheid:')).toBe(true);

    // What goes out: the stored text, the address made absolute, the closing line.
    const sent = composeMail(mail!, 'https://werkregie.example.nl');
    expect(sent.text).toContain(
      'Bevestig je beschikbaarheid:\nhttps://werkregie.example.nl/kandidaat\n\n-- \nJe krijgt deze e-mail van Werkregie.',
    );
    expect(sent.html).toBeUndefined();
  });

  it('writes nothing at all when the transaction fails after it', async () => {
    const before = await db().selectFrom('notification').select('id').where('user_id', '=', person.userId).execute();
    const mailsBefore = await db().selectFrom('mail_outbox').select('id').execute();
    await expect(
      db()
        .transaction()
        .execute(async (trx) => {
          await notify(trx, { userId: person.userId, kind: 'availability_expired', params: { expiresAt: '2026-12-12T08:00:00.000Z' } });
          throw new Error('de schrijfactie daarna mislukt');
        }),
    ).rejects.toThrow('mislukt');
    expect(await db().selectFrom('notification').select('id').where('user_id', '=', person.userId).execute()).toHaveLength(before.length);
    expect(await db().selectFrom('mail_outbox').select('id').execute()).toHaveLength(mailsBefore.length);
  });

  it('keeps a notification in the app only when asked, and writes one with a dedupe key once', async () => {
    const inApp = await notify(db(), { userId: person.userId, kind: 'availability_expired_summary', params: { count: 2 }, email: false });
    expect(await outboxFor(inApp!)).toEqual([]);

    const key = `test-dedupe-${person.userId}`;
    const first = await notify(db(), { userId: person.userId, kind: 'availability_expired_summary', params: { count: 1 }, dedupeKey: key });
    const second = await notify(db(), {
      userId: person.userId,
      kind: 'availability_expired_summary',
      params: { count: 5 },
      dedupeKey: key,
    });
    expect(first).toBeTruthy();
    expect(second).toBeNull();
    expect(await db().selectFrom('notification').select('id').where('dedupe_key', '=', key).execute()).toHaveLength(1);
    expect(
      await db().selectFrom('mail_outbox').select('id').where('subject', '=', '1 kandidaat heeft een verlopen beschikbaarheid').execute(),
    ).toHaveLength(1);
  });
});

describe('reading notifications', () => {
  it('lists only the own ones, newest first, and marks only the own ones as read', async () => {
    const mine = await notify(db(), { userId: person.userId, kind: 'availability_expired_summary', params: { count: 3 }, email: false });
    const theirs = await notify(db(), { userId: other.userId, kind: 'availability_expired_summary', params: { count: 4 }, email: false });
    const list = await listNotifications(db(), person.userId, { page: 1, pageSize: 50 });
    expect(list.items.map((n) => n.id)).toContain(mine);
    expect(list.items.map((n) => n.id)).not.toContain(theirs);
    expect(list.items[0]!.id).toBe(mine);
    const times = list.items.map((n) => n.createdAt.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);

    const unread = await unreadCount(db(), person.userId);
    expect(await markNotificationRead(db(), person.userId, theirs!)).toBe(false);
    expect(await markNotificationRead(db(), person.userId, 'geen-uuid')).toBe(false);
    const row = await db().selectFrom('notification').select('read_at').where('id', '=', theirs!).executeTakeFirstOrThrow();
    expect(row.read_at).toBeNull();

    expect(await markNotificationRead(db(), person.userId, mine!)).toBe(true);
    expect(await unreadCount(db(), person.userId)).toBe(unread - 1);
    const firstRead = (await db().selectFrom('notification').select('read_at').where('id', '=', mine!).executeTakeFirstOrThrow()).read_at;
    // Marking again keeps the first moment of reading.
    expect(await markNotificationRead(db(), person.userId, mine!, new Date(Date.now() + 60_000))).toBe(true);
    const again = (await db().selectFrom('notification').select('read_at').where('id', '=', mine!).executeTakeFirstOrThrow()).read_at;
    expect(again).toEqual(firstRead);
  });
});

describe('texts', () => {
  it('has the same keys in Dutch and English, and renders every kind in both', () => {
    expect(Object.keys(notificationText.en).sort()).toEqual(Object.keys(notificationText.nl).sort());
    const nl = renderNotification('availability_expired_summary', { count: 1 }, 'nl');
    const en = renderNotification('availability_expired_summary', { count: 3 }, 'en');
    expect(nl.title).toBe('1 kandidaat heeft een verlopen beschikbaarheid');
    expect(en.title).toBe('3 candidates have an expired availability');
    expect(renderNotification('availability_expiring', { expiresAt: '2026-12-12T08:00:00.000Z' }, 'en').title).toBe(
      'Your availability ends on 12 December 2026',
    );
    // A kind that a later version no longer knows still shows something sensible.
    const t = translator(notificationText, 'nl');
    expect(renderNotification('verdwenen_soort', {}, 'nl')).toEqual({
      title: t('unknownTitle'),
      body: t('unknownBody'),
      linkText: t('openLink'),
    });
  });
});
