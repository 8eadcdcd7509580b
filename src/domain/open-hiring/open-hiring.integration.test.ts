import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { makeCandidate, makeUser, makeVacancy, makeWorld, type World } from '../../../test/support/fixtures.js';
import type { Actor } from '../accounts/actor.js';
import { showInterest } from '../applications/commands.js';
import { readCandidate } from '../candidates/queries.js';
import { registerPlacement } from '../placements/commands.js';
import { todayIso } from '../vacancies/rules.js';
import { joinWaitingList, leaveWaitingList, takeNextInLine } from './commands.js';
import { listOwnWaitingLists, ownPlace, positionOf, readWaitingList, waitingListCounts } from './queries.js';
import { requirementsReadMessage } from './rules.js';

let app: TestApp;
let world: World;
const db = () => app.database.db;
const read = { requirementsRead: true };

beforeAll(async () => {
  app = await createTestApp();
  world = await makeWorld(app);
});
afterAll(async () => app?.close());

type Candidate = { id: string; user: Actor };
async function candidate(options: Parameters<typeof makeCandidate>[2] = {}): Promise<Candidate> {
  const made = await makeCandidate(app, world.consulent, { withLogin: true, ...options });
  return { id: made.id, user: made.user! };
}

/** An open, listed vacancy in open-hiring mode of the preferred partner, unless `values` say otherwise. */
function openHiringVacancy(values: Parameters<typeof makeVacancy>[2] = {}, employer = world.employers.preferred.id) {
  return makeVacancy(app, employer, {
    suitability: ['open_hiring'],
    physical_requirements: 'Je staat de hele dag. Je tilt dozen tot 15 kilo.',
    ...values,
  });
}

async function joined(user: Actor, vacancyId: string): Promise<string> {
  const result = await joinWaitingList(db(), user, vacancyId, read);
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.value.id;
}

async function taken(actor: Actor, vacancyId: string) {
  const result = await takeNextInLine(db(), actor, vacancyId);
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.value;
}

const placeOf = async (who: Candidate, vacancyId: string) => (await ownPlace(db(), who.user, vacancyId))?.position ?? null;

