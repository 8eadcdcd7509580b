import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { ensureBuiltinPostcodes } from './builtin.js';
import { builtinPostcodeAreas } from './builtin-pc4.js';
import { coordinatesOf, distanceKm, distanceKmSql, inEarthBoxSql, regionsWithinKm, withinKmSql } from './distance.js';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => app?.close());

/** Great circle on earthdistance's sphere (radius 6,378,168 m), computed here to check the database. */
function greatCircleKm(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const r = Math.PI / 180;
  const h =
    Math.sin(((b.latitude - a.latitude) * r) / 2) ** 2 +
    Math.cos(a.latitude * r) * Math.cos(b.latitude * r) * Math.sin(((b.longitude - a.longitude) * r) / 2) ** 2;
  return 2 * 6378.168 * Math.asin(Math.sqrt(h));
}

const area = (pc4: string) => builtinPostcodeAreas.find((a) => a.pc4 === pc4)!;

describe('built-in postcodes at start-up', () => {
  it('are all in the table once the application has started, and a second fill adds nothing', async () => {
    const db = app.database.db;
    const { n } = await db
      .selectFrom('postcode_area')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where(
        'pc4',
        'in',
        builtinPostcodeAreas.map((a) => a.pc4),
      )
      .executeTakeFirstOrThrow();
    expect(Number(n)).toBe(builtinPostcodeAreas.length);
    expect(await ensureBuiltinPostcodes(db)).toBe(0);
  });

  it('never overwrite a row that is already there, and put back only what is missing', async () => {
    const db = app.database.db;
    await db
      .updateTable('postcode_area')
      .set({ latitude: 51.9, longitude: 4.5, place: 'Geïmporteerd' })
      .where('pc4', '=', '3012')
      .execute();
    await db.deleteFrom('postcode_area').where('pc4', '=', '3013').execute();
    expect(await ensureBuiltinPostcodes(db)).toBe(1);
    const rows = await db.selectFrom('postcode_area').selectAll().where('pc4', 'in', ['3012', '3013']).orderBy('pc4').execute();
    expect(rows.map((r) => [r.pc4, Number(r.latitude), Number(r.longitude), r.place])).toEqual([
      ['3012', 51.9, 4.5, 'Geïmporteerd'],
      ['3013', area('3013').latitude, area('3013').longitude, 'Rotterdam'],
    ]);
    // Put 3012 back for the distance tests below.
    await db.deleteFrom('postcode_area').where('pc4', '=', '3012').execute();
    await ensureBuiltinPostcodes(db);
  });
});

describe('distanceKm', () => {
  it('gives about 21 km between Rotterdam centre (3011) and Den Haag centre (2511)', async () => {
    const km = await distanceKm(app.database.db, '3011', '2511');
    expect(km).not.toBeNull();
    expect(Math.abs(km! - 20)).toBeLessThanOrEqual(3);
    expect(km!).toBeCloseTo(greatCircleKm(area('3011'), area('2511')), 2);
    expect(await distanceKm(app.database.db, '2511 AA', '3011zz')).toBeCloseTo(km!, 6);
  });

  it('is zero within an area and null for an unknown or invalid PC4', async () => {
    const db = app.database.db;
    expect(await distanceKm(db, '3011', '3011 AB')).toBeCloseTo(0, 6);
    expect(await distanceKm(db, '9999', '3011')).toBeNull();
    expect(await distanceKm(db, '3011', 'Rotterdam')).toBeNull();
    expect(await distanceKm(db, '0123', '3011')).toBeNull();
  });
});

describe('coordinatesOf', () => {
  it('maps each known PC4 once to its centre and leaves out the rest', async () => {
    const map = await coordinatesOf(app.database.db, ['3011', '2511 AB', '3011 XY', 'bogus', '9999']);
    expect([...map.keys()].sort()).toEqual(['2511', '3011']);
    expect(map.get('3011')).toEqual({ latitude: area('3011').latitude, longitude: area('3011').longitude });
    expect((await coordinatesOf(app.database.db, [])).size).toBe(0);
  });
});

