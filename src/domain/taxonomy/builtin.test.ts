import { parse } from 'csv-parse/sync';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it, expect } from 'vitest';
import { builtinOccupations, builtinSkills, occupationByUri, skillByUri } from './builtin.js';

const escoOccupationsCsv = resolve(process.cwd(), '../shared/data/esco/occupations_nl.csv');

function parseCsv(text: string): string[][] {
  return parse(text, { relaxQuotes: false }) as string[][];
}

describe('builtin taxonomy', () => {
  it('has unique URIs with the ESCO prefix of their kind', () => {
    const all = [...builtinOccupations, ...builtinSkills].map((c) => c.uri);
    expect(new Set(all).size).toBe(all.length);
    for (const o of builtinOccupations) {
      expect(o.uri).toMatch(/^http:\/\/data\.europa\.eu\/esco\/occupation\/[0-9a-f-]{36}$/);
      expect(o.iscoGroup).toMatch(/^\d{4}$/);
    }
    for (const s of builtinSkills) {
      expect(s.uri).toMatch(/^http:\/\/data\.europa\.eu\/esco\/skill\/[0-9a-f-]{36}$/);
    }
  });

  it.skipIf(!existsSync(escoOccupationsCsv))('matches ../shared/data/esco/occupations_nl.csv (skipped when that file is absent)', () => {
    const [header, ...rows] = parseCsv(readFileSync(escoOccupationsCsv, 'utf8'));
    const col = (name: string) => header!.indexOf(name);
    const [uriCol, labelCol, iscoCol, altCol] = ['conceptUri', 'preferredLabel', 'iscoGroup', 'altLabels'].map(col);
    const byUri = new Map(rows.map((r) => [r[uriCol!], r]));
    for (const o of builtinOccupations) {
      const row = byUri.get(o.uri);
      expect(row, o.uri).toBeDefined();
      expect(o.label).toBe(row![labelCol!]);
      expect(o.iscoGroup).toBe(row![iscoCol!]);
      const alts = row![altCol!]!.split('\n').map((a) => a.trim());
      for (const alt of o.altLabels) expect(alts, o.label).toContain(alt);
    }
  });

  it('looks up concepts by URI', () => {
    const forklift = 'http://data.europa.eu/esco/skill/28cb374e-6261-4133-8371-f9a5470145da';
    const warehouse = 'http://data.europa.eu/esco/occupation/bea705fe-06ac-4147-b8e0-6e8ac1208d8f';
    expect(skillByUri(forklift)?.label).toBe('vorkheftruck bedienen');
    expect(occupationByUri(warehouse)?.label).toBe('magazijnmedewerker');
    expect(occupationByUri(forklift)).toBeUndefined();
    expect(skillByUri(warehouse)).toBeUndefined();
  });
});
