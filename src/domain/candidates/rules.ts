import type { EmployerCategory } from '#app/db/schema.js';

/**
 * The candidate decides per group of fields who may see it (as HalloWerk does). The groups and
 * the levels are the vocabulary of the visibility page, the policy and the API alike.
 */
export const fieldGroups = {
  identiteit: ['firstName', 'lastName', 'email', 'phone'],
  werkwensen: ['wishedOccupations', 'hoursPerWeek', 'days'],
  ervaring: ['skills', 'workExperience', 'educationLevel', 'languages', 'dutchLevel', 'about'],
  beschikbaarheid: ['availability', 'availabilityExpiresAt'],
  locatie: ['postcodeArea', 'travelRadiusKm', 'travelModes'],
  ondersteuning: ['supportNeeds', 'participationStep', 'regieLevel'],
  doelgroep: ['targetGroups'],
} as const;

export type FieldGroup = keyof typeof fieldGroups;
export const fieldGroupNames = Object.keys(fieldGroups) as FieldGroup[];

/** From narrowest to widest. */
export const visibilityLevels = ['consulent', 'voorkeur', 'betrokken', 'alle'] as const;
export type VisibilityLevel = (typeof visibilityLevels)[number];
export type Visibility = Record<FieldGroup, VisibilityLevel>;

/** Groups that a business-as-usual partner never sees, whatever the candidate chose. */
export const restrictedGroups: readonly FieldGroup[] = ['ondersteuning', 'doelgroep'];

export const defaultVisibility: Visibility = {
  identiteit: 'consulent',
  werkwensen: 'alle',
  ervaring: 'alle',
  beschikbaarheid: 'alle',
  locatie: 'alle',
  ondersteuning: 'voorkeur',
  doelgroep: 'consulent',
};

/** Which employer categories a visibility level lets in. */
export const categoriesForLevel: Record<VisibilityLevel, readonly EmployerCategory[]> = {
  consulent: [],
  voorkeur: ['preferred'],
  betrokken: ['preferred', 'committed'],
  alle: ['preferred', 'committed', 'business_as_usual'],
};

/** The visibility levels that let an employer of this category see a group. */
export function levelsOpenTo(category: EmployerCategory): VisibilityLevel[] {
  return visibilityLevels.filter((level) => categoriesForLevel[level].includes(category));
}

/**
 * The groups an employer of `category` may see of a candidate. No consent: nothing. Anonymous:
 * never the identity. Business-as-usual: never support needs or target groups.
 */
export function groupsVisibleToEmployer(input: {
  category: EmployerCategory;
  visibility: Visibility;
  anonymous: boolean;
  consentGiven: boolean;
}): FieldGroup[] {
  if (!input.consentGiven) return [];
  return fieldGroupNames.filter((group) => {
    if (group === 'identiteit' && input.anonymous) return false;
    if (input.category === 'business_as_usual' && restrictedGroups.includes(group)) return false;
    return categoriesForLevel[input.visibility[group]].includes(input.category);
  });
}

/** Fills in defaults for groups missing from a stored visibility (a group added later). */
export function normaliseVisibility(stored: Partial<Record<string, string>>): Visibility {
  const result = { ...defaultVisibility };
  for (const group of fieldGroupNames) {
    const level = stored[group];
    if (level && (visibilityLevels as readonly string[]).includes(level)) result[group] = level as VisibilityLevel;
  }
  return result;
}

export const defaultAvailabilityWeeks = 8;
export const defaultAvailabilityReminderDays = 7;
const weekInMs = 7 * 24 * 60 * 60 * 1000;

/** Availability lapses unless the candidate or consultant confirms it again. */
export function availabilityExpiresAt(confirmedAt: Date, weeks = defaultAvailabilityWeeks): Date {
  return new Date(confirmedAt.getTime() + weeks * weekInMs);
}

export function availabilityExpired(expiresAt: Date, now: Date): boolean {
  return expiresAt.getTime() <= now.getTime();
}

/** Employers only ever see the four digits of the postcode. */
export function postcodeArea(postcode: string | null): string | null {
  return postcode ? postcode.slice(0, 4) : null;
}

export const regieLevels = ['zelf', 'samen', 'begeleid'] as const;
export const availabilityStatuses = ['beschikbaar', 'binnenkort', 'niet_beschikbaar'] as const;
export const cefrLevels = ['A0', 'A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;
export const supportNeedOptions = [
  'jobcoach',
  'vaste_structuur',
  'rustige_werkplek',
  'aangepaste_werkplek',
  'begeleiding_op_de_werkvloer',
  'korte_werkdagen',
  'duidelijke_instructies',
  'vervoer',
] as const;
export const targetGroupOptions = ['doelgroepregister', 'participatiewet', 'nug', 'statushouder', 'wajong'] as const;
export const travelModeOptions = ['lopen', 'fiets', 'ov', 'auto', 'scooter'] as const;
export const dayOptions = ['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'] as const;
export const educationLevels = [
  'geen',
  'basisonderwijs',
  'praktijkonderwijs',
  'vso',
  'vmbo',
  'mbo_1',
  'mbo_2',
  'mbo_3',
  'mbo_4',
  'havo_vwo',
  'hbo_wo',
] as const;

/** The visibility levels at which an employer of `category` sees `group` (identity aside, which anonymity hides). */
export function levelsShowingGroup(group: FieldGroup, category: EmployerCategory): VisibilityLevel[] {
  if (category === 'business_as_usual' && restrictedGroups.includes(group)) return [];
  return levelsOpenTo(category);
}
