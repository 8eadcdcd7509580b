import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { builtinOccupations, builtinSkills } from './builtin.js';
import { EscoImportError, escoReportLines, importEsco, type EscoFileReport, type EscoImportReport } from './import-esco.js';
import { ensureBuiltinTaxonomy } from './queries.js';
import { escoFixtureFolder } from '../../../test/support/esco-fixtures.js';

const realFolder = resolve(process.cwd(), '../shared/data/esco');
const hasRealFile = existsSync(join(realFolder, 'occupations_nl.csv'));
const fixtures = escoFixtureFolder();

const inspicient = 'http://data.europa.eu/esco/occupation/00030d09-2b3a-4efd-87cc-c4ea39d27c34';
const cleaner = 'http://data.europa.eu/esco/occupation/303a1e34-cb16-4054-b323-81e5eec17397';
const warehouse = 'http://data.europa.eu/esco/occupation/bea705fe-06ac-4147-b8e0-6e8ac1208d8f';
const forklift = 'http://data.europa.eu/esco/skill/28cb374e-6261-4133-8371-f9a5470145da';
const teamwork = 'http://data.europa.eu/esco/skill/60c78287-22eb-4103-9c8c-28deaa460da0';
const pallets = 'http://data.europa.eu/esco/skill/f1a7e0c2-0000-4000-8000-000000000001';
const lighting = 'http://data.europa.eu/esco/skill/f1a7e0c2-0000-4000-8000-000000000002';

const fileOf = (report: EscoImportReport, file: string): EscoFileReport => {
  const found = report.files.find((f) => f.file === file);
  if (!found) throw new Error(`no report for ${file}`);
  return found;
};
const counts = ({ rows, inserted, updated, unchanged, rejected }: EscoFileReport) => ({
  rows,
  inserted,
  updated,
  unchanged,
  rejected: rejected.length,
});
const rejectedLines = (file: EscoFileReport) => file.rejected.map((r) => r.line);

/** A folder of its own with these files, for cases the fixtures do not cover. */
function folderWith(files: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), 'werkregie-esco-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
  return folder;
}
const occupationsHeader = readFileSync(join(fixtures, 'occupations_nl.csv'), 'utf8').split('\r\n')[0]!;

let app: TestApp;
const db = () => app.database.db;
const conceptCount = async (kind: 'occupation' | 'skill', source?: 'builtin' | 'import') => {
  let query = db()
    .selectFrom('esco_concept')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('kind', '=', kind);
  if (source) query = query.where('source', '=', source);
  return Number((await query.executeTakeFirstOrThrow()).n);
};

describe('the built-in taxonomy in the database', () => {
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => app?.close());

  it('is there from the start, as source builtin', async () => {
    expect(await conceptCount('occupation', 'builtin')).toBe(builtinOccupations.length);
    expect(await conceptCount('skill', 'builtin')).toBe(builtinSkills.length);
    const row = await db().selectFrom('esco_concept').selectAll().where('uri', '=', warehouse).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ kind: 'occupation', label: 'magazijnmedewerker', isco_group: '9333', source: 'builtin' });
    expect(row.search_text.split('\n')[0]).toBe('magazijnmedewerker');
  });

  it('puts back a missing row and the embedded label, but never touches an imported row', async () => {
    await db().deleteFrom('esco_concept').where('uri', '=', forklift).execute();
    await db().updateTable('esco_concept').set({ label: 'oud label' }).where('uri', '=', warehouse).execute();
    await db()
      .updateTable('esco_concept')
      .set({ label: 'teamwerk (geïmporteerd)', source: 'import' })
      .where('uri', '=', teamwork)
      .execute();
    await ensureBuiltinTaxonomy(db());
    const labels = await db()
      .selectFrom('esco_concept')
      .select(['uri', 'label', 'source'])
      .where('uri', 'in', [forklift, warehouse, teamwork])
      .execute();
    expect(new Map(labels.map((r) => [r.uri, [r.label, r.source]]))).toEqual(
      new Map([
        [forklift, ['vorkheftruck bedienen', 'builtin']],
        [warehouse, ['magazijnmedewerker', 'builtin']],
        [teamwork, ['teamwerk (geïmporteerd)', 'import']],
      ]),
    );
  });
});

