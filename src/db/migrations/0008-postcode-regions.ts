import { sql, type Kysely } from 'kysely';

// The PC2 areas (the first two digits of a postcode, some 20 km across) with a centre and the
// distance from that centre to its farthest PC4 area. A candidate's vacancy list asks for the
// vacancies of the PC2 areas within reach (their match terms carry the PC2 area, migration 0006);
// with this table that is a look at some 90 rows instead of a distance to each of 4,000 PC4 areas.
// An area is within reach when its centre is no farther than reach + its own radius, so no PC4 area
// within reach is ever missed (the exact distance is checked per vacancy afterwards).
//
// A trigger keeps the table in step with postcode_area after every statement that changes it, so
// no import, seed or test can forget it.
//
// Each PC4 area also keeps its point on the earth (earthdistance's ll_to_earth) as a generated
// column: a ranked list measures thousands of distances, and computing the point is most of the
// cost of each. The stored point is the same value, so every distance stays the same.
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

const statements = [
  `alter table postcode_area add column point earth not null generated always as (ll_to_earth(latitude, longitude)) stored`,
  `create table postcode_region (
     pc2 text primary key,
     latitude double precision not null,
     longitude double precision not null,
     radius_km double precision not null
   )`,
  `create function refresh_postcode_regions() returns trigger language plpgsql as $$
   begin
     delete from postcode_region;
     insert into postcode_region (pc2, latitude, longitude, radius_km)
       select centre.pc2, centre.latitude, centre.longitude,
         max(earth_distance(ll_to_earth(centre.latitude, centre.longitude), ll_to_earth(area.latitude, area.longitude)) / 1000.0)
       from (select left(pc4, 2) as pc2, avg(latitude) as latitude, avg(longitude) as longitude
             from postcode_area group by left(pc4, 2)) centre
       join postcode_area area on left(area.pc4, 2) = centre.pc2
       group by centre.pc2, centre.latitude, centre.longitude;
     return null;
   end $$`,
  `create trigger postcode_area_regions after insert or update or delete or truncate on postcode_area
     for each statement execute function refresh_postcode_regions()`,
  // Fill it once for what is there now: an update that changes nothing fires the trigger.
  `update postcode_area set pc4 = pc4 where false`,
];
