import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ApplicationState } from '#app/db/schema.js';
import {
  applicationActions,
  applicationStates,
  isOpen,
  nextApplicationState,
  openApplicationStates,
  type ApplicationAction,
} from './states.js';

type Next = (state: ApplicationState, action: ApplicationAction) => ApplicationState | null;

/**
 * The state machine written out edge by edge, apart from states.ts: new → in conversation
 * → offer → placed, back from offer to the conversation, and every open state closes by a decline,
 * a withdrawal or expiry. An offer can also come straight from a new contact (a placement registered
 * on interest or a proposal).
 */
const allowed: readonly (readonly [ApplicationState, ApplicationAction, ApplicationState])[] = [
  ['new', 'start_conversation', 'in_conversation'],
  ['new', 'make_offer', 'offer'],
  ['in_conversation', 'make_offer', 'offer'],
  ['offer', 'place', 'placed'],
  ['offer', 'talk_on', 'in_conversation'],
  ...(['new', 'in_conversation', 'offer'] as const).flatMap((from) => [
    [from, 'decline', 'declined'] as const,
    [from, 'withdraw', 'withdrawn'] as const,
    [from, 'expire', 'expired'] as const,
  ]),
];
const terminalStates: readonly ApplicationState[] = ['placed', 'declined', 'withdrawn', 'expired'];

const state = fc.constantFrom(...applicationStates);
const action = fc.constantFrom(...applicationActions);
const actions = fc.array(action, { maxLength: 30 });

/** Replays `sequence` from `start`, skipping refused actions; the states it went through. */
function walk(next: Next, start: ApplicationState, sequence: readonly ApplicationAction[]): ApplicationState[] {
  const states = [start];
  for (const step of sequence) {
    const to = next(states.at(-1)!, step);
    if (to) states.push(to);
  }
  return states;
}

/** Every state change a walk makes, with the action that made it. */
function movesOf(next: Next, start: ApplicationState, sequence: readonly ApplicationAction[]) {
  const moves: [ApplicationState, ApplicationAction, ApplicationState][] = [];
  let current = start;
  for (const step of sequence) {
    const to = next(current, step);
    if (!to) continue;
    moves.push([current, step, to]);
    current = to;
  }
  return moves;
}

const isAllowed = (from: ApplicationState, act: ApplicationAction, to: ApplicationState) =>
  allowed.some(([f, a, t]) => f === from && a === act && t === to);

/** The properties, for any transition function: run against states.ts, and against broken copies to show they bite. */
const properties = {
  onlyAllowedMoves: (next: Next) =>
    fc.property(state, actions, (start, sequence) => movesOf(next, start, sequence).every(([f, a, t]) => isAllowed(f, a, t))),
  everyAllowedMoveWorks: (next: Next) => fc.property(fc.constantFrom(...allowed), ([from, act, to]) => next(from, act) === to),
  terminalHasNoWayOut: (next: Next) =>
    fc.property(fc.constantFrom(...terminalStates), actions, (start, sequence) => walk(next, start, sequence).length === 1),
  placedOnlyThroughOffer: (next: Next) =>
    fc.property(actions, (sequence) => {
      const states = walk(next, 'new', sequence);
      return states.every((s, i) => s !== 'placed' || (i > 0 && states[i - 1] === 'offer'));
    }),
  closedStaysClosed: (next: Next) =>
    fc.property(state, actions, (start, sequence) => {
      const states = walk(next, start, sequence);
      const firstClosed = states.findIndex((s) => !isOpen(s));
      return firstClosed === -1 || firstClosed === states.length - 1;
    }),
};

const assertHolds = <Ts>(property: fc.IProperty<Ts>) => fc.assert(property, { numRuns: 500 });
const fails = <Ts>(property: fc.IProperty<Ts>) => fc.check(property, { numRuns: 2000 }).failed;

describe('the application state machine', () => {
  it('only ever moves along the allowed transitions, whatever the actions', () => {
    assertHolds(properties.onlyAllowedMoves(nextApplicationState));
  });

  it('allows every transition of the issue', () => {
    assertHolds(properties.everyAllowedMoveWorks(nextApplicationState));
  });

  it('has no way out of placed, declined, withdrawn or expired', () => {
    assertHolds(properties.terminalHasNoWayOut(nextApplicationState));
    for (const terminal of terminalStates) for (const a of applicationActions) expect(nextApplicationState(terminal, a)).toBeNull();
  });

  it('reaches placed only through an offer', () => {
    assertHolds(properties.placedOnlyThroughOffer(nextApplicationState));
    for (const s of applicationStates)
      for (const a of applicationActions) if (nextApplicationState(s, a) === 'placed') expect([s, a]).toEqual(['offer', 'place']);
  });

  it('never leaves a closed state once a walk reaches it', () => {
    assertHolds(properties.closedStaysClosed(nextApplicationState));
  });

  it('reaches every state from new, and every open state can still close in each way', () => {
    const reached = new Set<ApplicationState>(['new']);
    for (let changed = true; changed;) {
      changed = false;
      for (const s of [...reached])
        for (const a of applicationActions) {
          const to = nextApplicationState(s, a);
          if (!to || reached.has(to)) continue;
          reached.add(to);
          changed = true;
        }
    }
    expect([...reached].sort()).toEqual([...applicationStates].sort());
    for (const open of openApplicationStates) {
      expect(nextApplicationState(open, 'decline')).toBe('declined');
      expect(nextApplicationState(open, 'withdraw')).toBe('withdrawn');
      expect(nextApplicationState(open, 'expire')).toBe('expired');
    }
  });

  it('calls exactly the non-terminal states open', () => {
    for (const s of applicationStates) expect(isOpen(s)).toBe(!terminalStates.includes(s));
  });

  describe('the properties catch a broken machine', () => {
    const mutant =
      (from: ApplicationState, act: ApplicationAction, to: ApplicationState | null): Next =>
      (s, a) =>
        s === from && a === act ? to : nextApplicationState(s, a);

    it('placing straight from the conversation', () => {
      const broken = mutant('in_conversation', 'place', 'placed');
      expect(fails(properties.onlyAllowedMoves(broken))).toBe(true);
      expect(fails(properties.placedOnlyThroughOffer(broken))).toBe(true);
    });

    it('a way out of a terminal state', () => {
      for (const [from, act, to] of [
        ['placed', 'withdraw', 'withdrawn'],
        ['declined', 'talk_on', 'in_conversation'],
        ['expired', 'start_conversation', 'in_conversation'],
      ] as const) {
        const broken = mutant(from, act, to);
        expect(fails(properties.terminalHasNoWayOut(broken))).toBe(true);
        expect(fails(properties.onlyAllowedMoves(broken))).toBe(true);
      }
    });

    it('a transition that is missing or goes elsewhere', () => {
      expect(fails(properties.everyAllowedMoveWorks(mutant('offer', 'talk_on', null)))).toBe(true);
      expect(fails(properties.onlyAllowedMoves(mutant('offer', 'talk_on', 'new')))).toBe(true);
      expect(fails(properties.everyAllowedMoveWorks(mutant('in_conversation', 'expire', 'declined')))).toBe(true);
    });
  });
});
