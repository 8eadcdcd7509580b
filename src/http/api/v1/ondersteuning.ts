import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { SupportRequestStatus } from '#app/db/schema.js';
import { employerIds, type Actor } from '#app/domain/accounts/actor.js';
import { decideSupportRequest, recordSpending, requestSupport, setBudget, withdrawSupportRequest } from '#app/domain/support/commands.js';
import {
  budgetOverview,
  listSupportRequests,
  readSupportRequest,
  supportInstantie,
  type BudgetLine,
  type SupportRequestView,
} from '#app/domain/support/queries.js';
import {
  budgetAmountField,
  budgetYear,
  isOverdue,
  provisions,
  spendingSchema,
  supportDecisionSchema,
  supportRequestSchema,
  yearField,
} from '#app/domain/support/rules.js';
import { defaultPlanningRates } from '#app/domain/instanties/settings.js';
import type { CommandResult } from '#app/domain/results.js';
import type { AppDeps } from '../../deps.js';
import { sendProblem } from './problem.js';
import { apiPrefix, defineOperation, linkSchema, pageLinks, pageLinksSchema, paginationQuery } from './registry.js';

const tag = 'Ondersteuning';
const statuses = ['requested', 'approved', 'rejected', 'withdrawn'] as const satisfies readonly SupportRequestStatus[];

const supportRequestOutput = z.object({
  id: z.uuid(),
  placementId: z.uuid().describe('De plaatsing: GET /plaatsingen/{id}'),
  instantieId: z.string(),
  employer: z.object({ id: z.uuid(), name: z.string() }),
  vacancyTitle: z.string(),
  provision: z.enum(provisions).describe('loonwaardebepaling, loonkostensubsidie, jobcoach, werkplekaanpassing of no_riskpolis'),
  status: z.enum(statuses).describe('requested (wacht op een besluit) → approved of rejected; of withdrawn (ingetrokken)'),
  budgetYear: z.number().int().describe('Het jaar van het budget waar de aanvraag onder valt'),
  amountEuros: z
    .number()
    .int()
    .describe(
      'Het bedrag in hele euro’s. Loonkostensubsidie: voor een jaar. Jobcoach en loonwaardebepaling: tegen het planningstarief ' +
        `van de instantie (standaard € ${defaultPlanningRates.jobcoachHourEuros} per uur en € ${defaultPlanningRates.loonwaardebepalingEuros})`,
    ),
  spentEuros: z.number().int().describe('Wat er tot nu toe is uitgegeven'),
  jobcoachHours: z.number().int().nullable(),
  loonwaardePercent: z.number().int().nullable().describe('Bij loonkostensubsidie: de loonwaarde in procenten'),
  subsidyPercent: z
    .number()
    .int()
    .nullable()
    .describe('Bij loonkostensubsidie: 100 min de loonwaarde, in procenten van het minimumloon, hoogstens 70'),
  explanation: z.string(),
  dueDate: z.iso.date().describe('Uiterlijk op deze dag beslist de instantie'),
  overdue: z.boolean().describe('Wacht nog op een besluit en de dag is voorbij'),
  requestedAt: z.iso.datetime(),
  decidedAt: z.iso.datetime().nullable(),
  decisionReason: z.string().nullable().describe('Waarom de instantie de aanvraag afwees'),
  approvedByDefault: z.boolean().describe('Meteen goedgekeurd: een voorkeurspartner, binnen het budget'),
  approvedAboveBudget: z.boolean().describe('Door een persoon goedgekeurd boven het budget (met bevestiging "boven budget")'),
  _links: z.object({ self: linkSchema, placement: linkSchema }),
});
type SupportRequestOutput = z.infer<typeof supportRequestOutput>;

