import { parseArgs } from 'node:util';
import { createApp } from './app.js';
import { loadConfig } from './config.js';
import { DataDirectoryInUseError } from './db/lock.js';

const usage = `Gebruik: werkregie <opdracht>
  serve     start het platform (migreert, en vult een lege database met demogegevens, niet in productie)
  migrate   breng de database bij
  seed      vul de database met demogegevens: --candidates N --employers M --seed S
  import esco <map>   laad de ESCO-download (CSV, Nederlands) uit een map: beroepen, vaardigheden en hun relaties
  import postcodes <csv>   laad een landelijke tabel van postcodegebieden (PC4) met coördinaten (--help: de kolommen)`;

/** One-off commands do their work and stop: no background jobs beside them. */
const withoutJobs = (config: ReturnType<typeof loadConfig>) => ({ ...config, jobs: false });

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  const config = loadConfig();
  switch (command) {
    case 'serve':
      return serve(config);
    case 'migrate': {
      const app = await createApp(withoutJobs(config));
      await app.close();
      console.log('De database is bijgewerkt.');
      return;
    }
    case 'seed': {
      const { values } = parseArgs({
        args: rest,
        options: {
          candidates: { type: 'string', default: '500' },
          employers: { type: 'string', default: '60' },
          seed: { type: 'string', default: '1' },
        },
      });
      const app = await createApp(withoutJobs(config));
      try {
        const { seedDemo } = await import('./seed/seed.js');
        await seedDemo(app, {
          candidates: Number(values.candidates),
          employers: Number(values.employers),
          seed: Number(values.seed),
          log: console.log,
        });
      } finally {
        await app.close();
      }
      return;
    }
    case 'import':
      return importData(config, rest);
    default:
      console.log(usage);
      process.exitCode = command ? 2 : 0;
  }
}

/** `import esco <map>` and `import postcodes <csv>`: reference data into the database; the report goes to stdout, progress to stderr. */
async function importData(config: ReturnType<typeof loadConfig>, [what, source]: string[]): Promise<void> {
  if (what === 'postcodes' && (!source || source === '--help' || source === '-h')) {
    const { postcodeImportHelp } = await import('./domain/geo/cli.js');
    console.log(postcodeImportHelp);
    process.exitCode = source ? 0 : 2;
    return;
  }
  if ((what !== 'esco' && what !== 'postcodes') || !source) {
    console.log(usage);
    process.exitCode = 2;
    return;
  }
  const app = await createApp(withoutJobs(config));
  try {
    switch (what) {
      case 'esco': {
        const { EscoImportError, escoReportLines, importEsco } = await import('./domain/taxonomy/import-esco.js');
        try {
          const report = await importEsco(app.database.db, source, { onProgress: progressLine });
          for (const line of escoReportLines(report)) console.log(line);
        } catch (error) {
          if (!(error instanceof EscoImportError)) throw error;
          console.error(error.message);
          process.exitCode = 1;
        }
        return;
      }
      case 'postcodes': {
        const { runPostcodeImport } = await import('./domain/geo/cli.js');
        process.exitCode = await runPostcodeImport(app.database.db, [source]);
        return;
      }
    }
  } finally {
    await app.close();
  }
}

/** A progress line on stderr: rewritten in place on a terminal, every 10,000 rows in a log. */
function progressLine({ file, rows, done }: { file: string; rows: number; done: boolean }): void {
  const text = `${file}: ${new Intl.NumberFormat('nl-NL').format(rows)} regels${done ? ', klaar' : ''}`;
  if (process.stderr.isTTY) process.stderr.write(`\r${text}\x1b[K${done ? '\n' : ''}`);
  else if (done || rows % 10_000 === 0) process.stderr.write(`${text}\n`);
}

async function serve(config: ReturnType<typeof loadConfig>): Promise<void> {
  const started = performance.now();
  const app = await createApp(config, { logger: false });
  const { seedDemoIfEmpty } = await import('./seed/seed.js');
  // A production instance never gets the demo accounts, whose password is public.
  const demo = config.production ? [] : await seedDemoIfEmpty(app, { log: console.log });
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`${signal} ontvangen: Werkregie stopt netjes.`);
    await app.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  const address = await app.server.listen({ port: config.port, host: config.host });
  // With PORT=0 the system picks a free port: show the address actually listened on.
  console.log(
    `\nWerkregie draait op ${config.port === 0 ? address : config.baseUrl} (database: ${config.database.kind === 'pglite' ? `ingebouwd, ${config.database.dataDir}` : 'PostgreSQL'}; klaar in ${Math.round(performance.now() - started)} ms)`,
  );
  if (!config.mail.smtpUrl) {
    console.log(
      config.production
        ? '\nLet op: SMTP_URL is niet ingesteld. E-mail blijft in de wachtrij en wordt niet verstuurd.'
        : `\nE-mail wordt niet verstuurd (geen SMTP_URL): bekijk hem op ${config.baseUrl}/ontwikkeling/mailbox`,
    );
  }
  if (demo.length > 0) {
    console.log('\nDemo-accounts (wachtwoord voor allemaal: werkregie-demo):');
    for (const login of demo) console.log(`  ${login.role.padEnd(10)} ${login.email}`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof DataDirectoryInUseError) {
    console.error(error.message);
    process.exit(3);
  }
  console.error(error);
  process.exit(1);
});
