import { z } from 'zod';
import { listEmployersFor, readEmployer, type EmployerDetails } from '#app/domain/employers/queries.js';
import type { AppDeps } from '../../deps.js';
import { sendProblem } from './problem.js';
import { defineOperation, pageLinks, pageLinksSchema, paginationQuery } from './registry.js';

export const employerOutputSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  kvkNumber: z.string(),
  sector: z.string(),
  psoLevel: z.enum(['geen', 'aspirant', 'basistrede', 'trede_1', 'trede_2', 'trede_3']).describe('Prestatieladder Socialer Ondernemen'),
  psoEvidenceDate: z.iso.date().nullable().describe('Datum van het PSO-certificaat (jjjj-mm-dd)'),
  codeSocialeOndernemingen: z.boolean(),
  locations: z.array(z.object({ id: z.uuid(), name: z.string(), postcode: z.string() })),
  categories: z
    .array(
      z.object({
        instantieId: z.string(),
        instantieName: z.string(),
        category: z.enum(['preferred', 'committed', 'business_as_usual']),
        since: z.iso.datetime(),
      }),
    )
    .describe(
      'De categorie per instantie. Medewerkers zien alleen die van hun eigen instantie; bij een instantie zonder regel is de werkgever business_as_usual',
    ),
});

const present = (employer: EmployerDetails) => ({
  ...employer,
  categories: employer.categories.map((c) => ({ ...c, since: c.since.toISOString() })),
});

export function employerOperations({ db }: AppDeps) {
  return [
    defineOperation({
      method: 'get',
      path: '/werkgevers',
      operationId: 'listWerkgevers',
      summary: 'Werkgevers die u mag zien',
      description:
        'Een werkgever ziet de eigen organisatie(s). Een medewerker van een instantie ziet de werkgevers met een categorie bij die instantie.',
      tag: 'Werkgevers',
      authenticated: true,
      query: z.object(paginationQuery),
      success: {
        status: 200,
        description: 'Een pagina werkgevers, op naam',
        schema: z.object({
          items: z.array(employerOutputSchema),
          page: z.number().int(),
          pageSize: z.number().int(),
          total: z.number().int(),
          _links: pageLinksSchema,
        }),
      },
      errors: [403],
      handler: async ({ actor, query, reply }) => {
        const list = await listEmployersFor(db, actor!, query);
        if (!list) return sendProblem(reply, 403, 'U mag geen werkgevers opvragen.');
        return { ...list, items: list.items.map(present), _links: pageLinks('/werkgevers', query, list.page, list.pageSize, list.total) };
      },
    }),
    defineOperation({
      method: 'get',
      path: '/werkgevers/{id}',
      operationId: 'getWerkgever',
      summary: 'Eén werkgever, met vestigingen en categorieën',
      tag: 'Werkgevers',
      authenticated: true,
      params: z.object({ id: z.uuid() }),
      success: { status: 200, description: 'De werkgever', schema: employerOutputSchema },
      errors: [404],
      handler: async ({ actor, params, reply }) => {
        const employer = await readEmployer(db, actor, params.id);
        if (!employer) return sendProblem(reply, 404, 'Deze werkgever bestaat niet of u mag deze niet zien.');
        return present(employer);
      },
    }),
  ];
}
