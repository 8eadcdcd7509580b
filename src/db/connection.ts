import { PGlite } from '@electric-sql/pglite';
import { cube } from '@electric-sql/pglite/contrib/cube';
import { earthdistance } from '@electric-sql/pglite/contrib/earthdistance';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PGliteDialect, PostgresDialect, type DatabaseConnection, type Driver } from 'kysely';
import pg from 'pg';
import type { PGliteLike } from 'pg-boss';
import { lockDataDirectory } from './lock.js';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;

/** How pg-boss reaches the same database: PGlite through the shared connection queue, or its own pool. */
export type JobsConnection = { pglite: PGliteLike } | { connectionString: string };

export type DatabaseHandle = {
  db: Db;
  kind: 'pglite' | 'postgres';
  jobs: JobsConnection;
  /**
   * The embedded database's whole data directory as a tarball (PGlite `dumpDataDir`). Tests make one
   * migrated copy per run and start every in-memory database from it (test/support/app.ts).
   */
  snapshot?: () => Promise<Blob>;
  close: () => Promise<void>;
};

/** One holder at a time of PGlite's single connection: Kysely's callers and pg-boss alike. */
class ConnectionQueue {
  #tail: Promise<void> = Promise.resolve();
  async acquire(): Promise<() => void> {
    let release!: () => void;
    const previous = this.#tail;
    this.#tail = new Promise((resolve) => (release = resolve));
    await previous;
    return release;
  }
}

/**
 * PGlite has a single connection and Kysely's PGlite driver hands it to every caller, so a
 * query from one request could run inside another request's transaction. This driver lets
 * one caller at a time hold the connection.
 */
class SerialDriver implements Driver {
  #inner: Driver;
  #queue: ConnectionQueue;
  constructor(inner: Driver, queue: ConnectionQueue) {
    this.#inner = inner;
    this.#queue = queue;
  }
  init() {
    return this.#inner.init();
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    const release = await this.#queue.acquire();
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
  #queue: ConnectionQueue;
  constructor(config: ConstructorParameters<typeof PGliteDialect>[0], queue: ConnectionQueue) {
    super(config);
    this.#queue = queue;
  }
  override createDriver(): Driver {
    return new SerialDriver(super.createDriver(), this.#queue);
  }
}

/**
 * PGlite as pg-boss reaches it (its `fromPglite` adapter), through the same queue as Kysely. PGlite
 * itself keeps statements out of an open transaction; the queue is for pg-boss's own transactions,
 * which it sends as one multi-statement text: when one fails half-way, it is rolled back before the
 * connection is handed on, so no request finds it in an aborted transaction.
 */
function pgliteForJobs(pglite: PGlite, queue: ConnectionQueue): JobsConnection {
  const hold = async <T>(work: () => Promise<T>): Promise<T> => {
    const release = await queue.acquire();
    try {
      return await work();
    } finally {
      release();
    }
  };
  return {
    pglite: {
      // The adapter's own ROLLBACK after an error comes later, when the connection may be another
      // caller's: that transaction is not pg-boss's to end, and exec below already rolled back its own.
      query: <T>(text: string, params?: unknown[]) =>
        text === 'ROLLBACK' ? Promise.resolve({ rows: [] as T[] }) : hold(() => pglite.query<T>(text, params)),
      exec: (text: string) =>
        hold(async () => {
          try {
            return await pglite.exec(text);
          } catch (error) {
            await pglite.exec('ROLLBACK').catch(() => {});
            throw error;
          }
        }),
    },
  };
}

/**
 * Opens PGlite in `dataDir` (or in memory when null), holding the data directory's lock. `from` is a
 * snapshot (see DatabaseHandle) to start from instead of an empty database: far cheaper than initdb.
 */
export async function openPglite(dataDir: string | null, from?: Blob): Promise<DatabaseHandle> {
  const unlock = dataDir ? lockDataDirectory(dataDir) : () => {};
  try {
    const pglite = await PGlite.create({
      dataDir: dataDir ? `${dataDir}/pg` : undefined,
      loadDataDir: from,
      extensions: { pg_trgm, cube, earthdistance },
      parsers: { [dateOid]: (value: string) => value },
    });
    const queue = new ConnectionQueue();
    const db = new Kysely<Database>({ dialect: new SerialPGliteDialect({ pglite }, queue) });
    return {
      db,
      kind: 'pglite',
      jobs: pgliteForJobs(pglite, queue),
      snapshot: async () => {
        const release = await queue.acquire();
        try {
          // A checkpoint first, so that a database loaded from the snapshot has no WAL to replay.
          await pglite.exec('checkpoint');
          return await pglite.dumpDataDir('none');
        } finally {
          release();
        }
      },
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
  return { db, kind: 'postgres', jobs: { connectionString: url }, close: () => db.destroy() };
}

export function openDatabase(
  database: { kind: 'pglite'; dataDir: string | null; from?: Blob } | { kind: 'postgres'; url: string },
): Promise<DatabaseHandle> {
  return database.kind === 'pglite' ? openPglite(database.dataDir, database.from) : Promise.resolve(openPostgres(database.url));
}
