/** The addresses of the consultant's contact pages, for links from other pages (no imports, so no import cycles). */
export const contactsPath = '/consulent/contacten';
export const contactPath = (id: string) => `${contactsPath}/${id}`;
export const proposePath = (vacancyId: string, candidateId: string) => `/consulent/vacatures/${vacancyId}/voorstellen/${candidateId}`;
