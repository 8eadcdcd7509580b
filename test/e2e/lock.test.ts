import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * PGlite has no lock of its own: two processes on one data directory would corrupt it. These
 * tests start the real command (`werkregie serve`) as separate processes on one DATA_DIR.
 */

const root = fileURLToPath(new URL('../..', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'werkregie-lock-'));
const lockFile = join(dataDir, 'werkregie.lock');
const started: ChildProcess[] = [];

type Server = { child: ChildProcess; output: () => string; exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }> };

function serve(): Server {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' };
  // The lock guards the embedded database; a PostgreSQL server has its own. Vitest sets BASE_URL
  // to "/" for Vite, which is no address.
  delete env.DATABASE_URL;
  delete env.BASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'serve'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  started.push(child);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => output, exit };
}

/** Waits for the "running" line and returns the address it shows. */
async function listening(server: Server): Promise<string> {
  const pattern = /Werkregie draait op (http:\/\/\S+)/;
  const exited = server.exit.then(({ code }) => {
    throw new Error(`serve stopte (code ${code}) voordat het draaide:\n${server.output()}`);
  });
  const running = (async () => {
    for (;;) {
      const match = pattern.exec(server.output());
      if (match) return match[1]!;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  return Promise.race([running, exited]);
}

async function stop(server: Server) {
  server.child.kill('SIGTERM');
  return server.exit;
}

/** The pid of a process that has ended. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid!;
}

afterAll(() => {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the data directory lock', () => {
  it('lets one process at a time use a data directory, and frees it on SIGTERM', { timeout: 180_000 }, async () => {
    const first = serve();
    const url = await listening(first);
    expect(url).not.toMatch(/:0$/);
    expect((await fetch(`${url}/inloggen`)).status).toBe(200);
    expect(readFileSync(lockFile, 'utf8')).toBe(String(first.child.pid));

    const second = serve();
    expect((await second.exit).code).toBe(3);
    expect(second.output()).toContain('is al in gebruik');
    expect(second.output()).toContain(String(first.child.pid));
    expect(readFileSync(lockFile, 'utf8')).toBe(String(first.child.pid));

    expect(await stop(first)).toEqual({ code: 0, signal: null });
    expect(existsSync(lockFile)).toBe(false);

    // After a clean stop the next start finds the demo data and does not fill the database again.
    const third = serve();
    await listening(third);
    expect(third.output()).not.toContain('De database is leeg');
    expect(third.output()).toContain('consulent@demo.werkregie.nl');
    expect(await stop(third)).toEqual({ code: 0, signal: null });
    expect(existsSync(lockFile)).toBe(false);
  });

  it('takes over a lock left by a process that no longer runs', { timeout: 120_000 }, async () => {
    const pid = await deadPid();
    writeFileSync(lockFile, String(pid));
    const server = serve();
    await listening(server);
    expect(readFileSync(lockFile, 'utf8')).toBe(String(server.child.pid));
    expect(await stop(server)).toEqual({ code: 0, signal: null });
    expect(existsSync(lockFile)).toBe(false);
  });
});
