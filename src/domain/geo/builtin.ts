import type { Db } from '#app/db/connection.js';
import { builtinPostcodeAreas } from './builtin-pc4.js';

/**
 * Adds the built-in PC4 areas that are missing; an area already present (built-in or imported)
 * is left as it is. Called at every start-up, right after the migrations. Returns how many were added.
 */
export async function ensureBuiltinPostcodes(db: Db): Promise<number> {
  const result = await db
    .insertInto('postcode_area')
    .values(
      builtinPostcodeAreas.map((area) => ({
        pc4: area.pc4,
        latitude: area.latitude,
        longitude: area.longitude,
        place: area.place,
        municipality: area.municipality,
      })),
    )
    .onConflict((conflict) => conflict.column('pc4').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}
