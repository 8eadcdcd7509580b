import type { Db } from '#app/db/connection.js';
import type { ApplicationState, PlacementStatus } from '#app/db/schema.js';
import { employerIds, type Actor } from '../accounts/actor.js';
import { staffInstantieIds } from '../candidates/queries.js';
import { partyOf, selectApplications, type ApplicationParty, type ApplicationRow } from './access.js';

export type ContactOfActor = { application: ApplicationRow; party: ApplicationParty };

/**
 * The contacts an actor is a party to (`partyOf` in access.ts, as SQL): their own as a candidate
 * (not an invitation still with the consultant, nor a no the consultant has yet to tell), those of
 * their employers, and those of the instanties where they are staff. Last activity first. These rows
 * hold no candidate data beyond ids: callers read the candidates through `readCandidates`.
 */
export async function listContacts(
  db: Db,
  actor: Actor,
  options: { state?: ApplicationState; page: number; pageSize: number },
): Promise<{ items: ContactOfActor[]; total: number }> {
  const employers = employerIds(actor);
  const instanties = staffInstantieIds(actor);
  let base = selectApplications(db).where((eb) => {
    const own = eb.and([
      eb('candidate.user_id', '=', actor.userId),
      eb.or([eb('application.invitation', 'is', null), eb('application.invitation', '<>', 'with_consultant')]),
      eb.not(
        eb.and([
          eb('candidate.regie_level', '=', 'begeleid'),
          eb('application.decline_told_at', 'is', null),
          eb('application.closed_by', 'is not distinct from', 'employer'),
          eb('application.state', 'in', ['declined', 'withdrawn']),
        ]),
      ),
    ]);
    return eb.or([
      own,
      ...(employers.length ? [eb('application.employer_id', 'in', employers)] : []),
      ...(instanties.length ? [eb('application.instantie_id', 'in', instanties)] : []),
    ]);
  });
  if (options.state) base = base.where('application.state', '=', options.state);
  const { total } = await base
    .clearSelect()
    .select((eb) => eb.fn.countAll<string>().as('total'))
    .executeTakeFirstOrThrow();
  const rows = (await base
    .orderBy('application.last_activity_at', 'desc')
    .orderBy('application.id')
    .limit(options.pageSize)
    .offset((options.page - 1) * options.pageSize)
    .execute()) as ApplicationRow[];
  const items = rows.flatMap((application) => {
    const party = partyOf(actor, application);
    return party ? [{ application, party }] : [];
  });
  return { items, total: Number(total) };
}

/** The latest placement of each of these applications, if any, by application id. */
export async function latestPlacements(
  db: Db,
  applicationIds: readonly string[],
): Promise<Map<string, { id: string; status: PlacementStatus }>> {
  const latest = new Map<string, { id: string; status: PlacementStatus }>();
  if (applicationIds.length === 0) return latest;
  const rows = await db
    .selectFrom('placement')
    .select(['id', 'status', 'application_id'])
    .where('application_id', 'in', [...applicationIds])
    .orderBy('registered_at', 'desc')
    .orderBy('id')
    .execute();
  for (const row of rows) if (!latest.has(row.application_id)) latest.set(row.application_id, { id: row.id, status: row.status });
  return latest;
}
