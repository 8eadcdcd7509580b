import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '#app/db/connection.js';
import type { Candidate } from '#app/db/schema.js';
import type { Actor } from '../accounts/actor.js';
import type { CommandResult } from '../candidates/commands.js';
import { decideCandidateAccess, mayEditCandidate } from '../candidates/policy.js';
import { fieldsShown } from '../candidates/presenter.js';
import { findCandidate, readCandidate } from '../candidates/queries.js';
import { normaliseVisibility } from '../candidates/rules.js';
import { isUuid } from '../ids.js';
import { notifyAll } from '../notifications/notify.js';
import { logCandidateReads } from '../privacy/access-log.js';
import { recordEvent, recordEvents, type EventInput } from '../privacy/events.js';
import { matchFilterSchema, toVacancyFilters, type MatchFilterInput } from './filters.js';
import { newMatchesForSearches, recordShownLists, vacanciesForCandidate, type RankedList, type RankedVacancy } from './queries.js';

/**
 * Saved searches of "Vacatures voor jou" and their weekly alert (docs/decisions/016-saved-searches.md).
 * The candidate keeps them, or a consultant or beheerder of the candidate's instantie does it for them.
 */

/** A candidate keeps at most this many saved searches: enough for a few kinds of work, few enough to stay readable. */
export const maxSavedSearches = 10;
/** A weekly alert names at most this many new vacancies, the best first; `total` says how many there were. */
export const alertMatchLimit = 10;
/** A search is due for its alert this long after the last one. */
export const alertIntervalDays = 7;
/**
 * A search counts as due this much earlier, so that a job that runs once a week, a little earlier
 * than the week before, does not skip a week. A job that runs daily still sends once in 7 days.
 */
export const alertSlackHours = 12;

const nameMessage = 'Geef de zoekopdracht een naam.';
const alertMessage = 'Kies of er elke week een bericht moet komen.';

const nameField = z
  .string({ error: nameMessage })
  .trim()
  .min(1, nameMessage)
  .max(100, 'De naam is te lang. Gebruik hoogstens 100 tekens.')
  .describe('De naam van de zoekopdracht, hoogstens 100 tekens');
/** A check box sends "ja" or nothing; the API sends true or false. */
const alertField = z
  .preprocess(
    (v) => (v === 'ja' || v === 'true' ? true : v === undefined || v === null || v === '' || v === 'nee' || v === 'false' ? false : v),
    z.boolean({ error: alertMessage }),
  )
  .describe('true: elke week een bericht met nieuw werk dat past. Standaard false.');

/** A new saved search: a name, the weekly alert, and the filters of the ranked list (the same rules as the list). */
export const savedSearchSchema = z.object({
  name: nameField,
  alertWeekly: alertField,
  filters: z.preprocess((v) => v ?? {}, matchFilterSchema).describe('De keuzes van de lijst Vacatures voor jou'),
});
/** Renaming and switching the alert on or off; the filters of a saved search do not change. */
export const savedSearchUpdateSchema = z.object({ name: nameField, alertWeekly: alertField });

export type SavedSearch = {
  id: string;
  candidateId: string;
  name: string;
  /** null when the stored filters no longer pass the filter rules (they changed since): nothing is matched then. */
  filters: MatchFilterInput | null;
  alertWeekly: boolean;
  /** The end of the last weekly check: the next alert names vacancies published after it. */
  lastAlertAt: Date | null;
  /** When the last alert message went out. */
  lastSentAt: Date | null;
  createdAt: Date;
};

type Row = {
  id: string;
  candidate_id: string;
  name: string;
  filters: Record<string, unknown>;
  alert_weekly: boolean;
  last_alert_at: Date | null;
  last_sent_at: Date | null;
  created_at: Date;
};
const columns = ['id', 'candidate_id', 'name', 'filters', 'alert_weekly', 'last_alert_at', 'last_sent_at', 'created_at'] as const;

function present(row: Row): SavedSearch {
  const filters = matchFilterSchema.safeParse(row.filters);
  return {
    id: row.id,
    candidateId: row.candidate_id,
    name: row.name,
    filters: filters.success ? filters.data : null,
    alertWeekly: row.alert_weekly,
    lastAlertAt: row.last_alert_at,
    lastSentAt: row.last_sent_at,
    createdAt: row.created_at,
  };
}

