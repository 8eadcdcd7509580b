import { PgBoss, fromPglite } from 'pg-boss';
import type { Config } from '#app/config.js';
import type { DatabaseHandle } from '#app/db/connection.js';
import { jobDefinitions, type JobDefinition } from './definitions.js';

export type Jobs = {
  /** Queues a run of the named job now (the worker picks it up within seconds). */
  send: (name: string) => Promise<void>;
  stop: () => Promise<void>;
};

/** Workers find new jobs by polling; scheduled work does not need to start within the second. */
const pollingIntervalSeconds = 5;

/**
 * Starts pg-boss on the app's own database (PGlite through the shared connection, or PostgreSQL with
 * a small pool of its own), and for every job definition a queue, a worker and its schedule.
 * Stop it before the database closes.
 */
export async function startJobs(database: DatabaseHandle, config: Config, definitions: JobDefinition[] = jobDefinitions): Promise<Jobs> {
  const boss =
    'pglite' in database.jobs
      ? new PgBoss({ backend: 'pglite', db: fromPglite(database.jobs.pglite) })
      : new PgBoss({ connectionString: database.jobs.connectionString, max: 3 });
  // pg-boss reports trouble in its background loops as events; an unheard 'error' would end the process.
  boss.on('error', (error) => console.error(`Achtergrondtaken: ${error.message}`));
  await boss.start();
  try {
    for (const job of definitions) {
      // 'stately': at most one waiting and one running per queue, so runs never pile up.
      await boss.createQueue(job.name, { policy: 'stately', retryLimit: 3, retryDelay: 60, retryBackoff: true });
      await boss.work(job.name, { pollingIntervalSeconds }, async () => {
        await job.run({ db: database.db, config, now: new Date() });
      });
      if (job.schedule) await boss.schedule(job.name, job.schedule, null, { tz: 'Europe/Amsterdam', missed: 'once' });
      if (job.runAtStart) await boss.send(job.name, null);
    }
    // A job taken out of the list must not keep being scheduled into a queue without a worker.
    const scheduled = new Set(definitions.filter((job) => job.schedule).map((job) => job.name));
    for (const schedule of await boss.getSchedules()) {
      if (!scheduled.has(schedule.name)) await boss.unschedule(schedule.name, schedule.key);
    }
  } catch (error) {
    await boss.stop({ graceful: false });
    throw error;
  }
  const names = new Set(definitions.map((job) => job.name));
  return {
    send: async (name) => {
      if (!names.has(name)) throw new Error(`Onbekende achtergrondtaak: ${name}`);
      await boss.send(name, null);
    },
    stop: () => boss.stop({ graceful: true, timeout: 10_000 }),
  };
}
