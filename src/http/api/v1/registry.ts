import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Actor } from '#app/domain/accounts/actor.js';
import { parseInput } from '../../validation.js';
import { problemSchema, sendProblem } from './problem.js';

export const apiVersion = '1.0.0';
export const apiPrefix = '/api/v1';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 422 | 429;

export type OperationContext<P, Q, B> = {
  request: FastifyRequest;
  reply: FastifyReply;
  actor: Actor | null;
  params: P;
  query: Q;
  body: B;
};

/**
 * One API operation: its zod schemas validate the request and also make its part of the
 * OpenAPI document, so the document cannot drift from what the server accepts.
 */
export type Operation<P = unknown, Q = unknown, B = unknown> = {
  method: Method;
  /** OpenAPI path below /api/v1, e.g. /vacatures/{id}. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  /** Whether the caller must be signed in (session cookie or API token). */
  authenticated: boolean;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  success: { status: 200 | 201 | 204; description: string; schema?: z.ZodType };
  errors: ErrorStatus[];
  handler: (context: OperationContext<P, Q, B>) => Promise<unknown>;
};

export function defineOperation<P, Q, B>(operation: Operation<P, Q, B>): Operation {
  return operation as Operation;
}

const errorDescriptions: Record<ErrorStatus, string> = {
  400: 'De invoer is niet goed; invalidParams noemt de velden.',
  401: 'Niet ingelogd: stuur een sessiecookie of een API-sleutel (Authorization: Bearer ...).',
  403: 'Ingelogd, maar dit mag u niet.',
  404: 'Niet gevonden, of u mag het niet zien.',
  409: 'Dit botst met de huidige toestand.',
  422: 'De invoer is geldig, maar kan nu niet worden verwerkt.',
  429: 'Te veel gevraagd, bijvoorbeeld het maximum aantal kandidaatprofielen per dag. De header Retry-After zegt na hoeveel seconden het weer kan.',
};

export function registerOperations(app: FastifyInstance, operations: readonly Operation[]): void {
  for (const operation of operations) {
    app.route({
      method: operation.method.toUpperCase() as Uppercase<Method>,
      url: apiPrefix + operation.path.replace(/\{(\w+)\}/g, ':$1'),
      handler: async (request, reply) => {
        if (operation.authenticated && !request.actor) return sendProblem(reply, 401, 'Log in of stuur een geldige API-sleutel.');
        if (
          request.authenticatedBy === 'session' &&
          operation.method !== 'get' &&
          operation.method !== 'delete' &&
          !request.headers['content-type']?.startsWith('application/json')
        ) {
          // A cross-site HTML form cannot send JSON, so JSON-only writes are safe from CSRF with a cookie session.
          // Nor can it send DELETE, which has no body; another site's script would need CORS, which the API does not allow.
          return sendProblem(reply, 415, 'Stuur de gegevens als application/json.');
        }
        const params = operation.params ? parseInput(operation.params, request.params) : { ok: true as const, value: undefined };
        const query = operation.query ? parseInput(operation.query, request.query) : { ok: true as const, value: undefined };
        const body = operation.body ? parseInput(operation.body, request.body ?? {}) : { ok: true as const, value: undefined };
        if (!params.ok) return sendProblem(reply, 404, 'Dit adres bestaat niet.');
        const invalid = { ...(query.ok ? {} : query.errors), ...(body.ok ? {} : body.errors) };
        if (Object.keys(invalid).length > 0) return sendProblem(reply, 400, 'Een of meer velden zijn niet goed ingevuld.', invalid);
        const result = await operation.handler({
          request,
          reply,
          actor: request.actor,
          params: params.ok ? params.value : undefined,
          query: query.ok ? query.value : undefined,
          body: body.ok ? body.value : undefined,
        });
        if (reply.sent) return reply;
        if (operation.success.status === 204) return reply.status(204).send();
        return reply.status(operation.success.status).send(result);
      },
    });
  }
}

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return rest;
};

function parametersOf(schema: z.ZodType | undefined, location: 'path' | 'query') {
  if (!schema) return [];
  const object = jsonSchema(schema, 'input') as { properties?: Record<string, Record<string, unknown>>; required?: string[] };
  return Object.entries(object.properties ?? {}).map(([name, property]) => {
    const { description, ...propertySchema } = property;
    return {
      name,
      in: location,
      required: location === 'path' || (object.required ?? []).includes(name),
      ...(description ? { description } : {}),
      schema: propertySchema,
    };
  });
}

