import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyFormbody from '@fastify/formbody';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply } from 'fastify';
import { apiOperations } from './api/v1/index.js';
import { sendProblem } from './api/v1/problem.js';
import { apiPrefix, apiVersion, openApiDocument, registerOperations } from './api/v1/registry.js';
import type { AppDeps } from './deps.js';
import { ErrorPage, errorStatusFor } from './pages/error-page.js';
import { registerPages } from './pages/index.js';
import { sendPage } from './plugins/render.js';
import { registerRequestContext } from './plugins/request-context.js';

export type ServerOptions = {
  cookieSecret: string;
  baseUrl: string;
  logger?: boolean;
  secureCookies?: boolean;
  trustProxy: string[];
  rateLimitPerMinute: number;
};

const require = createRequire(import.meta.url);
const css = 'text/css; charset=utf-8';
const assets: Record<string, { body: Buffer; type: string }> = {
  'utrecht.css': { body: readFileSync(require.resolve('@utrecht/component-library-css/dist/index.css')), type: css },
  'theme.css': { body: readFileSync(new URL('../ui/theme.css', import.meta.url)), type: css },
  'concept-search.js': {
    body: readFileSync(new URL('../ui/scripts/concept-search.js', import.meta.url)),
    type: 'text/javascript; charset=utf-8',
  },
};

function containsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(containsNul);
  if (value && typeof value === 'object') return Object.entries(value).some(([key, item]) => key.includes('\u0000') || containsNul(item));
  return false;
}

const isApi = (url: string) => url.startsWith(apiPrefix) || url.startsWith('/api/');

/** The whole HTTP application: security, pages and the API, no listening. */
export async function buildServer(deps: AppDeps, options: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ? { level: 'info' } : false,
    bodyLimit: 256 * 1024,
    trustProxy: options.trustProxy.length ? options.trustProxy : false,
    // A malformed or overlong address is answered before any hook runs: no page context, so plain words.
    frameworkErrors: (_error, request, reply) =>
      isApi(request.url)
        ? sendProblem(reply as FastifyReply, 404, 'Dit adres bestaat niet.')
        : (reply as FastifyReply).status(404).type('text/plain; charset=utf-8').send('Deze pagina bestaat niet. Ga naar de startpagina: /'),
  });

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
      },
    },
  });
  await app.register(fastifyRateLimit, {
    max: options.rateLimitPerMinute,
    timeWindow: '1 minute',
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      message: `Te veel verzoeken; probeer het over ${context.after} opnieuw.`,
    }),
  });
  await app.register(fastifyCookie, { secret: options.cookieSecret });
  await app.register(fastifyFormbody);
  await app.register(fastifyCsrf, {
    sessionPlugin: '@fastify/cookie',
    cookieOpts: { signed: true, httpOnly: true, sameSite: 'lax', path: '/', secure: options.secureCookies ?? false },
  });
  registerRequestContext(app, deps.db, deps.auth);

  // PostgreSQL cannot store a NUL character; such input is refused up front instead of failing in a query.
  app.addHook('preHandler', async (request, reply) => {
    if (!containsNul(request.query) && !containsNul(request.body) && !containsNul(request.params)) return;
    if (isApi(request.url)) return sendProblem(reply, 400, 'De invoer bevat een teken dat niet is toegestaan.');
    return sendPage(request, reply, <ErrorPage status={400} />, 400);
  });

  // Every HTML form carries the CSRF token; the API is protected in its registry instead.
  app.addHook('preHandler', (request, reply, done) => {
    if (request.method === 'POST' && !isApi(request.url)) return app.csrfProtection(request, reply, done);
    done();
  });
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith(apiPrefix)) reply.header('API-Version', apiVersion);
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
    if (status >= 500) request.log.error(error);
    if (isApi(request.url)) {
      const detail =
        status === 400
          ? 'De gegevens konden niet worden gelezen. Stuur geldige JSON.'
          : status >= 500
            ? 'Er ging bij ons iets mis. Er is niets opgeslagen.'
            : error.message;
      return sendProblem(reply, status, detail);
    }
    // A missing or stale CSRF token usually means an expired form: say so, rather than "no access".
    const page = error.code?.startsWith('FST_CSRF') ? 400 : errorStatusFor(status);
    return sendPage(request, reply, <ErrorPage status={page} />, status);
  });
  app.setNotFoundHandler((request, reply) =>
    isApi(request.url) ? sendProblem(reply, 404, 'Dit adres bestaat niet.') : sendPage(request, reply, <ErrorPage status={404} />, 404),
  );

  app.get('/assets/:name', async (request, reply) => {
    const asset = assets[(request.params as { name: string }).name];
    if (!asset) return reply.callNotFound();
    return reply.header('content-type', asset.type).header('cache-control', 'public, max-age=3600').send(asset.body);
  });

  const operations = apiOperations(deps);
  const document = openApiDocument(operations, options.baseUrl);
  app.get(`${apiPrefix}/openapi.json`, async (_request, reply) =>
    reply.header('access-control-allow-origin', '*').header('content-type', 'application/json; charset=utf-8').send(document),
  );
  registerOperations(app, operations);

  registerPages(app, deps);
  return app;
}
