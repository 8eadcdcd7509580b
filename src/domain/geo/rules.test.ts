import { describe, expect, it } from 'vitest';
import { detectDelimiter } from './import.js';
import { isInNetherlands, toPc4 } from './rules.js';

describe('toPc4', () => {
  it('takes the four digits of a postcode or PC4', () => {
    expect(toPc4('3011')).toBe('3011');
    expect(toPc4('3011 AB')).toBe('3011');
    expect(toPc4(' 3011ab ')).toBe('3011');
  });

  it('answers null for anything that is not one', () => {
    for (const value of ['', null, undefined, '301', '0123', '30111', '3011A', '3011 ABC', 'abcd', '12A4']) {
      expect(toPc4(value), String(value)).toBeNull();
    }
  });
});

describe('isInNetherlands', () => {
  it('accepts the corners of the country and rejects places abroad', () => {
    expect(isInNetherlands(50.75, 6.02)).toBe(true); // Vaals
    expect(isInNetherlands(53.55, 6.67)).toBe(true); // Rottumerplaat
    expect(isInNetherlands(51.37, 3.38)).toBe(true); // Cadzand
    expect(isInNetherlands(53.2, 7.21)).toBe(true); // Bad Nieuweschans
    expect(isInNetherlands(48.86, 2.35)).toBe(false); // Paris
    expect(isInNetherlands(4.48, 51.92)).toBe(false); // Rotterdam with the axes swapped
    expect(isInNetherlands(51.92, 7.6)).toBe(false); // Germany
  });
});

describe('detectDelimiter', () => {
  it('picks the separator the header uses', () => {
    expect(detectDelimiter('pc4,latitude,longitude')).toBe(',');
    expect(detectDelimiter('pc4;latitude;longitude;place')).toBe(';');
    expect(detectDelimiter('3011;51,92;4,48')).toBe(';');
  });
});
