import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../deps.js';
import { registerBudgetPage } from './budgets.js';
import { registerConsultantSupportPages } from './consultant.js';
import { registerEmployerSupportPage } from './employer.js';

export { budgetsPath, consultantRequestPath, consultantSupportPath, employerSupportPath } from './parts.js';

/**
 * Support on call (docs/decisions/022-support-on-call.md): the employer's requests with a placement
 * (/werkgever/plaatsingen/:id/ondersteuning), the consultant's work list (/consulent/ondersteuning)
 * and the beheerder's budgets (/beheer/budgetten).
 */
export function registerSupportPages(app: FastifyInstance, deps: AppDeps): void {
  registerEmployerSupportPage(app, deps);
  registerConsultantSupportPages(app, deps);
  registerBudgetPage(app, deps);
}
