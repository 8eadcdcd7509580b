import { sql } from 'kysely';
import type { Db } from '#app/db/connection.js';
import { readSettings, type InstantieSettings } from './settings.js';

export type Instantie = { id: string; name: string; kind: string; regionId: string; settings: InstantieSettings };

export async function listInstanties(db: Db): Promise<Instantie[]> {
  const rows = await db.selectFrom('instantie').selectAll().orderBy('name').execute();
  return rows.map((row) => ({ id: row.id, name: row.name, kind: row.kind, regionId: row.region_id, settings: readSettings(row.settings) }));
}

export async function getInstantie(db: Db, id: string): Promise<Instantie | null> {
  const row = await db.selectFrom('instantie').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? { id: row.id, name: row.name, kind: row.kind, regionId: row.region_id, settings: readSettings(row.settings) } : null;
}

/** The instanties whose setting leaves expired profiles out of employers' rankings (`expiredProfiles: 'hidden'`). */
export async function instantiesHidingExpired(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('instantie')
    .select('id')
    .where(sql<boolean>`settings ->> 'expiredProfiles' = 'hidden'`)
    .execute();
  return rows.map((row) => row.id);
}
