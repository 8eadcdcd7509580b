import { createReadStream, existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type CsvError } from 'csv-parse';
import { sql } from 'kysely';
import type { Db } from '#app/db/connection.js';
import type { ReuseLevel } from '#app/db/schema.js';
import { isConceptUri, isEscoUri, isIscoCode, searchText, splitLabels, type ConceptKind } from './rules.js';

/**
 * Loads the official ESCO CSV download (https://esco.ec.europa.eu/en/use-esco/download, Dutch, CSV)
 * from a folder. Every file is streamed, written in batched multi-row upserts, one transaction per
 * file. Running it again changes nothing: rows are compared before they are written. A row that
 * cannot be used is reported with its line number and the reason, and the import goes on.
 */

export type EscoFileKind = 'occupations' | 'skills' | 'iscoGroups' | 'relations' | 'broader';
export type RejectedRow = { line: number; reason: string };
export type EscoFileReport = {
  kind: EscoFileKind;
  file: string;
  /** Data rows read, the header not counted; rejected rows included. */
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: RejectedRow[];
  /** Why the file (or its rest) could not be read, e.g. a missing column; rows before it were kept. */
  error?: string;
};
export type EscoImportReport = { files: EscoFileReport[]; notFound: EscoFileKind[]; durationMs: number };
export type EscoImportProgress = { file: string; rows: number; done: boolean };
export type EscoImportOptions = { onProgress?: (progress: EscoImportProgress) => void; batchSize?: number };

/** The folder cannot be imported at all (it is missing, or it has no occupations_nl.csv). */
export class EscoImportError extends Error {}

/** File names of the ESCO download, in the order they are loaded: relations need the concepts first. */
const fileNames: readonly [EscoFileKind, RegExp][] = [
  ['occupations', /^occupations_nl\.csv$/i],
  ['skills', /^skills_nl\.csv$/i],
  ['iscoGroups', /^ISCOGroups_nl\.csv$/i],
  ['relations', /^occupationSkillRelations.*\.csv$/i],
  ['broader', /^broaderRelations.*Pillar.*\.csv$/i],
];
export const requiredFile = 'occupations_nl.csv';

type Cell = (column: string) => string;
type Written = { inserted: number; updated: number };

/** How one kind of file becomes rows: the columns it needs, a row or the reason it is rejected, and the upsert. */
type Loader<R> = {
  columns: readonly string[];
  read: (cell: Cell) => R | string;
  key: (row: R) => string;
  write: (trx: Db, rows: R[]) => Promise<Written>;
};

type ConceptRow = {
  uri: string;
  kind: ConceptKind;
  label: string;
  altLabels: string[];
  iscoGroup: string | null;
  description: string | null;
  reuseLevel: ReuseLevel | null;
};

const conceptTypes: Record<ConceptKind, string> = { occupation: 'Occupation', skill: 'KnowledgeSkillCompetence' };
const kindWords: Record<ConceptKind, string> = { occupation: 'beroep', skill: 'vaardigheid' };

/** Inserted rows have no previous version (xmax = 0); updated ones do; unchanged ones are not returned at all. */
const insertedFlag = sql<boolean>`(xmax = 0)`.as('inserted');
const countWritten = (rows: readonly { inserted: boolean }[]): Written => {
  const inserted = rows.filter((row) => row.inserted).length;
  return { inserted, updated: rows.length - inserted };
};

const reuseLevels: readonly ReuseLevel[] = ['transversal', 'cross-sector', 'sector-specific', 'occupation-specific'];
/** ESCO's reuseLevel column of skills_nl.csv; anything else (or nothing) is unknown. */
const reuseLevelOf = (value: string): ReuseLevel | null =>
  (reuseLevels as readonly string[]).includes(value) ? (value as ReuseLevel) : null;