/** The OpenAPI 3.0 document of all operations, per the Dutch API Design Rules. */
export function openApiDocument(operations: readonly Operation[], serverUrl: string) {
  const versionHeader = { $ref: '#/components/headers/API-Version' };
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const parameters = [...parametersOf(op.params, 'path'), ...parametersOf(op.query, 'query')];
    const responses: Record<string, unknown> = {
      [op.success.status]: {
        description: op.success.description,
        headers: { 'API-Version': versionHeader },
        ...(op.success.schema ? { content: { 'application/json': { schema: jsonSchema(op.success.schema, 'output') } } } : {}),
      },
    };
    const errors = new Set<ErrorStatus>(op.errors);
    if (op.method !== 'get' && op.method !== 'delete') errors.add(400);
    if (parameters.length > 0) errors.add(400);
    if (op.authenticated) errors.add(401);
    for (const status of [...errors].sort()) {
      responses[status] = {
        description: errorDescriptions[status],
        headers: { 'API-Version': versionHeader },
        content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
      };
    }
    paths[op.path] ??= {};
    paths[op.path]![op.method] = {
      operationId: op.operationId,
      summary: op.summary,
      ...(op.description ? { description: op.description } : {}),
      tags: [op.tag],
      ...(parameters.length ? { parameters } : {}),
      ...(op.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(op.body, 'input') } } } } : {}),
      responses,
      ...(op.authenticated ? { security: [{ sessionCookie: [] }, { apiToken: [] }] } : { security: [] }),
    };
  }
  const tags = [...new Set(operations.map((op) => op.tag))].map((name) => ({ name }));
  return {
    openapi: '3.0.3',
    info: {
      title: 'Werkregie API',
      version: apiVersion,
      description:
        'De API van Werkregie: vacatures, kandidaten en werkgevers. Wat u van een kandidaat ziet, hangt af van uw rol, ' +
        'de categorie van uw organisatie en de keuzes van de kandidaat. Elke inzage wordt gelogd. ' +
        'Lijsten zijn gepagineerd met de parameters page en pageSize; het antwoord bevat total en _links (self, next, prev).',
      contact: { name: 'Werkregie', email: 'api@werkregie.nl', url: 'https://werkregie.nl' },
      license: { name: 'EUPL-1.2', url: 'https://eupl.eu/1.2/nl/' },
    },
    servers: [{ url: serverUrl + apiPrefix }],
    tags,
    paths,
    components: {
      headers: {
        'API-Version': { description: 'De volledige versie van de API.', schema: { type: 'string', example: apiVersion } },
      },
      schemas: { Problem: jsonSchema(problemSchema, 'output') },
      securitySchemes: {
        sessionCookie: { type: 'apiKey', in: 'cookie', name: 'werkregie.session_token' },
        apiToken: { type: 'http', scheme: 'bearer', description: 'Een persoonlijke API-sleutel, te maken op de pagina API-sleutels.' },
      },
    },
  };
}

/** Pagination shared by every list. */
export const paginationQuery = {
  page: z.coerce
    .number({ error: 'page moet een heel getal zijn.' })
    .int('page moet een heel getal zijn.')
    .min(1, 'page is minimaal 1.')
    .default(1)
    .describe('Paginanummer, vanaf 1'),
  pageSize: z.coerce
    .number({ error: 'pageSize moet een heel getal zijn.' })
    .int('pageSize moet een heel getal zijn.')
    .min(1, 'pageSize is minimaal 1.')
    .max(100, 'pageSize is maximaal 100.')
    .default(20)
    .describe('Aantal resultaten per pagina, 1 tot en met 100'),
};

export function pageLinks(path: string, query: Record<string, unknown>, page: number, pageSize: number, total: number) {
  const href = (p: number) => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) if (value !== undefined && key !== 'page') search.set(key, String(value));
    search.set('page', String(p));
    return `${apiPrefix}${path}?${search}`;
  };
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return {
    self: { href: href(page) },
    ...(page < pages ? { next: { href: href(page + 1) } } : {}),
    ...(page > 1 ? { prev: { href: href(page - 1) } } : {}),
  };
}

export const linkSchema = z.object({ href: z.string() });
export const pageLinksSchema = z.object({ self: linkSchema, next: linkSchema.optional(), prev: linkSchema.optional() });
