import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { PlacementStatus } from '#app/db/schema.js';
import { hasRole, staffInstantie, type Actor } from '#app/domain/accounts/actor.js';
import {
  cancelPlacement,
  confirmAgreement,
  decidePlacement,
  endPlacement,
  registerPlacement,
  type PlacementRow,
} from '#app/domain/placements/commands.js';
import {
  countPlacements,
  leadTime,
  listPlacements,
  readPlacement,
  type LeadTime,
  type PlacementListItem,
  type PlacementScope,
  type PlacementView,
} from '#app/domain/placements/queries.js';
import { placementKinds } from '#app/domain/placements/rules.js';
import { decisionSchema, endSchema, placementFields } from '#app/domain/placements/schema.js';
import type { CommandResult } from '#app/domain/results.js';
import type { AppDeps } from '../../deps.js';
import { commandFailure } from './contacten.js';
import { sendProblem } from './problem.js';
import { apiPrefix, defineOperation, linkSchema, pageLinks, pageLinksSchema, paginationQuery } from './registry.js';

const tag = 'Plaatsingen';
const statuses = ['awaiting_instantie', 'active', 'ended', 'rejected', 'cancelled'] as const satisfies readonly PlacementStatus[];
const parties = ['candidate', 'employer', 'instantie'] as const;

const leadTimeSchema = z
  .object({
    firstContactAt: z.iso.datetime().describe('Het eerste contact tussen kandidaat en werkgever'),
    startedAt: z.iso.datetime().nullable().describe('De start van de plaatsing; null zolang die niet is begonnen'),
    milliseconds: z.number().int().nullable().describe('De tijd van het eerste contact tot de start, in systeemtijd'),
  })
  .describe('De doorlooptijd van eerste contact tot start');

/** The fields every placement shows, in the list and alone. */
const placementBase = {
  id: z.uuid(),
  contactId: z.uuid().describe('Het contact waaruit de plaatsing kwam: GET /contacten/{id}'),
  candidateId: z.uuid(),
  vacancy: z.object({ id: z.uuid(), title: z.string() }),
  employer: z.object({ id: z.uuid(), name: z.string() }),
  instantieId: z.string(),
  route: z
    .enum(['preferred', 'committed', 'business_as_usual'])
    .describe(
      'De categorie van de werkgever bij de instantie van de kandidaat: preferred start meteen, committed start na ' +
        'bevestiging of vanzelf na een aantal werkdagen, business_as_usual wacht op goedkeuring van de instantie',
    ),
  kind: z.enum(placementKinds),
  status: z.enum(statuses).describe('awaiting_instantie → active → ended; of rejected (door de instantie) of cancelled'),
  startDate: z.iso.date(),
  endDate: z.iso.date().nullable(),
  hoursPerWeek: z.number().int(),
  support: z.string(),
  conditions: z.string(),
  intendedContractMonths: z.number().int().nullable(),
  positiveAdviceReference: z.string().nullable(),
  positiveAdviceDate: z.iso.date().nullable(),
  startsUnlessObjectionAt: z.iso
    .datetime()
    .nullable()
    .describe('Bij een committed partner: dan start de plaatsing vanzelf, als de instantie niet eerder besluit'),
  registeredAt: z.iso.datetime(),
  startedAt: z.iso.datetime().nullable(),
  decisionReason: z.string().nullable().describe('Waarom de instantie de plaatsing afwees'),
  endedOn: z.iso.date().nullable().describe('De laatste dag van de plaatsing'),
  endReason: z.string().nullable(),
  followUp: z.enum(['contract', 'extension', 'stopped']).nullable().describe('Hoe het na de plaatsing verder ging'),
  evaluation: z.string().nullable(),
  leadTime: leadTimeSchema,
  _links: z.object({ self: linkSchema, contact: linkSchema }),
};

export const placementOutputSchema = z.object({
  ...placementBase,
  side: z.enum(['candidate', 'employer', 'consultant']).describe('Uw kant in deze plaatsing'),
  confirmations: z
    .array(
      z.object({
        party: z.enum(parties),
        name: z.string().nullable().describe('Wie bevestigde; voor de kandidaat null (de naam staat bij het contact)'),
        confirmedAt: z.iso.datetime(),
      }),
    )
    .describe('Wie de overeenkomst bevestigde, en wanneer'),
});
type PlacementOutput = z.infer<typeof placementOutputSchema>;