function conceptLoader(kind: ConceptKind): Loader<ConceptRow> {
  return {
    columns: ['conceptType', 'conceptUri', 'preferredLabel'],
    read: (cell) => {
      const uri = cell('conceptUri');
      if (!uri) return 'De uri (conceptUri) ontbreekt.';
      if (cell('conceptType') !== conceptTypes[kind])
        return `Het soort begrip (conceptType) is "${cell('conceptType')}"; verwacht is "${conceptTypes[kind]}".`;
      if (!isConceptUri(kind, uri)) return `"${uri}" is geen uri van een ESCO-${kindWords[kind]}.`;
      const label = cell('preferredLabel');
      if (!label) return 'De naam (preferredLabel) ontbreekt.';
      const iscoGroup = kind === 'occupation' ? cell('iscoGroup') : '';
      if (iscoGroup && !isIscoCode(iscoGroup, true)) return `De ISCO-code "${iscoGroup}" is niet goed: verwacht zijn 4 cijfers.`;
      return {
        uri,
        kind,
        label,
        altLabels: splitLabels(cell('altLabels'), label),
        iscoGroup: iscoGroup || null,
        description: cell('description') || null,
        reuseLevel: kind === 'skill' ? reuseLevelOf(cell('reuseLevel')) : null,
      };
    },
    key: (row) => row.uri,
    write: async (trx, rows) => {
      const written = await trx
        .insertInto('esco_concept')
        .values(
          rows.map((row) => ({
            uri: row.uri,
            kind: row.kind,
            label: row.label,
            alt_labels: row.altLabels,
            isco_group: row.iscoGroup,
            description: row.description,
            reuse_level: row.reuseLevel,
            search_text: searchText(row.label, row.altLabels),
            source: 'import' as const,
          })),
        )
        .onConflict((oc) =>
          oc
            .column('uri')
            .doUpdateSet((eb) => ({
              kind: eb.ref('excluded.kind'),
              label: eb.ref('excluded.label'),
              alt_labels: eb.ref('excluded.alt_labels'),
              isco_group: eb.ref('excluded.isco_group'),
              description: eb.ref('excluded.description'),
              reuse_level: eb.ref('excluded.reuse_level'),
              search_text: eb.ref('excluded.search_text'),
              source: eb.ref('excluded.source'),
              updated_at: sql<Date>`now()`,
            }))
            .where(
              sql<boolean>`(esco_concept.kind, esco_concept.label, esco_concept.alt_labels, esco_concept.isco_group,
                esco_concept.description, esco_concept.reuse_level, esco_concept.search_text, esco_concept.source)
                is distinct from (excluded.kind, excluded.label, excluded.alt_labels, excluded.isco_group,
                excluded.description, excluded.reuse_level, excluded.search_text, excluded.source)`,
            ),
        )
        .returning(insertedFlag)
        .execute();
      return countWritten(written);
    },
  };
}

type IscoRow = { code: string; label: string };
const iscoLoader: Loader<IscoRow> = {
  columns: ['code', 'preferredLabel'],
  read: (cell) => {
    const code = cell('code');
    if (!code) return 'De ISCO-code (code) ontbreekt.';
    if (!isIscoCode(code)) return `De ISCO-code "${code}" is niet goed: verwacht zijn 1 tot 4 cijfers.`;
    const label = cell('preferredLabel');
    if (!label) return 'De naam (preferredLabel) ontbreekt.';
    return { code, label };
  },
  key: (row) => row.code,
  write: async (trx, rows) =>
    countWritten(
      await trx
        .insertInto('isco_group')
        .values(rows)
        .onConflict((oc) =>
          oc
            .column('code')
            .doUpdateSet((eb) => ({ label: eb.ref('excluded.label') }))
            .where(sql<boolean>`isco_group.label is distinct from excluded.label`),
        )
        .returning(insertedFlag)
        .execute(),
    ),
};

type RelationRow = { occupation_uri: string; skill_uri: string; relation: 'essential' | 'optional' };
function relationLoader(known: ReadonlySet<string>): Loader<RelationRow> {
  return {
    columns: ['occupationUri', 'relationType', 'skillUri'],
    read: (cell) => {
      const occupation = cell('occupationUri');
      const skill = cell('skillUri');
      const relation = cell('relationType');
      if (!occupation) return 'De uri van het beroep (occupationUri) ontbreekt.';
      if (!skill) return 'De uri van de vaardigheid (skillUri) ontbreekt.';
      if (relation !== 'essential' && relation !== 'optional')
        return `Het soort relatie (relationType) is "${relation}"; verwacht is "essential" of "optional".`;
      if (!isConceptUri('occupation', occupation)) return `"${occupation}" is geen uri van een ESCO-beroep.`;
      if (!isConceptUri('skill', skill)) return `"${skill}" is geen uri van een ESCO-vaardigheid.`;
      if (!known.has(occupation)) return `Het beroep ${occupation} staat niet in de taxonomie.`;
      if (!known.has(skill)) return `De vaardigheid ${skill} staat niet in de taxonomie.`;
      return { occupation_uri: occupation, skill_uri: skill, relation };
    },
    key: (row) => `${row.occupation_uri} ${row.skill_uri}`,
    write: async (trx, rows) =>
      countWritten(
        await trx
          .insertInto('esco_occupation_skill')
          .values(rows)
          .onConflict((oc) =>
            oc
              .columns(['occupation_uri', 'skill_uri'])
              .doUpdateSet((eb) => ({ relation: eb.ref('excluded.relation') }))
              .where(sql<boolean>`esco_occupation_skill.relation is distinct from excluded.relation`),
          )
          .returning(insertedFlag)
          .execute(),
      ),
  };
}

