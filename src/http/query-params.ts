import { z } from 'zod';
import type { FormState } from '#app/ui/form.js';
import { parseInput, type Parsed } from './validation.js';

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

/**
 * A GET filter form read from the address bar: `paramNames` maps the Dutch query names to the
 * schema's field names. Returns what the form shows (the values typed and the errors, keyed by
 * query name) and the parsed filters.
 */
export function readFilterForm<S extends z.ZodType>(
  query: Record<string, unknown>,
  paramNames: Record<string, string>,
  schema: S,
  extra: Record<string, unknown> = {},
): { form: FormState; parsed: Parsed<z.output<S>> } {
  const values: FormState['values'] = {};
  const input: Record<string, unknown> = { ...extra };
  for (const [param, field] of Object.entries(paramNames)) {
    const value = query[param];
    if (typeof value === 'string' || Array.isArray(value)) {
      values[param] = Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : value;
      input[field] = value;
    }
  }
  const parsed = parseInput(schema, input);
  const paramOf = new Map(Object.entries(paramNames).map(([param, field]) => [field, param]));
  const errors: FormState['errors'] = {};
  // An error in one item of a list (`skills.2`) belongs to the list's field, which shows it.
  for (const [field, message] of Object.entries(parsed.ok ? {} : parsed.errors))
    errors[paramOf.get(field) ?? paramOf.get(field.replace(/\.\d+$/, '')) ?? field] ??= message;
  return { form: { values, errors }, parsed };
}
