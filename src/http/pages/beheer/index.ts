import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../deps.js';
import { registerEmployerDetailPage } from './employer-detail.js';
import { registerEmployerListPage } from './employer-list.js';
import { registerEmployerUsersPage } from './employer-users.js';
import { registerMatchWeightsPage } from './match-weights.js';
import { registerNewEmployerPage } from './new-employer.js';
import { registerSettingsPage } from './settings.js';
import { registerUnusualUsePage } from './unusual-use.js';

/** The pages of a beheerder, always about their own instantie. */
export function registerManagementPages(app: FastifyInstance, deps: AppDeps): void {
  registerEmployerListPage(app, deps);
  registerNewEmployerPage(app, deps);
  registerEmployerDetailPage(app, deps);
  registerEmployerUsersPage(app, deps);
  registerUnusualUsePage(app, deps);
  registerMatchWeightsPage(app, deps);
  registerSettingsPage(app, deps);
}