describe('importing the ESCO download', () => {
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => app?.close());

  it('loads the fixtures, reports every malformed row with its line and reason, and goes on', async () => {
    const progress: string[] = [];
    const report = await importEsco(db(), fixtures, { onProgress: (p) => p.done && progress.push(p.file) });
    expect(report.notFound).toEqual([]);
    expect(report.files.map((f) => f.file)).toEqual([
      'occupations_nl.csv',
      'skills_nl.csv',
      'ISCOGroups_nl.csv',
      'occupationSkillRelations.csv',
      'broaderRelationsOccPillar.csv',
      'broaderRelationsSkillPillar.csv',
    ]);
    expect(progress).toEqual(report.files.map((f) => f.file));

    const occupations = fileOf(report, 'occupations_nl.csv');
    // Three good rows: inspiciënt and the wire drawer are new, "schoonmaker gebouwen" was built in and is now imported.
    expect(counts(occupations)).toEqual({ rows: 10, inserted: 2, updated: 1, unchanged: 0, rejected: 7 });
    expect(occupations.rejected).toEqual([
      { line: 24, reason: 'De uri (conceptUri) ontbreekt.' },
      { line: 25, reason: 'Het soort begrip (conceptType) is "ISCOGroup"; verwacht is "Occupation".' },
      { line: 26, reason: 'De ISCO-code "91A2" is niet goed: verwacht zijn 4 cijfers.' },
      { line: 27, reason: 'De regel heeft 4 kolommen; de kopregel heeft er 14.' },
      { line: 28, reason: 'Deze regel staat dubbel in het bestand (eerder op regel 2).' },
      { line: 33, reason: 'De naam (preferredLabel) ontbreekt.' },
      { line: 34, reason: '"http://example.org/beroep/1" is geen uri van een ESCO-beroep.' },
    ]);
    expect(occupations.error).toBeUndefined();

    const skills = fileOf(report, 'skills_nl.csv');
    expect(counts(skills)).toEqual({ rows: 6, inserted: 2, updated: 1, unchanged: 0, rejected: 3 });
    expect(skills.rejected.map((r) => r.reason)).toEqual([
      'Het soort begrip (conceptType) is "Occupation"; verwacht is "KnowledgeSkillCompetence".',
      '"http://data.europa.eu/esco/occupation/f1a7e0c2-0000-4000-8000-000000000004" is geen uri van een ESCO-vaardigheid.',
      'De naam (preferredLabel) ontbreekt.',
    ]);

    // ESCO's reuse level comes along: transversal skills do not make a match on their own (decision 018).
    const levels = await app.database.db
      .selectFrom('esco_concept')
      .select(['uri', 'reuse_level'])
      .where('uri', 'in', [teamwork, pallets])
      .execute();
    expect(Object.fromEntries(levels.map((row) => [row.uri, row.reuse_level]))).toEqual({
      [teamwork]: 'transversal',
      [pallets]: 'sector-specific',
    });

    const isco = fileOf(report, 'ISCOGroups_nl.csv');
    expect(counts(isco)).toEqual({ rows: 5, inserted: 3, updated: 0, unchanged: 0, rejected: 2 });
    expect(isco.rejected.map((r) => r.reason)).toEqual([
      'De ISCO-code "99999" is niet goed: verwacht zijn 1 tot 4 cijfers.',
      'De naam (preferredLabel) ontbreekt.',
    ]);

    const relations = fileOf(report, 'occupationSkillRelations.csv');
    expect(counts(relations)).toEqual({ rows: 8, inserted: 4, updated: 0, unchanged: 0, rejected: 4 });
    expect(relations.rejected).toEqual([
      { line: 6, reason: 'Het soort relatie (relationType) is "required"; verwacht is "essential" of "optional".' },
      { line: 7, reason: 'De uri van de vaardigheid (skillUri) ontbreekt.' },
      {
        line: 8,
        reason: 'Het beroep http://data.europa.eu/esco/occupation/99999999-0000-4000-8000-000000000000 staat niet in de taxonomie.',
      },
      { line: 9, reason: 'Deze regel staat dubbel in het bestand (eerder op regel 2).' },
    ]);

    const broader = fileOf(report, 'broaderRelationsOccPillar.csv');
    expect(counts(broader)).toEqual({ rows: 5, inserted: 2, updated: 0, unchanged: 0, rejected: 3 });
    expect(rejectedLines(broader)).toEqual([4, 5, 6]);
    expect(broader.rejected[0]!.reason).toContain('(conceptType) is "Beroep"');
    expect(counts(fileOf(report, 'broaderRelationsSkillPillar.csv'))).toEqual({
      rows: 2,
      inserted: 2,
      updated: 0,
      unchanged: 0,
      rejected: 0,
    });
  });

  it('stores labels, alternative labels from multi-line cells, ISCO group and a folded search text', async () => {
    const row = await db().selectFrom('esco_concept').selectAll().where('uri', '=', inspicient).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      kind: 'occupation',
      label: 'inspiciënt',
      alt_labels: ['toneelmeester', 'inspiciënte', 'technisch directeur', 'chef-inspiciënt'],
      isco_group: '2654',
      source: 'import',
    });
    expect(row.description).toMatch(/^Technische directeuren/);
    expect(row.search_text).toBe('inspicient\ntoneelmeester\ninspiciente\ntechnisch directeur\nchef-inspicient');
    const cleanerRow = await db().selectFrom('esco_concept').selectAll().where('uri', '=', cleaner).executeTakeFirstOrThrow();
    expect(cleanerRow.source).toBe('import');
    expect(cleanerRow.alt_labels).toContain('schoonmaakster van lokalen en grote ruimtes');
    const relations = await db().selectFrom('esco_occupation_skill').selectAll().orderBy('occupation_uri').orderBy('skill_uri').execute();
    expect(relations).toEqual([
      { occupation_uri: inspicient, skill_uri: teamwork, relation: 'optional' },
      { occupation_uri: inspicient, skill_uri: lighting, relation: 'essential' },
      { occupation_uri: warehouse, skill_uri: forklift, relation: 'essential' },
      { occupation_uri: warehouse, skill_uri: pallets, relation: 'optional' },
    ]);
    const broader = await db().selectFrom('esco_broader').selectAll().execute();
    expect(broader).toHaveLength(4);
    expect(broader).toContainEqual({ uri: inspicient, broader_uri: 'http://data.europa.eu/esco/isco/C2654' });
    expect(await db().selectFrom('isco_group').selectAll().orderBy('code').execute()).toEqual([
      { code: '265', label: 'Kunstenaars, scheppend en uitvoerend' },
      { code: '2654', label: 'Regisseurs en producenten van film, toneel en dergelijke' },
      { code: '9333', label: 'Vrachtbehandelaars' },
    ]);
  });

  it('changes nothing when run again, and says so', async () => {
    const before = await db().selectFrom('esco_concept').select(['uri', 'updated_at']).orderBy('uri').execute();
    const report = await importEsco(db(), fixtures);
    for (const file of report.files) {
      expect(file.inserted, file.file).toBe(0);
      expect(file.updated, file.file).toBe(0);
      expect(file.unchanged, file.file).toBe(file.rows - file.rejected.length);
    }
    expect(await db().selectFrom('esco_concept').select(['uri', 'updated_at']).orderBy('uri').execute()).toEqual(before);
  });

  it('updates a row whose data changed in a new download, and restarting keeps the imported version', async () => {
    await db().updateTable('esco_concept').set({ label: 'oud' }).where('uri', '=', inspicient).execute();
    await db().updateTable('esco_occupation_skill').set({ relation: 'optional' }).where('skill_uri', '=', lighting).execute();
    const report = await importEsco(db(), fixtures);
    expect(counts(fileOf(report, 'occupations_nl.csv'))).toMatchObject({ inserted: 0, updated: 1, unchanged: 2 });
    expect(counts(fileOf(report, 'occupationSkillRelations.csv'))).toMatchObject({ inserted: 0, updated: 1, unchanged: 3 });
    await ensureBuiltinTaxonomy(db());
    const row = await db().selectFrom('esco_concept').selectAll().where('uri', '=', cleaner).executeTakeFirstOrThrow();
    expect(row.source).toBe('import');
    expect(row.alt_labels.length).toBeGreaterThan(builtinOccupations.find((o) => o.uri === cleaner)!.altLabels.length);
  });

  it('reports a file with a missing column or broken quoting without stopping the others', async () => {
    const folder = folderWith({
      'occupations_nl.csv': `${occupationsHeader}\r\nOccupation,${inspicient},2654,inspiciënt,,,released,,,,,,,2654.1.7\r\n`,
      'skills_nl.csv': 'conceptType,conceptUri,skillType\r\nKnowledgeSkillCompetence,x,skill/competence\r\n',
      'ISCOGroups_nl.csv': 'conceptType,conceptUri,code,preferredLabel\r\nISCOGroup,u,2654,"Regisseurs\r\nISCOGroup,u,265,Kunstenaars\r\n',
    });
    const report = await importEsco(db(), folder);
    expect(counts(fileOf(report, 'occupations_nl.csv'))).toMatchObject({ rows: 1, rejected: 0 });
    const skills = fileOf(report, 'skills_nl.csv');
    expect(skills.error).toBe('De kolom preferredLabel ontbreekt in de kopregel. Er is niets uit dit bestand geladen.');
    expect(skills.inserted + skills.updated + skills.unchanged).toBe(0);
    const isco = fileOf(report, 'ISCOGroups_nl.csv');
    expect(isco.rejected).toHaveLength(1);
    expect(isco.rejected[0]!.reason).toMatch(/^Dit is geen geldige CSV: /);
    expect(report.notFound).toEqual(['relations', 'broader']);
    const lines = escoReportLines(report);
    expect(lines).toContain('occupationSkillRelations*.csv: niet gevonden, overgeslagen.');
    expect(lines.some((line) => line.startsWith('  Let op: De kolom preferredLabel ontbreekt'))).toBe(true);
  });

  it('refuses a folder that does not exist or has no occupations_nl.csv', async () => {
    await expect(importEsco(db(), join(tmpdir(), 'werkregie-bestaat-niet'))).rejects.toThrow(EscoImportError);
    await expect(importEsco(db(), folderWith({ 'skills_nl.csv': 'x' }))).rejects.toThrow(/geen occupations_nl\.csv/);
  });
});

describe.skipIf(!hasRealFile)('importing the real occupations_nl.csv (skipped when ../shared/data/esco is absent)', () => {
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => app?.close());

  it('loads all 3,007 occupations with none rejected, and a second run changes nothing', async () => {
    const first = await importEsco(db(), realFolder);
    const occupations = fileOf(first, 'occupations_nl.csv');
    expect(occupations.rows).toBe(3007);
    expect(occupations.rejected).toEqual([]);
    expect(occupations.error).toBeUndefined();
    // The built-in occupations are real ESCO ones: they are updated (now imported), the rest is new.
    expect(occupations.updated).toBe(builtinOccupations.length);
    expect(occupations.inserted).toBe(3007 - builtinOccupations.length);
    expect(await conceptCount('occupation')).toBe(3007);
    expect(await conceptCount('occupation', 'builtin')).toBe(0);

    const second = fileOf(await importEsco(db(), realFolder), 'occupations_nl.csv');
    expect(counts(second)).toEqual({ rows: 3007, inserted: 0, updated: 0, unchanged: 3007, rejected: 0 });
  });
});
