/**
 * `npm run bench:startup`: the time from `npm start` on an empty data folder to the first page
 * (migrations, demo data, listening), and the same for a second start on the filled folder.
 * Figures only; nothing passes or fails on time.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dataDir = mkdtempSync(join(tmpdir(), 'werkregie-start-'));
const port = 3900 + Math.floor(Math.random() * 90);

function withoutDatabaseUrl(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { DATABASE_URL: _ignored, ...rest } = env;
  return rest;
}

async function timeToFirstPage(): Promise<number> {
  const started = performance.now();
  const child = spawn('npm', ['start', '--silent'], {
    env: { ...withoutDatabaseUrl(process.env), DATA_DIR: dataDir, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  try {
    for (;;) {
      const ok = await fetch(`http://127.0.0.1:${port}/`).then(
        (response) => response.status === 200,
        () => false,
      );
      if (ok) return performance.now() - started;
      if (child.exitCode !== null) throw new Error(`npm start stopte met code ${child.exitCode}`);
      if (performance.now() - started > 300_000) throw new Error('Geen pagina binnen 5 minuten.');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    if (child.exitCode === null) {
      process.kill(-child.pid!, 'SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
  }
}

try {
  const first = await timeToFirstPage();
  const second = await timeToFirstPage();
  console.log(
    `npm start tot de eerste pagina: eerste start (migreren + demogegevens) ${(first / 1000).toFixed(1)} s; tweede start ${(second / 1000).toFixed(1)} s`,
  );
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
