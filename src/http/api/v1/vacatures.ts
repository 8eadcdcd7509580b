import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { cefrLevels } from '#app/domain/candidates/rules.js';
import {
  closeSchema,
  closeVacancy,
  createVacancy,
  publishVacancy,
  updateVacancy,
  type VacancyCommandResult,
} from '#app/domain/vacancies/commands.js';
import { listOpenVacancies, readVacancy } from '#app/domain/vacancies/queries.js';
import {
  checkHoursOrder,
  contractTypes,
  suitabilityFlags,
  supportOfferedOptions,
  vacancyFields,
  vacancyFilterFields,
} from '#app/domain/vacancies/rules.js';
import type { AppDeps } from '../../deps.js';
import { sendProblem } from './problem.js';
import { apiPrefix, defineOperation, pageLinks, pageLinksSchema, paginationQuery } from './registry.js';

const concept = z.object({ uri: z.string(), label: z.string() });

export const vacancyOutputSchema = z.object({
  id: z.uuid(),
  employerId: z.uuid(),
  employerName: z.string(),
  title: z.string(),
  description: z.string(),
  postcode: z.string(),
  hoursPerWeek: z.number().int(),
  contractType: z.enum(contractTypes),
  occupation: concept.nullable(),
  requiredDutchLevel: z
    .enum(cefrLevels)
    .nullable()
    .describe('Het niveau Nederlands (ERK/CEFR, A0 t/m C2) dat minstens nodig is voor het werk; null: geen eis'),
  physicalRequirements: z
    .string()
    .nullable()
    .describe('Wat het werk van het lichaam vraagt, in gewone woorden; verplicht bij open hiring. null: niet beschreven'),
  requiredSkills: z.array(concept),
  niceToHaveSkills: z.array(concept),
  supportOffered: z.array(z.enum(supportOfferedOptions)),
  suitability: z.array(z.enum(suitabilityFlags)),
  status: z.enum(['concept', 'open', 'filled', 'closed']).describe('concept → open → filled (vervuld) of closed (gesloten)'),
  publishedUntil: z.iso.date().nullable().describe('Tot en met deze dag (jjjj-mm-dd) staat de vacature open'),
  publiclyListed: z.boolean().describe('Of iedereen de vacature nu ziet: open en de einddatum is niet voorbij'),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

const listQuery = z.object({ ...paginationQuery, ...vacancyFilterFields }).superRefine(checkHoursOrder);
const idParams = z.object({ id: z.uuid() });
const createBody = z.object({
  employerId: z.uuid({ error: 'Kies de organisatie van de vacature.' }).describe('Een organisatie waar u lid van bent'),
  ...vacancyFields,
});
const patchBody = z.object(vacancyFields).partial();

/** The problem for a command that did not succeed. */
function failure(reply: FastifyReply, result: Exclude<VacancyCommandResult<unknown>, { ok: true }>): FastifyReply {
  switch (result.reason) {
    case 'invalid':
      return sendProblem(reply, 400, 'Een of meer velden zijn niet goed ingevuld.', result.errors);
    case 'forbidden':
      return sendProblem(reply, 403, 'U mag deze vacature niet wijzigen: zij is van een andere organisatie.');
    case 'not_found':
      return sendProblem(reply, 404, 'Deze vacature bestaat niet of u mag deze niet zien.');
    case 'conflict':
      return sendProblem(reply, 409, result.detail);
  }
}

export function vacancyOperations({ db }: AppDeps) {
  /** The vacancy as the owner sees it after a change. */
  const current = async (actor: Parameters<typeof readVacancy>[1], id: string) => (await readVacancy(db, actor, id))!.vacancy;

  return [
    defineOperation({
      method: 'get',
      path: '/vacatures',
      operationId: 'listVacatures',
      summary: 'Open vacatures',
      description:
        'Alle vacatures die nu openstaan: status open en de einddatum is niet voorbij. Iedereen mag deze lijst zien, ook zonder in te loggen. Nieuwste eerst.',
      tag: 'Vacatures',
      authenticated: false,
      query: listQuery,
      success: {
        status: 200,
        description: 'Een pagina vacatures',
        schema: z.object({
          items: z.array(vacancyOutputSchema),
          page: z.number().int(),
          pageSize: z.number().int(),
          total: z.number().int(),
          _links: pageLinksSchema,
        }),
      },
      errors: [400],
      handler: async ({ query }) => {
        const { page, pageSize, ...filters } = query;
        const list = await listOpenVacancies(db, filters, { page, pageSize });
        return { ...list, _links: pageLinks('/vacatures', query, list.page, list.pageSize, list.total) };
      },
    }),
    defineOperation({
      method: 'get',
      path: '/vacatures/{id}',
      operationId: 'getVacature',
      summary: 'Eén vacature',
      description: 'Een open vacature ziet iedereen. Een concept, gesloten of vervulde vacature ziet alleen de eigen organisatie.',
      tag: 'Vacatures',
      authenticated: false,
      params: idParams,
      success: { status: 200, description: 'De vacature', schema: vacancyOutputSchema },
      errors: [404],
      handler: async ({ actor, params, reply }) => {
        const read = await readVacancy(db, actor, params.id);
        if (!read) return sendProblem(reply, 404, 'Deze vacature bestaat niet of u mag deze niet zien.');
        return read.vacancy;
      },
    }),
    defineOperation({
      method: 'post',
      path: '/vacatures',
      operationId: 'createVacature',
      summary: 'Een nieuwe vacature, als concept',
      description:
        'Voor een organisatie waar u lid van bent. De vacature begint als concept; publiceer haar met POST /vacatures/{id}/publiceren.',
      tag: 'Vacatures',
      authenticated: true,
      body: createBody,
      success: { status: 201, description: 'De vacature is gemaakt; de header Location wijst ernaar', schema: vacancyOutputSchema },
      errors: [403],
      handler: async ({ actor, body, reply }) => {
        const result = await createVacancy(db, actor!, body);
        if (!result.ok) return failure(reply, result);
        reply.header('location', `${apiPrefix}/vacatures/${result.value.id}`);
        return current(actor, result.value.id);
      },
    }),
    defineOperation({
      method: 'patch',
      path: '/vacatures/{id}',
      operationId: 'updateVacature',
      summary: 'Een vacature wijzigen',
      description:
        'Stuur alleen de velden die veranderen. Een concept of open vacature kan veranderen; een gesloten of vervulde niet (409).',
      tag: 'Vacatures',
      authenticated: true,
      params: idParams,
      body: patchBody,
      success: { status: 200, description: 'De gewijzigde vacature', schema: vacancyOutputSchema },
      errors: [403, 404, 409],
      handler: async ({ actor, params, body, reply }) => {
        const defined = Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
        const result = await updateVacancy(db, actor!, params.id, defined);
        if (!result.ok) return failure(reply, result);
        return current(actor, params.id);
      },
    }),
    defineOperation({
      method: 'post',
      path: '/vacatures/{id}/publiceren',
      operationId: 'publishVacature',
      summary: 'Een concept publiceren',
      description: 'Daarna ziet iedereen de vacature, tot en met publishedUntil. Alleen een concept kan gepubliceerd worden (anders 409).',
      tag: 'Vacatures',
      authenticated: true,
      params: idParams,
      success: { status: 200, description: 'De gepubliceerde vacature', schema: vacancyOutputSchema },
      errors: [403, 404, 409],
      handler: async ({ actor, params, reply }) => {
        const result = await publishVacancy(db, actor!, params.id);
        if (!result.ok) return failure(reply, result);
        return current(actor, params.id);
      },
    }),
    defineOperation({
      method: 'post',
      path: '/vacatures/{id}/sluiten',
      operationId: 'closeVacature',
      summary: 'Een open vacature sluiten',
      description:
        'Met filled: true is de vacature vervuld (filled); anders gesloten (closed). Alleen een open vacature kan dicht (anders 409).',
      tag: 'Vacatures',
      authenticated: true,
      params: idParams,
      body: closeSchema.partial(),
      success: { status: 200, description: 'De gesloten vacature', schema: vacancyOutputSchema },
      errors: [403, 404, 409],
      handler: async ({ actor, params, body, reply }) => {
        const result = await closeVacancy(db, actor!, params.id, body);
        if (!result.ok) return failure(reply, result);
        return current(actor, params.id);
      },
    }),
  ];
}
