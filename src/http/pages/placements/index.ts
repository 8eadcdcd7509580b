import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../deps.js';
import { registerAgreementPages } from './agreement.js';
import { registerPlacementListPages } from './lists.js';
import { registerPlacementDetailPages } from './placement-page.js';
import { registerPlacementFormPages } from './register-form.js';

/**
 * The placement pages of all three sides: the employer's form on a contact, one page per placement
 * for each side, the printable agreement and the lists (issue 4; src/domain/placements).
 */
export function registerPlacementPages(app: FastifyInstance, deps: AppDeps): void {
  registerPlacementFormPages(app, deps);
  registerPlacementListPages(app, deps);
  registerPlacementDetailPages(app, deps);
  registerAgreementPages(app, deps);
}
