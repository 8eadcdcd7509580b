import { PGlite } from '@electric-sql/pglite';
import { cube } from '@electric-sql/pglite/contrib/cube';
import { earthdistance } from '@electric-sql/pglite/contrib/earthdistance';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PGliteDialect, PostgresDialect, type DatabaseConnection, type Driver } from 'kysely';
import pg from 'pg';
import { lockDataDirectory } from './lock.js';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;

export type DatabaseHandle = {
  db: Db;
  kind: 'pglite' | 'postgres';
  close: () => Promise<void>;
};

/**
 * PGlite has a single connection and Kysely's PGlite driver hands it to every caller, so a
 * query from one request could run inside another request's transaction. This driver lets
 * one caller at a time hold the connection.
 */
class SerialDriver implements Driver {
  #inner: Driver;
  #queue: Promise<void> = Promise.resolve();
  constructor(inner: Driver) {
    this.#inner = inner;
  }
  init() {
    return this.#inner.init();
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    let release!: () => void;
    const previous = this.#queue;
    this.#queue = new Promise((resolve) => (release = resolve));
    await previous;
    const connection = await this.#inner.acquireConnection();
    releases.set(connection, release);
    return connection;
  }
  async releaseConnection(connection: DatabaseConnection) {
    await this.#inner.releaseConnection(connection);
    releases.get(connection)?.();
    releases.delete(connection);
  }
  beginTransaction: Driver['beginTransaction'] = (c, s) => this.#inner.beginTransaction(c, s);
  commitTransaction: Driver['commitTransaction'] = (c) => this.#inner.commitTransaction(c);
  rollbackTransaction: Driver['rollbackTransaction'] = (c) => this.#inner.rollbackTransaction(c);
  savepoint: NonNullable<Driver['savepoint']> = (c, n, q) => this.#inner.savepoint!(c, n, q);
  rollbackToSavepoint: NonNullable<Driver['rollbackToSavepoint']> = (c, n, q) => this.#inner.rollbackToSavepoint!(c, n, q);
  releaseSavepoint: NonNullable<Driver['releaseSavepoint']> = (c, n, q) => this.#inner.releaseSavepoint!(c, n, q);
  destroy() {
    return this.#inner.destroy();
  }
}
const releases = new WeakMap<DatabaseConnection, () => void>();

/** A `date` (no time, no zone) stays the string 'yyyy-mm-dd' in both drivers, as src/db/schema.ts types it. */
const dateOid = 1082;

class SerialPGliteDialect extends PGliteDialect {
  override createDriver(): Driver {
    return new SerialDriver(super.createDriver());
  }
}

/** Opens PGlite in `dataDir` (or in memory when null), holding the data directory's lock. */
export async function openPglite(dataDir: string | null): Promise<DatabaseHandle> {
  const unlock = dataDir ? lockDataDirectory(dataDir) : () => {};
  try {
    const pglite = await PGlite.create({
      dataDir: dataDir ? `${dataDir}/pg` : undefined,
      extensions: { pg_trgm, cube, earthdistance },
      parsers: { [dateOid]: (value: string) => value },
    });
    const db = new Kysely<Database>({ dialect: new SerialPGliteDialect({ pglite }) });
    return {
      db,
      kind: 'pglite',
      close: async () => {
        await db.destroy();
        unlock();
      },
    };
  } catch (error) {
    unlock();
    throw error;
  }
}

export function openPostgres(url: string, poolSize = 10): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === dateOid ? (value: string) => value : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle connection that the server ends (restart, or a test dropping its database) must not crash
  // the process; the pool replaces it on the next query.
  pool.on('error', (error) => console.warn(`PostgreSQL-verbinding verbroken: ${error.message}`));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, kind: 'postgres', close: () => db.destroy() };
}

export function openDatabase(
  database: { kind: 'pglite'; dataDir: string | null } | { kind: 'postgres'; url: string },
): Promise<DatabaseHandle> {
  return database.kind === 'pglite' ? openPglite(database.dataDir) : Promise.resolve(openPostgres(database.url));
}
