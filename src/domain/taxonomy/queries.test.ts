import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { importEsco } from './import-esco.js';
import { conceptLabels, findConcepts, searchConceptPage, searchConceptsInDb, unknownConcepts } from './queries.js';
import { escoFixtureFolder } from '../../../test/support/esco-fixtures.js';

const realFolder = resolve(process.cwd(), '../shared/data/esco');
const fixtures = escoFixtureFolder();

const inspicient = 'http://data.europa.eu/esco/occupation/00030d09-2b3a-4efd-87cc-c4ea39d27c34';
const warehouse = 'http://data.europa.eu/esco/occupation/bea705fe-06ac-4147-b8e0-6e8ac1208d8f';
const forklift = 'http://data.europa.eu/esco/skill/28cb374e-6261-4133-8371-f9a5470145da';
const unknown = 'http://data.europa.eu/esco/occupation/99999999-0000-4000-8000-000000000000';

let app: TestApp;
const db = () => app.database.db;
const labels = async (kind: 'occupation' | 'skill', query: string, limit?: number) =>
  (await searchConceptsInDb(db(), kind, query, limit)).map((c) => c.label);

describe('looking up occupations and skills in the database', () => {
  beforeAll(async () => {
    app = await createTestApp();
    await importEsco(db(), fixtures);
  });
  afterAll(async () => app?.close());

  it('puts labels that start with the words first, then labels that hold them, then alternative labels', async () => {
    expect((await labels('occupation', 'schoonm'))[0]).toBe('schoonmaker gebouwen');
    const shelves = await labels('occupation', 'vakkenvuller');
    expect(shelves).toEqual(expect.arrayContaining(['schappenvuller', 'winkelmedewerker']));
    expect((await labels('occupation', 'magazijn'))[0]).toBe('magazijnmedewerker');
  });

  it('ignores case and diacritics on either side', async () => {
    expect(await labels('occupation', 'INSPICIENT')).toEqual(['inspiciënt']);
    expect(await labels('occupation', 'concierge')).toContain('conciërge');
    expect(await labels('occupation', 'schoonmakér')).toContain('schoonmaker gebouwen');
  });

  it('tolerates typos through pg_trgm', async () => {
    expect((await labels('occupation', 'schonmaker'))[0]).toBe('schoonmaker gebouwen');
    expect(await labels('occupation', 'heftruk chauffeur')).toContain('heftruckchauffeur');
    expect(await labels('skill', 'palets stapelen')).toContain('pallets stapelen');
    expect(await labels('occupation', 'xqzwv')).toEqual([]);
  });

  it('keeps kinds apart, respects the limit, and treats %, _ and \\ as letters', async () => {
    expect(await labels('skill', 'magazijnmedewerker')).toEqual([]);
    expect(await labels('occupation', 'e', 3)).toHaveLength(3);
    expect(await labels('occupation', '   ')).toEqual([]);
    expect(await labels('occupation', '%')).toEqual([]);
    expect(await labels('occupation', '_')).toEqual([]);
    expect(await labels('occupation', '\\')).toEqual([]);
  });

  it('gives pages with the total, and everything by label without a query', async () => {
    const all = await searchConceptPage(db(), 'occupation', undefined, { page: 1, pageSize: 5 });
    expect(all.items.map((c) => c.label)).toEqual([...all.items.map((c) => c.label)].sort());
    const pages = await Promise.all([1, 2, 3].map((page) => searchConceptPage(db(), 'occupation', 'medewerker', { page, pageSize: 2 })));
    const seen = pages.flatMap((p) => p.items.map((c) => c.uri));
    expect(new Set(seen).size).toBe(seen.length);
    expect(pages[0]!.total).toBeGreaterThan(4);
    const typo = await searchConceptPage(db(), 'occupation', 'inspicint', { page: 1, pageSize: 10 });
    expect(typo.items.map((c) => c.uri)).toEqual([inspicient]);
    expect(typo.total).toBe(1);
  });

  it('names concepts by URI in one query and leaves unknown ones out', async () => {
    const map = await conceptLabels(db(), [warehouse, forklift, inspicient, unknown, warehouse]);
    expect(map).toEqual(
      new Map([
        [warehouse, 'magazijnmedewerker'],
        [forklift, 'vorkheftruck bedienen'],
        [inspicient, 'inspiciënt'],
      ]),
    );
    expect(await conceptLabels(db(), [])).toEqual(new Map());
    expect((await findConcepts(db(), [inspicient])).get(inspicient)).toMatchObject({ kind: 'occupation', iscoGroup: '2654' });
  });

  it('says which URIs are not a concept of the kind asked for', async () => {
    expect(await unknownConcepts(db(), 'occupation', [warehouse, inspicient])).toEqual([]);
    expect(await unknownConcepts(db(), 'occupation', [warehouse, forklift, unknown])).toEqual([forklift, unknown]);
    expect(await unknownConcepts(db(), 'skill', [])).toEqual([]);
  });
});

describe.skipIf(!existsSync(join(realFolder, 'occupations_nl.csv')))(
  'looking up in the real ESCO occupations (skipped when ../shared/data/esco is absent)',
  () => {
    beforeAll(async () => {
      app = await createTestApp();
      await importEsco(db(), realFolder);
    });
    afterAll(async () => app?.close());

    it('finds "schoonmaker" from "schonmaker" and "magazijnmedewerker" from "magazijn"', async () => {
      expect(await labels('occupation', 'schonmaker')).toContain('schoonmaker gebouwen');
      expect(await labels('occupation', 'magazijn')).toContain('magazijnmedewerker');
      expect((await labels('occupation', 'kok'))[0]).toBe('kok');
      expect(await labels('occupation', 'heftruk')).toContain('heftruckchauffeur');
    });
  },
);
