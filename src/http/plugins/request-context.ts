import { fromNodeHeaders } from 'better-auth/node';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Auth } from '#app/auth.js';
import type { Db } from '#app/db/connection.js';
import { loadActor, type Actor } from '#app/domain/accounts/actor.js';
import { userIdForApiToken } from '#app/domain/accounts/api-tokens.js';
import { unreadCount } from '#app/domain/notifications/queries.js';
import { defaultLocale, isLocale, type Locale } from '#app/ui/i18n.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    locale: Locale;
    /** How the actor was recognised: a browser session, an API token, or not at all. */
    authenticatedBy: 'session' | 'token' | null;
    /** Unread notifications of a signed-in person on a page, for the menu; 0 elsewhere. */
    unreadNotifications: number;
  }
}

async function actorFromToken(db: Db, header: string): Promise<Actor | null> {
  const userId = await userIdForApiToken(db, header.slice('Bearer '.length).trim());
  return userId ? loadActor(db, userId) : null;
}

/** Who is asking (session cookie or personal API token) and in which language. */
export function registerRequestContext(app: FastifyInstance, db: Db, auth: Auth): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('locale', defaultLocale);
  app.decorateRequest('authenticatedBy', null);
  app.decorateRequest('unreadNotifications', 0);

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
      if (request.actor && !request.url.startsWith('/api/')) request.unreadNotifications = await unreadCount(db, request.actor.userId);
    }
  });
}
