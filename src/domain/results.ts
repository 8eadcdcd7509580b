import type { z } from 'zod';

/** The answer of every command: done, or why not (the pages and the API map each reason to a status). */
export type CommandResult<T = void> =
  | { ok: true; value: T }
  | { ok: false; reason: 'forbidden' | 'not_found' }
  | { ok: false; reason: 'invalid'; errors: Record<string, string> }
  | { ok: false; reason: 'conflict'; detail: string };

export const ok = <T>(value: T) => ({ ok: true as const, value });
export const forbidden = { ok: false as const, reason: 'forbidden' as const };
export const notFound = { ok: false as const, reason: 'not_found' as const };
export const invalid = (errors: Record<string, string>) => ({ ok: false as const, reason: 'invalid' as const, errors });
/** The request is fine but the thing is not (any more) in a state that allows it; `detail` says why, in Dutch. */
export const conflict = (detail: string) => ({ ok: false as const, reason: 'conflict' as const, detail });

export function issuesToErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) errors[issue.path.join('.') || '_'] ??= issue.message;
  return errors;
}
