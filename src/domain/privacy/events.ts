import type { Db } from '#app/db/connection.js';

export type EventInput = {
  actorUserId: string | null;
  subjectType:
    | 'candidate'
    | 'employer'
    | 'vacancy'
    | 'consent'
    | 'api_token'
    | 'user'
    | 'instantie'
    | 'application'
    | 'placement'
    | 'support_request'
    | 'support_budget'
    | 'waiting_list_entry';
  subjectId: string;
  action: string;
  reason?: string | null;
  data?: Record<string, unknown>;
};

/** Records a write that matters; call it with the transaction of the write itself. */
export async function recordEvent(db: Db, event: EventInput): Promise<void> {
  await recordEvents(db, [event]);
}

/** `recordEvent` for many events in one statement (a job that handles a batch). */
export async function recordEvents(db: Db, events: readonly EventInput[]): Promise<void> {
  if (events.length === 0) return;
  await db
    .insertInto('event')
    .values(
      events.map((event) => ({
        actor_user_id: event.actorUserId,
        subject_type: event.subjectType,
        subject_id: event.subjectId,
        action: event.action,
        reason: event.reason ?? null,
        data: JSON.stringify(event.data ?? {}),
      })),
    )
    .execute();
}

export async function eventsFor(db: Db, subjectType: EventInput['subjectType'], subjectId: string, limit = 50) {
  return db
    .selectFrom('event')
    .selectAll()
    .where('subject_type', '=', subjectType)
    .where('subject_id', '=', subjectId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