function present(request: SupportRequestView): SupportRequestOutput {
  return {
    id: request.id,
    placementId: request.placement_id,
    instantieId: request.instantie_id,
    employer: { id: request.employer_id, name: request.employer_name },
    vacancyTitle: request.vacancy_title,
    provision: request.provision,
    status: request.status,
    budgetYear: request.budget_year,
    amountEuros: request.amount_euros,
    spentEuros: request.spent_euros,
    jobcoachHours: request.jobcoach_hours,
    loonwaardePercent: request.loonwaarde_percent,
    subsidyPercent: request.subsidy_percent,
    explanation: request.explanation,
    dueDate: request.due_date,
    overdue: isOverdue(request),
    requestedAt: request.requested_at.toISOString(),
    decidedAt: request.decided_at?.toISOString() ?? null,
    decisionReason: request.decision_reason,
    approvedByDefault: request.approved_by_default,
    approvedAboveBudget: request.approved_above_budget,
    _links: {
      self: { href: `${apiPrefix}/ondersteuningsaanvragen/${request.id}` },
      placement: { href: `${apiPrefix}/plaatsingen/${request.placement_id}` },
    },
  };
}

const budgetOutput = z.object({
  year: z.number().int(),
  provision: z.enum(provisions),
  budgetEuros: z.number().int().nullable().describe('Het budget; null als er geen is vastgelegd'),
  committedEuros: z.number().int().describe('Toegezegd: de bedragen van goedgekeurde aanvragen'),
  spentEuros: z.number().int().describe('Uitgegeven op goedgekeurde aanvragen'),
  leftEuros: z.number().int().nullable().describe('Het budget min wat is toegezegd; onder 0 na goedkeuring boven budget'),
  waitingEuros: z.number().int().describe('Gevraagd in aanvragen die nog wachten op een besluit'),
  updatedAt: z.iso.datetime().nullable(),
});

const presentBudget = (year: number, line: BudgetLine): z.infer<typeof budgetOutput> => ({
  year,
  provision: line.provision,
  budgetEuros: line.budgetEuros,
  committedEuros: line.committedEuros,
  spentEuros: line.spentEuros,
  leftEuros: line.leftEuros,
  waitingEuros: line.waitingEuros,
  updatedAt: line.updatedAt?.toISOString() ?? null,
});

function failure(reply: FastifyReply, result: Exclude<CommandResult<unknown>, { ok: true }>, forbidden: string, notFound: string) {
  switch (result.reason) {
    case 'invalid':
      return sendProblem(reply, 400, 'Een of meer velden zijn niet goed ingevuld.', result.errors);
    case 'forbidden':
      return sendProblem(reply, 403, forbidden);
    case 'not_found':
      return sendProblem(reply, 404, notFound);
    case 'conflict':
      return sendProblem(reply, 409, result.detail);
  }
}

const idParams = z.object({ id: z.uuid() });
const requestNotFound = 'Deze aanvraag bestaat niet of u mag deze niet zien.';
const placementNotFound = 'Deze plaatsing bestaat niet of u mag deze niet zien.';
const yearQuery = z.object({
  jaar: yearField.optional().describe('Het jaar, bijvoorbeeld 2026; zonder jaar: dit jaar'),
});
const budgetParams = z.object({ jaar: yearField, voorziening: z.enum(provisions) });
const budgetBody = z.object({ amountEuros: budgetAmountField });

