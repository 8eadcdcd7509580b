import type { Db } from '#app/db/connection.js';

/** The place names of PC4 areas (table postcode_area), to show where work is; areas without a name are left out. */
export async function placesOf(db: Db, pc4s: Iterable<string>): Promise<Map<string, string>> {
  const unique = [...new Set(pc4s)].filter((pc4) => /^\d{4}$/.test(pc4));
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('postcode_area').select(['pc4', 'place', 'municipality']).where('pc4', 'in', unique).execute();
  return new Map(
    rows.flatMap((row) => {
      const name = row.place ?? row.municipality;
      return name ? [[row.pc4, name] as const] : [];
    }),
  );
}
