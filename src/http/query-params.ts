import { z } from 'zod';

/** A page number from the address bar (`?pagina=`): anything odd (missing, empty, text, 0, too large) means page 1. */
export const pageNumber = z.coerce.number().int().min(1).max(100_000).catch(1);

export function pageParam(value: unknown): number {
  return pageNumber.parse(value);
}

/** Search text from the address bar (`?zoek=`): trimmed and at most 100 characters; anything else is no search. */
export function searchParam(value: unknown): string {
  return typeof value === 'string' ? value.trim().slice(0, 100) : '';
}

/**
 * The address of one page of a list, with the list's search in the query string: empty values
 * are left out, and so is `pagina` for the first page.
 */
export function listHref(path: string, page: number, params: Record<string, string | readonly string[] | null | undefined> = {}): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    for (const item of Array.isArray(value) ? value : value ? [value] : []) search.append(name, item);
  }
  if (page > 1) search.set('pagina', String(page));
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}
