import { sql, type Expression, type RawBuilder } from 'kysely';
import type { Db } from '#app/db/connection.js';
import { toPc4 } from './rules.js';

/**
 * One side of a distance: a column reference such as 'postcode_area.latitude', any SQL expression,
 * or a number (sent as a parameter).
 */
export type Coordinate = string | number | Expression<number | null>;
export type LatLon = { latitude: Coordinate; longitude: Coordinate };
/** A point already on the earth: a column that holds `ll_to_earth(...)`, such as 'postcode_area.point'. */
export type EarthPoint = { earthPoint: string };

const operand = (value: Coordinate) =>
  typeof value === 'string' ? sql.ref(value) : typeof value === 'number' ? sql`${value}::double precision` : value;

/** `ll_to_earth(lat, lon)`: a point on the earth as earthdistance stores it (a cube, in metres); a stored point as it is. */
export function earthPointSql(place: LatLon | EarthPoint): RawBuilder<unknown> {
  if ('earthPoint' in place) return sql`${sql.ref(place.earthPoint)}`;
  return sql`ll_to_earth(${operand(place.latitude)}, ${operand(place.longitude)})`;
}

/**
 * Great-circle distance in km between two (latitude, longitude) pairs, computed by the database
 * with earthdistance: `earth_distance(ll_to_earth(a), ll_to_earth(b)) / 1000`. Null when a side is null.
 * A side may be a stored point (`postcode_area.point`), which saves computing it per row.
 *
 *   db.selectFrom(...).select(distanceKmSql(
 *     { latitude: 'home.latitude', longitude: 'home.longitude' },
 *     { latitude: 'work.latitude', longitude: 'work.longitude' }).as('distance_km'))
 */
export function distanceKmSql(a: LatLon | EarthPoint, b: LatLon | EarthPoint): RawBuilder<number> {
  return sql<number>`(earth_distance(${earthPointSql(a)}, ${earthPointSql(b)}) / 1000.0)`;
}

/**
 * True when `point` lies in the cube of `radiusKm` around `centre`: `earth_box(ll_to_earth(centre),
 * radius_m) @> ll_to_earth(point)`. The box is a little larger than the circle, so it may let through
 * points up to ~1.7 × the radius away; it can use a GiST index on `ll_to_earth(latitude, longitude)`.
 * Use `withinKmSql` for the exact filter.
 */
export function inEarthBoxSql(centre: LatLon, point: LatLon, radiusKm: number): RawBuilder<boolean> {
  return sql<boolean>`(earth_box(${earthPointSql(centre)}, ${radiusKm * 1000}::double precision) @> ${earthPointSql(point)})`;
}

/** Index-friendly exact radius filter: the box of `inEarthBoxSql`, then the true distance. */
export function withinKmSql(centre: LatLon, point: LatLon, radiusKm: number): RawBuilder<boolean> {
  return sql<boolean>`(${inEarthBoxSql(centre, point, radiusKm)} and ${distanceKmSql(centre, point)} <= ${radiusKm}::double precision)`;
}

/**
 * Distance in km between the centres of two PC4 areas (a full postcode is accepted too), or null when
 * either is not a PC4 or not in the postcode table.
 */
export async function distanceKm(db: Db, pc4a: string, pc4b: string): Promise<number | null> {
  const a = toPc4(pc4a);
  const b = toPc4(pc4b);
  if (!a || !b) return null;
  const row = await db
    .selectFrom(['postcode_area as a', 'postcode_area as b'])
    .select(
      distanceKmSql({ latitude: 'a.latitude', longitude: 'a.longitude' }, { latitude: 'b.latitude', longitude: 'b.longitude' }).as('km'),
    )
    .where('a.pc4', '=', a)
    .where('b.pc4', '=', b)
    .executeTakeFirst();
  return row ? Number(row.km) : null;
}

/**
 * Coordinates of PC4 areas (full postcodes are accepted too), keyed by PC4. PC4s that are invalid or
 * not in the table are absent from the map.
 */
export async function coordinatesOf(db: Db, pc4s: readonly string[]): Promise<Map<string, { latitude: number; longitude: number }>> {
  const wanted = [...new Set(pc4s.map(toPc4).filter((pc4): pc4 is string => pc4 !== null))];
  const result = new Map<string, { latitude: number; longitude: number }>();
  if (wanted.length === 0) return result;
  const rows = await db.selectFrom('postcode_area').select(['pc4', 'latitude', 'longitude']).where('pc4', 'in', wanted).execute();
  for (const row of rows) result.set(row.pc4, { latitude: Number(row.latitude), longitude: Number(row.longitude) });
  return result;
}

/**
 * The PC2 areas (first two digits) that may hold a PC4 area within `km` of `centre`: those whose
 * centre lies no farther than `km` plus the area's own radius (table postcode_region, kept by a
 * trigger, migration 0008-postcode-regions). A superset, never missing an area within reach: check
 * the exact distance of each place afterwards.
 */
export async function regionsWithinKm(db: Db, centre: { latitude: number; longitude: number }, km: number): Promise<string[]> {
  const rows = await db
    .selectFrom('postcode_region')
    .select('pc2')
    .where(sql<boolean>`${distanceKmSql(centre, { latitude: 'latitude', longitude: 'longitude' })} - radius_km <= ${km}::float8`)
    .orderBy('pc2')
    .execute();
  return rows.map((row) => row.pc2);
}
