import { sql } from 'kysely';
import { fromPglite } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, type DatabaseHandle } from './connection.js';

// PGlite only, whatever DATABASE_URL says: this is about sharing its one connection with pg-boss.
let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openPglite(null);
});
afterAll(async () => handle?.close());

describe('PGlite shared by Kysely and pg-boss', () => {
  it('rolls back a failed pg-boss transaction before anyone else gets the connection', async () => {
    if (!('pglite' in handle.jobs)) throw new Error('expected PGlite');
    const boss = fromPglite(handle.jobs.pglite);
    await sql`create table jobs_probe (n int)`.execute(handle.db);
    // pg-boss sends its transactions as one multi-statement text; this one fails half-way.
    const failing = boss.executeSql('BEGIN; insert into jobs_probe values (1); select * from no_such_table; COMMIT;');
    // A request's query waiting for the connection meanwhile must not land in the aborted transaction.
    const request = sql<{ n: number }>`select count(*)::int as n from jobs_probe`.execute(handle.db);
    await expect(failing).rejects.toThrow(/no_such_table/);
    expect((await request).rows[0]!.n).toBe(0);
    // And a Kysely transaction after it works as usual.
    await handle.db.transaction().execute(async (trx) => {
      await sql`insert into jobs_probe values (2)`.execute(trx);
    });
    expect((await sql<{ n: number }>`select count(*)::int as n from jobs_probe`.execute(handle.db)).rows[0]!.n).toBe(1);
  });

  it('answers pg-boss queries with parameters as usual', async () => {
    if (!('pglite' in handle.jobs)) throw new Error('expected PGlite');
    const result = await fromPglite(handle.jobs.pglite).executeSql('select $1::int + 1 as n', [41]);
    expect(result.rows).toEqual([{ n: 42 }]);
  });
});
