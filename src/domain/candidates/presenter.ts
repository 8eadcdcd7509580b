import type { Candidate } from '#app/db/schema.js';
import type { CandidateAccess } from './policy.js';
import { availabilityExpired, fieldGroups, postcodeArea, type FieldGroup } from './rules.js';

type Concept = { uri: string; label: string };
/** Dutch labels of occupations and skills by URI (`conceptLabels` in src/domain/taxonomy/queries.ts). */
export type ConceptLabels = ReadonlyMap<string, string>;
const concepts = (uris: readonly string[], labels: ConceptLabels): Concept[] => uris.map((uri) => ({ uri, label: labels.get(uri) ?? uri }));

/** The occupations and skills a candidate's profile names, to fetch their labels before presenting it. */
export function conceptUris(candidate: Candidate): string[] {
  return [...candidate.wished_occupations, ...candidate.skills];
}

/** The labels a presentation carries, for pages that show the stored profile beside it. */
export function labelsOf(view: CandidatePresentation): Map<string, string> {
  return new Map([...(view.wishedOccupations ?? []), ...(view.skills ?? [])].map((concept) => [concept.uri, concept.label]));
}

/** A candidate as one viewer may see it: only the fields of the groups the policy opened. */
export type CandidatePresentation = {
  id: string;
  pseudonym: string;
  instantieId: string;
  firstName?: string;
  lastName?: string;
  email?: string | null;
  phone?: string | null;
  wishedOccupations?: Concept[];
  hoursPerWeek?: number | null;
  days?: string[];
  skills?: Concept[];
  workExperience?: Candidate['work_experience'];
  educationLevel?: string | null;
  languages?: Candidate['languages'];
  dutchLevel?: string | null;
  about?: string | null;
  availability?: string;
  availabilityExpiresAt?: string;
  availabilityExpired?: boolean;
  postcode?: string | null;
  postcodeArea?: string | null;
  travelRadiusKm?: number | null;
  travelModes?: string[];
  supportNeeds?: string[];
  participationStep?: number | null;
  regieLevel?: string;
  targetGroups?: string[];
};

type Presenter = (c: Candidate, fullPostcode: boolean, now: Date, labels: ConceptLabels) => Partial<CandidatePresentation>;
const present: Record<FieldGroup, Presenter> = {
  identiteit: (c) => ({ firstName: c.first_name, lastName: c.last_name, email: c.email, phone: c.phone }),
  werkwensen: (c, _full, _now, labels) => ({
    wishedOccupations: concepts(c.wished_occupations, labels),
    hoursPerWeek: c.hours_per_week,
    days: c.days,
  }),
  ervaring: (c, _full, _now, labels) => ({
    skills: concepts(c.skills, labels),
    workExperience: c.work_experience,
    educationLevel: c.education_level,
    languages: c.languages,
    dutchLevel: c.dutch_level,
    about: c.about,
  }),
  beschikbaarheid: (c, _full, now) => ({
    availability: c.availability,
    availabilityExpiresAt: c.availability_expires_at.toISOString(),
    availabilityExpired: availabilityExpired(c.availability_expires_at, now),
  }),
  locatie: (c, fullPostcode) => ({
    ...(fullPostcode ? { postcode: c.postcode } : {}),
    postcodeArea: postcodeArea(c.postcode),
    travelRadiusKm: c.travel_radius_km,
    travelModes: c.travel_modes,
  }),
  ondersteuning: (c) => ({ supportNeeds: c.support_needs, participationStep: c.participation_step, regieLevel: c.regie_level }),
  doelgroep: (c) => ({ targetGroups: c.target_groups }),
};

export function presentCandidate(
  candidate: Candidate,
  access: Extract<CandidateAccess, { allowed: true }>,
  labels: ConceptLabels,
  now = new Date(),
): CandidatePresentation {
  let result: CandidatePresentation = { id: candidate.id, pseudonym: candidate.pseudonym, instantieId: candidate.instantie_id };
  for (const group of access.groups) result = { ...result, ...present[group](candidate, access.fullPostcode, now, labels) };
  return result;
}

/** The field names a viewer was shown, for the access log. */
export function fieldsShown(access: Extract<CandidateAccess, { allowed: true }>): string[] {
  return access.groups.flatMap((group) =>
    group === 'locatie' && access.fullPostcode ? ['postcode', ...fieldGroups.locatie] : [...fieldGroups[group]],
  );
}
