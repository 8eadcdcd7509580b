import { describe, expect, it } from 'vitest';
import { builtinOccupations, builtinSkills } from '../taxonomy/builtin.js';
import {
  candidateCriteriaSchema,
  criteriaNeedsWorkMessage,
  criteriaPostcodeMessage,
  normaliseCriteriaPostcode,
  toCandidateCriteria,
} from './criteria.js';

const occupation = builtinOccupations[0]!.uri;
const [skill1, skill2] = builtinSkills.map((skill) => skill.uri);

const errorsOf = (input: unknown) => {
  const result = candidateCriteriaSchema.safeParse(input);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
};

describe('normaliseCriteriaPostcode', () => {
  it('takes a PC4 area or a whole postcode, forgiving spaces and case', () => {
    expect(normaliseCriteriaPostcode('3011')).toBe('3011');
    expect(normaliseCriteriaPostcode(' 3011 ab ')).toBe('3011AB');
    expect(normaliseCriteriaPostcode('3011AB')).toBe('3011AB');
  });

  it('refuses what is no Dutch postcode', () => {
    for (const bad of ['', '12', '0123', '301', '30111', '3011 A', '3011 SS', 'abcd', '3011-AB'])
      expect(normaliseCriteriaPostcode(bad)).toBeNull();
  });
});

describe('candidateCriteriaSchema', () => {
  it('parses a full search, skills repeated or comma-separated, and drops empty fields', () => {
    const parsed = candidateCriteriaSchema.parse({
      occupationUri: occupation,
      skills: [`${skill1},${skill2}`, skill1],
      postcode: '3011 ab',
      hoursPerWeek: '24',
      requiredDutchLevel: 'B1',
    });
    expect(parsed).toEqual({
      occupationUri: occupation,
      skills: [skill1, skill2],
      postcode: '3011AB',
      hoursPerWeek: 24,
      requiredDutchLevel: 'B1',
    });
    expect(
      toCandidateCriteria(candidateCriteriaSchema.parse({ skills: skill1, postcode: '', hoursPerWeek: '', requiredDutchLevel: '' })),
    ).toEqual({
      skills: [skill1],
    });
  });

  it('needs an occupation or a skill, and says why', () => {
    expect(errorsOf({})).toEqual({ occupationUri: criteriaNeedsWorkMessage });
    expect(errorsOf({ occupationUri: '', skills: [] })).toEqual({ occupationUri: criteriaNeedsWorkMessage });
    expect(errorsOf({ occupationUri: occupation })).toEqual({});
    expect(errorsOf({ skills: skill1 })).toEqual({});
  });

  it('shows every error at once, and only its own error for a wrong occupation', () => {
    expect(errorsOf({ postcode: '12', hoursPerWeek: '41' })).toEqual({
      occupationUri: criteriaNeedsWorkMessage,
      postcode: criteriaPostcodeMessage,
      hoursPerWeek: 'Vul een aantal uren per week in tussen 1 en 40.',
    });
    expect(errorsOf({ occupationUri: 'schoonmaker' })).toEqual({ occupationUri: 'Kies een beroep uit de lijst.' });
    expect(errorsOf({ skills: ['x'] })).toEqual({ 'skills.0': 'Kies vaardigheden uit de lijst.' });
  });

  it('checks hours, the Dutch level and the number of skills', () => {
    for (const hours of ['0', '41', '2.5', 'veel'])
      expect(errorsOf({ occupationUri: occupation, hoursPerWeek: hours })).toHaveProperty('hoursPerWeek');
    expect(errorsOf({ occupationUri: occupation, requiredDutchLevel: 'D1' })).toHaveProperty('requiredDutchLevel');
    const many = builtinSkills.slice(0, 21).map((skill) => skill.uri);
    expect(errorsOf({ skills: many })).toEqual({ skills: 'Kies hoogstens 20 vaardigheden.' });
  });

  it('refuses input that is no object without throwing', () => {
    for (const input of [null, 'tekst', 42, []]) expect(candidateCriteriaSchema.safeParse(input).success).toBe(false);
  });
});
