import type { ApplicationState } from '#app/db/schema.js';

/**
 * The state machine of an application (docs/domain/applications.md):
 *
 *   new ─► in_conversation ─► offer ─► placed
 *    │            │    ▲         │
 *    │            │    └─────────┘ (the placement was turned down: talk on)
 *    └────────────┴──────────────┴─► declined / withdrawn / expired
 *
 * Declines are written by a person; expiry is the only thing the system does by itself.
 */
export const applicationStates = ['new', 'in_conversation', 'offer', 'placed', 'declined', 'withdrawn', 'expired'] as const;
export const openApplicationStates = ['new', 'in_conversation', 'offer'] as const satisfies readonly ApplicationState[];
export type OpenApplicationState = (typeof openApplicationStates)[number];

export type ApplicationAction = 'start_conversation' | 'make_offer' | 'place' | 'talk_on' | 'decline' | 'withdraw' | 'expire';

const transitions: Record<ApplicationAction, { from: readonly ApplicationState[]; to: ApplicationState }> = {
  start_conversation: { from: ['new'], to: 'in_conversation' },
  make_offer: { from: ['new', 'in_conversation'], to: 'offer' },
  place: { from: ['offer'], to: 'placed' },
  talk_on: { from: ['offer'], to: 'in_conversation' },
  decline: { from: openApplicationStates, to: 'declined' },
  withdraw: { from: openApplicationStates, to: 'withdrawn' },
  expire: { from: openApplicationStates, to: 'expired' },
};

export const applicationActions = Object.keys(transitions) as ApplicationAction[];

/** The state after `action`, or null when the action is not allowed in `state`. */
export function nextApplicationState(state: ApplicationState, action: ApplicationAction): ApplicationState | null {
  const transition = transitions[action];
  return transition.from.includes(state) ? transition.to : null;
}

export function isOpen(state: ApplicationState): state is OpenApplicationState {
  return (openApplicationStates as readonly ApplicationState[]).includes(state);
}

/** After this many days without any action an open application expires (an instantie setting). */
export const defaultApplicationExpiryDays = 60;
