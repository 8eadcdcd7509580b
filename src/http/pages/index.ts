import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps.js';
import { registerApiTokenPages } from './account/api-tokens.js';
import { registerManagementPages } from './beheer/index.js';
import { registerCandidateViewPages } from './candidate-view/candidate-profile.js';
import { registerNotificationPages } from './berichten/index.js';
import { registerConsultantPages } from './consulent/index.js';
import { registerContactPages } from './contact/index.js';
import { registerConsultantContactPages } from './contact-consultant/index.js';
import { registerHomePages } from './home.js';
import { registerCandidatePages } from './kandidaat/index.js';
import { registerCriteriaSearchPages } from './matching/criteria-search.js';
import { registerMatchingInfoPages } from './matching/info.js';
import { registerMatchingPages } from './matching/lists.js';
import { registerOpenHiringPages } from './open-hiring/index.js';
import { registerSavedSearchPages } from './matching/saved-searches.js';
import { registerSupportPages } from './support/index.js';
import { registerPasswordPages } from './password.js';
import { registerPlacementPages } from './placements/index.js';
import { registerVacancyPages } from './vacatures/index.js';
import { registerEmployerPages } from './werkgever/organisation.js';

/** Every page module of the site. */
export function registerPages(app: FastifyInstance, deps: AppDeps): void {
  registerHomePages(app, deps);
  registerCandidatePages(app, deps);
  registerCandidateViewPages(app, deps);
  registerConsultantPages(app, deps);
  registerPasswordPages(app, deps);
  registerManagementPages(app, deps);
  registerApiTokenPages(app, deps);
  registerNotificationPages(app, deps);
  registerEmployerPages(app, deps);
  registerVacancyPages(app, deps);
  registerMatchingInfoPages(app, deps);
  registerMatchingPages(app, deps);
  registerSavedSearchPages(app, deps);
  registerCriteriaSearchPages(app, deps);
  registerContactPages(app, deps);
  registerConsultantContactPages(app, deps);
  registerPlacementPages(app, deps);
  registerOpenHiringPages(app, deps);
  registerSupportPages(app, deps);
}
