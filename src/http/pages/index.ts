import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps.js';
import { registerHomePages } from './home.js';

/** Every page module of the site. */
export function registerPages(app: FastifyInstance, deps: AppDeps): void {
  registerHomePages(app, deps);
}