const hierarchyTypes = ['Occupation', 'ISCOGroup', 'KnowledgeSkillCompetence', 'SkillGroup'];
type BroaderRow = { uri: string; broader_uri: string };
const broaderLoader: Loader<BroaderRow> = {
  columns: ['conceptType', 'conceptUri', 'broaderType', 'broaderUri'],
  read: (cell) => {
    const uri = cell('conceptUri');
    const broader = cell('broaderUri');
    if (!uri) return 'De uri (conceptUri) ontbreekt.';
    if (!broader) return 'De uri van het bredere begrip (broaderUri) ontbreekt.';
    for (const column of ['conceptType', 'broaderType']) {
      if (!hierarchyTypes.includes(cell(column)))
        return `Het soort begrip (${column}) is "${cell(column)}"; verwacht is een van ${hierarchyTypes.join(', ')}.`;
    }
    for (const value of [uri, broader]) if (!isEscoUri(value)) return `"${value}" is geen ESCO-uri.`;
    if (uri === broader) return 'Een begrip kan niet breder zijn dan zichzelf.';
    return { uri, broader_uri: broader };
  },
  key: (row) => `${row.uri} ${row.broader_uri}`,
  write: async (trx, rows) => {
    const inserted = await trx
      .insertInto('esco_broader')
      .values(rows)
      .onConflict((oc) => oc.doNothing())
      .returning('uri')
      .execute();
    return { inserted: inserted.length, updated: 0 };
  },
};

/** The line a record starts on: csv-parse tells where it ends, the raw text how many line breaks it holds. */
function startLine(raw: string, endLine: number): number {
  const body = raw.replace(/^[\r\n]+/, '').replace(/\r?\n?$|\r$/, '');
  return endLine - (body.match(/\n/g)?.length ?? 0);
}

type ParsedRecord = { record: string[]; raw: string; info: { lines: number } };

async function loadFile<R>(db: Db, path: string, file: string, kind: EscoFileKind, loader: Loader<R>, options: EscoImportOptions) {
  const report: EscoFileReport = { kind, file, rows: 0, inserted: 0, updated: 0, unchanged: 0, rejected: [] };
  const batchSize = options.batchSize ?? 1000;
  const parser = createReadStream(path).pipe(
    parse({
      bom: true,
      info: true,
      raw: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
    }),
  );
  parser.on('skip', (error: CsvError & { lines?: number }) => {
    report.rows += 1;
    report.rejected.push({ line: error.lines ?? 0, reason: `Dit is geen geldige CSV: ${error.message}` });
  });
  const progress = (done: boolean) => options.onProgress?.({ file, rows: report.rows, done });

  await db.transaction().execute(async (trx) => {
    let header: string[] | null = null;
    let batch: R[] = [];
    const firstLine = new Map<string, number>();
    const flush = async () => {
      if (batch.length === 0) return;
      const written = await loader.write(trx, batch);
      report.inserted += written.inserted;
      report.updated += written.updated;
      report.unchanged += batch.length - written.inserted - written.updated;
      batch = [];
    };
    try {
      for await (const { record, raw, info } of parser as AsyncIterable<ParsedRecord>) {
        if (!header) {
          header = record.map((name) => name.trim());
          const missing = loader.columns.filter((column) => !header!.includes(column));
          if (missing.length > 0) {
            report.error = `De kolom${missing.length > 1 ? 'men' : ''} ${missing.join(', ')} ontbre${missing.length > 1 ? 'ken' : 'ekt'} in de kopregel. Er is niets uit dit bestand geladen.`;
            parser.destroy();
            break;
          }
          continue;
        }
        report.rows += 1;
        const line = startLine(raw, info.lines);
        if (record.length !== header.length) {
          report.rejected.push({ line, reason: `De regel heeft ${record.length} kolommen; de kopregel heeft er ${header.length}.` });
        } else {
          const columns = header;
          const row = loader.read((column) => (record[columns.indexOf(column)] ?? '').trim());
          if (typeof row === 'string') {
            report.rejected.push({ line, reason: row });
          } else {
            const key = loader.key(row);
            const earlier = firstLine.get(key);
            if (earlier !== undefined) {
              report.rejected.push({ line, reason: `Deze regel staat dubbel in het bestand (eerder op regel ${earlier}).` });
            } else {
              firstLine.set(key, line);
              batch.push(row);
              if (batch.length >= batchSize) await flush();
            }
          }
        }
        if (report.rows % 1000 === 0) progress(false);
      }
    } catch (error) {
      // A broken file (unreadable, or a quote that never closes) ends the reading; what was read is kept.
      report.error = `Het lezen stopte na regel ${report.rows + 1}: ${error instanceof Error ? error.message : String(error)}`;
    }
    if (!header && !report.error) report.error = 'Het bestand is leeg.';
    await flush();
  });
  report.rejected.sort((a, b) => a.line - b.line);
  progress(true);
  return report;
}