async function rowCounts() {
  const count = async (table: 'waiting_list_entry' | 'event' | 'application' | 'notification') =>
    Number(
      (
        await db()
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    entries: await count('waiting_list_entry'),
    events: await count('event'),
    applications: await count('application'),
    notifications: await count('notification'),
  };
}

describe('joining and leaving the waiting list', () => {
  it('puts candidates in line in the order they joined, each with their 1-based place', async () => {
    const vacancyId = await openHiringVacancy();
    const [a, b, c] = [await candidate(), await candidate(), await candidate()];
    const first = await joined(a.user, vacancyId);
    await joined(b.user, vacancyId);
    await joined(c.user, vacancyId);

    expect(await placeOf(a, vacancyId)).toBe(1);
    expect(await placeOf(b, vacancyId)).toBe(2);
    expect(await ownPlace(db(), c.user, vacancyId)).toMatchObject({ position: 3, waiting: 3 });
    expect(await positionOf(db(), first)).toBe(1);
    expect(await waitingListCounts(db(), vacancyId)).toEqual({ waiting: 3, taken: 0, withdrawn: 0 });

    const entry = await db().selectFrom('waiting_list_entry').selectAll().where('id', '=', first).executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ status: 'waiting', candidate_id: a.id, application_id: null });
    expect(entry.requirements_accepted_at).not.toBeNull();
    const events = await db().selectFrom('event').selectAll().where('subject_id', '=', first).execute();
    expect(events.map((e) => [e.action, e.actor_user_id])).toEqual([['waiting_list.joined', a.user.userId]]);
  });

  it('asks the candidate to confirm the physical requirements, with a Dutch message, and writes nothing otherwise', async () => {
    const vacancyId = await openHiringVacancy();
    const who = await candidate();
    const before = await rowCounts();
    for (const input of [{}, { requirementsRead: false }, { requirementsRead: 'nee' }, { requirementsRead: 'true' }, null]) {
      expect(await joinWaitingList(db(), who.user, vacancyId, input)).toEqual({
        ok: false,
        reason: 'invalid',
        errors: { requirementsRead: requirementsReadMessage },
      });
    }
    expect(await rowCounts()).toEqual(before);
    // A form's check box says "ja".
    expect((await joinWaitingList(db(), who.user, vacancyId, { requirementsRead: 'ja' })).ok).toBe(true);
  });

  it('lets a candidate wait only once per vacancy, also when they click twice at once', async () => {
    const vacancyId = await openHiringVacancy();
    const who = await candidate();
    const results = await Promise.all([1, 2, 3].map(() => joinWaitingList(db(), who.user, vacancyId, read)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([
      { ok: false, reason: 'conflict', detail: 'Je staat al op de wachtlijst van deze vacature.' },
      { ok: false, reason: 'conflict', detail: 'Je staat al op de wachtlijst van deze vacature.' },
    ]);
    expect(await waitingListCounts(db(), vacancyId)).toEqual({ waiting: 1, taken: 0, withdrawn: 0 });
  });

  it('moves the others up when someone leaves; leaving counts as a withdrawal, and joining again goes to the back', async () => {
    const vacancyId = await openHiringVacancy();
    const [a, b, c] = [await candidate(), await candidate(), await candidate()];
    for (const who of [a, b, c]) await joined(who.user, vacancyId);

    expect(await leaveWaitingList(db(), a.user, vacancyId)).toEqual({ ok: true, value: undefined });
    expect(await placeOf(a, vacancyId)).toBeNull();
    expect(await placeOf(b, vacancyId)).toBe(1);
    expect(await placeOf(c, vacancyId)).toBe(2);
    expect(await leaveWaitingList(db(), a.user, vacancyId)).toEqual({ ok: false, reason: 'not_found' });
    expect(await waitingListCounts(db(), vacancyId)).toEqual({ waiting: 2, taken: 0, withdrawn: 1 });

    await joined(a.user, vacancyId);
    expect(await placeOf(a, vacancyId)).toBe(3);
    const left = await db()
      .selectFrom('waiting_list_entry')
      .select(['status', 'left_at'])
      .where('candidate_id', '=', a.id)
      .where('status', '=', 'withdrawn')
      .executeTakeFirstOrThrow();
    expect(left.left_at).not.toBeNull();
    const actions = await db()
      .selectFrom('event')
      .select('action')
      .where('subject_type', '=', 'waiting_list_entry')
      .where('actor_user_id', '=', a.user.userId)
      .orderBy('id')
      .execute();
    expect(actions.map((e) => e.action)).toEqual(['waiting_list.joined', 'waiting_list.left', 'waiting_list.joined']);
  });

  it('lists the candidate’s own waiting lists with their place, and where they were taken or left', async () => {
    const who = await candidate();
    const [waiting, left, takenFrom] = [await openHiringVacancy(), await openHiringVacancy(), await openHiringVacancy()];
    const other = await candidate();
    await joined(other.user, waiting);
    for (const vacancyId of [waiting, left, takenFrom]) await joined(who.user, vacancyId);
    await leaveWaitingList(db(), who.user, left);
    const { applicationId } = await taken(world.employers.preferred.user, takenFrom);

    const items = await listOwnWaitingLists(db(), who.user);
    expect(items?.map((item) => [item.vacancyId, item.status, item.position, item.applicationId, item.listOpen])).toEqual([
      [takenFrom, 'taken', null, applicationId, true],
      [left, 'withdrawn', null, null, true],
      [waiting, 'waiting', 2, null, true],
    ]);
    expect(await listOwnWaitingLists(db(), world.employers.preferred.user)).toBeNull();
  });
});

describe('taking the next in line', () => {
  it('takes the first waiting candidate, opens a contact with their name shown and tells them it is their turn', async () => {
    const vacancyId = await openHiringVacancy();
    const [a, b] = [await candidate(), await candidate()];
    const entryA = await joined(a.user, vacancyId);
    await joined(b.user, vacancyId);
    const employer = world.employers.preferred.user;

    // Before: the employer sees the pool's view, without the name.
    const before = await readCandidate(db(), employer, a.id, 'test');
    expect(before !== 'limit' && before?.view.firstName).toBeFalsy();

    const result = await taken(employer, vacancyId);
    expect(result.entryId).toBe(entryA);
    const application = await db().selectFrom('application').selectAll().where('id', '=', result.applicationId).executeTakeFirstOrThrow();
    expect(application).toMatchObject({
      candidate_id: a.id,
      vacancy_id: vacancyId,
      employer_id: world.employers.preferred.id,
      instantie_id: 'rotterdam',
      started_by: 'waiting_list',
      invitation: null,
      state: 'new',
      identity_revealed: true,
      created_by: employer.userId,
    });
    const entry = await db().selectFrom('waiting_list_entry').selectAll().where('id', '=', entryA).executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ status: 'taken', application_id: result.applicationId });
    expect(entry.left_at).not.toBeNull();
    expect(await placeOf(b, vacancyId)).toBe(1);
    expect(await waitingListCounts(db(), vacancyId)).toEqual({ waiting: 1, taken: 1, withdrawn: 0 });

    const steps = await db().selectFrom('application_step').selectAll().where('application_id', '=', result.applicationId).execute();
    expect(steps.map((s) => [s.action, s.to_state, s.actor_role])).toEqual([['create', 'new', 'werkgever']]);
    const events = await db().selectFrom('event').select('action').where('subject_id', '=', entryA).orderBy('id').execute();
    expect(events.map((e) => e.action)).toEqual(['waiting_list.joined', 'waiting_list.taken']);

    const notifications = await db().selectFrom('notification').selectAll().where('user_id', '=', a.user.userId).execute();
    expect(notifications.map((n) => [n.kind, n.link])).toEqual([['waiting_list_turn', `/kandidaat/contacten/${result.applicationId}`]]);
    expect(notifications[0]!.params).toEqual({ vacancyTitle: expect.any(String), employerName: 'Werkgever preferred' });
    const mail = await db()
      .selectFrom('mail_outbox')
      .selectAll()
      .where('notification_id', '=', notifications[0]!.id)
      .executeTakeFirstOrThrow();
    expect(mail.subject).toBe('Je bent aan de beurt bij Werkgever preferred');
    expect(mail.text_body).toContain('Je stond op de wachtlijst.');

    // The candidate chose to join: in contact, the employer now sees who it is.
    const after = await readCandidate(db(), employer, a.id, 'test');
    expect(after !== 'limit' && after?.view.firstName).toBe('Fatima');
  });

  it('lets the employer register the placement from the contact', async () => {
    const vacancyId = await openHiringVacancy();
    const who = await candidate();
    await joined(who.user, vacancyId);
    const { applicationId } = await taken(world.employers.preferred.user, vacancyId);
    const placed = await registerPlacement(db(), world.employers.preferred.user, applicationId, {
      kind: 'dienstverband',
      startDate: todayIso(new Date(Date.now() + 7 * 86_400_000)),
      hoursPerWeek: 20,
    });
    expect(placed.ok).toBe(true);
  });

  it('says so when nobody is waiting, and writes nothing', async () => {
    const vacancyId = await openHiringVacancy();
    const before = await rowCounts();
    expect(await takeNextInLine(db(), world.employers.preferred.user, vacancyId)).toEqual({
      ok: false,
      reason: 'conflict',
      detail: 'Er staat niemand op de wachtlijst. Als iemand zich meldt, kunt u die persoon nemen.',
    });
    expect(await rowCounts()).toEqual(before);
  });

  it('continues the contact the candidate already opened by showing interest after joining', async () => {
    const vacancyId = await openHiringVacancy();
    const who = await candidate();
    await joined(who.user, vacancyId);
    const interest = await showInterest(db(), who.user, vacancyId, {});
    if (!interest.ok) throw new Error(JSON.stringify(interest));
    const result = await taken(world.employers.preferred.user, vacancyId);
    expect(result.applicationId).toBe(interest.value.id);
    expect((await db().selectFrom('application').select('id').where('vacancy_id', '=', vacancyId).execute()).length).toBe(1);
    // Joining again while that contact is open is refused.
    expect(await joinWaitingList(db(), who.user, vacancyId, read)).toEqual({
      ok: false,
      reason: 'conflict',
      detail: 'Je hebt al contact met deze werkgever over deze vacature. Kijk bij je contacten.',
    });
  });

  it('gives two people taking at once two different candidates, first in line first', async () => {
    const vacancyId = await openHiringVacancy();
    const line = [];
    for (let i = 0; i < 6; i++) {
      const who = await candidate();
      await joined(who.user, vacancyId);
      line.push(who.id);
    }
    const colleague = await makeUser(app, 'Collega preferred', [{ role: 'werkgever', employerId: world.employers.preferred.id }]);
    const takers = [world.employers.preferred.user, colleague, world.employers.preferred.user, colleague];
    const results = await Promise.all(takers.map((actor) => takeNextInLine(db(), actor, vacancyId)));
    const applicationIds = results.map((r) => (r.ok ? r.value.applicationId : null));
    expect(applicationIds.every((id) => id !== null)).toBe(true);
    const applications = await db()
      .selectFrom('application')
      .select(['id', 'candidate_id'])
      .where('id', 'in', applicationIds as string[])
      .execute();
    const takenCandidates = applications.map((a) => a.candidate_id).sort();
    expect(new Set(takenCandidates).size).toBe(4);
    expect(takenCandidates).toEqual(line.slice(0, 4).sort());
    expect(await waitingListCounts(db(), vacancyId)).toEqual({ waiting: 2, taken: 4, withdrawn: 0 });

    // More takers than people waiting: each waiting person is taken once, the rest hear nobody waits.
    const more = await Promise.all([1, 2, 3].map(() => takeNextInLine(db(), colleague, vacancyId)));
    expect(more.filter((r) => r.ok)).toHaveLength(2);
    expect(more.filter((r) => !r.ok).map((r) => !r.ok && r.reason)).toEqual(['conflict']);
    const all = await db().selectFrom('application').select('candidate_id').where('vacancy_id', '=', vacancyId).execute();
    expect(all.map((a) => a.candidate_id).sort()).toEqual([...line].sort());
  });

  it('decides a candidate leaving while the employer takes: either taken or withdrawn, never both', async () => {
    const vacancyId = await openHiringVacancy();
    const [a, b] = [await candidate(), await candidate()];
    await joined(a.user, vacancyId);
    await joined(b.user, vacancyId);
    const [take, leave] = await Promise.all([
      takeNextInLine(db(), world.employers.preferred.user, vacancyId),
      leaveWaitingList(db(), a.user, vacancyId),
    ]);
    expect(take.ok).toBe(true);
    const rows = await db()
      .selectFrom('waiting_list_entry')
      .select(['candidate_id', 'status'])
      .where('vacancy_id', '=', vacancyId)
      .execute();
    const statusOf = (id: string) => rows.find((r) => r.candidate_id === id)!.status;
    if (leave.ok) {
      expect([statusOf(a.id), statusOf(b.id)]).toEqual(['withdrawn', 'taken']);
    } else {
      expect(leave.reason).toBe('not_found');
      expect([statusOf(a.id), statusOf(b.id)]).toEqual(['taken', 'waiting']);
    }
  });
});

