import type { App } from '#app/app.js';

export type DemoLogin = { role: string; email: string };
export type SeedOptions = { candidates: number; employers: number; seed: number; log: (line: string) => void };

// Placeholder until the demo data generator lands: it seeds nothing.
export async function seedDemo(_app: App, _options: SeedOptions): Promise<DemoLogin[]> {
  return [];
}

export async function seedDemoIfEmpty(_app: App, _options: { log: (line: string) => void }): Promise<DemoLogin[]> {
  return [];
}
