import type { Candidate, Vacancy } from '#app/db/schema.js';
import { availabilityExpired } from '../candidates/rules.js';
import type { MatchCandidate, MatchVacancy } from './score.js';

/** ISCO unit group of an occupation, from the taxonomy. */
export type IscoLookup = (occupationUri: string) => string | null;

/** The work-related facts of a candidate, and nothing else, as the score sees them. */
export function matchCandidateFrom(c: Candidate, iscoOf: IscoLookup, now: Date): MatchCandidate {
  return {
    wishedOccupations: c.wished_occupations,
    wishedIscoGroups: c.wished_occupations.map(iscoOf).filter((group): group is string => group !== null),
    skills: c.skills,
    hoursPerWeek: c.hours_per_week,
    dutchLevel: c.dutch_level,
    travelRadiusKm: c.travel_radius_km,
    availability: c.availability,
    availabilityExpired: availabilityExpired(c.availability_expires_at, now),
    supportNeeds: c.support_needs,
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