/** Only the filters that narrow the list are stored: an empty choice means "any". */
function storedFilters(filters: MatchFilterInput): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(filters).filter(([, value]) => value !== undefined && value !== false && !(Array.isArray(value) && value.length === 0)),
  );
}

const invalid = (errors: Record<string, string>) => ({ ok: false as const, reason: 'invalid' as const, errors });
const notFound = { ok: false as const, reason: 'not_found' as const };

function issuesToErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) errors[issue.path.join('.') || '_'] ??= issue.message;
  return errors;
}

/**
 * The candidate when the actor may manage their saved searches: the candidate themself, or a
 * consultant or beheerder of the candidate's instantie (the rule for editing a profile). Anyone
 * else gets null, so that ids cannot be probed.
 */
async function editableCandidate(db: Db, actor: Actor, candidateId: string): Promise<Candidate | null> {
  const candidate = await findCandidate(db, candidateId);
  return candidate && mayEditCandidate(actor, { instantieId: candidate.instantie_id, userId: candidate.user_id }) ? candidate : null;
}

const sameName = (name: string) => sql<boolean>`lower(name) = lower(${name})`;
export const savedSearchLimitMessage = `Er zijn al ${maxSavedSearches} zoekopdrachten bewaard. Dat is het maximum. Verwijder eerst een zoekopdracht.`;
const duplicateMessage = 'Er is al een zoekopdracht met deze naam. Kies een andere naam.';

/** Saves the current filters of the ranked list under a name; at most `maxSavedSearches` per candidate. */
export async function createSavedSearch(db: Db, actor: Actor, candidateId: string, input: unknown): Promise<CommandResult<SavedSearch>> {
  const candidate = await editableCandidate(db, actor, candidateId);
  if (!candidate) return notFound;
  const parsed = savedSearchSchema.safeParse(input);
  if (!parsed.success) return invalid(issuesToErrors(parsed.error));
  const { name, alertWeekly, filters } = parsed.data;
  return db.transaction().execute(async (trx): Promise<CommandResult<SavedSearch>> => {
    // The candidate's row is the lock: two saves at once cannot both pass the maximum.
    await trx.selectFrom('candidate').select('id').where('id', '=', candidate.id).forUpdate().executeTakeFirstOrThrow();
    const existing = await trx.selectFrom('saved_search').select('name').where('candidate_id', '=', candidate.id).execute();
    if (existing.length >= maxSavedSearches) return invalid({ name: savedSearchLimitMessage });
    if (existing.some((row) => row.name.toLowerCase() === name.toLowerCase())) return invalid({ name: duplicateMessage });
    const row = await trx
      .insertInto('saved_search')
      .values({
        candidate_id: candidate.id,
        name,
        filters: JSON.stringify(storedFilters(filters)),
        alert_weekly: alertWeekly,
        last_alert_at: null,
      })
      .returning(columns)
      .executeTakeFirstOrThrow();
    await recordEvent(trx, {
      actorUserId: actor.userId,
      subjectType: 'candidate',
      subjectId: candidate.id,
      action: 'saved_search.created',
      data: { savedSearchId: row.id, name, alertWeekly, filters: storedFilters(filters) },
    });
    return { ok: true, value: present(row) };
  });
}

/**
 * The candidate's saved searches, oldest first, for the candidate or a consultant or beheerder of
 * their instantie; 'not_found' for anyone else. The read is logged as a read of the candidate.
 */
export async function listSavedSearches(db: Db, actor: Actor, candidateId: string, context: string): Promise<SavedSearch[] | 'not_found'> {
  const candidate = await editableCandidate(db, actor, candidateId);
  if (!candidate) return 'not_found';
  const read = await readCandidate(db, actor, candidate.id, context);
  if (!read || read === 'limit') return 'not_found';
  const rows = await db
    .selectFrom('saved_search')
    .select(columns)
    .where('candidate_id', '=', candidate.id)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(present);
}

