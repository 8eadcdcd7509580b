import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Actor } from '#app/domain/accounts/actor.js';
import { joinWaitingList, leaveWaitingList, takeNextInLine } from '#app/domain/open-hiring/commands.js';
import { ownPlace, readWaitingList, waitingListCounts, type OwnPlace } from '#app/domain/open-hiring/queries.js';
import { joinSchema, queueHeadSize } from '#app/domain/open-hiring/rules.js';
import type { CommandResult } from '#app/domain/results.js';
import { readVacancy } from '#app/domain/vacancies/queries.js';
import { isOpenHiring } from '#app/domain/vacancies/rules.js';
import type { AppDeps } from '../../deps.js';
import { sendProblem } from './problem.js';
import { apiPrefix, defineOperation } from './registry.js';

const idParams = z.object({ id: z.uuid() });
const count = z.number().int();

const countsSchema = z
  .object({
    waiting: count.describe('Mensen die nu wachten'),
    taken: count.describe('Mensen die de werkgever van de wachtlijst nam (aangenomen)'),
    withdrawn: count.describe('Mensen die zelf van de wachtlijst gingen'),
  })
  .describe('De cijfers van de wachtlijst');

const ownPlaceSchema = z.object({
  position: count.describe('De eigen plaats in de rij, vanaf 1'),
  waiting: count.describe('Hoeveel mensen er in totaal wachten'),
  joinedAt: z.iso.datetime().describe('Sinds wanneer de kandidaat op de wachtlijst staat'),
});

const queueRowSchema = z.object({
  position: count.describe('De plaats in de rij, vanaf 1'),
  pseudonym: z
    .string()
    .nullable()
    .describe('Het pseudoniem van de kandidaat, als u dat mag zien (beleid en het maximum aantal profielen per dag); anders null'),
  joinedAt: z.iso.datetime(),
});

const waitingListSchema = z.object({
  vacancyId: z.uuid(),
  counts: countsSchema,
  queue: z
    .array(queueRowSchema)
    .optional()
    .describe(`Alleen voor de werkgever: de eersten in de rij (hoogstens ${queueHeadSize}). Elke rij telt mee als een bekeken profiel.`),
  viewLimitReached: z
    .boolean()
    .optional()
    .describe('Alleen voor de werkgever: true als het maximum aantal profielen per dag de pseudoniemen tegenhield'),
  ownPlace: ownPlaceSchema
    .nullable()
    .optional()
    .describe('Alleen voor een kandidaat: de eigen plaats; null als de kandidaat niet op de wachtlijst staat'),
});

const takenSchema = z.object({
  applicationId: z.uuid().describe('Het contact met de kandidaat die aan de beurt was'),
  vacancyId: z.uuid(),
});

const presentPlace = (place: OwnPlace) => ({ position: place.position, waiting: place.waiting, joinedAt: place.joinedAt.toISOString() });
const notFoundDetail = 'Deze vacature bestaat niet, heeft geen wachtlijst, of u mag haar niet zien.';

function failure(reply: FastifyReply, result: Exclude<CommandResult<unknown>, { ok: true }>, forbiddenDetail: string): FastifyReply {
  switch (result.reason) {
    case 'invalid':
      return sendProblem(reply, 400, 'Een of meer velden zijn niet goed ingevuld.', result.errors);
    case 'forbidden':
      return sendProblem(reply, 403, forbiddenDetail);
    case 'not_found':
      return sendProblem(reply, 404, notFoundDetail);
    case 'conflict':
      return sendProblem(reply, 409, result.detail);
  }
}

