import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#app/db/connection.js';
import type { ApplicationState, RegieLevel } from '#app/db/schema.js';
import type { Actor } from '#app/domain/accounts/actor.js';
import type { CommandResult } from '#app/domain/results.js';
import { expectLogMatchesState, toldAbout } from '../../../test/support/applications.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { makeCandidate, makeUser, makeVacancy, makeWorld, type World } from '../../../test/support/fixtures.js';
import { findApplication } from './access.js';
import {
  answerInvitation,
  closeOtherApplications,
  declineApplication,
  expireIdleApplications,
  handleInvitation,
  inviteCandidate,
  markDeclineTold,
  moveApplication,
  proposeCandidate,
  sendMessage,
  setConsultantReads,
  showInterest,
  startConversation,
  withdrawApplication,
} from './commands.js';
import { applicationActions, isOpen, nextApplicationState, type ApplicationAction } from './states.js';

/**
 * "No illegal transition is reachable": random sequences of the public commands, by random people,
 * against one application. After every command the stored state has moved only along the state
 * machine, its step log is exactly those moves, a refused command wrote nothing, and a shielded
 * candidate never got a bare no. Offers and placements are made the way src/domain/placements does
 * it (moveApplication with a placement waiting for the instantie), so this test does not depend on
 * that module's rules.
 */

let app: TestApp;
let db: Db;
let world: World;
let stranger: Actor;

beforeAll(async () => {
  app = await createTestApp();
  db = app.database.db;
  world = await makeWorld(app);
  stranger = await makeUser(app, 'Iemand anders', [{ role: 'kandidaat', instantieId: 'rotterdam' }]);
});
afterAll(async () => app?.close());

const people = ['candidate', 'employer', 'consultant', 'auditor', 'otherConsultant', 'stranger'] as const;
type Who = (typeof people)[number];
const who = fc.constantFrom(...people);
const text = fc.constantFrom('', 'Kort', 'Dat past nu helaas niet bij ons team.');

const command = fc.oneof(
  fc.record({ kind: fc.constant('startConversation' as const), who }),
  fc.record({ kind: fc.constant('answer' as const), who, answer: fc.constantFrom('accept', 'decline', 'misschien') }),
  fc.record({ kind: fc.constant('handle' as const), who, decision: fc.constantFrom('forward', 'decline'), reason: text }),
  fc.record({ kind: fc.constant('message' as const), who, body: text }),
  fc.record({ kind: fc.constant('decline' as const), who, reason: text }),
  fc.record({ kind: fc.constant('withdraw' as const), who }),
  fc.record({ kind: fc.constant('markTold' as const), who }),
  fc.record({ kind: fc.constant('reads' as const), who, allowed: fc.boolean() }),
  fc.record({ kind: fc.constant('offer' as const) }),
  fc.record({ kind: fc.constant('rejectPlacement' as const) }),
  fc.record({ kind: fc.constant('place' as const) }),
  fc.record({ kind: fc.constant('expire' as const) }),
  fc.record({ kind: fc.constant('placedElsewhere' as const) }),
);
type Command = typeof command extends fc.Arbitrary<infer C> ? C : never;

const start = fc.record({
  how: fc.constantFrom('interest', 'invitation', 'proposal'),
  regie: fc.constantFrom<RegieLevel>('zelf', 'samen', 'begeleid'),
});
type Start = typeof start extends fc.Arbitrary<infer S> ? S : never;

/** The state-machine action an accepted command takes; null for commands that keep the state. */
function actionOf(c: Command): ApplicationAction | null {
  switch (c.kind) {
    case 'startConversation':
      return 'start_conversation';
    case 'answer':
      return c.answer === 'accept' ? 'start_conversation' : 'decline';
    case 'handle':
      return c.decision === 'decline' ? 'decline' : null;
    case 'decline':
      return 'decline';
    case 'withdraw':
    case 'placedElsewhere':
      return 'withdraw';
    case 'offer':
      return 'make_offer';
    case 'rejectPlacement':
      return 'talk_on';
    case 'place':
      return 'place';
    case 'expire':
      return 'expire';
    default:
      return null;
  }
}

