/** The addresses of the ranked lists, for links from other pages (no imports, so no import cycles). */
export const forYouPath = '/kandidaat/vacatures-voor-jou';
export const consultantVacanciesPath = (candidateId: string) => `/consulent/kandidaten/${candidateId}/vacatures`;
export const consultantCandidatesPath = (vacancyId: string) => `/consulent/vacatures/${vacancyId}/kandidaten`;
export const employerCandidatesPath = (vacancyId: string) => `/werkgever/vacatures/${vacancyId}/kandidaten`;
export const savedSearchesPath = '/kandidaat/zoekopdrachten';
export const consultantSavedSearchesPath = (candidateId: string) => `/consulent/kandidaten/${candidateId}/zoekopdrachten`;
export const employerCriteriaSearchPath = '/werkgever/kandidaten-zoeken';
