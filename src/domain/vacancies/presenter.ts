import type { DutchLevel, Vacancy, VacancyStatus } from '#app/db/schema.js';
import { isPubliclyListed } from './rules.js';

type Concept = { uri: string; label: string };
/** Dutch labels of occupations and skills by URI (`conceptLabels` in src/domain/taxonomy/queries.ts). */
export type ConceptLabels = ReadonlyMap<string, string>;

/** The occupation and skills a vacancy names, to fetch their labels before presenting it. */
export function vacancyConceptUris(vacancy: Pick<Vacancy, 'occupation_uri' | 'required_skills' | 'nice_skills'>): string[] {
  return [...(vacancy.occupation_uri ? [vacancy.occupation_uri] : []), ...vacancy.required_skills, ...vacancy.nice_skills];
}

/** A vacancy in the words of the API and the pages (camelCase, concepts with their Dutch label). */
export type VacancyPresentation = {
  id: string;
  employerId: string;
  employerName: string;
  title: string;
  description: string;
  postcode: string;
  hoursPerWeek: number;
  contractType: string;
  occupation: Concept | null;
  /** The Dutch (CEFR) level the work needs at least; null when there is no requirement. */
  requiredDutchLevel: DutchLevel | null;
  /** What the work asks of the body, in plain words; required for open hiring, where candidates judge it themselves. */
  physicalRequirements: string | null;
  requiredSkills: Concept[];
  niceToHaveSkills: Concept[];
  supportOffered: string[];
  suitability: string[];
  status: VacancyStatus;
  publishedUntil: string | null;
  publiclyListed: boolean;
  createdAt: string;
  updatedAt: string;
};

export function presentVacancy(vacancy: Vacancy, employerName: string, today: string, labels: ConceptLabels): VacancyPresentation {
  const concept = (uri: string): Concept => ({ uri, label: labels.get(uri) ?? uri });
  return {
    id: vacancy.id,
    employerId: vacancy.employer_id,
    employerName,
    title: vacancy.title,
    description: vacancy.description,
    postcode: vacancy.postcode,
    hoursPerWeek: vacancy.hours_per_week,
    contractType: vacancy.contract_type,
    occupation: vacancy.occupation_uri ? concept(vacancy.occupation_uri) : null,
    requiredDutchLevel: vacancy.required_dutch_level,
    physicalRequirements: vacancy.physical_requirements,
    requiredSkills: vacancy.required_skills.map(concept),
    niceToHaveSkills: vacancy.nice_skills.map(concept),
    supportOffered: vacancy.support_offered,
    suitability: vacancy.suitability,
    status: vacancy.status,
    publishedUntil: vacancy.published_until,
    publiclyListed: isPubliclyListed({ status: vacancy.status, publishedUntil: vacancy.published_until }, today),
    createdAt: new Date(vacancy.created_at).toISOString(),
    updatedAt: new Date(vacancy.updated_at).toISOString(),
  };
}
