import { parse } from 'csv-parse/sync';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it, expect } from 'vitest';
import { builtinOccupations, builtinSkills, conceptLabel, occupationByUri, searchConcepts, skillByUri } from './builtin.js';

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

  it('finds occupations by label prefix, best match first', () => {
    const hits = searchConcepts('occupation', 'schoonm');
    expect(hits[0]?.label).toBe('schoonmaker gebouwen');
    const upper = searchConcepts('occupation', 'SCHOONMAKER').map((c) => c.label);
    expect(upper).toContain('schoonmaker gebouwen');
  });

  it('matches alternative labels and ignores diacritics on either side', () => {
    expect(searchConcepts('occupation', 'schoonmakér')[0]?.label).toBe('schoonmaker gebouwen');
    expect(searchConcepts('occupation', 'concierge').map((c) => c.label)).toContain('conciërge');
    expect(searchConcepts('occupation', 'cafe').map((c) => c.label)).toContain('ober/serveerster');
    const shelves = searchConcepts('occupation', 'vakkenvuller').map((c) => c.label);
    expect(shelves).toContain('schappenvuller');
    expect(searchConcepts('skill', 'hygiene').length).toBeGreaterThan(0);
  });

  it('respects the limit and returns nothing for an empty query', () => {
    expect(searchConcepts('skill', 'e')).toHaveLength(10);
    expect(searchConcepts('skill', 'e', 3)).toHaveLength(3);
    expect(searchConcepts('skill', '  ')).toEqual([]);
  });

  it('looks up concepts by URI and falls back to the URI for unknown ones', () => {
    const forklift = 'http://data.europa.eu/esco/skill/28cb374e-6261-4133-8371-f9a5470145da';
    const warehouse = 'http://data.europa.eu/esco/occupation/bea705fe-06ac-4147-b8e0-6e8ac1208d8f';
    expect(skillByUri(forklift)?.label).toBe('vorkheftruck bedienen');
    expect(occupationByUri(warehouse)?.label).toBe('magazijnmedewerker');
    expect(occupationByUri(forklift)).toBeUndefined();
    expect(conceptLabel(warehouse)).toBe('magazijnmedewerker');
    expect(conceptLabel(forklift)).toBe('vorkheftruck bedienen');
    const unknown = 'http://data.europa.eu/esco/skill/00000000-0000-0000-0000-000000000000';
    expect(conceptLabel(unknown)).toBe(unknown);
  });
});