type Scene = { applicationId: string; candidateId: string; actors: Record<Who, Actor> };

async function setUp(s: Start): Promise<Scene> {
  const made = await makeCandidate(app, world.consulent, { withLogin: true, visibility: { ondersteuning: 'alle' } });
  await db.updateTable('candidate').set({ regie_level: s.regie }).where('id', '=', made.id).execute();
  const employer = world.employers.preferred;
  const vacancyId = await makeVacancy(app, employer.id);
  const actors: Record<Who, Actor> = {
    candidate: made.user!,
    employer: employer.user,
    consultant: world.consulent,
    auditor: world.auditor,
    otherConsultant: world.otherConsulent,
    stranger,
  };
  const created =
    s.how === 'interest'
      ? await showInterest(db, made.user!, vacancyId, {})
      : s.how === 'invitation'
        ? await inviteCandidate(db, employer.user, vacancyId, made.id, { message: 'Wilt u kennismaken?' })
        : await proposeCandidate(db, world.consulent, vacancyId, made.id, { message: 'Past goed.', candidateAgrees: true });
  if (!created.ok) throw new Error(`start ${s.how}: ${JSON.stringify(created)}`);
  return { applicationId: created.value.id, candidateId: made.id, actors };
}

/** A change made the way the placements module makes it; rolled back when the state machine refuses the move. */
async function asPlacements(
  id: string,
  change: (trx: Db, application: NonNullable<Awaited<ReturnType<typeof findApplication>>>) => Promise<CommandResult>,
) {
  const refusal = new Error('refused');
  try {
    return await db.transaction().execute(async (trx) => {
      const application = (await findApplication(trx, id, { forUpdate: true }))!;
      const result = await change(trx, application);
      if (!result.ok) throw Object.assign(refusal, { result });
      return result;
    });
  } catch (error) {
    if (error === refusal) return (refusal as Error & { result: CommandResult }).result;
    throw error;
  }
}

async function run(scene: Scene, c: Command): Promise<{ ok: boolean }> {
  const { applicationId: id, actors } = scene;
  const actor = 'who' in c ? actors[c.who] : actors.employer;
  switch (c.kind) {
    case 'startConversation':
      return startConversation(db, actor, id);
    case 'answer':
      return answerInvitation(db, actor, id, { answer: c.answer });
    case 'handle':
      return handleInvitation(db, actor, id, { decision: c.decision, reason: c.reason });
    case 'message':
      return sendMessage(db, actor, id, { body: c.body });
    case 'decline':
      return declineApplication(db, actor, id, { reason: c.reason });
    case 'withdraw':
      return withdrawApplication(db, actor, id, {});
    case 'markTold':
      return markDeclineTold(db, actor, id);
    case 'reads':
      return setConsultantReads(db, actor, id, c.allowed);
    case 'offer':
      return asPlacements(id, async (trx, application) => {
        const moved = await moveApplication(trx, actor, application, 'make_offer', 'werkgever');
        if (moved.ok)
          await trx
            .insertInto('placement')
            .values({
              application_id: id,
              candidate_id: application.candidate_id,
              employer_id: application.employer_id,
              vacancy_id: application.vacancy_id,
              instantie_id: application.instantie_id,
              route: 'committed',
              kind: 'dienstverband',
              status: 'awaiting_instantie',
              start_date: '2099-01-01',
              hours_per_week: 8,
              registered_by: actor.userId,
            })
            .execute();
        return moved;
      });
    case 'rejectPlacement':
      return asPlacements(id, async (trx, application) => {
        await trx
          .updateTable('placement')
          .set({ status: 'rejected' })
          .where('application_id', '=', id)
          .where('status', '=', 'awaiting_instantie')
          .execute();
        return moveApplication(trx, actors.consultant, application, 'talk_on', 'consulent', { reason: 'Past niet bij de regels.' });
      });
    case 'place':
      return asPlacements(id, async (trx, application) => {
        await trx
          .updateTable('placement')
          .set({ status: 'active' })
          .where('application_id', '=', id)
          .where('status', '=', 'awaiting_instantie')
          .execute();
        const moved = await moveApplication(trx, actors.consultant, application, 'place', 'consulent');
        if (moved.ok) await closeOtherApplications(trx, actors.consultant, application.candidate_id, id);
        return moved;
      });
    case 'expire': {
      const before = (await findApplication(db, id))!.state;
      await db
        .updateTable('application')
        .set({ last_activity_at: new Date(Date.now() - 61 * 86_400_000) })
        .where('id', '=', id)
        .execute();
      await expireIdleApplications(db, new Date());
      return { ok: (await findApplication(db, id))!.state !== before };
    }
    case 'placedElsewhere': {
      const closed = await db.transaction().execute((trx) => closeOtherApplications(trx, null, scene.candidateId, randomUUID()));
      return { ok: closed > 0 };
    }
  }
}

