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
