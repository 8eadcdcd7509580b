import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';

const ruleset = resolve(process.cwd(), '../shared/standards/adr-ruleset.yaml');
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => app?.close());

describe('the OpenAPI document', () => {
  it('is served without authentication, with CORS * and the API-Version header', async () => {
    const response = await app.server.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(response.headers['api-version']).toBe('1.0.0');
    const document = response.json();
    expect(document.openapi).toBe('3.0.3');
    expect(Object.keys(document.paths)).toContain('/kandidaten/{id}');
  });

  it.skipIf(!existsSync(ruleset))('lints clean against the Dutch API Design Rules (../shared/standards/adr-ruleset.yaml)', async () => {
    const response = await app.server.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    const file = join(mkdtempSync(join(tmpdir(), 'werkregie-oas-')), 'openapi.json');
    writeFileSync(file, response.body);
    const spectral = resolve(process.cwd(), 'node_modules/.bin/spectral');
    const { stdout } = await promisify(execFile)(spectral, ['lint', '-r', ruleset, '-f', 'json', '--quiet', file], {
      maxBuffer: 16 * 1024 * 1024,
    }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '[]' }));
    const results = JSON.parse(stdout || '[]') as { code: string; message: string; severity: number; path: string[] }[];
    const errors = results.filter((r) => r.severity === 0).map((r) => `${r.code} at ${r.path.join('.')}: ${r.message}`);
    expect(errors).toEqual([]);
  });
});