/** One saved search of the candidate, under the same rule as the list. */
export async function getSavedSearch(
  db: Db,
  actor: Actor,
  candidateId: string,
  savedSearchId: string,
  context: string,
): Promise<SavedSearch | 'not_found'> {
  const list = await listSavedSearches(db, actor, candidateId, context);
  if (list === 'not_found') return list;
  return list.find((search) => search.id === savedSearchId) ?? 'not_found';
}

/**
 * Renames a saved search and switches its alert on or off. Switched on again, the alert starts
 * from now: it does not send what came online while it was off.
 */
export async function updateSavedSearch(
  db: Db,
  actor: Actor,
  candidateId: string,
  savedSearchId: string,
  input: unknown,
): Promise<CommandResult<SavedSearch>> {
  const candidate = await editableCandidate(db, actor, candidateId);
  if (!candidate || !isUuid(savedSearchId)) return notFound;
  const parsed = savedSearchUpdateSchema.safeParse(input);
  if (!parsed.success) return invalid(issuesToErrors(parsed.error));
  const { name, alertWeekly } = parsed.data;
  return db.transaction().execute(async (trx): Promise<CommandResult<SavedSearch>> => {
    const current = await trx
      .selectFrom('saved_search')
      .select(columns)
      .where('id', '=', savedSearchId)
      .where('candidate_id', '=', candidate.id)
      .forUpdate()
      .executeTakeFirst();
    if (!current) return notFound;
    const taken = await trx
      .selectFrom('saved_search')
      .select('id')
      .where('candidate_id', '=', candidate.id)
      .where('id', '<>', savedSearchId)
      .where(sameName(name))
      .executeTakeFirst();
    if (taken) return invalid({ name: duplicateMessage });
    const switchedOn = alertWeekly && !current.alert_weekly;
    const row = await trx
      .updateTable('saved_search')
      .set({ name, alert_weekly: alertWeekly, ...(switchedOn ? { last_alert_at: new Date() } : {}) })
      .where('id', '=', savedSearchId)
      .returning(columns)
      .executeTakeFirstOrThrow();
    await recordEvent(trx, {
      actorUserId: actor.userId,
      subjectType: 'candidate',
      subjectId: candidate.id,
      action: 'saved_search.updated',
      data: { savedSearchId, name, alertWeekly, before: { name: current.name, alertWeekly: current.alert_weekly } },
    });
    return { ok: true, value: present(row) };
  });
}

export async function deleteSavedSearch(db: Db, actor: Actor, candidateId: string, savedSearchId: string): Promise<CommandResult> {
  const candidate = await editableCandidate(db, actor, candidateId);
  if (!candidate || !isUuid(savedSearchId)) return notFound;
  return db.transaction().execute(async (trx): Promise<CommandResult> => {
    const row = await trx
      .deleteFrom('saved_search')
      .where('id', '=', savedSearchId)
      .where('candidate_id', '=', candidate.id)
      .returning(['id', 'name'])
      .executeTakeFirst();
    if (!row) return notFound;
    await recordEvent(trx, {
      actorUserId: actor.userId,
      subjectType: 'candidate',
      subjectId: candidate.id,
      action: 'saved_search.deleted',
      data: { savedSearchId, name: row.name },
    });
    return { ok: true, value: undefined };
  });
}

/**
 * The vacancies that fit a saved search and went online after `since` (up to and including
 * `until`), ranked with the candidate's weights by the ranked list itself, best first: the
 * first `limit` of them and how many there are. The actor goes through the policy as for the list,
 * and the list is recorded as shown to them. 'invalid_filters' when the stored filters no longer
 * pass the rules.
 */
export async function newMatchesForSavedSearch(
  db: Db,
  actor: Actor,
  savedSearch: SavedSearch,
  since: Date,
  options: { until?: Date; limit?: number; context?: string } = {},
): Promise<RankedList<RankedVacancy> | 'not_found' | 'invalid_filters'> {
  if (!savedSearch.filters) return 'invalid_filters';
  return vacanciesForCandidate(
    db,
    actor,
    savedSearch.candidateId,
    {
      page: 1,
      pageSize: options.limit ?? alertMatchLimit,
      filters: {
        ...toVacancyFilters(savedSearch.filters),
        publishedAfter: since,
        ...(options.until ? { publishedUpTo: options.until } : {}),
      },
    },
    options.context ?? 'zoekopdracht.nieuw',
  );
}

