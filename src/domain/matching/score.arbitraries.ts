import fc from 'fast-check';
import { cefrLevels, supportNeedOptions } from '../candidates/rules.js';
import type { MatchCandidate, MatchVacancy, Weights } from './score.js';

// Random inputs of the score for property tests (score.test.ts, score-sql.integration.test.ts).
export const skillPool = Array.from({ length: 30 }, (_, i) => `http://data.europa.eu/esco/skill/s${i}`);
export const occupationPool = Array.from({ length: 8 }, (_, i) => `http://data.europa.eu/esco/occupation/o${i}`);
export const iscoOf = (uri: string) => `91${uri.slice(-1)}`;
export const subset = <T>(items: readonly T[], max = items.length) => fc.uniqueArray(fc.constantFrom(...items), { maxLength: max });

export const candidate: fc.Arbitrary<MatchCandidate> = fc
  .record({
    wishedOccupations: subset(occupationPool, 3),
    skills: subset(skillPool, 15),
    hoursPerWeek: fc.option(fc.integer({ min: 1, max: 40 })),
    dutchLevel: fc.option(fc.constantFrom(...cefrLevels)),
    travelRadiusKm: fc.option(fc.integer({ min: 0, max: 60 })),
    availability: fc.option(fc.constantFrom('beschikbaar' as const, 'binnenkort' as const, 'niet_beschikbaar' as const)),
    availabilityExpired: fc.option(fc.boolean()),
    supportNeeds: fc.option(subset(supportNeedOptions)),
  })
  .map((c) => ({ ...c, wishedIscoGroups: c.wishedOccupations.map(iscoOf) }));

export const vacancy: fc.Arbitrary<MatchVacancy> = fc
  .record({
    occupationUri: fc.option(fc.constantFrom(...occupationPool)),
    requiredSkills: subset(skillPool, 8),
    niceSkills: subset(skillPool, 5),
    hoursPerWeek: fc.option(fc.integer({ min: 1, max: 40 })),
    requiredDutchLevel: fc.option(fc.constantFrom(...cefrLevels)),
    supportOffered: subset(supportNeedOptions),
  })
  .map((v) => ({ ...v, iscoGroup: v.occupationUri ? iscoOf(v.occupationUri) : null }));

// Distances come from earth_distance between PC4 centres: 0 or at least metres apart, never subnormal.
export const distance = fc.option(fc.double({ min: 0, max: 150, noNaN: true }).filter((km) => km === 0 || km > 1e-6));
export const weights: fc.Arbitrary<Weights> = fc.record({
  beroep: fc.integer({ min: 0, max: 100 }),
  vaardigheden: fc.integer({ min: 0, max: 100 }),
  extraVaardigheden: fc.integer({ min: 0, max: 100 }),
  afstand: fc.integer({ min: 0, max: 100 }),
  uren: fc.integer({ min: 0, max: 100 }),
  taal: fc.integer({ min: 0, max: 100 }),
  beschikbaarheid: fc.integer({ min: 0, max: 100 }),
});
