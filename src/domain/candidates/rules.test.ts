import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EmployerCategory } from '#app/db/schema.js';
import {
  availabilityExpired,
  availabilityExpiresAt,
  fieldGroupNames,
  groupsVisibleToEmployer,
  normaliseVisibility,
  postcodeArea,
  visibilityLevels,
  type Visibility,
} from './rules.js';

const category = fc.constantFrom<EmployerCategory>('preferred', 'committed', 'business_as_usual');
const visibility = fc.record(
  Object.fromEntries(fieldGroupNames.map((g) => [g, fc.constantFrom(...visibilityLevels)])),
) as fc.Arbitrary<Visibility>;
const input = fc.record({ category, visibility, anonymous: fc.boolean(), consentGiven: fc.boolean() });

describe('groupsVisibleToEmployer', () => {
  it('shows nothing without consent', () => {
    fc.assert(fc.property(input, (i) => groupsVisibleToEmployer({ ...i, consentGiven: false }).length === 0));
  });

  it('never shows the identity in anonymous mode', () => {
    fc.assert(fc.property(input, (i) => !groupsVisibleToEmployer({ ...i, anonymous: true }).includes('identiteit')));
  });

  it('never shows support needs or target groups to business-as-usual partners', () => {
    fc.assert(
      fc.property(input, (i) => {
        const shown = groupsVisibleToEmployer({ ...i, category: 'business_as_usual' });
        return !shown.includes('ondersteuning') && !shown.includes('doelgroep');
      }),
    );
  });

  it('shows a preferred partner at least what a committed partner sees, and that at least what business-as-usual sees', () => {
    fc.assert(
      fc.property(input, (i) => {
        const of = (c: EmployerCategory) => new Set(groupsVisibleToEmployer({ ...i, category: c }));
        const [p, c, b] = [of('preferred'), of('committed'), of('business_as_usual')];
        return [...c].every((g) => p.has(g)) && [...b].every((g) => c.has(g));
      }),
    );
  });

  it('never shows a group the candidate kept for the consultant', () => {
    fc.assert(fc.property(input, (i) => groupsVisibleToEmployer(i).every((g) => i.visibility[g] !== 'consulent')));
  });

  it('shows every group opened to all employers, to every category, apart from the fixed exceptions', () => {
    const all = Object.fromEntries(fieldGroupNames.map((g) => [g, 'alle'])) as Visibility;
    expect(groupsVisibleToEmployer({ category: 'business_as_usual', visibility: all, anonymous: false, consentGiven: true })).toEqual([
      'identiteit',
      'werkwensen',
      'ervaring',
      'beschikbaarheid',
      'locatie',
    ]);
    expect(groupsVisibleToEmployer({ category: 'committed', visibility: all, anonymous: true, consentGiven: true })).not.toContain(
      'identiteit',
    );
  });
});

describe('availability', () => {
  it('expires exactly 8 weeks after confirmation by default', () => {
    const confirmed = new Date('2026-01-05T10:00:00Z');
    const expires = availabilityExpiresAt(confirmed);
    expect(expires.toISOString()).toBe('2026-03-02T10:00:00.000Z');
    expect(availabilityExpired(expires, new Date('2026-03-02T09:59:59Z'))).toBe(false);
    expect(availabilityExpired(expires, new Date('2026-03-02T10:00:00Z'))).toBe(true);
  });

  it('follows the instantie setting for the number of weeks, and a later confirmation always lasts longer', () => {
    fc.assert(
      fc.property(
        fc.date({ noInvalidDate: true, min: new Date('2000-01-01'), max: new Date('2100-01-01') }),
        fc.integer({ min: 1, max: 52 }),
        fc.integer({ min: 1, max: 10 ** 9 }),
        (date, weeks, later) => {
          const first = availabilityExpiresAt(date, weeks);
          const renewed = availabilityExpiresAt(new Date(date.getTime() + later), weeks);
          return first.getTime() - date.getTime() === weeks * 7 * 86_400_000 && renewed > first;
        },
      ),
    );
  });
});

describe('small rules', () => {
  it('shows employers only the four digits of a postcode', () => {
    expect(postcodeArea('3011AB')).toBe('3011');
    expect(postcodeArea(null)).toBeNull();
  });

  it('fills in defaults for unknown or missing groups in a stored visibility', () => {
    const v = normaliseVisibility({ identiteit: 'alle', werkwensen: 'iedereen' });
    expect(v.identiteit).toBe('alle');
    expect(v.werkwensen).toBe('alle');
    expect(v.doelgroep).toBe('consulent');
  });
});
