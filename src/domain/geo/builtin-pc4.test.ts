import { describe, expect, it } from 'vitest';
import { regions } from '#app/seed/data.js';
import { approximateBuiltinPc4s, builtinPostcodeAreas } from './builtin-pc4.js';
import { isInNetherlands, toPc4 } from './rules.js';

const byPc4 = new Map(builtinPostcodeAreas.map((area) => [area.pc4, area]));
const seedPc4s = regions.flatMap((region) =>
  region.gemeenten.flatMap((gemeente) =>
    gemeente.pc4.flatMap(([from, to]) =>
      Array.from({ length: to - from + 1 }, (_, i) => ({ pc4: String(from + i), gemeente: gemeente.name })),
    ),
  ),
);

describe('the built-in PC4 table', () => {
  it('has every PC4 the demo seed can produce, in the right gemeente', () => {
    expect(seedPc4s.length).toBeGreaterThan(350);
    const missing = seedPc4s.filter(({ pc4 }) => !byPc4.has(pc4));
    expect(missing).toEqual([]);
    const elsewhere = seedPc4s.filter(({ pc4, gemeente }) => byPc4.get(pc4)?.municipality !== gemeente);
    expect(elsewhere).toEqual([]);
  });

  it('holds each PC4 once, valid and inside the Netherlands', () => {
    expect(byPc4.size).toBe(builtinPostcodeAreas.length);
    for (const area of builtinPostcodeAreas) {
      expect(toPc4(area.pc4), area.pc4).toBe(area.pc4);
      expect(isInNetherlands(area.latitude, area.longitude), area.pc4).toBe(true);
    }
  });

  it('marks the areas without source coordinates, which all come from the seed ranges', () => {
    const seeded = new Set(seedPc4s.map(({ pc4 }) => pc4));
    expect(approximateBuiltinPc4s.size).toBeGreaterThan(0);
    for (const pc4 of approximateBuiltinPc4s) {
      expect(seeded.has(pc4), pc4).toBe(true);
      expect(byPc4.get(pc4)?.place, pc4).toBeNull();
    }
    const withSource = builtinPostcodeAreas.filter((area) => !approximateBuiltinPc4s.has(area.pc4));
    expect(withSource.every((area) => area.place)).toBe(true);
    expect(withSource.length).toBeGreaterThan(300);
  });

  it('puts known areas where they are', () => {
    // Rotterdam Centrum (Coolsingel area) and Den Haag Centrum (Binnenhof area), within about 1 km.
    expect(byPc4.get('3011')).toMatchObject({ place: 'Rotterdam', municipality: 'Rotterdam' });
    expect(byPc4.get('3011')!.latitude).toBeCloseTo(51.92, 1);
    expect(byPc4.get('3011')!.longitude).toBeCloseTo(4.485, 1);
    expect(byPc4.get('2511')).toMatchObject({ place: "'s-Gravenhage", municipality: 'Den Haag' });
    expect(byPc4.get('2511')!.latitude).toBeCloseTo(52.078, 1);
    expect(byPc4.get('2511')!.longitude).toBeCloseTo(4.315, 1);
  });
});