export function supportOperations({ db }: AppDeps) {
  /** The request as the actor reads it after a change (the actor could change it, so may read it). */
  const current = async (actor: Actor, id: string) => present((await readSupportRequest(db, actor, id))!.request);

  return [
    defineOperation({
      method: 'post',
      path: '/plaatsingen/{id}/ondersteuningsaanvragen',
      operationId: 'createOndersteuningsaanvraag',
      summary: 'Ondersteuning aanvragen bij een plaatsing',
      description:
        'Voor de werkgever van de plaatsing (of een consulent of beheerder van de instantie), zolang de plaatsing loopt of op de ' +
        'instantie wacht (anders 409). Wat u meestuurt hangt af van provision: loonwaardebepaling niets meer; ' +
        'loonkostensubsidie de loonwaardePercent (0–100; de subsidie is 100 min de loonwaarde, hoogstens 70 procent van het ' +
        'minimumloon van € 14,71 per uur, voor een jaar van de uren van de plaatsing); jobcoach de jobcoachHours; ' +
        'werkplekaanpassing en no_riskpolis een amountEuros en een explanation. Een aanvraag van een voorkeurspartner die in ' +
        'het budget past, is meteen goedgekeurd (approvedByDefault); anders beslist een persoon vóór dueDate.',
      tag,
      authenticated: true,
      params: idParams,
      body: supportRequestSchema,
      success: { status: 201, description: 'De aanvraag; de header Location wijst ernaar', schema: supportRequestOutput },
      errors: [403, 404, 409],
      handler: async ({ actor, params, body, reply }) => {
        const result = await requestSupport(db, actor!, params.id, body);
        if (!result.ok)
          return failure(
            reply,
            result,
            'Alleen de werkgever van de plaatsing of de instantie vraagt ondersteuning aan.',
            placementNotFound,
          );
        reply.header('location', `${apiPrefix}/ondersteuningsaanvragen/${result.value.id}`);
        return current(actor!, result.value.id);
      },
    }),
    defineOperation({
      method: 'get',
      path: '/ondersteuningsaanvragen',
      operationId: 'listOndersteuningsaanvragen',
      summary: 'Aanvragen voor ondersteuning',
      description:
        'Voor consulenten, beheerders en auditors: de aanvragen van hun instantie, de vroegste dueDate eerst. Voor werkgevers: ' +
        'de aanvragen bij hun eigen plaatsingen, de nieuwste eerst. Met status alleen de aanvragen in die stand.',
      tag,
      authenticated: true,
      query: z.object({ ...paginationQuery, status: z.enum(statuses).optional().describe('Alleen aanvragen in deze stand') }),
      success: {
        status: 200,
        description: 'Een pagina aanvragen',
        schema: z.object({
          items: z.array(supportRequestOutput),
          page: z.number().int(),
          pageSize: z.number().int(),
          total: z.number().int(),
          _links: pageLinksSchema,
        }),
      },
      errors: [403],
      handler: async ({ actor, query, reply }) => {
        const instantieId = supportInstantie(actor);
        if (!instantieId && employerIds(actor).length === 0)
          return sendProblem(reply, 403, 'Alleen werkgevers en medewerkers van een instantie zien aanvragen voor ondersteuning.');
        const { page, pageSize, status } = query;
        const scope = instantieId ? { kind: 'instantie' as const, instantieId } : { kind: 'employer' as const };
        const list = await listSupportRequests(db, actor!, scope, {
          status,
          order: instantieId ? 'due' : 'newest',
          limit: pageSize,
          offset: (page - 1) * pageSize,
        });
        return {
          items: list.items.map(present),
          page,
          pageSize,
          total: list.total,
          _links: pageLinks('/ondersteuningsaanvragen', query, page, pageSize, list.total),
        };
      },
    }),
    defineOperation({
      method: 'get',
      path: '/ondersteuningsaanvragen/{id}',
      operationId: 'getOndersteuningsaanvraag',
      summary: 'Eén aanvraag voor ondersteuning',
      description: 'Voor de werkgever van de plaatsing en de medewerkers van de instantie.',
      tag,
      authenticated: true,
      params: idParams,
      success: { status: 200, description: 'De aanvraag', schema: supportRequestOutput },
      errors: [404],
      handler: async ({ actor, params, reply }) => {
        const read = await readSupportRequest(db, actor!, params.id);
        if (!read) return sendProblem(reply, 404, requestNotFound);
        return present(read.request);
      },
    }),
    defineOperation({
      method: 'post',
      path: '/ondersteuningsaanvragen/{id}/besluiten',
      operationId: 'createOndersteuningsbesluit',
      summary: 'Als instantie besluiten over een aanvraag die wacht',
      description:
        'Voor consulenten en beheerders van de instantie, zolang de aanvraag wacht (requested; anders 409). decision approve: ' +
        'goedkeuren. Past het bedrag niet meer in het budget van dat jaar (of is er geen budget)? Dan alleen met ' +
        'aboveBudget: true; dit wordt vastgelegd. decision reject met een reason: afwijzen. De werkgever krijgt bericht.',
      tag,
      authenticated: true,
      params: idParams,
      body: supportDecisionSchema,
      success: { status: 200, description: 'De aanvraag na het besluit', schema: supportRequestOutput },
      errors: [403, 404, 409],
      handler: async ({ actor, params, body, reply }) => {
        const result = await decideSupportRequest(db, actor!, params.id, body);
        if (!result.ok)
          return failure(reply, result, 'Alleen een consulent of beheerder van de instantie besluit over een aanvraag.', requestNotFound);
        return current(actor!, params.id);
      },
    }),
    defineOperation({
      method: 'post',
      path: '/ondersteuningsaanvragen/{id}/intrekkingen',
      operationId: 'createOndersteuningsintrekking',
      summary: 'Een aanvraag voor ondersteuning intrekken',
      description:
        'Voor de werkgever van de plaatsing, en voor de medewerker van de instantie die de aanvraag deed. Kan zolang er niet ' +
        'over is beslist, of na goedkeuring zolang er niets is uitgegeven (anders 409). De aanvraag krijgt status withdrawn; ' +
        'wat zij uit het budget hield, komt weer vrij. Het intrekken wordt vastgelegd.',
      tag,
      authenticated: true,
      params: idParams,
      success: { status: 200, description: 'De aanvraag na het intrekken', schema: supportRequestOutput },
      errors: [403, 404, 409],
      handler: async ({ actor, params, reply }) => {
        const result = await withdrawSupportRequest(db, actor!, params.id);
        if (!result.ok)
          return failure(reply, result, 'Alleen de werkgever, of wie de aanvraag deed, kan een aanvraag intrekken.', requestNotFound);
        return current(actor!, params.id);
      },
    }),
    defineOperation({
      method: 'put',
      path: '/ondersteuningsaanvragen/{id}/uitgaven',
      operationId: 'setOndersteuningsuitgaven',
      summary: 'Vastleggen wat er op een goedgekeurde aanvraag is uitgegeven',
      description:
        'Voor consulenten en beheerders van de instantie: het totaal tot nu toe (geen optelling), in hele euro’s, hoogstens ' +
        'het bedrag van de aanvraag. Alleen bij een goedgekeurde aanvraag (anders 409). Elke wijziging wordt vastgelegd.',
      tag,
      authenticated: true,
      params: idParams,
      body: spendingSchema,
      success: { status: 200, description: 'De aanvraag met het uitgegeven bedrag', schema: supportRequestOutput },
      errors: [403, 404, 409],
      handler: async ({ actor, params, body, reply }) => {
        const result = await recordSpending(db, actor!, params.id, body);
        if (!result.ok)
          return failure(reply, result, 'Alleen een consulent of beheerder van de instantie legt uitgaven vast.', requestNotFound);
        return current(actor!, params.id);
      },
    }),
    defineOperation({
      method: 'get',
      path: '/budgetten',
      operationId: 'listBudgetten',
      summary: 'De budgetten voor ondersteuning van een jaar',
      description:
        'Voor consulenten, beheerders en auditors van een instantie: per soort ondersteuning het budget, wat is toegezegd ' +
        '(goedgekeurde aanvragen), uitgegeven en over.',
      tag,
      authenticated: true,
      query: yearQuery,
      success: {
        status: 200,
        description: 'De budgetten, één per soort ondersteuning',
        schema: z.object({ items: z.array(budgetOutput) }),
      },
      errors: [403],
      handler: async ({ actor, query, reply }) => {
        const year = query.jaar ?? budgetYear();
        const lines = await budgetOverview(db, actor!, year);
        if (!lines) return sendProblem(reply, 403, 'Alleen medewerkers van een instantie zien de budgetten.');
        return { items: lines.map((line) => presentBudget(year, line)) };
      },
    }),
    defineOperation({
      method: 'put',
      path: '/budgetten/{jaar}/{voorziening}',
      operationId: 'setBudget',
      summary: 'Het budget van één soort ondersteuning voor een jaar vastleggen',
      description: 'Voor beheerders, voor hun eigen instantie. 0 betekent: geen geld (meer). Elke wijziging wordt vastgelegd.',
      tag,
      authenticated: true,
      params: budgetParams,
      body: budgetBody,
      success: { status: 200, description: 'Het budget met wat is toegezegd, uitgegeven en over', schema: budgetOutput },
      errors: [403],
      handler: async ({ actor, params, body, reply }) => {
        const result = await setBudget(db, actor!, params.jaar, params.voorziening, body.amountEuros);
        if (!result.ok)
          return failure(reply, result, 'Alleen een beheerder legt budgetten vast.', 'Deze soort ondersteuning bestaat niet.');
        const lines = (await budgetOverview(db, actor!, params.jaar))!;
        return presentBudget(
          params.jaar,
          lines.find((line) => line.provision === params.voorziening)!,
        );
      },
    }),
  ];
}