/** Open hiring (decision 023): the waiting list of a vacancy, for the candidate and for the employer. */
export function waitingListOperations({ db }: AppDeps) {
  /** A candidate (or anyone but the employer) sees the list of a vacancy they may read, and their own place in it. */
  async function candidateView(actor: Actor, vacancyId: string) {
    const read = await readVacancy(db, actor, vacancyId);
    if (!read || !isOpenHiring(read.vacancy)) return null;
    const [counts, place] = await Promise.all([waitingListCounts(db, vacancyId), ownPlace(db, actor, vacancyId)]);
    return { vacancyId, counts, ownPlace: place ? presentPlace(place) : null };
  }

  return [
    defineOperation({
      method: 'get',
      path: '/vacatures/{id}/wachtlijst',
      operationId: 'getWachtlijst',
      summary: 'De wachtlijst van een vacature met open hiring',
      description:
        'Open hiring: geen cv, geen gesprek; wie zich het eerst meldt, is het eerst aan de beurt. De werkgever van de vacature ziet de cijfers en de eersten in de rij (als pseudoniem). Een kandidaat ziet de cijfers en de eigen plaats.',
      tag: 'Open hiring',
      authenticated: true,
      params: idParams,
      success: { status: 200, description: 'De wachtlijst', schema: waitingListSchema },
      errors: [403, 404],
      handler: async ({ actor, params, reply }) => {
        const employerView = await readWaitingList(db, actor!, params.id);
        if (employerView.ok) {
          const { counts, queue, viewLimitReached } = employerView.value;
          return {
            vacancyId: params.id,
            counts,
            queue: queue.map((row) => ({ position: row.position, pseudonym: row.pseudonym, joinedAt: row.joinedAt.toISOString() })),
            viewLimitReached,
          };
        }
        if (!actor!.memberships.some((m) => m.role === 'kandidaat'))
          return employerView.reason === 'forbidden'
            ? sendProblem(reply, 403, 'Alleen de werkgever van de vacature en kandidaten zien de wachtlijst.')
            : sendProblem(reply, 404, notFoundDetail);
        return (await candidateView(actor!, params.id)) ?? sendProblem(reply, 404, notFoundDetail);
      },
    }),
    defineOperation({
      method: 'post',
      path: '/vacatures/{id}/wachtlijst',
      operationId: 'joinWachtlijst',
      summary: 'Op de wachtlijst gaan (kandidaat)',
      description:
        'Voor een kandidaat, met het eigen profiel. Lees eerst wat het werk van het lichaam vraagt (physicalRequirements van de vacature) en bevestig met requirementsRead: true dat u dit werk kunt doen. Eén keer per vacature (anders 409).',
      tag: 'Open hiring',
      authenticated: true,
      params: idParams,
      body: joinSchema,
      success: {
        status: 201,
        description: 'U staat op de wachtlijst; de header Location wijst naar uw plaats',
        schema: ownPlaceSchema,
      },
      errors: [403, 404, 409],
      handler: async ({ actor, params, body, reply }) => {
        const result = await joinWaitingList(db, actor!, params.id, body);
        if (!result.ok) return failure(reply, result, 'Alleen kandidaten kunnen op een wachtlijst gaan, met hun eigen profiel.');
        reply.header('location', `${apiPrefix}/vacatures/${params.id}/wachtlijst/mijn-plek`);
        return presentPlace((await ownPlace(db, actor!, params.id))!);
      },
    }),
    defineOperation({
      method: 'get',
      path: '/vacatures/{id}/wachtlijst/mijn-plek',
      operationId: 'getMijnPlek',
      summary: 'Mijn plaats op de wachtlijst (kandidaat)',
      tag: 'Open hiring',
      authenticated: true,
      params: idParams,
      success: { status: 200, description: 'Uw plaats', schema: ownPlaceSchema },
      errors: [404],
      handler: async ({ actor, params, reply }) => {
        const place = await ownPlace(db, actor!, params.id);
        return place ? presentPlace(place) : sendProblem(reply, 404, 'U staat niet op de wachtlijst van deze vacature.');
      },
    }),
    defineOperation({
      method: 'delete',
      path: '/vacatures/{id}/wachtlijst/mijn-plek',
      operationId: 'leaveWachtlijst',
      summary: 'Van de wachtlijst gaan (kandidaat)',
      description: 'Telt als teruggetrokken. Later opnieuw aanmelden kan; dan staat u achteraan.',
      tag: 'Open hiring',
      authenticated: true,
      params: idParams,
      success: { status: 204, description: 'U staat niet meer op de wachtlijst' },
      errors: [403, 404],
      handler: async ({ actor, params, reply }) => {
        const result = await leaveWaitingList(db, actor!, params.id);
        if (result.ok) return undefined;
        if (result.reason === 'not_found') return sendProblem(reply, 404, 'U staat niet op de wachtlijst van deze vacature.');
        return failure(reply, result, 'Alleen kandidaten staan op een wachtlijst.');
      },
    }),
    defineOperation({
      method: 'post',
      path: '/vacatures/{id}/wachtlijst/volgende',
      operationId: 'takeVolgende',
      summary: 'De volgende van de wachtlijst nemen (werkgever)',
      description:
        'Voor de werkgever van de vacature. De eerste in de rij is aan de beurt: er opent een contact, de werkgever ziet de naam, en de kandidaat krijgt bericht. Twee mensen die tegelijk nemen, krijgen twee verschillende kandidaten. Leg daarna de plaatsing vast bij het contact. 409 als niemand wacht of de vacature niet open is.',
      tag: 'Open hiring',
      authenticated: true,
      params: idParams,
      success: { status: 201, description: 'Het contact is geopend; de header Location wijst ernaar', schema: takenSchema },
      errors: [403, 404, 409],
      handler: async ({ actor, params, reply }) => {
        const result = await takeNextInLine(db, actor!, params.id);
        if (!result.ok) return failure(reply, result, 'Alleen de werkgever van de vacature neemt de volgende van de wachtlijst.');
        reply.header('location', `${apiPrefix}/contacten/${result.value.applicationId}`);
        return { applicationId: result.value.applicationId, vacancyId: params.id };
      },
    }),
  ];
}
