import type { Candidate, Vacancy } from '#app/db/schema.js';
import { availabilityExpired } from '../candidates/rules.js';
import type { MatchCandidate, MatchVacancy } from './score.js';

/** ISCO unit group of an occupation, from the taxonomy. */
export type IscoLookup = (occupationUri: string) => string | null;

/** The columns of a candidate the score reads; without support needs, `supportNeeds` is null (unknown). */
export type CandidateMatchColumns = Pick<
  Candidate,
  'wished_occupations' | 'skills' | 'hours_per_week' | 'dutch_level' | 'travel_radius_km' | 'availability' | 'availability_expires_at'
> &
  Partial<Pick<Candidate, 'support_needs'>>;

/** The work-related facts of a candidate, and nothing else, as the score sees them. */
export function matchCandidateFrom(c: CandidateMatchColumns, iscoOf: IscoLookup, now: Date): MatchCandidate {
  return {
    wishedOccupations: c.wished_occupations,
    wishedIscoGroups: c.wished_occupations.map(iscoOf).filter((group): group is string => group !== null),
    skills: c.skills,
    hoursPerWeek: c.hours_per_week,
    dutchLevel: c.dutch_level,
    travelRadiusKm: c.travel_radius_km,
    availability: c.availability,
    availabilityExpired: availabilityExpired(c.availability_expires_at, now),
    supportNeeds: c.support_needs ?? null,
  };
}

export function matchVacancyFrom(v: Vacancy, iscoOf: IscoLookup): MatchVacancy {
  return {
    occupationUri: v.occupation_uri,
    iscoGroup: v.occupation_uri ? iscoOf(v.occupation_uri) : null,
    requiredSkills: v.required_skills,
    niceSkills: v.nice_skills,
    hoursPerWeek: v.hours_per_week,
    requiredDutchLevel: v.required_dutch_level,
    supportOffered: v.support_offered,
  };
}
