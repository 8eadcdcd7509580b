import { z } from 'zod';
import { searchConceptPage, type Concept } from '#app/domain/taxonomy/queries.js';
import type { ConceptKind } from '#app/domain/taxonomy/rules.js';
import type { AppDeps } from '../../deps.js';
import { defineOperation, pageLinks, pageLinksSchema, paginationQuery } from './registry.js';

const conceptSchema = z.object({
  uri: z.string().describe('De ESCO-uri; gebruik die in vacatures en profielen'),
  label: z.string().describe('De Nederlandse naam'),
  altLabels: z.array(z.string()).describe('Andere namen, ook om op te zoeken'),
  iscoGroup: z.string().optional().describe('De ISCO-08-beroepsgroep (4 cijfers); alleen bij beroepen'),
});

const listQuery = z.object({
  zoek: z
    .string()
    .trim()
    .max(100, 'Gebruik hoogstens 100 tekens.')
    .optional()
    .describe('Woorden uit de naam of een andere naam; een tikfout mag. Leeg: alles op naam.'),
  ...paginationQuery,
});

const present = (concept: Concept) => ({
  uri: concept.uri,
  label: concept.label,
  altLabels: concept.altLabels,
  ...(concept.kind === 'occupation' && concept.iscoGroup ? { iscoGroup: concept.iscoGroup } : {}),
});

/** Looking up ESCO occupations and skills: public reference data, the same list the forms choose from. */
export function escoOperations({ db }: AppDeps) {
  const list = (kind: ConceptKind, path: string, operationId: string, what: string) =>
    defineOperation({
      method: 'get',
      path,
      operationId,
      summary: `ESCO-${what} zoeken`,
      description:
        `De ${what} uit de ESCO-taxonomie (de ingebouwde lijst, of de hele ESCO na een import). ` +
        'Met zoek: beste eerst (de naam begint ermee, de naam bevat het, een andere naam bevat het, dan woorden die erop lijken). ' +
        'Iedereen mag deze lijst zien, ook zonder in te loggen.',
      tag: 'Taxonomie',
      authenticated: false,
      query: listQuery,
      success: {
        status: 200,
        description: `Een pagina ${what}`,
        schema: z.object({
          items: z.array(conceptSchema),
          page: z.number().int(),
          pageSize: z.number().int(),
          total: z.number().int(),
          _links: pageLinksSchema,
        }),
      },
      errors: [400],
      handler: async ({ query }) => {
        const { page, pageSize, zoek } = query;
        const found = await searchConceptPage(db, kind, zoek, { page, pageSize });
        return {
          items: found.items.map(present),
          page,
          pageSize,
          total: found.total,
          _links: pageLinks(path, query, page, pageSize, found.total),
        };
      },
    });
  return [list('occupation', '/beroepen', 'listBeroepen', 'beroepen'), list('skill', '/vaardigheden', 'listVaardigheden', 'vaardigheden')];
}
