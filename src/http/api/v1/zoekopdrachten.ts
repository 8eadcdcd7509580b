import { z } from 'zod';
import {
  createSavedSearch,
  deleteSavedSearch,
  listSavedSearches,
  maxSavedSearches,
  savedSearchSchema,
  type SavedSearch,
} from '#app/domain/matching/saved-searches.js';
import type { AppDeps } from '../../deps.js';
import { sendProblem } from './problem.js';
import { defineOperation } from './registry.js';

const savedSearchOutput = z.object({
  id: z.string().uuid(),
  name: z.string(),
  filters: z
    .object({
      maxKm: z.number().int().optional(),
      hoursMin: z.number().int().optional(),
      hoursMax: z.number().int().optional(),
      occupationUri: z.string().optional(),
      supportOffered: z.array(z.string()).optional(),
      openHiring: z.boolean().optional(),
    })
    .nullable()
    .describe('De keuzes van de lijst, zoals GET /kandidaten/{id}/vacatures ze kent; null als ze niet meer geldig zijn'),
  alertWeekly: z.boolean().describe('Elke week een bericht met nieuw werk dat past'),
  lastSentAt: z.string().datetime().nullable().describe('Wanneer het laatste wekelijkse bericht is gestuurd'),
  createdAt: z.string().datetime(),
});

const present = (search: SavedSearch): z.infer<typeof savedSearchOutput> => ({
  id: search.id,
  name: search.name,
  filters: search.filters
    ? Object.fromEntries(Object.entries(search.filters).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)))
    : null,
  alertWeekly: search.alertWeekly,
  lastSentAt: search.lastSentAt?.toISOString() ?? null,
  createdAt: search.createdAt.toISOString(),
});

const candidateParams = z.object({ id: z.string() });
const searchParams = z.object({ id: z.string(), zoekopdrachtId: z.string() });
const notFound = 'Deze kandidaat bestaat niet of u mag de zoekopdrachten niet zien.';
const who = 'Alleen voor de kandidaat zelf en consulenten en beheerders van de instantie van de kandidaat.';

export function savedSearchOperations({ db }: AppDeps) {
  return [
    defineOperation({
      method: 'get',
      path: '/kandidaten/{id}/zoekopdrachten',
      operationId: 'listZoekopdrachten',
      summary: 'De bewaarde zoekopdrachten van een kandidaat',
      description: `${who} Een kandidaat heeft er hoogstens ${maxSavedSearches}, de oudste eerst. Elke inzage wordt gelogd.`,
      tag: 'Matchen',
      authenticated: true,
      params: candidateParams,
      success: { status: 200, description: 'De bewaarde zoekopdrachten', schema: z.object({ items: z.array(savedSearchOutput) }) },
      errors: [404],
      handler: async ({ actor, params, reply }) => {
        const searches = await listSavedSearches(db, actor!, params.id, 'api.kandidaten.zoekopdrachten');
        if (searches === 'not_found') return sendProblem(reply, 404, notFound);
        return { items: searches.map(present) };
      },
    }),
    defineOperation({
      method: 'post',
      path: '/kandidaten/{id}/zoekopdrachten',
      operationId: 'createZoekopdracht',
      summary: 'Een zoekopdracht bewaren',
      description:
        `${who} De keuzes zijn die van GET /kandidaten/{id}/vacatures. Met alertWeekly komt er elke week een bericht ` +
        `als er nieuw werk is dat past. Hoogstens ${maxSavedSearches} per kandidaat, elk met een eigen naam.`,
      tag: 'Matchen',
      authenticated: true,
      params: candidateParams,
      body: savedSearchSchema,
      success: { status: 201, description: 'De bewaarde zoekopdracht', schema: savedSearchOutput },
      errors: [404],
      handler: async ({ actor, params, body, reply }) => {
        const result = await createSavedSearch(db, actor!, params.id, body);
        if (result.ok) return present(result.value);
        if (result.reason === 'invalid') return sendProblem(reply, 400, 'Een of meer velden zijn niet goed ingevuld.', result.errors);
        return sendProblem(reply, 404, notFound);
      },
    }),
    defineOperation({
      method: 'delete',
      path: '/kandidaten/{id}/zoekopdrachten/{zoekopdrachtId}',
      operationId: 'deleteZoekopdracht',
      summary: 'Een bewaarde zoekopdracht verwijderen',
      description: `${who} Daarna komen er ook geen wekelijkse berichten meer voor deze zoekopdracht.`,
      tag: 'Matchen',
      authenticated: true,
      params: searchParams,
      success: { status: 204, description: 'Verwijderd' },
      errors: [404],
      handler: async ({ actor, params, reply }) => {
        const result = await deleteSavedSearch(db, actor!, params.id, params.zoekopdrachtId);
        if (!result.ok) return sendProblem(reply, 404, 'Deze zoekopdracht bestaat niet of u mag deze niet verwijderen.');
        return undefined;
      },
    }),
  ];
}
