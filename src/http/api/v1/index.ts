import type { AppDeps } from '../../deps.js';
import { contactOperations } from './contacten.js';
import { escoOperations } from './esco.js';
import { candidateOperations } from './kandidaten.js';
import { matchingOperations } from './matching.js';
import { supportOperations } from './ondersteuning.js';
import { placementOperations } from './plaatsingen.js';
import type { Operation } from './registry.js';
import { vacancyOperations } from './vacatures.js';
import { waitingListOperations } from './wachtlijst.js';
import { employerOperations } from './werkgevers.js';
import { savedSearchOperations } from './zoekopdrachten.js';

/** Every operation of API v1, in the order of the document. */
export function apiOperations(deps: AppDeps): Operation[] {
  return [
    ...candidateOperations(deps),
    ...vacancyOperations(deps),
    ...employerOperations(deps),
    ...escoOperations(deps),
    ...matchingOperations(deps),
    ...savedSearchOperations(deps),
    ...contactOperations(deps),
    ...placementOperations(deps),
    ...waitingListOperations(deps),
    ...supportOperations(deps),
  ];
}