describe('the SQL building blocks', () => {
  const centre = { latitude: area('3011').latitude, longitude: area('3011').longitude };
  const here = { latitude: 'postcode_area.latitude', longitude: 'postcode_area.longitude' };

  it('compute the same distance per row as a great circle, from columns or from numbers', async () => {
    const rows = await app.database.db
      .selectFrom('postcode_area')
      .select(['pc4', 'latitude', 'longitude', distanceKmSql(centre, here).as('km')])
      .where('pc4', 'in', ['2511', '3011', '3253', '2711'])
      .execute();
    expect(rows).toHaveLength(4);
    for (const row of rows) {
      expect(Number(row.km), row.pc4).toBeCloseTo(
        greatCircleKm(centre, { latitude: Number(row.latitude), longitude: Number(row.longitude) }),
        3,
      );
    }
  });

  it('give exactly the same distance from the stored point of an area as from its coordinates', async () => {
    const rows = await app.database.db
      .selectFrom('postcode_area')
      .select([
        'pc4',
        distanceKmSql({ earthPoint: 'postcode_area.point' }, centre).as('from_point'),
        distanceKmSql(here, centre).as('from_coordinates'),
      ])
      .execute();
    expect(rows.length).toBeGreaterThan(100);
    for (const row of rows) expect(row.from_point, row.pc4).toBe(row.from_coordinates);
  });

  it('filter on a radius exactly, and the box alone lets through a superset', async () => {
    const db = app.database.db;
    const radiusKm = 3;
    const within = await db
      .selectFrom('postcode_area')
      .select('pc4')
      .where(withinKmSql(centre, here, radiusKm))
      .orderBy('pc4')
      .execute();
    const inBox = await db
      .selectFrom('postcode_area')
      .select('pc4')
      .where(inEarthBoxSql(centre, here, radiusKm))
      .orderBy('pc4')
      .execute();
    const expected = builtinPostcodeAreas
      .filter((a) => greatCircleKm(centre, a) <= radiusKm)
      .map((a) => a.pc4)
      .sort();
    expect(expected.length).toBeGreaterThan(5);
    expect(within.map((r) => r.pc4)).toEqual(expected);
    expect(inBox.length).toBeGreaterThan(within.length);
    expect(inBox.map((r) => r.pc4)).toEqual(expect.arrayContaining(expected));
  });

  it('are null-safe: an area without coordinates has no distance', async () => {
    const { km } = await sql<{
      km: number | null;
    }>`select ${distanceKmSql(centre, { latitude: sql`null::double precision`, longitude: 4.5 })} as km`
      .execute(app.database.db)
      .then((r) => r.rows[0]!);
    expect(km).toBeNull();
  });
});

describe('regionsWithinKm', () => {
  const db = () => app.database.db;
  const pc2sWithin = async (centre: { latitude: number; longitude: number }, km: number) =>
    (
      await db()
        .selectFrom('postcode_area')
        .select(sql<string>`left(pc4, 2)`.as('pc2'))
        .distinct()
        .where(withinKmSql(centre, { latitude: 'latitude', longitude: 'longitude' }, km))
        .execute()
    )
      .map((row) => row.pc2)
      .sort();

  it('never misses a PC2 area with a PC4 area within reach, and leaves out the far ones', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.double({ min: 50.8, max: 53.4, noNaN: true }),
        fc.double({ min: 3.4, max: 7.2, noNaN: true }),
        fc.integer({ min: 0, max: 1500 }).map((tenths) => tenths / 10),
        async (latitude, longitude, km) => {
          const regions = await regionsWithinKm(db(), { latitude, longitude }, km);
          for (const pc2 of await pc2sWithin({ latitude, longitude }, km)) expect(regions).toContain(pc2);
        },
      ),
      { numRuns: 40 },
    );
    const rotterdam = { latitude: area('3011').latitude, longitude: area('3011').longitude };
    const near = await regionsWithinKm(db(), rotterdam, 5);
    expect(near).toContain('30');
    expect(near.some((pc2) => pc2.startsWith('9'))).toBe(false);
  });

  it('follows every change of the postcode table', async () => {
    const far = { latitude: 53.3, longitude: 7.1 };
    const before = await regionsWithinKm(db(), far, 1);
    expect(before).not.toContain('99');
    await db()
      .insertInto('postcode_area')
      .values({ pc4: '9999', latitude: far.latitude, longitude: far.longitude, place: 'Test' })
      .execute();
    expect(await regionsWithinKm(db(), far, 1)).toContain('99');
    await db().deleteFrom('postcode_area').where('pc4', '=', '9999').execute();
    expect(await regionsWithinKm(db(), far, 1)).not.toContain('99');
    expect(await db().selectFrom('postcode_region').select('pc2').where('pc2', '=', '99').execute()).toEqual([]);
  });
});
