import type { Db } from '#app/db/connection.js';
import { isUuid } from '../ids.js';

export type NotificationRow = {
  id: string;
  kind: string;
  params: Record<string, string | number>;
  link: string | null;
  createdAt: Date;
  readAt: Date | null;
};

/** A user's own notifications, newest first; nobody reads another's. */
export async function listNotifications(
  db: Db,
  userId: string,
  page: { page: number; pageSize: number },
): Promise<{ items: NotificationRow[]; total: number }> {
  const [rows, count] = await Promise.all([
    db
      .selectFrom('notification')
      .select(['id', 'kind', 'params', 'link', 'created_at', 'read_at'])
      .where('user_id', '=', userId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
    db
      .selectFrom('notification')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('user_id', '=', userId)
      .executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      params: row.params,
      link: row.link,
      createdAt: row.created_at,
      readAt: row.read_at,
    })),
    total: Number(count.n),
  };
}

export async function unreadCount(db: Db, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notification')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Marks one of the user's own notifications as read; false when there is no such notification of theirs. */
export async function markNotificationRead(db: Db, userId: string, id: string, now = new Date()): Promise<boolean> {
  if (!isUuid(id)) return false;
  const row = await db
    .updateTable('notification')
    .set((eb) => ({ read_at: eb.fn.coalesce('read_at', eb.val(now)) }))
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .returning('id')
    .executeTakeFirst();
  return !!row;
}