async function snapshot(id: string) {
  const application = (await findApplication(db, id))!;
  const steps = await db.selectFrom('application_step').selectAll().where('application_id', '=', id).orderBy('id').execute();
  const messages = await db.selectFrom('application_message').select('id').where('application_id', '=', id).execute();
  const events = await db.selectFrom('event').select('id').where('subject_id', '=', id).execute();
  return { application, steps, messages: messages.length, events: events.length };
}

const isAction = (action: string): action is ApplicationAction => (applicationActions as readonly string[]).includes(action);
const terminal = (state: ApplicationState) => !isOpen(state);

describe('random sequences of commands against one application', () => {
  it('never reach an illegal transition, and the step log is exactly the transitions', { timeout: 600_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(start, fc.array(command, { minLength: 1, maxLength: 8 }), async (s, commands) => {
        const scene = await setUp(s);
        const id = scene.applicationId;
        let before = await snapshot(id);
        for (const c of commands) {
          const result = await run(scene, c);
          const after = await snapshot(id);
          const from = before.application.state;
          const to = after.application.state;
          const newSteps = after.steps.slice(before.steps.length);

          if (!result.ok && c.kind !== 'expire' && c.kind !== 'placedElsewhere') {
            // Refused: nothing of this application changed.
            expect(newSteps, `${c.kind} refused`).toEqual([]);
            expect(to).toBe(from);
            expect(after.messages).toBe(before.messages);
            expect(after.events).toBe(before.events);
          }
          if (terminal(from)) expect(to, `out of ${from} by ${c.kind}`).toBe(from);
          // The stored state moved only along the machine, in the steps written now, by the command's own action.
          let state = from;
          for (const step of newSteps) {
            expect(step.from_state).toBe(state);
            if (isAction(step.action)) expect(nextApplicationState(state, step.action)).toBe(step.to_state);
            else expect(step.to_state).toBe(state);
            state = step.to_state;
          }
          expect(to).toBe(state);
          if (to !== from) expect(to).toBe(nextApplicationState(from, actionOf(c)!));
          // What the employer once saw stays seen; the name only with the candidate's yes.
          if (before.application.identity_revealed) expect(after.application.identity_revealed).toBe(true);
          if (after.application.started_by === 'employer')
            expect(after.application.identity_revealed).toBe(after.application.invitation === 'accepted');
          before = after;
        }
        await expectLogMatchesState(db, id);
        if (s.regie === 'begeleid') {
          // Never a bare no for a shielded candidate: what the system tells them is only "expired" or "you found work".
          const toCandidate = (await toldAbout(db, id)).filter(
            (n) => n.user_id === scene.actors.candidate.userId && n.kind === 'application_closed',
          );
          for (const n of toCandidate) expect(['expired', 'placed_elsewhere']).toContain(n.params.how);
        }
      }),
      { numRuns: 25 },
    );
  });
});
