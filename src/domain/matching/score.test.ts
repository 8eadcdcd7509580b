import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Candidate } from '#app/db/schema.js';
import { cefrLevels, defaultVisibility, supportNeedOptions, targetGroupOptions } from '../candidates/rules.js';
import { matchCandidateFrom } from './inputs.js';
import { candidate, distance, iscoOf, occupationPool, skillPool, subset, vacancy, weights } from './score.arbitraries.js';
import { defaultWeights, distanceValue, scoreMatch, type MatchCandidate, type MatchVacancy } from './score.js';

describe('the match score', () => {
  it('is a whole number from 0 to 100', () => {
    fc.assert(
      fc.property(candidate, vacancy, distance, weights, (c, v, d, w) => {
        const { total } = scoreMatch(c, v, d, w);
        return Number.isInteger(total) && total >= 0 && total <= 100;
      }),
    );
  });

  it('never goes down when the candidate covers one more required skill', () => {
    fc.assert(
      fc.property(candidate, vacancy, distance, weights, (c, v, d, w) => {
        const missing = v.requiredSkills.find((skill) => !c.skills!.includes(skill));
        fc.pre(missing !== undefined);
        const more = { ...c, skills: [...c.skills!, missing!] };
        return scoreMatch(more, v, d, w).total >= scoreMatch(c, v, d, w).total;
      }),
    );
  });

  it('never goes up with a greater distance', () => {
    fc.assert(
      fc.property(
        candidate,
        vacancy,
        fc.double({ min: 0, max: 150, noNaN: true }),
        fc.double({ min: 0, max: 150, noNaN: true }),
        weights,
        (c, v, a, b, w) => {
          const [near, far] = a <= b ? [a, b] : [b, a];
          return scoreMatch(c, v, far, w).total <= scoreMatch(c, v, near, w).total;
        },
      ),
    );
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 500, noNaN: true }),
        fc.double({ min: 0, max: 500, noNaN: true }),
        fc.integer({ min: 0, max: 200 }),
        (a, b, r) => {
          const [near, far] = a <= b ? [a, b] : [b, a];
          return distanceValue(far, r) <= distanceValue(near, r);
        },
      ),
    );
  });

  it('does not move with support needs: needing support never pushes anyone down', () => {
    fc.assert(
      fc.property(candidate, vacancy, distance, weights, subset(supportNeedOptions), (c, v, d, w, needs) => {
        return scoreMatch({ ...c, supportNeeds: needs }, v, d, w).total === scoreMatch({ ...c, supportNeeds: [] }, v, d, w).total;
      }),
    );
  });

  it('does not move with age, gender, origin, health or target-group status of the candidate row', () => {
    const row = (overrides: Partial<Candidate>): Candidate => ({
      id: '00000000-0000-4000-8000-000000000001',
      instantie_id: 'rotterdam',
      user_id: null,
      consultant_user_id: null,
      pseudonym: 'Kandidaat ABCDEF',
      first_name: 'Fatima',
      last_name: 'Bakker',
      email: null,
      phone: null,
      postcode: '3012CD',
      travel_radius_km: 10,
      travel_modes: ['fiets'],
      hours_per_week: 24,
      days: ['ma'],
      wished_occupations: [occupationPool[0]!],
      skills: skillPool.slice(0, 5),
      work_experience: [],
      education_level: 'vmbo',
      languages: [],
      dutch_level: 'B1',
      support_needs: [],
      participation_step: 4,
      regie_level: 'samen',
      target_groups: [],
      about: null,
      availability: 'beschikbaar',
      availability_confirmed_at: new Date('2026-11-01'),
      availability_expires_at: new Date('2026-12-27'),
      visibility: defaultVisibility,
      anonymous: true,
      consent_given: true,
      created_at: new Date('2026-01-01'),
      updated_at: new Date('2026-01-01'),
      ...overrides,
    });
    const protectedFacts = fc.record({
      first_name: fc.constantFrom('Fatima', 'Jan', 'Mohammed', 'Anna', 'Chen'),
      last_name: fc.constantFrom('Bakker', 'El Amrani', 'de Vries', 'Nguyen', 'Yılmaz'),
      languages: fc.array(
        fc.record({ language: fc.constantFrom('Arabisch', 'Turks', 'Pools', 'Tigrinya', 'Engels'), level: fc.constantFrom(...cefrLevels) }),
        { maxLength: 3 },
      ),
      support_needs: subset(supportNeedOptions).map((s) => [...s]),
      participation_step: fc.option(fc.integer({ min: 1, max: 6 })),
      target_groups: subset(targetGroupOptions).map((s) => [...s]),
      regie_level: fc.constantFrom('zelf' as const, 'samen' as const, 'begeleid' as const),
      about: fc.option(fc.string()),
      created_at: fc.date({ noInvalidDate: true }),
    });
    const now = new Date('2026-11-30T12:00:00Z');
    fc.assert(
      fc.property(vacancy, distance, weights, protectedFacts, protectedFacts, (v, d, w, a, b) => {
        const scoreOf = (facts: Partial<Candidate>) => scoreMatch(matchCandidateFrom(row(facts), iscoOf, now), v, d, w).total;
        return scoreOf(a) === scoreOf(b);
      }),
    );
  });

  it('explains each part with its facts', () => {
    const c: MatchCandidate = {
      wishedOccupations: [occupationPool[1]!],
      wishedIscoGroups: [iscoOf(occupationPool[1]!)],
      skills: skillPool.slice(0, 2),
      hoursPerWeek: 24,
      dutchLevel: 'A2',
      travelRadiusKm: 10,
      availability: 'beschikbaar',
      availabilityExpired: false,
      supportNeeds: ['jobcoach', 'rustige_werkplek'],
    };
    const v: MatchVacancy = {
      occupationUri: occupationPool[1]!,
      iscoGroup: iscoOf(occupationPool[1]!),
      requiredSkills: skillPool.slice(0, 4),
      niceSkills: [],
      hoursPerWeek: 32,
      requiredDutchLevel: 'B1',
      supportOffered: ['jobcoach'],
    };
    const score = scoreMatch(c, v, 6, defaultWeights);
    const part = (name: string) => score.parts.find((p) => p.name === name)!;
    expect(part('afstand')).toMatchObject({ value: 0.7, facts: { km: 6, radiusKm: 10, within: true } });
    expect(part('vaardigheden')).toMatchObject({ value: 0.5, facts: { covered: 2, wanted: 4 } });
    expect(part('taal')).toMatchObject({ value: 0.5, facts: { required: 'B1', has: 'A2' } });
    expect(part('ondersteuning')).toMatchObject({ value: null, weight: 0, facts: { met: ['jobcoach'], missing: ['rustige_werkplek'] } });
    expect(part('extraVaardigheden').value).toBeNull();
    // 100 · (30·1 + 25·0.5 + 15·0.7 + 10·(1 − 8/24) + 5·0.5 + 5·1) / (30 + 25 + 15 + 10 + 5 + 5) = 74.6…
    expect(score.total).toBe(75);
  });
});
