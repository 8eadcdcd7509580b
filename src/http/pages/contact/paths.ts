/** The addresses of the contact pages, for links from other pages (no imports, so no import cycles). */
export const candidateContactPath = (applicationId: string) => `/kandidaat/contacten/${applicationId}`;
export const employerContactPath = (applicationId: string) => `/werkgever/contacten/${applicationId}`;
export const interestPath = (vacancyId: string) => `/vacatures/${vacancyId}/interesse`;
export const invitePath = (vacancyId: string, candidateId: string) => `/werkgever/vacatures/${vacancyId}/uitnodigen/${candidateId}`;
