import type { Db } from '#app/db/connection.js';
import { settingsChangedAction } from './commands.js';
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

/** One save of an instantie's settings, from its event: who, when, why and what changed (old and new value by path). */
export type SettingsChange = {
  id: string;
  at: Date;
  byName: string | null;
  reason: string | null;
  changes: Record<string, { old: unknown; new: unknown }>;
};

/** The latest changes of an instantie's settings, the newest first (events `instantie.settings_changed`). */
export async function settingsHistory(db: Db, instantieId: string, limit = 50): Promise<SettingsChange[]> {
  const rows = await db
    .selectFrom('event')
    .leftJoin('user', 'user.id', 'event.actor_user_id')
    .select(['event.id', 'event.at', 'event.reason', 'event.data', 'user.name as by_name'])
    .where('event.subject_type', '=', 'instantie')
    .where('event.subject_id', '=', instantieId)
    .where('event.action', '=', settingsChangedAction)
    .orderBy('event.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => {
    const changes = row.data.changes;
    return {
      id: String(row.id),
      at: row.at,
      byName: row.by_name,
      reason: row.reason,
      changes: typeof changes === 'object' && changes !== null ? (changes as SettingsChange['changes']) : {},
    };
  });
}
