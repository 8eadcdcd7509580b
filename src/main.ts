import { parseArgs } from 'node:util';
import { createApp } from './app.js';
import { loadConfig } from './config.js';
import { DataDirectoryInUseError } from './db/lock.js';

const usage = `Gebruik: werkregie <opdracht>
  serve     start het platform (migreert, en vult een lege database met demogegevens, niet in productie)
  migrate   breng de database bij
  seed      vul de database met demogegevens: --candidates N --employers M --seed S`;

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  const config = loadConfig();
  switch (command) {
    case 'serve':
      return serve(config);
    case 'migrate': {
      const app = await createApp(config);
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
      const app = await createApp(config);
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
    default:
      console.log(usage);
      process.exitCode = command ? 2 : 0;
  }
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
