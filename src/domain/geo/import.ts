import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse/sync';
import type { Db } from '#app/db/connection.js';
import { isInNetherlands, toPc4 } from './rules.js';

/**
 * `werkregie import postcodes <csv>`: loads a national PC4 table (or a six-character postcode table,
 * whose rows are averaged per PC4) into postcode_area. The expected columns are documented in
 * docs/domain/geography.md and in `postcodeImportHelp` (src/domain/geo/cli.ts).
 */

export type PostcodeImportRejection = { line: number; reason: string };

export type PostcodeImportReport = {
  /** Data rows read, not counting the header. */
  rows: number;
  /** Distinct PC4 areas in the accepted rows. */
  areas: number;
  /** Accepted rows whose PC4 was already seen earlier in the file: their coordinates are averaged. */
  merged: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: PostcodeImportRejection[];
};

export type PostcodeImportProgress = { phase: 'read'; rows: number } | { phase: 'write'; done: number; total: number };

export type PostcodeImportOptions = {
  /** ',' or ';'; detected from the first line when not given. */
  delimiter?: ',' | ';';
  /** Areas per insert statement. */
  batchSize?: number;
  onProgress?: (progress: PostcodeImportProgress) => void;
};

/** The file cannot be imported at all (no header, a required column missing); rows with problems are rejected instead. */
export class PostcodeImportError extends Error {}

type Column = 'pc4' | 'postcode' | 'latitude' | 'longitude' | 'place' | 'municipality';

const columnNames: Record<string, Column> = {
  pc4: 'pc4',
  postcode4: 'pc4',
  postcode: 'postcode',
  latitude: 'latitude',
  lat: 'latitude',
  breedtegraad: 'latitude',
  longitude: 'longitude',
  lon: 'longitude',
  lng: 'longitude',
  lengtegraad: 'longitude',
  place: 'place',
  plaats: 'place',
  woonplaats: 'place',
  city: 'place',
  municipality: 'municipality',
  gemeente: 'municipality',
};

/** Column order assumed when the file has no header row. */
const headerlessOrder: readonly Column[] = ['pc4', 'latitude', 'longitude', 'place', 'municipality'];

/**
 * ';' when the first line has more semicolons than commas (as Dutch spreadsheets write CSV), else ','.
 * A comma between digits may be a decimal comma ("51,92") and is not counted.
 */