/** One weekly alert, for `deliver` to put in the app and send by e-mail. */
export type WeeklyAlert = {
  candidateId: string;
  /** The candidate's own account: the alert is made for them, as their own ranked list. */
  userId: string;
  savedSearch: SavedSearch;
  /** The best `alertMatchLimit` new vacancies, with their scores and explanations. */
  matches: RankedVacancy[];
  /** How many new vacancies fit in all. */
  total: number;
  weightsVersion: string;
  /** The window: vacancies that went online after `since`, up to and including `until`. */
  since: Date;
  until: Date;
};
/** Puts alerts in the app and the outbox, in the caller's transaction; a batch at a time. */
export type DeliverAlerts = (trx: Db, alerts: WeeklyAlert[]) => Promise<void>;

/** The weekly alerts in the app and by e-mail, linking to the candidate's saved searches. */
export const deliverNewMatches: DeliverAlerts = async (trx, alerts) => {
  await notifyAll(
    trx,
    alerts.map((alert) => ({
      userId: alert.userId,
      kind: 'new_matches' as const,
      params: { name: alert.savedSearch.name, count: alert.total },
      link: '/kandidaat/zoekopdrachten',
    })),
  );
};
export type WeeklyAlertRun = { checked: number; delivered: number };

const alertBatch = 2000;

/** The searches whose alert is due at `now`: alert on, candidate with an account, and no check in the last week. */
function dueSearches(db: Db, now: Date) {
  const dueBefore = new Date(now.getTime() - (alertIntervalDays * 24 - alertSlackHours) * 3_600_000);
  return db
    .selectFrom('saved_search')
    .innerJoin('candidate', 'candidate.id', 'saved_search.candidate_id')
    .where('saved_search.alert_weekly', '=', true)
    .where('candidate.user_id', 'is not', null)
    .where((eb) => eb.or([eb('saved_search.last_alert_at', 'is', null), eb('saved_search.last_alert_at', '<=', dueBefore)]));
}

/**
 * The weekly alerts: for every saved search that is due, the vacancies that went online since its
 * last check (or since it was saved), handed to `deliver` when there are any, in the transaction
 * that moves `last_alert_at` to `now`. Searches go in batches: one query finds the new matches of a
 * whole batch (`newMatchesForSearches`, the same rule, score and order as the candidate's own list),
 * so 50,000 searches take seconds, not an hour. Each search is checked at most once a week, also when
 * runs overlap: a run locks its batch (rows locked by another run are skipped, and a row that run
 * committed is no longer due). When `deliver` fails for a search, only that search is rolled back
 * (a savepoint) and stays due; the run then throws, so the job is retried.
 */
export async function runWeeklyAlerts(db: Db, now: Date, deliver: DeliverAlerts): Promise<WeeklyAlertRun> {
  const run: WeeklyAlertRun = { checked: 0, delivered: 0 };
  const failures: unknown[] = [];
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const last = await db.transaction().execute(async (trx) => {
      const due = await dueSearches(trx, now)
        .select([...columns.map((column) => `saved_search.${column}` as const), 'candidate.user_id'])
        .where('saved_search.id', '>', after)
        .orderBy('saved_search.id')
        .limit(alertBatch)
        .forUpdate(['saved_search'])
        .skipLocked()
        .execute();
      if (due.length === 0) return null;
      await alertBatchOf(trx, now, due, deliver, run, failures);
      return due.at(-1)!.id;
    });
    if (last === null) break;
    after = last;
  }
  if (failures.length)
    throw new AggregateError(failures, `${failures.length} wekelijkse meldingen zijn mislukt; ze worden opnieuw geprobeerd.`);
  return run;
}

