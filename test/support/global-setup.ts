import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createApp } from '#app/app.js';
import { testConfig } from './app.js';

/**
 * Vitest globalSetup: one migrated database per run, which every createTestApp() copies instead of
 * starting from nothing (initdb, migrations, built-in taxonomy and PC4 areas cost seconds per app).
 * The copy is made by createApp itself, so it holds exactly what start-up writes; createTestApp still
 * runs createApp on the copy, and its migrations and built-in data find nothing left to do.
 *
 * - PGlite: a snapshot of the data directory in a temporary file (`WERKREGIE_TEST_PGLITE_SNAPSHOT`).
 * - PostgreSQL: a template database (`WERKREGIE_TEST_TEMPLATE_DB`); each test database is
 *   `create database … template …`.
 *
 * The workers inherit these variables. Without them (bench scripts) createTestApp migrates from scratch.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const folder = mkdtempSync(join(tmpdir(), 'werkregie-test-'));
    const file = join(folder, 'pglite.tar');
    const app = await createApp(testConfig({ kind: 'pglite', dataDir: null }));
    try {
      writeFileSync(file, new Uint8Array(await (await app.database.snapshot!()).arrayBuffer()));
    } finally {
      await app.close();
    }
    process.env.WERKREGIE_TEST_PGLITE_SNAPSHOT = file;
    return async () => {
      delete process.env.WERKREGIE_TEST_PGLITE_SNAPSHOT;
      rmSync(folder, { recursive: true, force: true });
    };
  }

  const template = `werkregie_template_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(serverUrl, `create database ${template}`);
  const url = new URL(serverUrl);
  url.pathname = `/${template}`;
  try {
    // Closed again before any copy: PostgreSQL copies a template only while no one is connected to it.
    const app = await createApp(testConfig({ kind: 'postgres', url: url.toString() }));
    await app.close();
  } catch (error) {
    await adminQuery(serverUrl, `drop database if exists ${template} with (force)`);
    throw error;
  }
  process.env.WERKREGIE_TEST_TEMPLATE_DB = template;
  return async () => {
    delete process.env.WERKREGIE_TEST_TEMPLATE_DB;
    await adminQuery(serverUrl, `drop database if exists ${template} with (force)`);
  };
}

async function adminQuery(serverUrl: string, text: string): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(text);
  } finally {
    await admin.end();
  }
}
