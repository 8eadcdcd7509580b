import type { Db } from '#app/db/connection.js';
import { defaultLocale } from '#app/i18n.js';
import { mailWords, renderNotification, type NotificationKind, type NotificationParams } from './kinds.js';

export type NotifyInput<K extends NotificationKind> = {
  userId: string;
  kind: K;
  params: NotificationParams[K];
  /** A path in the app (`/kandidaat`), shown as a link in the app and, made absolute, in the e-mail. */
  link?: string | null;
  /** Also by e-mail to the address of the user's account (default); false keeps it in the app. */
  email?: boolean;
  /** A notification that must exist only once (a daily summary): a second one with this key is not written. */
  dedupeKey?: string;
};

/**
 * Writes a notification for the app and, by default, an e-mail in the outbox. Call it with the
 * transaction of the write that caused it, so both exist or neither. Returns the notification's id,
 * or null when one with the same dedupe key already exists (then nothing is written).
 *
 * The e-mail is in Dutch: Werkregie keeps no language choice per user (the English pages are a
 * cookie of the browser), see docs/decisions/015-notifications-and-jobs.md.
 */
export async function notify<K extends NotificationKind>(trx: Db, input: NotifyInput<K>): Promise<string | null> {
  const [id] = await notifyAll(trx, [input]);
  return id ?? null;
}

/**
 * `notify` for many notifications at once (a weekly job), in three statements instead of three per
 * notification. Returns the ids in the order of `inputs`, null where a dedupe key already existed.
 */
export async function notifyAll<K extends NotificationKind>(trx: Db, inputs: readonly NotifyInput<K>[]): Promise<(string | null)[]> {
  if (inputs.length === 0) return [];
  const rows = await trx
    .insertInto('notification')
    .values(
      inputs.map((input) => ({
        user_id: input.userId,
        kind: input.kind,
        params: JSON.stringify(input.params),
        link: input.link ?? null,
        dedupe_key: input.dedupeKey ?? null,
      })),
    )
    .onConflict((conflict) => conflict.column('dedupe_key').doNothing())
    .returning(['id', 'user_id', 'dedupe_key'])
    .execute();
  // Rows come back in the order they were written; a skipped duplicate leaves a gap, found by its key.
  const written = new Set(rows.map((row) => row.dedupe_key).filter((key) => key !== null));
  let next = 0;
  const ids = inputs.map((input) => (input.dedupeKey && !written.has(input.dedupeKey) ? null : rows[next++]!.id));

  const mailed = inputs.flatMap((input, i) => (ids[i] && input.email !== false ? [{ input, id: ids[i]! }] : []));
  if (mailed.length === 0) return ids;
  const users = new Map(
    (
      await trx
        .selectFrom('user')
        .select(['id', 'email', 'name'])
        .where('id', 'in', [...new Set(mailed.map(({ input }) => input.userId))])
        .execute()
    ).map((user) => [user.id, user]),
  );
  const locale = defaultLocale;
  const words = mailWords(locale);
  const mails = mailed.flatMap(({ input, id }) => {
    const user = users.get(input.userId);
    if (!user) return [];
    const link = input.link ?? null;
    const text = renderNotification(input.kind, input.params, locale);
    const lines = [words.greeting(user.name), '', text.body];
    // The sender puts the address itself on the next line: only it knows where Werkregie runs (BASE_URL).
    if (link) lines.push('', `${text.linkText}:`);
    return [{ notification_id: id, to_address: user.email, subject: text.title, text_body: lines.join('\n'), link }];
  });
  if (mails.length) await trx.insertInto('mail_outbox').values(mails).execute();
  return ids;
}
