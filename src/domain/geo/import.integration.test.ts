import { createReadStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { builtinPostcodeAreas } from './builtin-pc4.js';
import { importPostcodes, importPostcodesFile, PostcodeImportError, type PostcodeImportProgress } from './import.js';

const fixture = fileURLToPath(new URL('./fixtures/postcodes-sample.csv', import.meta.url));

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => app?.close());

const stored = async (pc4s: string[]) =>
  Object.fromEntries(
    (await app.database.db.selectFrom('postcode_area').selectAll().where('pc4', 'in', pc4s).execute()).map((r) => [
      r.pc4,
      [Number(r.latitude), Number(r.longitude), r.place, r.municipality],
    ]),
  );

describe('importPostcodes with the sample file', () => {
  it('stores the good rows, reports each bad row with its line and reason, and averages a repeated PC4', async () => {
    const progress: PostcodeImportProgress[] = [];
    const report = await importPostcodesFile(app.database.db, fixture, { onProgress: (p) => progress.push(p) });
    expect(report).toEqual({
      rows: 15,
      areas: 5,
      merged: 1,
      inserted: 4, // 9711, 1012, 5611, 7511
      updated: 1, // 3011 was built in, with coordinates rounded to 5 decimals
      unchanged: 0,
      rejected: [
        { line: 5, reason: 'ongeldige pc4 "12A4"' },
        { line: 6, reason: 'ongeldige pc4 "0123"' },
        { line: 7, reason: 'latitude ontbreekt' },
        { line: 8, reason: 'longitude ontbreekt' },
        { line: 9, reason: 'coördinaten buiten Nederland (48.856, 2.352)' },
        { line: 10, reason: 'coördinaten buiten Nederland (5.43, 51.88; latitude en longitude verwisseld?)' },
        { line: 11, reason: 'latitude is geen getal: "51.84x"' },
        { line: 13, reason: 'pc4 ontbreekt' },
        { line: 16, reason: 'onleesbare regel: aanhalingsteken niet gesloten' },
      ],
    });
    expect(await stored(['3011', '9711', '1012', '5611', '7511', '3512', '4001', '8011'])).toEqual({
      '3011': [51.920286, 4.487017, 'Rotterdam', 'Rotterdam'],
      '9711': [53.219383, 6.566502, 'Groningen', 'Groningen'],
      '1012': [52.373174, 4.894814, 'Amsterdam', 'Amsterdam'],
      '5611': [51.4392, 5.4787, 'Eindhoven, centrum', 'Eindhoven'],
      '7511': [52.2215, 6.8937, 'Enschede', null],
    });
    expect(progress.at(-1)).toEqual({ phase: 'write', done: 5, total: 5 });
  });

  it('changes nothing the second time', async () => {
    const before = await stored(['3011', '9711', '1012', '5611', '7511']);
    const report = await importPostcodes(app.database.db, createReadStream(fixture));
    expect(report).toMatchObject({ rows: 15, areas: 5, inserted: 0, updated: 0, unchanged: 5 });
    expect(report.rejected).toHaveLength(9);
    expect(await stored(['3011', '9711', '1012', '5611', '7511'])).toEqual(before);
  });
});

describe('importPostcodes with other layouts', () => {
  it('reads semicolons with decimal commas, a postcode column, a BOM and CRLF, and averages PC6 rows per PC4', async () => {
    const csv =
      '\uFEFFPostcode;Lat;Lon;Woonplaats;Gemeente\r\n' +
      '6511 AB;51,8400;5,8600;Nijmegen;Nijmegen\r\n' +
      '6511CD;51,8500;5,8700;Nijmegen;Nijmegen\r\n' +
      '6511EF;51,8600;5,8800;Lent;Nijmegen\r\n' +
      '6512 AA;51,8300;5,8500;Nijmegen;\r\n';
    const report = await importPostcodes(app.database.db, csv);
    expect(report).toMatchObject({ rows: 4, areas: 2, merged: 2, inserted: 2, updated: 0, unchanged: 0, rejected: [] });
    expect(await stored(['6511', '6512'])).toEqual({
      '6511': [51.85, 5.87, 'Nijmegen', 'Nijmegen'],
      '6512': [51.83, 5.85, 'Nijmegen', null],
    });
  });

  it('keeps the stored place and municipality when the file leaves them empty', async () => {
    const report = await importPostcodes(app.database.db, 'pc4,latitude,longitude\n6511,51.851,5.871\n');
    expect(report).toMatchObject({ inserted: 0, updated: 1 });
    expect(await stored(['6511'])).toEqual({ '6511': [51.851, 5.871, 'Nijmegen', 'Nijmegen'] });
  });

  it('accepts a file without header row in the documented column order', async () => {
    const report = await importPostcodes(app.database.db, '6521,51.8275,5.8421,Nijmegen,Nijmegen\n6522,51.8350,5.8810\n');
    expect(report).toMatchObject({ rows: 2, areas: 2, inserted: 2, rejected: [] });
    expect(await stored(['6522'])).toEqual({ '6522': [51.835, 5.881, null, null] });
  });

  it('refuses a file it cannot read at all, and writes nothing', async () => {
    const db = app.database.db;
    await expect(importPostcodes(db, '')).rejects.toThrow(PostcodeImportError);
    await expect(importPostcodes(db, 'pc4,latitude\n6531,51.8\n')).rejects.toThrow('Kolom ontbreekt in de kopregel: longitude');
    await expect(importPostcodes(db, 'code,x,y\n6531,51.8,5.8\n')).rejects.toThrow('Geen kopregel herkend');
    expect(await stored(['6531'])).toEqual({});
  });
});

describe('importPostcodes at national size', () => {
  it('imports 4,000 areas in batches, then finds them all unchanged', async () => {
    // PC4 5000–8999 with coordinates spread over the country (not real centres).
    const lines = ['pc4,latitude,longitude,place,municipality'];
    for (let i = 0; i < 4000; i++) {
      const pc4 = 5000 + i;
      lines.push(`${pc4},${(50.8 + (i % 97) * 0.028).toFixed(6)},${(3.4 + (i % 89) * 0.04).toFixed(6)},Plaats ${pc4},Gemeente ${i % 340}`);
    }
    const csv = lines.join('\n') + '\n';
    const writes: number[] = [];
    const first = await importPostcodes(app.database.db, csv, {
      onProgress: (p) => p.phase === 'write' && writes.push(p.done),
    });
    expect(first).toMatchObject({ rows: 4000, areas: 4000, rejected: [] });
    // The sample and layout tests above already stored a few PC4s in this range.
    expect(first.inserted + first.updated).toBe(4000);
    expect(writes).toEqual([500, 1000, 1500, 2000, 2500, 3000, 3500, 4000]);
    const second = await importPostcodes(app.database.db, csv);
    expect(second).toMatchObject({ inserted: 0, updated: 0, unchanged: 4000 });
    const { n } = await app.database.db
      .selectFrom('postcode_area')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(n)).toBeGreaterThanOrEqual(4000 + builtinPostcodeAreas.length);
  });
});
