import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../deps.js';
import { registerContactPage } from './contact.js';
import { registerContactListPage } from './list.js';
import { registerProposePage } from './propose.js';

/** The consultant's contact pages: what waits for the instantie, one contact, proposing a candidate. */
export function registerConsultantContactPages(app: FastifyInstance, deps: AppDeps): void {
  registerContactListPage(app, deps);
  registerContactPage(app, deps);
  registerProposePage(app, deps);
}
