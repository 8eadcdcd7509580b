import { sql } from 'kysely';
import { expect } from 'vitest';
import type { Db } from '#app/db/connection.js';
import type { ApplicationState } from '#app/db/schema.js';
import { applicationActions, nextApplicationState, type ApplicationAction } from '#app/domain/applications/states.js';
import type { CommandResult } from '#app/domain/results.js';

/** The value of a command that must succeed; a failure shows its reason in the test output. */
export function okValue<T>(result: CommandResult<T>): T {
  expect(result).toMatchObject({ ok: true });
  return (result as { ok: true; value: T }).value;
}

const counted = ['application', 'application_step', 'application_message', 'event', 'notification', 'placement'] as const;
export type RowCounts = Record<(typeof counted)[number], number>;

/** How many rows the tables an application command writes hold: compare before and after a refused command. */
export async function rowCounts(db: Db): Promise<RowCounts> {
  const counts = {} as RowCounts;
  for (const table of counted) {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(db);
    counts[table] = Number(rows[0]!.n);
  }
  return counts;
}

const isAction = (action: string): action is ApplicationAction => (applicationActions as readonly string[]).includes(action);

/**
 * Checks an application's log: its steps form one chain from its creation to its stored state; a
 * step that moves the state is a transition of the state machine (states.ts), any other step keeps
 * the state; and every step has its event, in the same order. Returns the steps.
 */
export async function expectLogMatchesState(db: Db, applicationId: string) {
  const application = await db.selectFrom('application').selectAll().where('id', '=', applicationId).executeTakeFirstOrThrow();
  const steps = await db.selectFrom('application_step').selectAll().where('application_id', '=', applicationId).orderBy('id').execute();
  expect(steps[0]).toMatchObject({ action: 'create', from_state: null });
  let state: ApplicationState = steps[0]!.to_state;
  for (const step of steps.slice(1)) {
    expect(step.from_state, `step ${step.action}`).toBe(state);
    if (isAction(step.action)) expect(nextApplicationState(state, step.action), `${state} --${step.action}-->`).toBe(step.to_state);
    else expect(step.to_state, `step ${step.action} keeps the state`).toBe(state);
    state = step.to_state;
  }
  expect(application.state).toBe(state);
  const events = await db
    .selectFrom('event')
    .select(['action', 'data'])
    .where('subject_type', '=', 'application')
    .where('subject_id', '=', applicationId)
    .orderBy('id')
    .execute();
  const stepEvents = events.filter((event) => !event.action.startsWith('application.consultant_reads'));
  expect(stepEvents.map((event) => event.action)).toEqual(steps.map((step) => `application.${step.action}`));
  return steps;
}

/** Who was told what about one application (its notifications link to it), oldest first. */
export async function toldAbout(db: Db, applicationId: string) {
  const rows = await db
    .selectFrom('notification')
    .select(['user_id', 'kind', 'params', 'link'])
    .where('link', 'like', `%/${applicationId}`)
    .orderBy('created_at')
    .execute();
  return rows.map((row) => ({ ...row, params: row.params as Record<string, unknown> }));
}

/** The user ids told about an application with this kind of notification. */
export async function toldWith(db: Db, applicationId: string, kind: string): Promise<string[]> {
  return (await toldAbout(db, applicationId)).filter((row) => row.kind === kind).map((row) => row.user_id);
}
