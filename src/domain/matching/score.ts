import { z } from 'zod';
import { cefrLevels } from '../candidates/rules.js';

/**
 * The match score: a number 0–100 built from named parts, each with the facts behind it so both
 * sides can read why (docs/domain/matching.md). Only work-related facts go in. Age, gender, origin,
 * health, support needs as such and target-group status are not in these types, so they cannot be
 * inputs. Support needed against support offered is shown as a part but never moves the number:
 * needing support must never push anyone down a list (decision 012).
 */
/** A null field is unknown to the score (not filled in, or not visible to the viewer): its part is left out. */
export type MatchCandidate = {
  wishedOccupations: readonly string[] | null;
  /** ISCO-08 unit groups (4 digits) of the wished occupations. */
  wishedIscoGroups: readonly string[] | null;
  skills: readonly string[] | null;
  hoursPerWeek: number | null;
  dutchLevel: string | null;
  travelRadiusKm: number | null;
  availability: 'beschikbaar' | 'binnenkort' | 'niet_beschikbaar' | null;
  availabilityExpired: boolean | null;
  supportNeeds: readonly string[] | null;
};

export type MatchVacancy = {
  occupationUri: string | null;
  iscoGroup: string | null;
  requiredSkills: readonly string[];
  niceSkills: readonly string[];
  /** Null when an employer searches by criteria without hours. */
  hoursPerWeek: number | null;
  requiredDutchLevel: string | null;
  supportOffered: readonly string[];
};

export const partNames = [
  'beroep',
  'vaardigheden',
  'extraVaardigheden',
  'afstand',
  'uren',
  'taal',
  'beschikbaarheid',
  'ondersteuning',
] as const;
export type PartName = (typeof partNames)[number];

/** One part: its value 0–1 (null when it does not apply or is unknown) and the facts to explain it. */
export type ScorePart = {
  name: PartName;
  value: number | null;
  weight: number;
  facts: Record<string, string | number | boolean | string[]>;
};
export type Score = { total: number; parts: ScorePart[] };

export const weightsSchema = z.object({
  beroep: z.number().min(0).max(100),
  vaardigheden: z.number().min(0).max(100),
  extraVaardigheden: z.number().min(0).max(100),
  afstand: z.number().min(0).max(100),
  uren: z.number().min(0).max(100),
  taal: z.number().min(0).max(100),
  beschikbaarheid: z.number().min(0).max(100),
});
export type Weights = z.infer<typeof weightsSchema>;

/** Version 0 is the built-in default; an instantie's own versions start at 1 (table match_weights). */
export const defaultWeights: Weights = {
  beroep: 30,
  vaardigheden: 25,
  extraVaardigheden: 10,
  afstand: 15,
  uren: 10,
  taal: 5,
  beschikbaarheid: 5,
};

const overlap = (have: readonly string[], want: readonly string[]) => want.filter((item) => have.includes(item));

function occupationPart(c: MatchCandidate, v: MatchVacancy): Pick<ScorePart, 'value' | 'facts'> {
  if (!v.occupationUri || c.wishedOccupations === null) return { value: null, facts: {} };
  if (c.wishedOccupations.includes(v.occupationUri)) return { value: 1, facts: { fit: 'exact', occupation: v.occupationUri } };
  if (v.iscoGroup && c.wishedIscoGroups?.includes(v.iscoGroup))
    return { value: 0.6, facts: { fit: 'iscoGroup', occupation: v.occupationUri } };
  return { value: 0, facts: { fit: 'none', occupation: v.occupationUri } };
}

function skillPart(have: readonly string[] | null, wanted: readonly string[]): Pick<ScorePart, 'value' | 'facts'> {
  if (wanted.length === 0 || have === null) return { value: null, facts: {} };
  const covered = overlap(have, wanted);
  return {
    value: covered.length / wanted.length,
    facts: { covered: covered.length, wanted: wanted.length, missing: wanted.filter((s) => !covered.includes(s)) },
  };
}

/**
 * Full marks next door, half at the edge of the candidate's travel radius, nothing at twice the
 * radius; never more for a longer trip.
 */
