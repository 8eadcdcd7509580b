import type { FastifyReply, FastifyRequest } from 'fastify';
import type { EmployerCategory } from '#app/db/schema.js';
import { staffInstantie, type Actor } from '#app/domain/accounts/actor.js';
import { employerCategories } from '#app/domain/employers/rules.js';
import { getInstantie, type Instantie } from '#app/domain/instanties/queries.js';
import type { Db } from '#app/db/connection.js';
import type { Option } from '#app/ui/form.js';
import { requirePageRole } from '../../guards.js';
import type { EmployerLabels } from '../employer-parts.js';

export type ManagementContext = { actor: Actor; instantie: Instantie };

/**
 * The signed-in beheerder and their own instantie — every beheer page is scoped to it — or null
 * after answering (log-in redirect or "no access").
 */
export async function managementContext(db: Db, request: FastifyRequest, reply: FastifyReply): Promise<ManagementContext | null> {
  const actor = requirePageRole(request, reply, 'beheerder');
  if (!actor) return null;
  const instantie = await getInstantie(db, staffInstantie(actor, 'beheerder') ?? '');
  if (!instantie) throw new Error('A beheerder membership points to an instantie that does not exist.');
  return { actor, instantie };
}

export const employersPath = '/beheer/werkgevers';
export const employerPath = (id: string) => `${employersPath}/${id}`;

export const categoryOptions = (label: EmployerLabels): Option[] =>
  employerCategories.map((category) => ({ value: category, label: label.category(category) }));

export function isCategory(value: unknown): value is EmployerCategory {
  return typeof value === 'string' && (employerCategories as readonly string[]).includes(value);
}

/** A form field as one string: absent or repeated fields count as their first value or empty. */
export function field(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : '';
}
