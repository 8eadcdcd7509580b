import { z } from 'zod';
import { hasRole } from '#app/domain/accounts/actor.js';
import {
  candidateCriteriaFields,
  checkOccupationOrSkills,
  toCandidateCriteria,
  whenWorkFieldsValid,
} from '#app/domain/matching/criteria.js';
import { matchFilterFields, toVacancyFilters } from '#app/domain/matching/filters.js';
import {
  candidatesByCriteria,
  candidatesForVacancy,
  vacanciesForCandidate,
  type RankedCandidate,
  type RankedList,
} from '#app/domain/matching/queries.js';
import { partNames } from '#app/domain/matching/score.js';
import { maxPoolPageSize, secondsUntilNextDay } from '#app/domain/privacy/view-limit.js';
import { conceptLabels } from '#app/domain/taxonomy/queries.js';
import { presentVacancy, vacancyConceptUris } from '#app/domain/vacancies/presenter.js';
import { checkHoursOrder, todayIso } from '#app/domain/vacancies/rules.js';
import type { AppDeps } from '../../deps.js';
import { candidateSchema } from './kandidaten.js';
import { sendProblem } from './problem.js';
import { defineOperation, pageLinks, pageLinksSchema, paginationQuery } from './registry.js';
import { vacancyOutputSchema } from './vacatures.js';

const scoreSchema = z
  .object({
    total: z.number().int().describe('De score van 0 tot en met 100'),
    parts: z.array(
      z.object({
        name: z.enum(partNames),
        value: z.number().nullable().describe('0 tot en met 1; null: onbekend of niet van toepassing, telt niet mee'),
        weight: z.number().describe('Het gewicht van dit deel; ondersteuning heeft altijd gewicht 0'),
        facts: z
          .record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]))
          .describe('De feiten achter dit deel, om de score uit te leggen'),
      }),
    ),
  })
  .describe('Een advies, geen besluit: zie /hoe-werkt-het-matchen');

const listFields = {
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
  weightsVersion: z.string().describe('De versie van de gewichten waarmee deze lijst is berekend'),
  _links: pageLinksSchema,
};

const idParams = z.object({ id: z.string() });
const vacancyQuery = z.object({ ...paginationQuery, ...matchFilterFields }).superRefine(checkHoursOrder);
const scopes = ['pool', 'caseload', 'instantie'] as const;
const candidateQuery = z.object({
  ...paginationQuery,
  scope: z
    .enum(scopes, { error: 'scope is een van: pool, caseload, instantie.' })
    .optional()
    .describe(
      'pool (werkgevers, voor hun eigen vacature), caseload (eigen kandidaten) of instantie. Standaard: pool voor werkgevers, caseload voor medewerkers.',
    ),
});

const criteriaQuery = z
  .object({ ...paginationQuery, ...candidateCriteriaFields })
  .superRefine(checkOccupationOrSkills, whenWorkFieldsValid);

/** A page of ranked candidates, for a vacancy or for an employer's own criteria. */
const candidateListSchema = z.object({
  items: z.array(
    z.object({
      candidate: candidateSchema,
      score: scoreSchema,
      distanceKm: z.number().nullable().describe('Afstand tussen de postcodegebieden (PC4), afgerond; null als onbekend of niet zichtbaar'),
    }),
  ),
  ...listFields,
});

const poolPageTooLarge = {
  pageSize: `pageSize is maximaal ${maxPoolPageSize} in de pool van kandidaten.`,
};
const viewLimitDetail =
  'Met deze pagina komt u boven het aantal kandidaatprofielen dat u per dag mag bekijken. Vraag minder kandidaten per pagina, of probeer het morgen opnieuw.';

/** The query for the page links: empty lists left out, lists comma-separated (as the filters accept them). */
const linkQuery = (query: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(query).flatMap(([key, value]) =>
      Array.isArray(value) ? (value.length ? [[key, value.join(',')]] : []) : [[key, value]],
    ),
  );

const isStaff = (actor: Parameters<typeof hasRole>[0]) =>
  hasRole(actor, 'consulent') || hasRole(actor, 'beheerder') || hasRole(actor, 'auditor');