export function distanceValue(distanceKm: number, radiusKm: number): number {
  if (radiusKm <= 0) return distanceKm <= 0 ? 1 : 0;
  if (distanceKm <= radiusKm) return 1 - (0.5 * distanceKm) / radiusKm;
  return Math.max(0, 0.5 - (0.5 * (distanceKm - radiusKm)) / radiusKm);
}

function distancePart(c: MatchCandidate, distanceKm: number | null): Pick<ScorePart, 'value' | 'facts'> {
  if (distanceKm === null || c.travelRadiusKm === null) return { value: null, facts: {} };
  const km = Math.round(distanceKm);
  return {
    value: distanceValue(distanceKm, c.travelRadiusKm),
    facts: { km, radiusKm: c.travelRadiusKm, within: distanceKm <= c.travelRadiusKm },
  };
}

function hoursPart(c: MatchCandidate, v: MatchVacancy): Pick<ScorePart, 'value' | 'facts'> {
  if (c.hoursPerWeek === null || v.hoursPerWeek === null) return { value: null, facts: {} };
  const difference = Math.abs(v.hoursPerWeek - c.hoursPerWeek);
  return { value: Math.max(0, 1 - difference / Math.max(c.hoursPerWeek, 8)), facts: { wanted: c.hoursPerWeek, offered: v.hoursPerWeek } };
}

function languagePart(c: MatchCandidate, v: MatchVacancy): Pick<ScorePart, 'value' | 'facts'> {
  if (!v.requiredDutchLevel) return { value: null, facts: {} };
  const required = cefrLevels.indexOf(v.requiredDutchLevel as (typeof cefrLevels)[number]);
  const has = c.dutchLevel ? cefrLevels.indexOf(c.dutchLevel as (typeof cefrLevels)[number]) : -1;
  if (has < 0) return { value: null, facts: { required: v.requiredDutchLevel } };
  const gap = required - has;
  return { value: gap <= 0 ? 1 : gap === 1 ? 0.5 : 0, facts: { required: v.requiredDutchLevel, has: c.dutchLevel! } };
}

function availabilityPart(c: MatchCandidate): Pick<ScorePart, 'value' | 'facts'> {
  if (c.availability === null) return { value: null, facts: {} };
  if (c.availabilityExpired) return { value: 0, facts: { status: c.availability, expired: true } };
  return {
    value: c.availability === 'beschikbaar' ? 1 : c.availability === 'binnenkort' ? 0.5 : 0,
    facts: { status: c.availability, expired: false },
  };
}

function supportPart(c: MatchCandidate, v: MatchVacancy): Pick<ScorePart, 'value' | 'facts'> {
  if (c.supportNeeds === null || c.supportNeeds.length === 0) return { value: null, facts: {} };
  const met = overlap(v.supportOffered, c.supportNeeds);
  return { value: null, facts: { needed: [...c.supportNeeds], met, missing: c.supportNeeds.filter((s) => !met.includes(s)) } };
}

/** The score of a candidate for a vacancy with the given weights; parts without data are left out of the total. */
export function scoreMatch(c: MatchCandidate, v: MatchVacancy, distanceKm: number | null, weights: Weights = defaultWeights): Score {
  const computed: Record<PartName, Pick<ScorePart, 'value' | 'facts'>> = {
    beroep: occupationPart(c, v),
    vaardigheden: skillPart(c.skills, v.requiredSkills),
    extraVaardigheden: skillPart(c.skills, v.niceSkills),
    afstand: distancePart(c, distanceKm),
    uren: hoursPart(c, v),
    taal: languagePart(c, v),
    beschikbaarheid: availabilityPart(c),
    ondersteuning: supportPart(c, v),
  };
  const parts = partNames.map((name) => ({ name, weight: name === 'ondersteuning' ? 0 : weights[name], ...computed[name] }));
  const counted = parts.filter((part) => part.value !== null && part.weight > 0);
  const weightSum = counted.reduce((sum, part) => sum + part.weight, 0);
  const total = weightSum === 0 ? 0 : Math.round((100 * counted.reduce((sum, part) => sum + part.weight * part.value!, 0)) / weightSum);
  return { total, parts };
}
