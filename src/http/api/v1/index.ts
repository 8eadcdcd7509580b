import type { AppDeps } from '../../deps.js';
import type { Operation } from './registry.js';

/** Every operation of API v1, in the order of the document. */
export function apiOperations(_deps: AppDeps): Operation[] {
  return [];
}