describe('the employer’s view of the waiting list', () => {
  it('shows the counts and the first in line by pseudonym, through the policy and the access log', async () => {
    const vacancyId = await openHiringVacancy();
    const visible = await candidate();
    const hidden = await candidate({ consent: false });
    const leaver = await candidate();
    for (const who of [visible, hidden, leaver]) await joined(who.user, vacancyId);
    await leaveWaitingList(db(), leaver.user, vacancyId);
    const employer = world.employers.preferred.user;

    const result = await readWaitingList(db(), employer, vacancyId);
    if (!result.ok) throw new Error(JSON.stringify(result));
    const pseudonym = (await db().selectFrom('candidate').select('pseudonym').where('id', '=', visible.id).executeTakeFirstOrThrow())
      .pseudonym;
    expect(result.value.counts).toEqual({ waiting: 2, taken: 0, withdrawn: 1 });
    expect(result.value.queue.map((row) => [row.position, row.pseudonym])).toEqual([
      [1, pseudonym],
      [2, null],
    ]);
    expect(result.value.viewLimitReached).toBe(false);
    const logged = await db()
      .selectFrom('access_log')
      .select(['candidate_id', 'context'])
      .where('viewer_user_id', '=', employer.userId)
      .where('context', '=', 'open_hiring.queue')
      .execute();
    expect(logged.map((row) => row.candidate_id)).toContain(visible.id);
    expect(logged.map((row) => row.candidate_id)).not.toContain(hidden.id);
  });

  it('keeps the pseudonyms back past the daily view limit, but still shows the counts', async () => {
    const vacancyId = await openHiringVacancy({}, world.employers.business_as_usual.id);
    const who = await candidate();
    await joined(who.user, vacancyId);
    const employer = world.employers.business_as_usual.user;
    await db()
      .insertInto('profile_view_count')
      .values({ user_id: employer.userId, day: todayIso(), views: 50 })
      .onConflict((oc) => oc.columns(['user_id', 'day']).doUpdateSet({ views: 50 }))
      .execute();
    const result = await readWaitingList(db(), employer, vacancyId);
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result.value.counts.waiting).toBe(1);
    expect(result.value.queue).toEqual([{ position: 1, joinedAt: expect.any(Date), pseudonym: null }]);
  });
});

