import type { FastifyReply, FastifyRequest } from 'fastify';
import { hasRole, type Actor } from '#app/domain/accounts/actor.js';
import type { Role } from '#app/db/schema.js';
import { ErrorPage } from './pages/error-page.js';
import { sendPage } from './plugins/render.js';

/**
 * For pages: the signed-in actor holding `role`, or null after answering — a redirect to the
 * log-in page for visitors, the "no access" page for others.
 */
export function requirePageRole(request: FastifyRequest, reply: FastifyReply, role: Role): Actor | null {
  const actor = request.actor;
  if (!actor) {
    reply.redirect(`/inloggen?terug=${encodeURIComponent(request.url)}`, 303);
    return null;
  }
  if (!hasRole(actor, role)) {
    sendPage(request, reply, <ErrorPage status={403} />, 403);
    return null;
  }
  return actor;
}

/** For pages open to every signed-in person: the actor, or null after sending a visitor to the log-in page. */
export function requireSignedIn(request: FastifyRequest, reply: FastifyReply): Actor | null {
  if (!request.actor) reply.redirect(`/inloggen?terug=${encodeURIComponent(request.url)}`, 303);
  return request.actor;
}

export function sendNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return sendPage(request, reply, <ErrorPage status={404} />, 404);
}

/** Only local paths may be a return address after log-in. */
export function safeReturnPath(value: unknown): string | null {
  return typeof value === 'string' && /^\/(?!\/)[^\s\\]*$/.test(value) ? value : null;
}
