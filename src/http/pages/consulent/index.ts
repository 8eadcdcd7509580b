import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../deps.js';
import { requirePageRole } from '../../guards.js';
import { registerProfileRoutes } from '../profile/register-profile-routes.js';
import { registerCandidatePage } from './candidate.js';
import { registerCaseloadPage } from './caseload.js';
import { registerExpiredPage } from './expired.js';
import { registerNewCandidatePage } from './new-candidate.js';

/** The consultant's pages: the caseload, a new candidate, one candidate, expired availability. */
export function registerConsultantPages(app: FastifyInstance, deps: AppDeps): void {
  registerCaseloadPage(app, deps);
  registerNewCandidatePage(app, deps);
  registerExpiredPage(app, deps);
  registerCandidatePage(app, deps);
  // Filling in the profile together with the candidate. The commands check that the candidate
  // belongs to the consultant's instantie; a candidate of another instantie is "not found".
  registerProfileRoutes(app, deps, {
    basePath: '/consulent/kandidaten/:id',
    resolveCandidate: async (request, reply) =>
      requirePageRole(request, reply, 'consulent') ? (request.params as { id: string }).id : null,
  });
}