/** The files of the download found in the folder, by kind, in load order. */
function findFiles(folder: string): [EscoFileKind, string[]][] {
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new EscoImportError(`De map ${folder} bestaat niet.`);
  const names = readdirSync(folder).sort();
  const found = fileNames.map(([kind, pattern]): [EscoFileKind, string[]] => [kind, names.filter((name) => pattern.test(name))]);
  if (found[0]![1].length === 0) throw new EscoImportError(`In de map ${folder} staat geen ${requiredFile}. Dat bestand is nodig.`);
  return found;
}

/** URIs of every concept in the database, for checking the relations against. */
async function knownConcepts(db: Db): Promise<Set<string>> {
  const rows = await db.selectFrom('esco_concept').select('uri').execute();
  return new Set(rows.map((row) => row.uri));
}

export async function importEsco(db: Db, folder: string, options: EscoImportOptions = {}): Promise<EscoImportReport> {
  const started = performance.now();
  const found = findFiles(folder);
  const files: EscoFileReport[] = [];
  let known: Set<string> | null = null;
  for (const [kind, names] of found) {
    for (const name of names) {
      const load = <R>(loader: Loader<R>) => loadFile(db, join(folder, name), name, kind, loader, options);
      switch (kind) {
        case 'occupations':
          files.push(await load(conceptLoader('occupation')));
          break;
        case 'skills':
          files.push(await load(conceptLoader('skill')));
          break;
        case 'iscoGroups':
          files.push(await load(iscoLoader));
          break;
        case 'relations':
          known ??= await knownConcepts(db);
          files.push(await load(relationLoader(known)));
          break;
        case 'broader':
          files.push(await load(broaderLoader));
          break;
      }
    }
  }
  // Fresh statistics, so the planner knows the table grew and uses the trigram index for searches.
  await sql`analyze esco_concept, esco_occupation_skill, esco_broader, isco_group`.execute(db);
  return {
    files,
    notFound: found.filter(([, names]) => names.length === 0).map(([kind]) => kind),
    durationMs: Math.round(performance.now() - started),
  };
}

const expectedNames: Record<EscoFileKind, string> = {
  occupations: requiredFile,
  skills: 'skills_nl.csv',
  iscoGroups: 'ISCOGroups_nl.csv',
  relations: 'occupationSkillRelations*.csv',
  broader: 'broaderRelations*Pillar*.csv',
};

/** The report in Dutch, as the command line prints it; at most `maxRejected` rejected rows per file are listed. */
export function escoReportLines(report: EscoImportReport, maxRejected = 20): string[] {
  const n = (value: number) => new Intl.NumberFormat('nl-NL').format(value);
  const lines: string[] = [];
  for (const file of report.files) {
    lines.push(
      `${file.file}: ${n(file.rows)} regels gelezen; ${n(file.inserted)} nieuw, ${n(file.updated)} bijgewerkt, ` +
        `${n(file.unchanged)} ongewijzigd, ${n(file.rejected.length)} afgewezen.`,
    );
    if (file.error) lines.push(`  Let op: ${file.error}`);
    for (const rejected of file.rejected.slice(0, maxRejected)) lines.push(`  regel ${rejected.line}: ${rejected.reason}`);
    if (file.rejected.length > maxRejected) lines.push(`  … en nog ${n(file.rejected.length - maxRejected)} afgewezen regels.`);
  }
  for (const kind of report.notFound) lines.push(`${expectedNames[kind]}: niet gevonden, overgeslagen.`);
  lines.push(`Klaar in ${n(Math.round(report.durationMs / 100) / 10)} seconden.`);
  return lines;
}
