import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '#app/db/connection.js';
import { isUuid } from '../ids.js';
import { recordEvent } from '../privacy/events.js';
import type { Actor } from './actor.js';

/** Only the hash is stored, so a copy of the database gives nobody a working token. */
export function hashApiToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** `wr_` makes a leaked token recognisable (e.g. by secret scanners); 32 random bytes make it unguessable. */
export function newApiToken(): string {
  return `wr_${randomBytes(32).toString('base64url')}`;
}

export const apiTokenSchema = z.object({
  name: z
    .string({ error: 'Geef de sleutel een naam.' })
    .trim()
    .min(1, 'Geef de sleutel een naam.')
    .max(100, 'De naam is te lang. Gebruik hoogstens 100 tekens.'),
});

export type ApiTokenSummary = { id: string; name: string; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null };

export type ApiTokenResult<T> =
  { ok: true; value: T } | { ok: false; reason: 'not_found' } | { ok: false; reason: 'invalid'; errors: Record<string, string> };

/** Makes a personal token; the plain token is returned this once and never stored. */
export async function createApiToken(db: Db, actor: Actor, input: unknown): Promise<ApiTokenResult<{ id: string; token: string }>> {
  const parsed = apiTokenSchema.safeParse(input);
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[issue.path.join('.') || '_'] ??= issue.message;
    return { ok: false, reason: 'invalid', errors };
  }
  const token = newApiToken();
  const id = await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('api_token')
      .values({ user_id: actor.userId, name: parsed.data.name, token_hash: hashApiToken(token) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordEvent(trx, {
      actorUserId: actor.userId,
      subjectType: 'api_token',
      subjectId: row.id,
      action: 'api_token.created',
      data: { name: parsed.data.name },
    });
    return row.id;
  });
  return { ok: true, value: { id, token } };
}

/** The actor's own tokens, newest first; never the hashes. */
export async function listApiTokens(db: Db, actor: Actor): Promise<ApiTokenSummary[]> {
  const rows = await db
    .selectFrom('api_token')
    .select(['id', 'name', 'created_at', 'last_used_at', 'revoked_at'])
    .where('user_id', '=', actor.userId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  }));
}

/**
 * Revokes one of the actor's own tokens. Someone else's token is "not found", so its existence
 * is not revealed. Revoking twice keeps the first date.
 */
export async function revokeApiToken(db: Db, actor: Actor, tokenId: string): Promise<ApiTokenResult<{ name: string }>> {
  if (!isUuid(tokenId)) return { ok: false, reason: 'not_found' };
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('api_token')
      .select(['id', 'name', 'revoked_at'])
      .where('id', '=', tokenId)
      .where('user_id', '=', actor.userId)
      .forUpdate()
      .executeTakeFirst();
    if (!row) return { ok: false as const, reason: 'not_found' as const };
    if (!row.revoked_at) {
      await trx.updateTable('api_token').set({ revoked_at: new Date() }).where('id', '=', row.id).execute();
      await recordEvent(trx, {
        actorUserId: actor.userId,
        subjectType: 'api_token',
        subjectId: row.id,
        action: 'api_token.revoked',
        data: { name: row.name },
      });
    }
    return { ok: true as const, value: { name: row.name } };
  });
}

/** The owner of a valid, unrevoked token, noting when it was last used. */
export async function userIdForApiToken(db: Db, token: string): Promise<string | null> {
  if (!token) return null;
  const row = await db
    .updateTable('api_token')
    .set({ last_used_at: new Date() })
    .where('token_hash', '=', hashApiToken(token))
    .where('revoked_at', 'is', null)
    .returning('user_id')
    .executeTakeFirst();
  return row?.user_id ?? null;
}
