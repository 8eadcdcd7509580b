import { cpSync, mkdtempSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const fixtures = resolve(import.meta.dirname, '../../src/domain/taxonomy/fixtures');

/**
 * The ESCO fixtures as a download folder. The occupations sample is stored under another name, so
 * that it is never mistaken for (or flagged as) the shared occupations_nl.csv; here it gets the
 * official name the importer looks for.
 */
export function escoFixtureFolder(): string {
  const folder = join(mkdtempSync(join(tmpdir(), 'werkregie-esco-')), 'esco');
  cpSync(fixtures, folder, { recursive: true });
  renameSync(join(folder, 'occupations.sample.csv'), join(folder, 'occupations_nl.csv'));
  return folder;
}
