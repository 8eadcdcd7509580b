import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ReactElement } from 'react';
import { renderToString } from 'react-dom/server';
import { LocaleContext } from '#app/ui/i18n.js';
import { PageContext } from '#app/ui/page-context.js';

/** Renders a page on the server; the HTML works without JavaScript. */
export function sendPage(request: FastifyRequest, reply: FastifyReply, page: ReactElement, status = 200): FastifyReply {
  const csrfToken = reply.generateCsrf();
  const html = renderToString(
    <LocaleContext.Provider value={request.locale}>
      <PageContext.Provider
        value={{ actor: request.actor, csrfToken, path: request.url, unreadNotifications: request.unreadNotifications }}
      >
        {page}
      </PageContext.Provider>
    </LocaleContext.Provider>,
  );
  return reply
    .status(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(`<!doctype html>${html}`);
}
