/** Pure rules of the ESCO taxonomy: what a concept URI looks like and how labels are made searchable. */

export type ConceptKind = 'occupation' | 'skill';
export const conceptKinds: readonly ConceptKind[] = ['occupation', 'skill'];

const uriPatterns: Record<ConceptKind, RegExp> = {
  occupation: /^http:\/\/data\.europa\.eu\/esco\/occupation\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
  skill: /^http:\/\/data\.europa\.eu\/esco\/skill\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
};

/** Whether a text has the form of an ESCO occupation or skill URI; whether it exists is a question for the database. */
export function isConceptUri(kind: ConceptKind, uri: string): boolean {
  return uriPatterns[kind].test(uri);
}

/** Any concept of the ESCO data set, also groups (ISCO groups, skill groups) that only appear in the hierarchy. */
export function isEscoUri(uri: string): boolean {
  return /^http:\/\/data\.europa\.eu\/esco\/[a-z-]+\/[A-Za-z0-9._-]+$/.test(uri);
}

/** ISCO-08 codes: 1 digit for a major group down to 4 for a unit group; an occupation belongs to a unit group. */
export function isIscoCode(code: string, unitGroup = false): boolean {
  return unitGroup ? /^\d{4}$/.test(code) : /^\d{1,4}$/.test(code);
}

/** Folds case, diacritics (é, ë -> e) and curly apostrophes, so typed queries need neither. */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[‘’]/g, "'").toLowerCase();
}

/**
 * The text pg_trgm searches: the folded label on the first line, then one alternative label per line.
 * Queries rely on the label being the first line (`split_part(search_text, E'\n', 1)`).
 */
export function searchText(label: string, altLabels: readonly string[]): string {
  return [label, ...altLabels].map((text) => foldText(text).replace(/\s+/g, ' ').trim()).join('\n');
}

/** A cell of alternative labels in the ESCO download: one label per line; blanks and repeats dropped. */
export function splitLabels(cell: string | undefined, except?: string): string[] {
  const labels = (cell ?? '')
    .split(/\r?\n/)
    .map((label) => label.trim())
    .filter((label) => label !== '' && label !== except);
  return [...new Set(labels)];
}