export function detectDelimiter(firstLine: string): ',' | ';' {
  const separators = firstLine.replace(/(\d),(\d)/g, '$1$2');
  const count = (char: string) => separators.split(char).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

type Accumulator = { latitude: number; longitude: number; count: number; places: Map<string, number>; municipalities: Map<string, number> };

const decimals6 = (n: number) => Math.round(n * 1e6) / 1e6;

function mostFrequent(counts: Map<string, number>): string | null {
  let best: string | null = null;
  let bestCount = 0;
  for (const [value, count] of counts) if (count > bestCount) [best, bestCount] = [value, count];
  return best;
}

function parseCoordinate(raw: string | undefined, delimiter: string): number | null | 'invalid' {
  const value = (raw ?? '').trim();
  if (value === '') return null;
  // A semicolon file from a Dutch spreadsheet writes 51,92 for 51.92.
  const normal = delimiter === ';' ? value.replace(/^(-?\d+),(\d+)$/, '$1.$2') : value;
  if (!/^-?\d+(\.\d+)?$/.test(normal)) return 'invalid';
  return Number(normal);
}

/**
 * One line of the file as fields; a quoting error stays confined to its own line. Lines without
 * quotes (nearly all of them) are split directly, which is many times faster than a parser per line.
 */
function parseRecord(text: string, delimiter: string): string[] | { error: string } {
  if (!text.includes('"')) return text.split(delimiter).map((field) => field.trim());
  try {
    return (parse(text, { delimiter, trim: true, relax_quotes: true, relax_column_count: true }) as string[][])[0] ?? [];
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    return { error: error.code === 'CSV_QUOTE_NOT_CLOSED' ? 'aanhalingsteken niet gesloten' : error.message };
  }
}

/**
 * Imports PC4 areas from CSV text or a stream (UTF-8). Rows with problems are reported in `rejected`
 * with their line number and are otherwise skipped; everything accepted is written in one transaction.
 * Idempotent: the same file a second time reports every area as unchanged. Coordinates replace the
 * stored ones; an empty place or municipality keeps the stored value.
 */
export async function importPostcodes(
  db: Db,
  input: string | Readable,
  options: PostcodeImportOptions = {},
): Promise<PostcodeImportReport> {
  const lines = createInterface({ input: typeof input === 'string' ? Readable.from([input]) : input, crlfDelay: Infinity });
  let delimiter = options.delimiter;
  const rejected: PostcodeImportRejection[] = [];
  let columns: Partial<Record<Column, number>> | null = null;
  let rows = 0;
  let merged = 0;
  const areas = new Map<string, Accumulator>();
  let line = 0;
  try {
    for await (const raw of lines) {
      line += 1;
      const text = line === 1 ? raw.replace(/^\uFEFF/, '') : raw;
      if (text.trim() === '') continue;
      delimiter ??= detectDelimiter(text);
      const record = parseRecord(text, delimiter);
      if (!Array.isArray(record)) {
        // Before the header is known, an unreadable first line makes the whole file unreadable.
        if (!columns) throw new PostcodeImportError(`Regel ${line} is onleesbaar: ${record.error}`);
        rows += 1;
        rejected.push({ line, reason: `onleesbare regel: ${record.error}` });
        continue;
      }
      if (!columns) {
        const header = readHeader(record);
        columns = header.columns;
        if (header.isHeader) continue;
      }
      const known = columns;
      rows += 1;
      if (rows % 10_000 === 0) options.onProgress?.({ phase: 'read', rows });
      const cell = (column: Column) => {
        const index = known[column];
        return index === undefined ? '' : (record[index] ?? '').trim();
      };
      const code = known.pc4 !== undefined ? cell('pc4') : cell('postcode');
      if (code === '') {
        rejected.push({ line, reason: 'pc4 ontbreekt' });
        continue;
      }
      // A postcode column may hold full postcodes ("3011 AB"): its first four digits are the PC4.
      const pc4 = toPc4(known.pc4 !== undefined ? code : code.replace(/\s+/g, '').slice(0, 4));
      if (!pc4) {
        rejected.push({ line, reason: `ongeldige pc4 "${code}"` });
        continue;
      }
      const latitude = parseCoordinate(cell('latitude'), delimiter);
      const longitude = parseCoordinate(cell('longitude'), delimiter);
      if (latitude === null || longitude === null) {
        rejected.push({ line, reason: `${latitude === null ? 'latitude' : 'longitude'} ontbreekt` });
        continue;
      }
      if (latitude === 'invalid' || longitude === 'invalid') {
        const [name, raw] = latitude === 'invalid' ? ['latitude', cell('latitude')] : ['longitude', cell('longitude')];
        rejected.push({ line, reason: `${name} is geen getal: "${raw}"` });
        continue;
      }
      if (!isInNetherlands(latitude, longitude)) {
        const swapped = isInNetherlands(longitude, latitude) ? '; latitude en longitude verwisseld?' : '';
        rejected.push({ line, reason: `coördinaten buiten Nederland (${latitude}, ${longitude}${swapped})` });
        continue;
      }
      const area = areas.get(pc4);
      const place = cell('place');
      const municipality = cell('municipality');
      if (area) {
        merged += 1;
        area.latitude += latitude;
        area.longitude += longitude;
        area.count += 1;
        if (place) area.places.set(place, (area.places.get(place) ?? 0) + 1);
        if (municipality) area.municipalities.set(municipality, (area.municipalities.get(municipality) ?? 0) + 1);
      } else {
        areas.set(pc4, {
          latitude,
          longitude,
          count: 1,
          places: new Map(place ? [[place, 1]] : []),
          municipalities: new Map(municipality ? [[municipality, 1]] : []),
        });
      }
    }
  } finally {
    lines.close();
    if (typeof input !== 'string') input.destroy();
  }
  if (!columns) throw new PostcodeImportError('Het bestand is leeg.');
  options.onProgress?.({ phase: 'read', rows });

  const values = [...areas].map(([pc4, area]) => ({
    pc4,
    latitude: decimals6(area.latitude / area.count),
    longitude: decimals6(area.longitude / area.count),
    place: mostFrequent(area.places),
    municipality: mostFrequent(area.municipalities),
  }));
  const counts = await writeAreas(db, values, options);
  return { rows, areas: values.length, merged, ...counts, rejected };
}

/** Imports a CSV file: see `importPostcodes`. */
export async function importPostcodesFile(db: Db, path: string, options: PostcodeImportOptions = {}): Promise<PostcodeImportReport> {
  return importPostcodes(db, createReadStream(path), options);
}

function readHeader(record: string[]): { columns: Partial<Record<Column, number>>; isHeader: boolean } {
  const found: Partial<Record<Column, number>> = {};
  record.forEach((name, index) => {
    const column = columnNames[name.trim().toLowerCase().replace(/^"|"$/g, '')];
    if (column && found[column] === undefined) found[column] = index;
  });
  if (Object.keys(found).length === 0) {
    // No known column name: a file without header is accepted when its first cell is a postcode.
    if (toPc4(record[0]?.replace(/\s+/g, '').slice(0, 4)) !== null) {
      return { columns: Object.fromEntries(headerlessOrder.map((column, index) => [column, index])), isHeader: false };
    }
    throw new PostcodeImportError(
      `Geen kopregel herkend. Verwacht de kolommen pc4 (of postcode), latitude en longitude; gevonden: ${record.join(', ')}`,
    );
  }
  const missing = [
    found.pc4 === undefined && found.postcode === undefined ? 'pc4 (of postcode)' : null,
    found.latitude === undefined ? 'latitude' : null,
    found.longitude === undefined ? 'longitude' : null,
  ].filter(Boolean);
  if (missing.length > 0) throw new PostcodeImportError(`Kolom ontbreekt in de kopregel: ${missing.join(', ')}`);
  return { columns: found, isHeader: true };
}

type AreaRow = { pc4: string; latitude: number; longitude: number; place: string | null; municipality: string | null };

async function writeAreas(
  db: Db,
  values: AreaRow[],
  options: PostcodeImportOptions,
): Promise<{ inserted: number; updated: number; unchanged: number }> {
  const batchSize = options.batchSize ?? 500;
  let inserted = 0;
  let updated = 0;
  let unchanged = 0;
  await db.transaction().execute(async (trx) => {
    for (let start = 0; start < values.length; start += batchSize) {
      const batch = values.slice(start, start + batchSize);
      const existing = new Map(
        (
          await trx
            .selectFrom('postcode_area')
            .selectAll()
            .where(
              'pc4',
              'in',
              batch.map((row) => row.pc4),
            )
            .execute()
        ).map((row) => [row.pc4, row]),
      );
      const changed = batch.filter((row) => {
        const stored = existing.get(row.pc4);
        if (!stored) {
          inserted += 1;
          return true;
        }
        const same =
          Number(stored.latitude) === row.latitude &&
          Number(stored.longitude) === row.longitude &&
          (row.place === null || row.place === stored.place) &&
          (row.municipality === null || row.municipality === stored.municipality);
        if (same) unchanged += 1;
        else updated += 1;
        return !same;
      });
      if (changed.length > 0) {
        await trx
          .insertInto('postcode_area')
          .values(changed)
          .onConflict((conflict) =>
            conflict.column('pc4').doUpdateSet((eb) => ({
              latitude: eb.ref('excluded.latitude'),
              longitude: eb.ref('excluded.longitude'),
              place: eb.fn.coalesce('excluded.place', 'postcode_area.place'),
              municipality: eb.fn.coalesce('excluded.municipality', 'postcode_area.municipality'),
            })),
          )
          .execute();
      }
      options.onProgress?.({ phase: 'write', done: Math.min(start + batchSize, values.length), total: values.length });
    }
  });
  return { inserted, updated, unchanged };
}