const placementListItemSchema = z.object({
  ...placementBase,
  confirmedParties: z.array(z.enum(parties)).describe('De partijen die de overeenkomst bevestigden'),
});

function presentBase(p: PlacementRow, vacancyTitle: string, employerName: string, lead: LeadTime) {
  return {
    id: p.id,
    contactId: p.application_id,
    candidateId: p.candidate_id,
    vacancy: { id: p.vacancy_id, title: vacancyTitle },
    employer: { id: p.employer_id, name: employerName },
    instantieId: p.instantie_id,
    route: p.route,
    kind: p.kind,
    status: p.status,
    startDate: p.start_date,
    endDate: p.end_date,
    hoursPerWeek: p.hours_per_week,
    support: p.support,
    conditions: p.conditions,
    intendedContractMonths: p.intended_contract_months,
    positiveAdviceReference: p.positive_advice_reference,
    positiveAdviceDate: p.positive_advice_date,
    startsUnlessObjectionAt: p.starts_unless_objection_at?.toISOString() ?? null,
    registeredAt: p.registered_at.toISOString(),
    startedAt: p.started_at?.toISOString() ?? null,
    decisionReason: p.decision_reason,
    endedOn: p.ended_at?.toISOString().slice(0, 10) ?? null,
    endReason: p.end_reason,
    followUp: p.follow_up,
    evaluation: p.evaluation,
    leadTime: {
      firstContactAt: lead.firstContactAt.toISOString(),
      startedAt: lead.startedAt?.toISOString() ?? null,
      milliseconds: lead.milliseconds,
    },
    _links: {
      self: { href: `${apiPrefix}/plaatsingen/${p.id}` },
      contact: { href: `${apiPrefix}/contacten/${p.application_id}` },
    },
  };
}

function presentPlacement(view: PlacementView): PlacementOutput {
  return {
    ...presentBase(view.placement, view.application.vacancy_title, view.application.employer_name, view.leadTime),
    side: view.side,
    confirmations: view.confirmations.map((c) => ({
      party: c.party,
      name: c.party === 'candidate' ? null : c.name,
      confirmedAt: c.confirmedAt.toISOString(),
    })),
  };
}

function presentListItem(item: PlacementListItem): z.infer<typeof placementListItemSchema> {
  return {
    ...presentBase(item, item.vacancy_title, item.employer_name, leadTime({ created_at: item.application_created_at }, item)),
    confirmedParties: item.confirmed_parties,
  };
}

const scopes = ['employer', 'instantie', 'candidate'] as const;
const listQuery = z.object({
  ...paginationQuery,
  scope: z
    .enum(scopes, { error: 'scope is een van: employer, instantie, candidate.' })
    .optional()
    .describe(
      'employer (die van uw organisaties), instantie (die van uw instantie) of candidate (uw eigen). ' +
        'Standaard volgt het uw rol: werkgever, medewerker of kandidaat.',
    ),
  status: z
    .enum(statuses, { error: `status is een van: ${statuses.join(', ')}.` })
    .optional()
    .describe('Alleen plaatsingen met deze status'),
});

const idParams = z.object({ id: z.uuid() });
const notFoundDetail = 'Deze plaatsing bestaat niet of u mag deze niet zien.';

/** The scope of the list for this actor, or null when their roles give them none. */
function scopeFor(actor: Actor, asked: (typeof scopes)[number] | undefined): PlacementScope | null {
  const instantieId = staffInstantie(actor, 'consulent') ?? staffInstantie(actor, 'beheerder') ?? staffInstantie(actor, 'auditor') ?? null;
  const mine: Record<(typeof scopes)[number], PlacementScope | null> = {
    employer: hasRole(actor, 'werkgever') ? { kind: 'employer' } : null,
    instantie: instantieId ? { kind: 'instantie', instantieId } : null,
    candidate: hasRole(actor, 'kandidaat') ? { kind: 'candidate' } : null,
  };
  if (asked) return mine[asked];
  return mine.employer ?? mine.instantie ?? mine.candidate;
}

