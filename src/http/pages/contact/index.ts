import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../deps.js';
import { registerCandidateContactPages } from './candidate.js';
import { registerEmployerContactPages } from './employer.js';

/** The contact pages of candidates and employers: interest, invitations, the lists and the conversation of each contact. */
export function registerContactPages(app: FastifyInstance, deps: AppDeps): void {
  registerCandidateContactPages(app, deps);
  registerEmployerContactPages(app, deps);
}
