import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { runPostcodeImport, type CommandIo } from './cli.js';

const fixture = fileURLToPath(new URL('./fixtures/postcodes-sample.csv', import.meta.url));
const root = fileURLToPath(new URL('../../../', import.meta.url));

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => app?.close());

function captured(): CommandIo & { stdout: string[]; stderr: string } {
  const io = {
    stdout: [] as string[],
    stderr: '',
    isTty: false,
    out: (line: string) => io.stdout.push(line),
    err: (text: string) => (io.stderr += text),
  };
  return io;
}

describe('werkregie import postcodes', () => {
  it('imports the file, prints the counts and every rejected line, and shows progress on stderr', async () => {
    const io = captured();
    expect(await runPostcodeImport(app.database.db, [fixture], io)).toBe(0);
    expect(io.stdout[0]).toBe(
      'Postcodes uit postcodes-sample.csv: 15 regels, 5 PC4-gebieden (1 regel samengevoegd met een eerdere regel van dezelfde PC4).',
    );
    expect(io.stdout[1]).toBe('  nieuw: 4, bijgewerkt: 1, ongewijzigd: 0, afgewezen regels: 9');
    expect(io.stdout).toContain('  regel 5: ongeldige pc4 "12A4"');
    expect(io.stdout).toContain('  regel 16: onleesbare regel: aanhalingsteken niet gesloten');
    expect(io.stderr).toContain('Opslaan: 5/5');

    const again = captured();
    expect(await runPostcodeImport(app.database.db, [fixture], again)).toBe(0);
    expect(again.stdout[1]).toBe('  nieuw: 0, bijgewerkt: 0, ongewijzigd: 5, afgewezen regels: 9');
  });

  it('answers a missing file or argument with an error and a non-zero exit code', async () => {
    const missing = captured();
    expect(await runPostcodeImport(app.database.db, ['/does/not/exist.csv'], missing)).toBe(1);
    expect(missing.stderr).toContain('Bestand niet gevonden: /does/not/exist.csv');
    expect(missing.stdout).toEqual([]);
    const none = captured();
    expect(await runPostcodeImport(app.database.db, [], none)).toBe(2);
    expect(none.stderr).toContain('Gebruik: werkregie import postcodes <bestand.csv>');
  });

  it('explains the columns with --help, without opening a database', async () => {
    const dataDir = join(tmpdir(), `werkregie-help-${process.pid}-${Date.now()}`);
    const { stdout } = await promisify(execFile)('npx', ['tsx', 'src/main.ts', 'import', 'postcodes', '--help'], {
      cwd: root,
      // Only what a shell would have: vitest sets variables (BASE_URL) that mean something else to Werkregie.
      env: { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: dataDir },
    });
    for (const column of ['pc4', 'latitude', 'longitude', 'place', 'municipality']) expect(stdout).toContain(`  ${column}`);
    expect(existsSync(dataDir)).toBe(false);
  });
});