export function placementOperations({ db }: AppDeps) {
  /** The placement after a change, as the actor's side sees it. */
  const current = async (actor: Actor, id: string, reply: FastifyReply) => {
    const view = await readPlacement(db, actor, id);
    return view ? presentPlacement(view) : sendProblem(reply, 404, notFoundDetail);
  };

  /** A change of one placement: the command, then the placement as it is now. A party that may not act gets 403, not 404. */
  const change =
    (
      run: (actor: Actor, id: string, body: unknown) => Promise<CommandResult<unknown>>,
      forbidden: string,
    ): ((context: { actor: Actor | null; params: { id: string }; body: unknown; reply: FastifyReply }) => Promise<unknown>) =>
    async ({ actor, params, body, reply }) => {
      const result = await run(actor!, params.id, body);
      if (!result.ok) {
        const seen = result.reason === 'not_found' && (await readPlacement(db, actor!, params.id));
        return commandFailure(reply, seen ? { ok: false, reason: 'forbidden' } : result, { forbidden, notFound: notFoundDetail });
      }
      return current(actor!, params.id, reply);
    };

  return [
    defineOperation({
      method: 'post',
      path: '/contacten/{id}/plaatsingen',
      operationId: 'createPlaatsing',
      summary: 'Als werkgever een plaatsing vastleggen: de overeenkomst',
      description:
        'Uit een contact dat new of in_conversation is (een uitnodiging moet aanvaard zijn). Hoe de plaatsing start, hangt af van ' +
        'de categorie van uw organisatie bij de instantie van de kandidaat: preferred start meteen, committed na bevestiging ' +
        'door de instantie of vanzelf na een aantal werkdagen, business_as_usual na goedkeuring. Uw vastlegging is uw ' +
        'bevestiging. De kandidaat werkt nooit meer uren dan die beschikbaar is (400 bij hoursPerWeek). Een proefplaatsing ' +
        'heeft een einddatum binnen het maximum van de instantie; beschut werk vraagt een positief advies.',
      tag,
      authenticated: true,
      params: idParams,
      body: z.object(placementFields),
      success: { status: 201, description: 'De plaatsing; de header Location wijst ernaar', schema: placementOutputSchema },
      errors: [403, 404, 409],
      handler: async ({ actor, params, body, reply }) => {
        const result = await registerPlacement(db, actor!, params.id, body);
        if (!result.ok)
          return commandFailure(reply, result, {
            forbidden: 'Alleen de werkgever legt een plaatsing vast.',
            notFound: 'Dit contact bestaat niet of u mag het niet zien.',
          });
        reply.header('location', `${apiPrefix}/plaatsingen/${result.value.id}`);
        return current(actor!, result.value.id, reply);
      },
    }),
    defineOperation({
      method: 'get',
      path: '/plaatsingen',
      operationId: 'listPlaatsingen',
      summary: 'De plaatsingen die u volgt',
      description:
        'Als werkgever die van uw organisaties, als medewerker die van uw instantie, als kandidaat uw eigen (scope). ' +
        'Wat op de instantie wacht eerst, daarna de nieuwste. Zonder passende rol: 403.',
      tag,
      authenticated: true,
      query: listQuery,
      success: {
        status: 200,
        description: 'Een pagina plaatsingen',
        schema: z.object({
          items: z.array(placementListItemSchema),
          page: z.number().int(),
          pageSize: z.number().int(),
          total: z.number().int(),
          _links: pageLinksSchema,
        }),
      },
      errors: [400, 403],
      handler: async ({ actor, query, reply }) => {
        const scope = scopeFor(actor!, query.scope);
        if (!scope) return sendProblem(reply, 403, 'U volgt geen plaatsingen in deze rol.');
        const { page, pageSize, status } = query;
        const [items, total] = await Promise.all([
          listPlacements(db, actor!, scope, { status, limit: pageSize, offset: (page - 1) * pageSize }),
          countPlacements(db, actor!, scope, status),
        ]);
        return {
          items: items.map(presentListItem),
          page,
          pageSize,
          total,
          _links: pageLinks('/plaatsingen', query, page, pageSize, total),
        };
      },
    }),
    defineOperation({
      method: 'get',
      path: '/plaatsingen/{id}',
      operationId: 'getPlaatsing',
      summary: 'Eén plaatsing, met de bevestigingen en de doorlooptijd',
      description: 'Voor de kandidaat, de werkgever en de medewerkers van de instantie van de kandidaat.',
      tag,
      authenticated: true,
      params: idParams,
      success: { status: 200, description: 'De plaatsing', schema: placementOutputSchema },
      errors: [404],
      handler: async ({ actor, params, reply }) => current(actor!, params.id, reply),
    }),
    defineOperation({
      method: 'post',
      path: '/plaatsingen/{id}/bevestigingen',
      operationId: 'createBevestiging',
      summary: 'De overeenkomst bevestigen voor uw partij',
      description:
        'De kandidaat bevestigt voor zichzelf, een gebruiker van de werkgever voor de werkgever, een consulent of beheerder ' +
        'voor de instantie. Eén bevestiging per partij: wie en wanneer wordt bewaard. Nog eens bevestigen verandert niets en ' +
        'geeft ook 200. Een afgewezen of geannuleerde plaatsing is niet te bevestigen (409).',
      tag,
      authenticated: true,
      params: idParams,
      success: { status: 200, description: 'De plaatsing met de bevestigingen', schema: placementOutputSchema },
      errors: [403, 404, 409],
      handler: change((actor, id) => confirmAgreement(db, actor, id), 'U bevestigt niet voor een partij van deze overeenkomst.'),
    }),
    defineOperation({
      method: 'post',
      path: '/plaatsingen/{id}/besluiten',
      operationId: 'createBesluit',
      summary: 'Als instantie besluiten over een plaatsing die wacht',
      description:
        'Voor consulenten en beheerders van de instantie van de kandidaat, zolang de plaatsing op de instantie wacht ' +
        '(awaiting_instantie; anders 409). decision approve: de plaatsing start en de instantie bevestigt de overeenkomst. ' +
        'decision reject met een reason: de plaatsing gaat niet door en het gesprek gaat verder.',
      tag,
      authenticated: true,
      params: idParams,
      body: decisionSchema,
      success: { status: 200, description: 'De plaatsing na het besluit', schema: placementOutputSchema },
      errors: [403, 404, 409],
      handler: change(
        (actor, id, body) => decidePlacement(db, actor, id, body),
        'Alleen een consulent of beheerder van de instantie van de kandidaat besluit over een plaatsing.',
      ),
    }),
    defineOperation({
      method: 'post',
      path: '/plaatsingen/{id}/annulering',
      operationId: 'createAnnulering',
      summary: 'Als werkgever een plaatsing annuleren die nog niet is begonnen',
      description: 'Zolang de plaatsing op de instantie wacht (anders 409). Het gesprek gaat daarna verder.',
      tag,
      authenticated: true,
      params: idParams,
      success: { status: 200, description: 'De geannuleerde plaatsing', schema: placementOutputSchema },
      errors: [403, 404, 409],
      handler: change((actor, id) => cancelPlacement(db, actor, id), 'Alleen de werkgever annuleert een plaatsing.'),
    }),
    defineOperation({
      method: 'post',
      path: '/plaatsingen/{id}/beeindiging',
      operationId: 'createBeeindiging',
      summary: 'Het einde van een lopende plaatsing vastleggen',
      description:
        'Door de werkgever of de instantie: de laatste dag (endedOn, niet in de toekomst en niet voor de start), hoe het ging ' +
        '(reason, evaluation) en hoe het verder gaat (followUp: contract, extension of stopped). Alleen een lopende ' +
        'plaatsing (anders 409).',
      tag,
      authenticated: true,
      params: idParams,
      body: endSchema,
      success: { status: 200, description: 'De beëindigde plaatsing', schema: placementOutputSchema },
      errors: [403, 404, 409],
      handler: change(
        (actor, id, body) => endPlacement(db, actor, id, body),
        'Alleen de werkgever of de instantie legt het einde van een plaatsing vast.',
      ),
    }),
  ];
}
