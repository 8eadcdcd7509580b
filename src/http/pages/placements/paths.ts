import type { ApplicationParty } from '#app/domain/applications/access.js';
import { placementLink } from '#app/domain/placements/commands.js';

/** The addresses of the placement pages, for links from other pages (the contact pages link to the form). */
export const placementListPaths: Record<ApplicationParty, string> = {
  employer: '/werkgever/plaatsingen',
  candidate: '/kandidaat/plaatsingen',
  consultant: '/consulent/plaatsingen',
};
/** One placement as a side reads it: the domain's `placementLink`. */
export const placementPath = (side: ApplicationParty, id: string) => placementLink(side, id);
/** The employer's form to register a placement from a contact (an application). */
export const registerPlacementPath = (applicationId: string) => `/werkgever/contacten/${applicationId}/plaatsing`;
/** The print-ready agreement, for every party of the placement. */
export const agreementPath = (placementId: string) => `/plaatsingen/${placementId}/overeenkomst`;