describe('who may do what', () => {
  it('lets only candidates join and leave, on their own profile', async () => {
    const vacancyId = await openHiringVacancy();
    const before = await rowCounts();
    for (const actor of [world.employers.preferred.user, world.consulent, world.beheerder]) {
      expect(await joinWaitingList(db(), actor, vacancyId, read)).toEqual({ ok: false, reason: 'forbidden' });
      expect(await leaveWaitingList(db(), actor, vacancyId)).toEqual({ ok: false, reason: 'forbidden' });
    }
    expect(await rowCounts()).toEqual(before);
  });

  it('lets only users of the vacancy’s employer take the next or read the list', async () => {
    const vacancyId = await openHiringVacancy();
    const who = await candidate();
    await joined(who.user, vacancyId);
    const concept = await openHiringVacancy({ status: 'concept' });
    const before = await rowCounts();
    for (const actor of [who.user, world.employers.committed.user, world.consulent]) {
      expect(await takeNextInLine(db(), actor, vacancyId)).toEqual({ ok: false, reason: 'forbidden' });
      expect(await readWaitingList(db(), actor, vacancyId)).toEqual({ ok: false, reason: 'forbidden' });
      // A vacancy they may not even read does not exist for them.
      expect(await takeNextInLine(db(), actor, concept)).toEqual({ ok: false, reason: 'not_found' });
      expect(await readWaitingList(db(), actor, concept)).toEqual({ ok: false, reason: 'not_found' });
    }
    for (const id of ['geen-uuid', '00000000-0000-4000-8000-000000000000']) {
      expect(await takeNextInLine(db(), world.employers.preferred.user, id)).toEqual({ ok: false, reason: 'not_found' });
      expect(await joinWaitingList(db(), who.user, id, read)).toEqual({ ok: false, reason: 'not_found' });
      expect(await leaveWaitingList(db(), who.user, id)).toEqual({ ok: false, reason: 'not_found' });
    }
    expect(await rowCounts()).toEqual(before);
  });

  it('has no waiting list for a vacancy that is not in open-hiring mode', async () => {
    const vacancyId = await makeVacancy(app, world.employers.preferred.id, { suitability: ['proefplaatsing'] });
    const who = await candidate();
    const before = await rowCounts();
    const detail = 'Deze vacature werkt niet met open hiring. Er is geen wachtlijst.';
    expect(await joinWaitingList(db(), who.user, vacancyId, read)).toEqual({ ok: false, reason: 'conflict', detail });
    expect(await takeNextInLine(db(), world.employers.preferred.user, vacancyId)).toEqual({ ok: false, reason: 'conflict', detail });
    expect(await readWaitingList(db(), world.employers.preferred.user, vacancyId)).toEqual({ ok: false, reason: 'not_found' });
    expect(await rowCounts()).toEqual(before);
  });

  it('takes nobody on and from a closed vacancy, or one past its closing date', async () => {
    const closed = await openHiringVacancy();
    const past = await openHiringVacancy();
    const who = await candidate();
    const waiting = await candidate();
    await joined(waiting.user, closed);
    await joined(waiting.user, past);
    await db().updateTable('vacancy').set({ status: 'closed' }).where('id', '=', closed).execute();
    await db().updateTable('vacancy').set({ published_until: '2020-01-01' }).where('id', '=', past).execute();
    const before = await rowCounts();
    expect(await joinWaitingList(db(), who.user, closed, read)).toEqual({ ok: false, reason: 'not_found' });
    expect(await joinWaitingList(db(), who.user, past, read)).toEqual({ ok: false, reason: 'not_found' });
    expect(await takeNextInLine(db(), world.employers.preferred.user, closed)).toEqual({
      ok: false,
      reason: 'conflict',
      detail: 'Deze vacature is niet meer open. U kunt niemand meer van de wachtlijst nemen.',
    });
    expect(await rowCounts()).toEqual(before);
    // Still open, only past its closing date: the employer may still take from the list it has.
    expect((await takeNextInLine(db(), world.employers.preferred.user, past)).ok).toBe(true);
    // The candidate can always leave a list, also of a closed vacancy.
    expect((await leaveWaitingList(db(), waiting.user, closed)).ok).toBe(true);
  });
});