export function matchingOperations({ db }: AppDeps) {
  return [
    defineOperation({
      method: 'get',
      path: '/kandidaten/{id}/vacatures',
      operationId: 'listVacaturesVoorKandidaat',
      summary: 'Vacatures die passen bij een kandidaat, met de score en de uitleg',
      description:
        'Alleen voor de kandidaat zelf en medewerkers van de instantie van de kandidaat. De lijst is een advies: ' +
        'open vacatures die een beroep of vaardigheid met het profiel delen, de best passende eerst. Elke getoonde lijst wordt vastgelegd.',
      tag: 'Matchen',
      authenticated: true,
      params: idParams,
      query: vacancyQuery,
      success: {
        status: 200,
        description: 'Een pagina passende vacatures',
        schema: z.object({
          items: z.array(
            z.object({
              vacancy: vacancyOutputSchema,
              score: scoreSchema,
              distanceKm: z.number().nullable().describe('Afstand tussen de postcodegebieden (PC4), afgerond; null als onbekend'),
            }),
          ),
          ...listFields,
        }),
      },
      errors: [400, 404],
      handler: async ({ actor, params, query, reply }) => {
        const { page, pageSize, ...filters } = query;
        const result = await vacanciesForCandidate(
          db,
          actor!,
          params.id,
          { page, pageSize, filters: toVacancyFilters(filters) },
          'api.kandidaten.vacatures',
        );
        if (result === 'not_found') return sendProblem(reply, 404, 'Deze kandidaat bestaat niet of u mag deze niet zien.');
        const today = todayIso();
        const labels = await conceptLabels(
          db,
          result.items.flatMap((item) => vacancyConceptUris(item.vacancy)),
        );
        return {
          items: result.items.map((item) => ({
            vacancy: presentVacancy(item.vacancy, item.vacancy.employer_name, today, labels),
            score: item.score,
            distanceKm: item.distanceKm === null ? null : Math.round(item.distanceKm),
          })),
          page: result.page,
          pageSize: result.pageSize,
          total: result.total,
          weightsVersion: result.weightsVersion,
          _links: pageLinks(`/kandidaten/${params.id}/vacatures`, linkQuery(query), result.page, result.pageSize, result.total),
        };
      },
    }),
    defineOperation({
      method: 'get',
      path: '/vacatures/{id}/kandidaten',
      operationId: 'listKandidatenVoorVacature',
      summary: 'Kandidaten die passen bij een vacature, met de score en de uitleg',
      description:
        'Werkgevers krijgen kandidaten uit de pool voor hun eigen vacature (scope pool), alleen met de velden die de kandidaat ' +
        'voor hen openzette; de score gebruikt ook alleen die velden. Gewone werkgevers (business-as-usual) zoeken niet zelf: ' +
        'zij vragen de instantie om kandidaten (403). Medewerkers krijgen hun eigen kandidaten (caseload) of die van de instantie. ' +
        `In de pool hoogstens ${maxPoolPageSize} kandidaten per pagina; elke kandidaat telt mee voor het aantal profielen per dag (429).`,
      tag: 'Matchen',
      authenticated: true,
      params: idParams,
      query: candidateQuery,
      success: { status: 200, description: 'Een pagina passende kandidaten', schema: candidateListSchema },
      errors: [400, 403, 404, 429],
      handler: async ({ actor, params, query, reply }) => {
        const scope = query.scope ?? (isStaff(actor) ? 'caseload' : 'pool');
        if (scope === 'pool' && query.pageSize > maxPoolPageSize)
          return sendProblem(reply, 400, 'Een of meer velden zijn niet goed ingevuld.', poolPageTooLarge);
        const result = await candidatesForVacancy(
          db,
          actor!,
          params.id,
          { page: query.page, pageSize: query.pageSize, scope },
          'api.vacatures.kandidaten',
        );
        if (result === 'not_found') return sendProblem(reply, 404, 'Deze vacature bestaat niet of u mag deze niet zien.');
        if (result === 'forbidden')
          return sendProblem(reply, 403, 'U mag niet zelf zoeken in de kandidaten. Vraag de instantie om kandidaten voor deze vacature.');
        if (result === 'limit') return sendProblem(reply.header('retry-after', String(secondsUntilNextDay())), 429, viewLimitDetail);
        return presentCandidates(
          result,
          pageLinks(`/vacatures/${params.id}/kandidaten`, query, result.page, result.pageSize, result.total),
        );
      },
    }),
    defineOperation({
      method: 'get',
      path: '/kandidaten/zoeken',
      operationId: 'zoekKandidaten',
      summary: 'Kandidaten die passen bij uw eigen zoekvraag, met de score en de uitleg',
      description:
        'Voor werkgevers: zoek in de pool die de categorie van uw organisatie opent, zonder vacature. Geef een beroep of ' +
        'minstens één vaardigheid: daarmee worden kandidaten gevonden (zij willen dat beroep doen of hebben die vaardigheden). ' +
        'Plaats, uren en niveau Nederlands bepalen mee wie het beste past. U krijgt alleen de velden die de kandidaat voor u ' +
        'openzette; de score gebruikt ook alleen die velden. Gewone werkgevers (business-as-usual) zoeken niet zelf: zij ' +
        `vragen de instantie om kandidaten (403). Hoogstens ${maxPoolPageSize} kandidaten per pagina; elke kandidaat telt mee ` +
        'voor het aantal profielen per dag (429). Elke getoonde lijst wordt vastgelegd.',
      tag: 'Matchen',
      authenticated: true,
      query: criteriaQuery,
      success: { status: 200, description: 'Een pagina passende kandidaten', schema: candidateListSchema },
      errors: [400, 403, 429],
      handler: async ({ actor, query, reply }) => {
        if (query.pageSize > maxPoolPageSize)
          return sendProblem(reply, 400, 'Een of meer velden zijn niet goed ingevuld.', poolPageTooLarge);
        const { page, pageSize, ...criteria } = query;
        const result = await candidatesByCriteria(
          db,
          actor!,
          toCandidateCriteria(criteria),
          { page, pageSize, scope: 'pool' },
          'api.kandidaten.zoeken',
        );
        if (result === 'forbidden')
          return sendProblem(
            reply,
            403,
            hasRole(actor, 'werkgever')
              ? 'U mag niet zelf zoeken in de kandidaten. Vraag de instantie om kandidaten.'
              : 'Alleen werkgevers zoeken zo in de kandidaten. Medewerkers gebruiken GET /vacatures/{id}/kandidaten.',
          );
        if (result === 'limit') return sendProblem(reply.header('retry-after', String(secondsUntilNextDay())), 429, viewLimitDetail);
        return presentCandidates(result, pageLinks('/kandidaten/zoeken', linkQuery(query), result.page, result.pageSize, result.total));
      },
    }),
  ];
}

/** A ranked candidate list as the API gives it: what the viewer may see of each, the score, the rounded distance. */
function presentCandidates(result: RankedList<RankedCandidate>, links: ReturnType<typeof pageLinks>) {
  return {
    items: result.items.map((item) => ({
      candidate: item.read.view,
      score: item.score,
      distanceKm: item.distanceKm === null ? null : Math.round(item.distanceKm),
    })),
    page: result.page,
    pageSize: result.pageSize,
    total: result.total,
    weightsVersion: result.weightsVersion,
    _links: links,
  };
}