async function alertBatchOf(
  trx: Db,
  now: Date,
  due: (Row & { user_id: string | null })[],
  deliver: DeliverAlerts,
  run: WeeklyAlertRun,
  failures: unknown[],
): Promise<void> {
  const candidates = new Map(
    (
      await trx
        .selectFrom('candidate')
        .selectAll()
        .where(
          'id',
          'in',
          due.map((row) => row.candidate_id),
        )
        .execute()
    ).map((candidate) => [candidate.id, candidate]),
  );
  const searches = due.flatMap((row) => {
    const savedSearch = present(row);
    const candidate = candidates.get(row.candidate_id);
    return candidate && row.user_id
      ? [{ savedSearch, candidate, userId: row.user_id, since: savedSearch.lastAlertAt ?? savedSearch.createdAt }]
      : [];
  });
  // Stored filters that no longer pass the rules match nothing; the search is still checked.
  const found = await newMatchesForSearches(
    trx,
    searches.flatMap(({ savedSearch, candidate, since }) =>
      savedSearch.filters ? [{ key: savedSearch.id, candidate, filters: toVacancyFilters(savedSearch.filters), since }] : [],
    ),
    now,
    alertMatchLimit,
  );
  const alerts = searches.flatMap(({ savedSearch, candidate, userId, since }): WeeklyAlert[] => {
    const matches = found.get(savedSearch.id);
    return matches
      ? [
          {
            candidateId: candidate.id,
            userId,
            savedSearch,
            matches: matches.items,
            total: matches.total,
            weightsVersion: matches.weightsVersion,
            since,
            until: now,
          },
        ]
      : [];
  });
  const alerted = (alert: WeeklyAlert): EventInput => ({
    actorUserId: null,
    subjectType: 'candidate',
    subjectId: alert.candidateId,
    action: 'saved_search.alerted',
    data: { savedSearchId: alert.savedSearch.id, total: alert.total, vacancyIds: alert.matches.map((item) => item.vacancy.id) },
  });
  // The whole batch at once; when that fails, one by one, so one bad alert does not hold up the rest.
  const sent: string[] = [];
  const failed = new Set<string>();
  const attempt = async (group: WeeklyAlert[]) => {
    await sql`savepoint alerts`.execute(trx);
    try {
      await deliver(trx, group);
      await recordEvents(trx, group.map(alerted));
      await sql`release savepoint alerts`.execute(trx);
      sent.push(...group.map((alert) => alert.savedSearch.id));
      return true;
    } catch (error) {
      await sql`rollback to savepoint alerts`.execute(trx);
      if (group.length === 1) {
        failures.push(error);
        failed.add(group[0]!.savedSearch.id);
      }
      return false;
    }
  };
  if (alerts.length && !(await attempt(alerts))) for (const alert of alerts) await attempt([alert]);
  // The alert is the candidate's own ranked list: their profile was read for them, and the list is on record.
  const delivered = searches.filter(({ savedSearch }) => sent.includes(savedSearch.id));
  // Every profile of the batch was read to match it, also when nothing new turned up.
  await logCandidateReads(
    trx,
    searches.flatMap(({ candidate, userId }) => {
      const access = decideCandidateAccess(
        { userId, name: '', email: '', memberships: [] },
        {
          instantieId: candidate.instantie_id,
          userId: candidate.user_id,
          visibility: normaliseVisibility(candidate.visibility),
          anonymous: candidate.anonymous,
          consentGiven: false,
        },
        () => 'business_as_usual',
      );
      return access.allowed
        ? [
            {
              viewerUserId: userId,
              viewerRole: access.role,
              candidateId: candidate.id,
              fields: fieldsShown(access),
              context: 'zoekopdracht.melding',
            },
          ]
        : [];
    }),
  );
  await recordShownLists(
    trx,
    delivered.map(({ savedSearch, candidate, userId, since }) => ({
      viewerUserId: userId,
      role: 'kandidaat',
      direction: 'vacancies_for_candidate' as const,
      subjectId: candidate.id,
      query: { savedSearchId: savedSearch.id, since: since.toISOString(), until: now.toISOString() },
      version: found.get(savedSearch.id)!.weightsVersion,
      ids: found.get(savedSearch.id)!.items.map((item) => item.vacancy.id),
    })),
  );
  const checked = due.map((row) => row.id).filter((id) => !failed.has(id));
  if (checked.length) await trx.updateTable('saved_search').set({ last_alert_at: now }).where('id', 'in', checked).execute();
  if (sent.length) await trx.updateTable('saved_search').set({ last_sent_at: now }).where('id', 'in', sent).execute();
  run.checked += searches.filter(({ savedSearch }) => !failed.has(savedSearch.id)).length;
  run.delivered += sent.length;
}
