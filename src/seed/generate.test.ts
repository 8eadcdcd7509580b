import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalisePostcode } from '#app/domain/employers/rules.js';
import { regions, sectors, seedInstanties, transversalSkills } from './data.js';
import { DemoRandom, companyName, mailName, occupationUriOf, postcodeIn, skillUriOf } from './generate.js';

const gemeenten = regions.flatMap((r) => r.gemeenten);

describe('demo reference data', () => {
  it('has every gemeente of both regions as an instantie, plus UWV and an SW-bedrijf per region', () => {
    expect(
      seedInstanties
        .filter((i) => i.kind === 'gemeente')
        .map((i) => i.id)
        .sort(),
    ).toEqual(gemeenten.map((g) => g.id).sort());
    expect(gemeenten).toHaveLength(13 + 9);
    for (const region of regions) {
      expect(seedInstanties.filter((i) => i.regionId === region.id && i.kind === 'uwv')).toHaveLength(1);
      expect(seedInstanties.filter((i) => i.regionId === region.id && i.kind === 'sw_bedrijf')).toHaveLength(1);
    }
  });

  it('names only occupations and skills of the built-in ESCO list', () => {
    for (const sector of sectors) {
      for (const label of sector.occupations) expect(occupationUriOf(label)).toMatch(/^http:\/\/data\.europa\.eu\/esco\/occupation\//);
      for (const label of sector.skills) expect(skillUriOf(label)).toMatch(/^http:\/\/data\.europa\.eu\/esco\/skill\//);
    }
    for (const label of transversalSkills) expect(skillUriOf(label)).toMatch(/esco\/skill\//);
    expect(() => occupationUriOf('astronaut')).toThrow(/astronaut/);
  });

  it('gives postcode ranges that do not overlap between gemeenten', () => {
    const owner = new Map<number, string>();
    for (const g of gemeenten) {
      for (const [from, to] of g.pc4) {
        expect(from).toBeLessThanOrEqual(to);
        for (let pc4 = from; pc4 <= to; pc4++) {
          expect(owner.get(pc4), `${pc4} in ${g.id} and ${owner.get(pc4)}`).toBeUndefined();
          owner.set(pc4, g.id);
        }
      }
    }
  });
});

describe('demo generators', () => {
  it('make valid postcodes inside the gemeente, for any seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.constantFrom(...gemeenten), (seed, gemeente) => {
        const postcode = postcodeIn(new DemoRandom(seed), gemeente);
        expect(normalisePostcode(postcode)).toBe(postcode);
        const pc4 = Number(postcode.slice(0, 4));
        expect(gemeente.pc4.some(([from, to]) => pc4 >= from && pc4 <= to)).toBe(true);
      }),
    );
  });

  it('write e-mail names in plain ASCII', () => {
    expect(mailName('Zoë', "van 't Hoff")).toBe('zoe.vanthoff');
    expect(mailName('Şükrü', 'El Idrissi')).toBe('sukru.elidrissi');
  });

  it('fill every company name template', () => {
    const r = new DemoRandom(5);
    for (let i = 0; i < 200; i++) {
      const name = companyName(r, r.pick(sectors), 'Delft');
      expect(name).not.toMatch(/[{}]/);
      expect(name).toMatch(/^[A-Z]/);
    }
  });

  it('repeat the same values for the same seed', () => {
    const draw = (seed: number) => {
      const r = new DemoRandom(seed);
      return Array.from({ length: 20 }, () =>
        [r.faker.person.lastName(), r.int(1, 1000), r.some(['a', 'b', 'c', 'd'], 1, 3).join('')].join('|'),
      );
    };
    expect(draw(11)).toEqual(draw(11));
    expect(draw(11)).not.toEqual(draw(12));
  });
});
