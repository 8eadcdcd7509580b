import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../deps.js';
import { registerEmployerVacancyPages } from './employer-vacancies.js';
import { registerPublicVacancyPages } from './public.js';

/** The public vacancy list for everyone, and the employer's own vacancies. */
export function registerVacancyPages(app: FastifyInstance, deps: AppDeps): void {
  registerPublicVacancyPages(app, deps);
  registerEmployerVacancyPages(app, deps);
}
