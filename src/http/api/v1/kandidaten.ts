import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { hasRole } from '#app/domain/accounts/actor.js';
import { listCandidates, readCandidate, type CandidateListScope } from '#app/domain/candidates/queries.js';
import { maxPoolPageSize, secondsUntilNextDay } from '#app/domain/privacy/view-limit.js';
import type { AppDeps } from '../../deps.js';
import { sendProblem } from './problem.js';
import { defineOperation, pageLinks, pageLinksSchema, paginationQuery } from './registry.js';

const concept = z.object({ uri: z.string(), label: z.string() });

/** Every field is optional: the caller receives only what the policy lets them see. */
export const candidateSchema = z.object({
  id: z.string().uuid(),
  pseudonym: z.string().describe('Schuilnaam; werkgevers zien nooit de naam van een anonieme kandidaat'),
  instantieId: z.string(),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  email: z.string().nullable().optional(),
  phone: z.string().nullable().optional(),
  wishedOccupations: z.array(concept).optional(),
  hoursPerWeek: z.number().int().nullable().optional(),
  days: z.array(z.string()).optional(),
  skills: z.array(concept).optional(),
  workExperience: z.array(z.object({ title: z.string(), employer: z.string(), years: z.number() })).optional(),
  educationLevel: z.string().nullable().optional(),
  languages: z.array(z.object({ language: z.string(), level: z.string() })).optional(),
  dutchLevel: z.string().nullable().optional(),
  about: z.string().nullable().optional(),
  availability: z.string().optional(),
  availabilityExpiresAt: z.string().datetime().optional(),
  availabilityExpired: z.boolean().optional(),
  postcode: z.string().nullable().optional().describe('Alleen voor de kandidaat zelf en medewerkers van de eigen instantie'),
  postcodeArea: z.string().nullable().optional().describe('De vier cijfers van de postcode (PC4)'),
  travelRadiusKm: z.number().int().nullable().optional(),
  travelModes: z.array(z.string()).optional(),
  supportNeeds: z.array(z.string()).optional(),
  participationStep: z.number().int().nullable().optional(),
  regieLevel: z.string().optional(),
  targetGroups: z.array(z.string()).optional(),
});

const scopes = ['caseload', 'instantie', 'expired', 'pool'] as const satisfies readonly CandidateListScope[];

const listQuery = z.object({
  ...paginationQuery,
  scope: z
    .enum(scopes, { error: 'scope is een van: caseload, instantie, expired, pool.' })
    .optional()
    .describe(
      'Welke kandidaten: caseload (eigen), instantie, expired (beschikbaarheid verlopen), pool (werkgevers). Standaard: instantie voor medewerkers, pool voor werkgevers.',
    ),
  search: z.string().max(100, 'search is hoogstens 100 tekens.').optional().describe('Zoek op naam of schuilnaam'),
});

const idParams = z.object({ id: z.string() });

/** 429: the employer user has seen their number of candidate profiles for today. */
const sendViewLimit = (reply: FastifyReply, detail: string) =>
  sendProblem(reply.header('retry-after', String(secondsUntilNextDay())), 429, detail);

export function candidateOperations({ db }: AppDeps) {
  return [
    defineOperation({
      method: 'get',
      path: '/kandidaten',
      operationId: 'listKandidaten',
      summary: 'Kandidaten die u mag zien',
      description:
        'Medewerkers zien de kandidaten van hun eigen instantie. Werkgevers zien alleen kandidaten die toestemming gaven, ' +
        'en alleen de velden die de kandidaat openzette voor de categorie van hun organisatie. Gewone werkgevers (business-as-usual) ' +
        'zoeken niet zelf in de pool, tenzij de instantie dat toestaat. ' +
        `In de pool krijgt u hoogstens ${maxPoolPageSize} kandidaten per pagina (pageSize), en een export van de pool is er niet. ` +
        'Elke kandidaat in de lijst telt mee voor het aantal profielen dat een werkgever per dag mag bekijken; ' +
        'komt u met deze pagina boven dat aantal, dan is het antwoord 429.',
      tag: 'Kandidaten',
      authenticated: true,
      query: listQuery,
      success: {
        status: 200,
        description: 'Een pagina kandidaten',
        schema: z.object({
          items: z.array(candidateSchema),
          page: z.number().int(),
          pageSize: z.number().int(),
          total: z.number().int(),
          _links: pageLinksSchema,
        }),
      },
      errors: [400, 403, 429],
      handler: async ({ actor, query, reply }) => {
        const isStaff = hasRole(actor, 'consulent') || hasRole(actor, 'beheerder') || hasRole(actor, 'auditor');
        const scope = query.scope ?? (isStaff ? 'instantie' : 'pool');
        const result = await listCandidates(
          db,
          actor!,
          { scope, page: query.page, pageSize: query.pageSize, search: query.search },
          'api.kandidaten.list',
        );
        if (result === 'forbidden') return sendProblem(reply, 403, 'U mag deze lijst met kandidaten niet opvragen.');
        if (result === 'page_too_large')
          return sendProblem(reply, 400, 'Een of meer velden zijn niet goed ingevuld.', {
            pageSize: `pageSize is maximaal ${maxPoolPageSize} in de pool van kandidaten.`,
          });
        if (result === 'limit')
          return sendViewLimit(
            reply,
            'Met deze pagina komt u boven het aantal kandidaatprofielen dat u per dag mag bekijken. ' +
              'Vraag minder kandidaten per pagina (pageSize), of probeer het morgen opnieuw.',
          );
        return {
          items: result.items.map((item) => item.view),
          page: result.page,
          pageSize: result.pageSize,
          total: result.total,
          _links: pageLinks('/kandidaten', query, result.page, result.pageSize, result.total),
        };
      },
    }),
    defineOperation({
      method: 'get',
      path: '/kandidaten/{id}',
      operationId: 'getKandidaat',
      summary: 'Eén kandidaat, met alleen de velden die u mag zien',
      description:
        'Voor werkgevers telt elk profiel mee voor het aantal profielen dat zij per dag mogen bekijken. ' +
        'Is dat aantal bereikt, dan is het antwoord 429 tot het einde van de dag.',
      tag: 'Kandidaten',
      authenticated: true,
      params: idParams,
      success: { status: 200, description: 'De kandidaat', schema: candidateSchema },
      errors: [404, 429],
      handler: async ({ actor, params, reply }) => {
        const read = await readCandidate(db, actor, params.id, 'api.kandidaten.get');
        // Refused and absent look the same, so walking ids reveals nothing.
        if (!read) return sendProblem(reply, 404, 'Deze kandidaat bestaat niet of u mag deze niet zien.');
        if (read === 'limit')
          return sendViewLimit(reply, 'U heeft vandaag het maximum aantal kandidaatprofielen bekeken. Morgen kunt u weer verder.');
        return read.view;
      },
    }),
  ];
}
