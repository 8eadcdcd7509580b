import { createHash } from 'node:crypto';
import { fromNodeHeaders } from 'better-auth/node';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Auth } from '#app/auth.js';
import type { Db } from '#app/db/connection.js';
import { loadActor, type Actor } from '#app/domain/accounts/actor.js';
import { defaultLocale, isLocale, type Locale } from '#app/ui/i18n.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    locale: Locale;
    /** How the actor was recognised: a browser session, an API token, or not at all. */
    authenticatedBy: 'session' | 'token' | null;
  }
}

export function hashApiToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

async function actorFromToken(db: Db, header: string): Promise<Actor | null> {
  const token = header.slice('Bearer '.length).trim();
  if (!token) return null;
  const row = await db
    .selectFrom('api_token')
    .select(['id', 'user_id'])
    .where('token_hash', '=', hashApiToken(token))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row) return null;
  await db.updateTable('api_token').set({ last_used_at: new Date() }).where('id', '=', row.id).execute();
  return loadActor(db, row.user_id);
}

/** Who is asking (session cookie or personal API token) and in which language. */
export function registerRequestContext(app: FastifyInstance, db: Db, auth: Auth): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('locale', defaultLocale);
  app.decorateRequest('authenticatedBy', null);

  app.addHook('onRequest', async (request: FastifyRequest, reply) => {
    if (request.url.startsWith('/assets/')) return;
    const query = request.query as Record<string, unknown> | undefined;
    const chosen = query?.taal;
    if (isLocale(chosen)) {
      request.locale = chosen;
      reply.setCookie('taal', chosen, { path: '/', sameSite: 'lax', httpOnly: true, maxAge: 60 * 60 * 24 * 365 });
    } else if (isLocale(request.cookies.taal)) {
      request.locale = request.cookies.taal;
    }

    const authorization = request.headers.authorization;
    if (authorization?.startsWith('Bearer ')) {
      request.actor = await actorFromToken(db, authorization);
      request.authenticatedBy = request.actor ? 'token' : null;
      return;
    }
    const session = await auth.api.getSession({ headers: fromNodeHeaders(request.headers) });
    if (session) {
      request.actor = await loadActor(db, session.user.id);
      request.authenticatedBy = request.actor ? 'session' : null;
    }
  });
}
