import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../deps.js';
import { registerCandidateWaitingListPages } from './candidate.js';
import { registerEmployerWaitingListPages } from './employer.js';

/** Open hiring (decision 023): the candidate's waiting list and their own lists, and the employer's queue. */
export function registerOpenHiringPages(app: FastifyInstance, deps: AppDeps): void {
  registerCandidateWaitingListPages(app, deps);
  registerEmployerWaitingListPages(app, deps);
}
