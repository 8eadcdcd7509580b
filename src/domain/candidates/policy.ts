import type { EmployerCategory, Role } from '#app/db/schema.js';
import type { Actor } from '../accounts/actor.js';
import { fieldGroupNames, groupsVisibleToEmployer, type FieldGroup, type Visibility } from './rules.js';

export type CandidateAccess =
  | { allowed: false }
  | {
      allowed: true;
      /** The role the actor sees the candidate in; recorded in the access log. */
      role: Role;
      groups: FieldGroup[];
      /** Staff and the candidate see the whole postcode; employers only the PC4 area. */
      fullPostcode: boolean;
    };

export type CandidateFacts = {
  instantieId: string;
  userId: string | null;
  visibility: Visibility;
  anonymous: boolean;
  consentGiven: boolean;
  /**
   * Employers the candidate is in contact with and showed their name to (an application: interest
   * shown, an invitation accepted, or proposed with their agreement; decision 020).
   */
  contactEmployerIds?: readonly string[];
};

const staffRoles: readonly Role[] = ['consulent', 'beheerder', 'auditor'];

/**
 * May this actor see this candidate, and which groups of fields? The candidate themself and the
 * staff of the candidate's own instantie see everything; an employer sees what the candidate's
 * choices open to the employer's category at that instantie, and, once the candidate is in contact
 * with it by their own choice, also their name and contact details; anyone else sees nothing.
 */
export function decideCandidateAccess(
  actor: Actor | null,
  candidate: CandidateFacts,
  categoryAtInstantie: (employerId: string) => EmployerCategory,
): CandidateAccess {
  if (!actor) return { allowed: false };
  if (candidate.userId !== null && candidate.userId === actor.userId) {
    return { allowed: true, role: 'kandidaat', groups: [...fieldGroupNames], fullPostcode: true };
  }
  const staff = actor.memberships.find((m) => staffRoles.includes(m.role) && m.instantieId === candidate.instantieId);
  if (staff) return { allowed: true, role: staff.role, groups: [...fieldGroupNames], fullPostcode: true };

  let best: FieldGroup[] = [];
  for (const membership of actor.memberships) {
    if (membership.role !== 'werkgever' || !membership.employerId) continue;
    const inContact = candidate.contactEmployerIds?.includes(membership.employerId) ?? false;
    const shown = groupsVisibleToEmployer({
      category: categoryAtInstantie(membership.employerId),
      visibility: candidate.visibility,
      anonymous: candidate.anonymous && !inContact,
      consentGiven: candidate.consentGiven || inContact,
    });
    // In contact, the employer also knows who it is talking with, whatever the pool may see.
    const groups = inContact ? fieldGroupNames.filter((group) => group === 'identiteit' || shown.includes(group)) : shown;
    if (groups.length > best.length) best = groups;
  }
  return best.length > 0 ? { allowed: true, role: 'werkgever', groups: best, fullPostcode: false } : { allowed: false };
}

/** The best category among the actor's employers at an instantie; employers without one are business-as-usual. */
export function bestCategory(categories: readonly EmployerCategory[]): EmployerCategory {
  if (categories.includes('preferred')) return 'preferred';
  if (categories.includes('committed')) return 'committed';
  return 'business_as_usual';
}

/** The candidate themself, or a consultant or beheerder of the candidate's instantie. */
export function mayEditCandidate(
  actor: Actor | null,
  candidate: { instantieId: string; userId: string | null },
): 'kandidaat' | 'consulent' | null {
  if (!actor) return null;
  if (candidate.userId !== null && candidate.userId === actor.userId) return 'kandidaat';
  const staff = actor.memberships.some(
    (m) => (m.role === 'consulent' || m.role === 'beheerder') && m.instantieId === candidate.instantieId,
  );
  return staff ? 'consulent' : null;
}
