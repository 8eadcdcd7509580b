import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#app/db/connection.js';
import type { RegieLevel } from '#app/db/schema.js';
import type { Actor } from '#app/domain/accounts/actor.js';
import { readCandidate } from '#app/domain/candidates/queries.js';
import { createEmployer } from '#app/domain/employers/commands.js';
import type { Visibility } from '#app/domain/candidates/rules.js';
import { expectLogMatchesState, okValue, rowCounts, toldAbout, toldWith } from '../../../test/support/applications.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { makeCandidate, makeUser, makeVacancy, makeWorld, type World } from '../../../test/support/fixtures.js';
import { findApplication, partyOf, readConversation } from './access.js';
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

/** Everyone who works for the employer of this category (tests add colleagues), who all hear what concerns it. */
async function employerPeople(category: 'preferred' | 'committed' | 'business_as_usual' = 'preferred'): Promise<string[]> {
  const rows = await db
    .selectFrom('membership')
    .select('user_id')
    .where('role', '=', 'werkgever')
    .where('employer_id', '=', world.employers[category].id)
    .execute();
  return rows.map((row) => row.user_id);
}

/** Exactly these people (each once) got a notification of this kind about the application. */
async function expectTold(applicationId: string, kind: string, userIds: readonly string[]): Promise<void> {
  expect([...(await toldWith(db, applicationId, kind))].sort()).toEqual([...new Set(userIds)].sort());
}

let app: TestApp;
let db: Db;
let world: World;
/** An employer user of no employer in this test's world, and a user with no role at all. */
let strangerEmployer: Actor;
let nobody: Actor;

beforeAll(async () => {
  app = await createTestApp();
  db = app.database.db;
  world = await makeWorld(app);
  const otherEmployerId = await createEmployer(db, null, {
    name: 'Andere werkgever',
    kvkNumber: '87654321',
    sector: 'Zorg',
    psoLevel: 'geen',
    psoEvidenceDate: null,
    codeSocialeOndernemingen: false,
    locations: [{ name: 'Hoofdvestiging', postcode: '3011AB' }],
  });
  strangerEmployer = await makeUser(app, 'Andere werkgever', [{ role: 'werkgever', employerId: otherEmployerId }]);
  nobody = await makeUser(app, 'Niemand', []);
});
afterAll(async () => app?.close());

const reason = 'We zoeken iemand met een rijbewijs.';
const openToAll: Partial<Visibility> = { identiteit: 'consulent', ondersteuning: 'alle', doelgroep: 'alle' };

type Person = { id: string; user: Actor };
type Options = { regie?: RegieLevel; anonymous?: boolean; consent?: boolean; visibility?: Partial<Visibility>; consultant?: Actor };

/** A candidate of Rotterdam (unless another consultant is given) who can log in. */
async function candidate(options: Options = {}): Promise<Person> {
  const made = await makeCandidate(app, options.consultant ?? world.consulent, {
    withLogin: true,
    anonymous: options.anonymous ?? true,
    consent: options.consent,
    visibility: options.visibility,
  });
  if (options.regie) await db.updateTable('candidate').set({ regie_level: options.regie }).where('id', '=', made.id).execute();
  return { id: made.id, user: made.user! };
}

const preferred = () => world.employers.preferred;
const vacancyOf = (category: 'preferred' | 'committed' | 'business_as_usual' = 'preferred') =>
  makeVacancy(app, world.employers[category].id);

async function stateOf(id: string) {
  return (await db.selectFrom('application').selectAll().where('id', '=', id).executeTakeFirstOrThrow()).state;
}
async function partyFor(actor: Actor, id: string) {
  return partyOf(actor, (await findApplication(db, id))!);
}
/** An interest of a fresh candidate in a fresh vacancy of the preferred partner. */
async function interest(options: Options = {}) {
  const person = await candidate(options);
  const vacancyId = await vacancyOf();
  const { id } = okValue(await showInterest(db, person.user, vacancyId, { message: 'Ik werk graag buiten.' }));
  return { ...person, vacancyId, applicationId: id };
}
/** An invitation of the preferred partner to a fresh candidate. */
async function invitation(options: Options = {}) {
  const person = await candidate(options);
  const vacancyId = await vacancyOf();
  const { id } = okValue(await inviteCandidate(db, preferred().user, vacancyId, person.id, { message: 'Wilt u kennismaken?' }));
  return { ...person, vacancyId, applicationId: id };
}
async function inConversation(options: Options = {}) {
  const made = await interest(options);
  okValue(await startConversation(db, preferred().user, made.applicationId));
  return made;
}
/** Runs a command that must be refused, and checks that it wrote nothing at all. */
async function refused<T>(command: () => Promise<T>): Promise<T> {
  const before = await rowCounts(db);
  const result = await command();
  expect(result).toMatchObject({ ok: false });
  expect(await rowCounts(db)).toEqual(before);
  return result;
}

describe('a candidate shows interest', () => {
  it('opens a new contact that shows their name, with its first message, step and event; the employer and consultant hear it', async () => {
    const { applicationId, user, vacancyId, id } = await interest();
    const row = await db.selectFrom('application').selectAll().where('id', '=', applicationId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      candidate_id: id,
      vacancy_id: vacancyId,
      employer_id: preferred().id,
      instantie_id: 'rotterdam',
      started_by: 'candidate',
      invitation: null,
      state: 'new',
      identity_revealed: true,
      created_by: user.userId,
    });
    const messages = await db.selectFrom('application_message').selectAll().where('application_id', '=', applicationId).execute();
    expect(messages).toMatchObject([{ author_user_id: user.userId, author_role: 'candidate', body: 'Ik werk graag buiten.' }]);
    const steps = await expectLogMatchesState(db, applicationId);
    expect(steps).toMatchObject([{ action: 'create', to_state: 'new', actor_user_id: user.userId, actor_role: 'kandidaat' }]);
    expect(await toldWith(db, applicationId, 'application_interest')).toEqual(
      expect.arrayContaining([preferred().user.userId, world.consulent.userId]),
    );
    expect(await toldWith(db, applicationId, 'application_interest')).not.toContain(user.userId);
    const told = await toldAbout(db, applicationId);
    expect(told.find((n) => n.user_id === preferred().user.userId)?.link).toBe(`/werkgever/contacten/${applicationId}`);
    // Notifications hold no personal data: only the vacancy's title.
    expect(told.every((n) => Object.keys(n.params).join() === 'vacancyTitle')).toBe(true);
    expect(await partyFor(user, applicationId)).toBe('candidate');
    expect(await partyFor(preferred().user, applicationId)).toBe('employer');
    expect(await partyFor(world.auditor, applicationId)).toBe('consultant');
    expect(await partyFor(world.otherConsulent, applicationId)).toBeNull();
    expect(await partyFor(strangerEmployer, applicationId)).toBeNull();
  });

  it('needs no message', async () => {
    const person = await candidate();
    okValue(await showInterest(db, person.user, await vacancyOf(), {}));
    okValue(await showInterest(db, person.user, await vacancyOf(), { message: '   ' }));
    okValue(await showInterest(db, person.user, await vacancyOf(), undefined));
  });

  it('is only for candidates', async () => {
    const vacancyId = await vacancyOf();
    for (const actor of [preferred().user, world.consulent, world.beheerder, nobody])
      expect(await refused(() => showInterest(db, actor, vacancyId, {}))).toEqual({ ok: false, reason: 'forbidden' });
  });

  it('is only for a vacancy that is online', async () => {
    const person = await candidate();
    const employerId = preferred().id;
    const offline = [
      await makeVacancy(app, employerId, { status: 'concept', published_until: null }),
      await makeVacancy(app, employerId, { status: 'closed' }),
      await makeVacancy(app, employerId, { status: 'filled' }),
      await makeVacancy(app, employerId, { published_until: '2020-01-01' }),
      '00000000-0000-4000-8000-000000000000',
      'geen-id',
    ];
    for (const vacancyId of offline)
      expect(await refused(() => showInterest(db, person.user, vacancyId, {}))).toEqual({ ok: false, reason: 'not_found' });
  });

  it('once per vacancy while the contact is open; after it closed, again', async () => {
    const { user, vacancyId, applicationId } = await interest();
    const again = await refused(() => showInterest(db, user, vacancyId, {}));
    expect(again).toEqual({ ok: false, reason: 'conflict', detail: 'Je hebt al contact over deze vacature. Kijk bij je contacten.' });
    okValue(await withdrawApplication(db, user, applicationId, {}));
    okValue(await showInterest(db, user, vacancyId, {}));
  });

  it('two at once make one contact', async () => {
    const person = await candidate();
    const vacancyId = await vacancyOf();
    const results = await Promise.all([showInterest(db, person.user, vacancyId, {}), showInterest(db, person.user, vacancyId, {})]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toMatchObject([{ reason: 'conflict' }]);
  });

  it('refuses bad input in Dutch and writes nothing', async () => {
    const person = await candidate();
    const vacancyId = await vacancyOf();
    expect(await refused(() => showInterest(db, person.user, vacancyId, { message: 'x'.repeat(4001) }))).toEqual({
      ok: false,
      reason: 'invalid',
      errors: { message: 'Uw bericht is te lang. Gebruik hoogstens 4000 tekens.' },
    });
    expect(await refused(() => showInterest(db, person.user, vacancyId, { message: 42 }))).toEqual({
      ok: false,
      reason: 'invalid',
      errors: { message: 'Schrijf het bericht als tekst.' },
    });
    expect(await refused(() => showInterest(db, person.user, vacancyId, 'rommel'))).toEqual({
      ok: false,
      reason: 'invalid',
      errors: { _: 'Stuur het formulier opnieuw. Wat er binnenkwam, kunnen we niet lezen.' },
    });
  });
});

describe('an employer invites a candidate', () => {
  it('writes an invitation for the candidate, without their name; the employer sees it once they say yes', async () => {
    const person = await candidate({ anonymous: true, visibility: { identiteit: 'alle' } });
    const vacancyId = await vacancyOf();
    const before = await readCandidate(db, preferred().user, person.id, 'test');
    expect(before).not.toBe('limit');
    expect(before && before !== 'limit' && before.view.firstName).toBeUndefined();

    const { id } = okValue(await inviteCandidate(db, preferred().user, vacancyId, person.id, { message: 'Wilt u kennismaken?' }));
    expect(await db.selectFrom('application').selectAll().where('id', '=', id).executeTakeFirstOrThrow()).toMatchObject({
      started_by: 'employer',
      invitation: 'with_candidate',
      state: 'new',
      identity_revealed: false,
    });
    expect(await toldWith(db, id, 'application_invitation')).toEqual([person.user.userId]);
    expect(await partyFor(person.user, id)).toBe('candidate');
    const invited = await readCandidate(db, preferred().user, person.id, 'test');
    expect(invited !== 'limit' && invited?.view.firstName).toBeUndefined();

    okValue(await answerInvitation(db, person.user, id, { answer: 'accept' }));
    expect(await db.selectFrom('application').selectAll().where('id', '=', id).executeTakeFirstOrThrow()).toMatchObject({
      invitation: 'accepted',
      state: 'in_conversation',
      identity_revealed: true,
    });
    await expectTold(id, 'application_accepted', await employerPeople());
    const after = await readCandidate(db, preferred().user, person.id, 'test');
    expect(after !== 'limit' && after?.view.firstName).toBe('Fatima');
    // The name is for this employer only.
    const other = await readCandidate(db, world.employers.committed.user, person.id, 'test');
    expect(other !== 'limit' && other?.view.firstName).toBeUndefined();
    const steps = await expectLogMatchesState(db, id);
    expect(steps.map((s) => [s.action, s.actor_role])).toEqual([
      ['create', 'werkgever'],
      ['start_conversation', 'kandidaat'],
    ]);
  });

  it('is only for the employer of the vacancy', async () => {
    const person = await candidate({ visibility: openToAll });
    const vacancyId = await vacancyOf('preferred');
    for (const actor of [world.employers.committed.user, strangerEmployer, world.consulent, person.user, nobody])
      expect(await refused(() => inviteCandidate(db, actor, vacancyId, person.id, { message: 'Hallo' }))).toEqual({
        ok: false,
        reason: 'forbidden',
      });
  });

  it('is refused to a business-as-usual partner, which may not search the pool', async () => {
    const person = await candidate({ visibility: openToAll });
    const vacancyId = await vacancyOf('business_as_usual');
    const before = await db.selectFrom('access_log').select('id').where('candidate_id', '=', person.id).execute();
    expect(
      await refused(() => inviteCandidate(db, world.employers.business_as_usual.user, vacancyId, person.id, { message: 'Hallo' })),
    ).toEqual({ ok: false, reason: 'forbidden' });
    // Nothing was shown, so nothing was logged as read.
    expect(await db.selectFrom('access_log').select('id').where('candidate_id', '=', person.id).execute()).toEqual(before);
  });

  it('answers not found for a candidate the employer may not see', async () => {
    const vacancyId = await vacancyOf('committed');
    const noConsent = await candidate({ consent: false });
    const onlyForPreferred = await candidate({
      visibility: {
        werkwensen: 'voorkeur',
        ervaring: 'voorkeur',
        beschikbaarheid: 'voorkeur',
        locatie: 'voorkeur',
        ondersteuning: 'voorkeur',
      },
    });
    for (const candidateId of [noConsent.id, onlyForPreferred.id, '00000000-0000-4000-8000-000000000000', 'geen-id'])
      expect(
        await refused(() => inviteCandidate(db, world.employers.committed.user, vacancyId, candidateId, { message: 'Hallo' })),
      ).toEqual({ ok: false, reason: 'not_found' });
  });

  it('judges what the employer of the vacancy sees, not another employer of the same user', async () => {
    const both = await makeUser(app, 'Werkt bij twee', [
      { role: 'werkgever', employerId: world.employers.preferred.id },
      { role: 'werkgever', employerId: world.employers.committed.id },
    ]);
    const onlyForPreferred = await candidate({
      visibility: {
        werkwensen: 'voorkeur',
        ervaring: 'voorkeur',
        beschikbaarheid: 'voorkeur',
        locatie: 'voorkeur',
        ondersteuning: 'voorkeur',
      },
    });
    const committedVacancy = await vacancyOf('committed');
    expect(await refused(() => inviteCandidate(db, both, committedVacancy, onlyForPreferred.id, { message: 'Hallo' }))).toEqual({
      ok: false,
      reason: 'not_found',
    });
    okValue(await inviteCandidate(db, both, await vacancyOf('preferred'), onlyForPreferred.id, { message: 'Hallo' }));
  });

  it('is not for a vacancy that is not online', async () => {
    const person = await candidate();
    const concept = await makeVacancy(app, preferred().id, { status: 'concept', published_until: null });
    expect(await refused(() => inviteCandidate(db, preferred().user, concept, person.id, { message: 'Hallo' }))).toEqual({
      ok: false,
      reason: 'not_found',
    });
  });

  it('needs a message, in Dutch when missing, and writes nothing without one', async () => {
    const person = await candidate();
    const vacancyId = await vacancyOf();
    for (const input of [{}, { message: '  ' }, undefined])
      expect(await refused(() => inviteCandidate(db, preferred().user, vacancyId, person.id, input))).toEqual({
        ok: false,
        reason: 'invalid',
        errors: { message: 'Schrijf een bericht.' },
      });
  });

  it('once per vacancy while open', async () => {
    const { id: candidateId, vacancyId } = await invitation();
    expect(await refused(() => inviteCandidate(db, preferred().user, vacancyId, candidateId, { message: 'Nog eens' }))).toEqual({
      ok: false,
      reason: 'conflict',
      detail: 'Er is al een contact over deze vacature. Kijk bij uw contacten.',
    });
  });

  it('the candidate says no, with or without a reason; the employer hears it', async () => {
    const { applicationId, user } = await invitation();
    okValue(await answerInvitation(db, user, applicationId, { answer: 'decline' }));
    expect(await db.selectFrom('application').selectAll().where('id', '=', applicationId).executeTakeFirstOrThrow()).toMatchObject({
      state: 'declined',
      closed_by: 'candidate',
      identity_revealed: false,
    });
    await expectTold(applicationId, 'application_closed', await employerPeople());
    await expectLogMatchesState(db, applicationId);
    expect(await refused(() => answerInvitation(db, user, applicationId, { answer: 'accept' }))).toMatchObject({ reason: 'conflict' });
  });

  it('there is nothing to answer when the candidate made the first move', async () => {
    const { applicationId, user } = await interest();
    expect(await refused(() => answerInvitation(db, user, applicationId, { answer: 'accept' }))).toEqual({
      ok: false,
      reason: 'conflict',
      detail: 'Dit is geen uitnodiging. Er is niets om op te antwoorden.',
    });
  });

  it('only the candidate answers, with a clear choice', async () => {
    const { applicationId, user } = await invitation();
    for (const actor of [preferred().user, world.consulent])
      expect(await refused(() => answerInvitation(db, actor, applicationId, { answer: 'accept' }))).toEqual({
        ok: false,
        reason: 'forbidden',
      });
    expect(await refused(() => answerInvitation(db, strangerEmployer, applicationId, { answer: 'accept' }))).toEqual({
      ok: false,
      reason: 'not_found',
    });
    expect(await refused(() => answerInvitation(db, user, applicationId, { answer: 'misschien' }))).toEqual({
      ok: false,
      reason: 'invalid',
      errors: { answer: 'Kies ja of nee.' },
    });
  });

  it('the employer may take back its invitation until the candidate says yes', async () => {
    const pending = await invitation();
    okValue(await withdrawApplication(db, preferred().user, pending.applicationId, { reason: 'De vacature is vervuld.' }));
    expect(await stateOf(pending.applicationId)).toBe('withdrawn');
    expect(await toldWith(db, pending.applicationId, 'application_closed')).toEqual(
      expect.arrayContaining([pending.user.userId, world.consulent.userId]),
    );

    const accepted = await invitation();
    okValue(await answerInvitation(db, accepted.user, accepted.applicationId, { answer: 'accept' }));
    expect(await refused(() => withdrawApplication(db, preferred().user, accepted.applicationId, {}))).toEqual({
      ok: false,
      reason: 'forbidden',
    });
  });
});

describe("a 'begeleid' candidate's invitation goes through their consultant", () => {
  it('the consultant hears it, the candidate does not see it until it is passed on', async () => {
    const { applicationId, user } = await invitation({ regie: 'begeleid' });
    expect(await db.selectFrom('application').selectAll().where('id', '=', applicationId).executeTakeFirstOrThrow()).toMatchObject({
      invitation: 'with_consultant',
      identity_revealed: false,
    });
    expect(await toldWith(db, applicationId, 'invitation_for_consultant')).toEqual([world.consulent.userId]);
    expect((await toldAbout(db, applicationId)).map((n) => n.user_id)).not.toContain(user.userId);
    expect(await partyFor(user, applicationId)).toBeNull();
    expect(await readConversation(db, user, applicationId)).toBeNull();
    expect(await refused(() => answerInvitation(db, user, applicationId, { answer: 'accept' }))).toEqual({
      ok: false,
      reason: 'not_found',
    });
    expect(await refused(() => sendMessage(db, user, applicationId, { body: 'Hallo' }))).toEqual({ ok: false, reason: 'not_found' });
    expect(await refused(() => withdrawApplication(db, user, applicationId, {}))).toEqual({ ok: false, reason: 'not_found' });
    // Nor can the employer talk yet.
    expect(await refused(() => sendMessage(db, preferred().user, applicationId, { body: 'Hallo?' }))).toMatchObject({
      reason: 'conflict',
    });
    expect(await refused(() => startConversation(db, preferred().user, applicationId))).toMatchObject({ reason: 'conflict' });
    expect(await refused(() => declineApplication(db, preferred().user, applicationId, { reason }))).toMatchObject({
      reason: 'conflict',
    });

    okValue(await handleInvitation(db, world.consulent, applicationId, { decision: 'forward' }));
    expect(await partyFor(user, applicationId)).toBe('candidate');
    expect(await toldWith(db, applicationId, 'application_invitation')).toEqual([user.userId]);
    okValue(await answerInvitation(db, user, applicationId, { answer: 'accept' }));
    expect(await stateOf(applicationId)).toBe('in_conversation');
    const steps = await expectLogMatchesState(db, applicationId);
    expect(steps.map((s) => [s.action, s.from_state, s.to_state, s.actor_role])).toEqual([
      ['create', null, 'new', 'werkgever'],
      ['forward', 'new', 'new', 'consulent'],
      ['start_conversation', 'new', 'in_conversation', 'kandidaat'],
    ]);
  });

  it('the consultant may decline it in their own words; the candidate never sees a bare no', async () => {
    const { applicationId, user } = await invitation({ regie: 'begeleid' });
    expect(await refused(() => handleInvitation(db, world.consulent, applicationId, { decision: 'decline' }))).toEqual({
      ok: false,
      reason: 'invalid',
      errors: { reason: 'Schrijf in een paar woorden waarom.' },
    });
    expect(await refused(() => handleInvitation(db, world.consulent, applicationId, { decision: 'decline', reason: 'Nee' }))).toEqual({
      ok: false,
      reason: 'invalid',
      errors: { reason: 'Schrijf in een paar woorden waarom (minstens 10 tekens).' },
    });
    okValue(await handleInvitation(db, world.consulent, applicationId, { decision: 'decline', reason }));
    expect(await db.selectFrom('application').selectAll().where('id', '=', applicationId).executeTakeFirstOrThrow()).toMatchObject({
      state: 'declined',
      closed_by: 'consultant',
      closed_reason: reason,
    });
    await expectTold(applicationId, 'application_closed', await employerPeople());
    expect((await toldAbout(db, applicationId)).map((n) => n.user_id)).not.toContain(user.userId);
    expect(await partyFor(user, applicationId)).toBeNull();
    await expectLogMatchesState(db, applicationId);
  });

  it('only staff of the instantie who may act handle it, once', async () => {
    const { applicationId } = await invitation({ regie: 'begeleid' });
    expect(await refused(() => handleInvitation(db, world.otherConsulent, applicationId, { decision: 'forward' }))).toEqual({
      ok: false,
      reason: 'not_found',
    });
    for (const actor of [world.auditor, preferred().user])
      expect(await refused(() => handleInvitation(db, actor, applicationId, { decision: 'forward' }))).toEqual({
        ok: false,
        reason: 'forbidden',
      });
    expect(await refused(() => handleInvitation(db, world.consulent, applicationId, { decision: 'misschien' }))).toEqual({
      ok: false,
      reason: 'invalid',
      errors: { decision: 'Kies: doorsturen of afwijzen.' },
    });
    okValue(await handleInvitation(db, world.beheerder, applicationId, { decision: 'forward' }));
    expect(await refused(() => handleInvitation(db, world.consulent, applicationId, { decision: 'forward' }))).toMatchObject({
      reason: 'conflict',
    });
  });

  it('a candidate without an account also gets invitations through the consultant', async () => {
    const made = await makeCandidate(app, world.consulent, { withLogin: false, visibility: openToAll });
    const { id } = okValue(await inviteCandidate(db, preferred().user, await vacancyOf(), made.id, { message: 'Hallo' }));
    expect((await findApplication(db, id))?.invitation).toBe('with_consultant');
    expect(await toldWith(db, id, 'invitation_for_consultant')).toEqual([world.consulent.userId]);
    // Passing it on would leave it where nobody can read it; the consultant talks it over and may say no.
    expect(await refused(() => handleInvitation(db, world.consulent, id, { decision: 'forward' }))).toEqual({
      ok: false,
      reason: 'conflict',
      detail: 'Deze kandidaat heeft geen account en kan de uitnodiging niet lezen. Bespreek de uitnodiging met de kandidaat.',
    });
    okValue(await handleInvitation(db, world.consulent, id, { decision: 'decline', reason: 'Zij heeft al ander werk op het oog.' }));
  });

  it('a candidate whose consultant left is handled by the consultants of the instantie', async () => {
    const person = await candidate({ regie: 'begeleid' });
    await db.updateTable('candidate').set({ consultant_user_id: null }).where('id', '=', person.id).execute();
    const second = await makeUser(app, 'Tweede consulent', [{ role: 'consulent', instantieId: 'rotterdam' }]);
    const { id } = okValue(await inviteCandidate(db, preferred().user, await vacancyOf(), person.id, { message: 'Hallo' }));
    expect(await toldWith(db, id, 'invitation_for_consultant')).toEqual(expect.arrayContaining([world.consulent.userId, second.userId]));
    expect(await toldWith(db, id, 'invitation_for_consultant')).not.toContain(world.otherConsulent.userId);
  });
});

describe('a consultant proposes a candidate', () => {
  it('opens a contact that shows the name to the employer, also without pool consent', async () => {
    const person = await candidate({ consent: false });
    const vacancyId = await vacancyOf('committed');
    const committed = world.employers.committed.user;
    expect(await readCandidate(db, committed, person.id, 'test')).toBeNull();
    const { id } = okValue(
      await proposeCandidate(db, world.consulent, vacancyId, person.id, { message: 'Zij past goed.', candidateAgrees: true }),
    );
    expect(await findApplication(db, id)).toMatchObject({ started_by: 'consultant', identity_revealed: true, invitation: null });
    await expectTold(id, 'application_proposed', await employerPeople('committed'));
    expect(await toldWith(db, id, 'application_proposed_to_you')).toEqual([person.user.userId]);
    const read = await readCandidate(db, committed, person.id, 'test');
    expect(read !== 'limit' && read?.view.firstName).toBe('Fatima');
    const messages = await db.selectFrom('application_message').selectAll().where('application_id', '=', id).execute();
    expect(messages).toMatchObject([{ author_role: 'consultant', author_user_id: world.consulent.userId }]);
    await expectLogMatchesState(db, id);
  });

  it('only staff of the candidate’s instantie who may act', async () => {
    const person = await candidate();
    const vacancyId = await vacancyOf();
    const input = { message: 'Zij past goed.', candidateAgrees: true };
    for (const actor of [world.otherConsulent, world.auditor, preferred().user, person.user, nobody])
      expect(await refused(() => proposeCandidate(db, actor, vacancyId, person.id, input))).toEqual({ ok: false, reason: 'not_found' });
    okValue(await proposeCandidate(db, world.beheerder, vacancyId, person.id, input));
  });

  it('only with the candidate’s agreement, in Dutch when missing', async () => {
    const person = await candidate();
    const vacancyId = await vacancyOf();
    expect(await refused(() => proposeCandidate(db, world.consulent, vacancyId, person.id, { message: 'Zij past goed.' }))).toEqual({
      ok: false,
      reason: 'invalid',
      errors: { candidateAgrees: 'Vraag eerst of de kandidaat dit goed vindt.' },
    });
  });
});

describe('the conversation', () => {
  it('the employer answers interest with "let us talk"; the candidate hears it', async () => {
    const { applicationId, user } = await interest();
    for (const actor of [user, world.consulent])
      expect(await refused(() => startConversation(db, actor, applicationId))).toEqual({ ok: false, reason: 'forbidden' });
    expect(await refused(() => startConversation(db, strangerEmployer, applicationId))).toEqual({ ok: false, reason: 'not_found' });
    okValue(await startConversation(db, preferred().user, applicationId));
    expect(await stateOf(applicationId)).toBe('in_conversation');
    expect(await toldWith(db, applicationId, 'application_accepted_by_employer')).toEqual([user.userId]);
    expect(await refused(() => startConversation(db, preferred().user, applicationId))).toEqual({
      ok: false,
      reason: 'conflict',
      detail: 'U bent hierover al in gesprek. Ververs de pagina om te zien wat er nu kan.',
    });
    await expectLogMatchesState(db, applicationId);
  });

  it('candidate and employer write; the other side hears it; the consultant only reads', async () => {
    const { applicationId, user } = await inConversation();
    const colleague = await makeUser(app, 'Collega', [{ role: 'werkgever', employerId: preferred().id }]);
    okValue(await sendMessage(db, user, applicationId, { body: 'Wanneer kan ik langskomen?' }));
    expect(await toldWith(db, applicationId, 'application_message')).toEqual(
      expect.arrayContaining([preferred().user.userId, colleague.userId]),
    );
    expect(await toldWith(db, applicationId, 'application_message')).not.toContain(user.userId);
    okValue(await sendMessage(db, colleague, applicationId, { body: 'Dinsdag om tien uur.' }));
    const told = await toldWith(db, applicationId, 'application_message');
    expect(told.filter((id) => id === user.userId)).toHaveLength(1);
    expect(told.filter((id) => id === colleague.userId)).toHaveLength(1);

    for (const actor of [world.consulent, world.beheerder])
      expect(await refused(() => sendMessage(db, actor, applicationId, { body: 'Ik help mee.' }))).toEqual({
        ok: false,
        reason: 'forbidden',
      });
    for (const actor of [strangerEmployer, world.otherConsulent, nobody])
      expect(await refused(() => sendMessage(db, actor, applicationId, { body: 'Hallo' }))).toEqual({ ok: false, reason: 'not_found' });
    const conversation = await readConversation(db, world.consulent, applicationId);
    expect(conversation?.messages?.map((m) => [m.author_role, m.body])).toEqual([
      ['candidate', 'Ik werk graag buiten.'],
      ['candidate', 'Wanneer kan ik langskomen?'],
      ['employer', 'Dinsdag om tien uur.'],
    ]);
    // Messages are no steps: the state and its log stay as they were.
    await expectLogMatchesState(db, applicationId);
  });

  it('refuses an empty or too long message in Dutch and writes nothing', async () => {
    const { applicationId, user } = await inConversation();
    for (const input of [{}, { body: '   ' }, undefined])
      expect(await refused(() => sendMessage(db, user, applicationId, input))).toEqual({
        ok: false,
        reason: 'invalid',
        errors: { body: 'Schrijf een bericht.' },
      });
    expect(await refused(() => sendMessage(db, user, applicationId, { body: 'x'.repeat(4001) }))).toEqual({
      ok: false,
      reason: 'invalid',
      errors: { body: 'Uw bericht is te lang. Gebruik hoogstens 4000 tekens.' },
    });
    expect(await refused(() => sendMessage(db, user, 'geen-id', { body: 'Hallo' }))).toEqual({ ok: false, reason: 'not_found' });
  });

  it('no messages once the contact closed', async () => {
    const { applicationId, user } = await inConversation();
    okValue(await withdrawApplication(db, user, applicationId, {}));
    expect(await refused(() => sendMessage(db, preferred().user, applicationId, { body: 'Jammer.' }))).toEqual({
      ok: false,
      reason: 'conflict',
      detail: 'In dit contact kunt u geen berichten meer sturen.',
    });
    expect(await refused(() => sendMessage(db, user, applicationId, { body: 'Toch nog iets.' }))).toEqual({
      ok: false,
      reason: 'conflict',
      detail: 'In dit contact kun je geen berichten meer sturen.',
    });
  });

  it('the candidate decides whether the consultant reads along', async () => {
    const { applicationId, user } = await inConversation();
    expect((await readConversation(db, world.consulent, applicationId))?.messages).toHaveLength(1);
    for (const actor of [world.consulent, preferred().user])
      expect(await refused(() => setConsultantReads(db, actor, applicationId, false))).toEqual({ ok: false, reason: 'forbidden' });
    okValue(await setConsultantReads(db, user, applicationId, false));
    expect((await findApplication(db, applicationId))?.consultant_reads).toBe(false);
    expect(await readConversation(db, world.consulent, applicationId)).toMatchObject({ party: 'consultant', messages: null });
    expect(await readConversation(db, world.auditor, applicationId)).toMatchObject({ messages: null });
    expect((await readConversation(db, preferred().user, applicationId))?.messages).toHaveLength(1);
    expect((await readConversation(db, user, applicationId))?.messages).toHaveLength(1);
    expect(await readConversation(db, strangerEmployer, applicationId)).toBeNull();
    okValue(await setConsultantReads(db, user, applicationId, true));
    expect((await readConversation(db, world.consulent, applicationId))?.messages).toHaveLength(1);
    const events = await db
      .selectFrom('event')
      .select(['action', 'actor_user_id'])
      .where('subject_id', '=', applicationId)
      .where('action', 'like', 'application.consultant_reads%')
      .orderBy('id')
      .execute();
    expect(events).toEqual([
      { action: 'application.consultant_reads_not', actor_user_id: user.userId },
      { action: 'application.consultant_reads', actor_user_id: user.userId },
    ]);
  });
});

describe('an employer says no', () => {
  it('needs a reason written by a person, in Dutch when missing', async () => {
    const { applicationId } = await inConversation();
    for (const [input, message] of [
      [{}, 'Schrijf in een paar woorden waarom.'],
      [{ reason: '   ' }, 'Schrijf in een paar woorden waarom (minstens 10 tekens).'],
      [{ reason: 'Nee.' }, 'Schrijf in een paar woorden waarom (minstens 10 tekens).'],
      [{ reason: 'x'.repeat(2001) }, 'Gebruik hoogstens 2000 tekens.'],
    ] as const)
      expect(await refused(() => declineApplication(db, preferred().user, applicationId, input))).toEqual({
        ok: false,
        reason: 'invalid',
        errors: { reason: message },
      });
    expect(await stateOf(applicationId)).toBe('in_conversation');
  });

  it('tells a candidate who directs themself, and their consultant', async () => {
    const { applicationId, user } = await inConversation({ regie: 'zelf' });
    okValue(await declineApplication(db, preferred().user, applicationId, { reason }));
    expect(await findApplication(db, applicationId)).toMatchObject({ state: 'declined', closed_by: 'employer', closed_reason: reason });
    expect(await toldWith(db, applicationId, 'application_closed')).toEqual(expect.arrayContaining([user.userId, world.consulent.userId]));
    expect(await partyFor(user, applicationId)).toBe('candidate');
    const steps = await expectLogMatchesState(db, applicationId);
    expect(steps.at(-1)).toMatchObject({ action: 'decline', reason, actor_user_id: preferred().user.userId, actor_role: 'werkgever' });
    const event = await db
      .selectFrom('event')
      .selectAll()
      .where('subject_id', '=', applicationId)
      .where('action', '=', 'application.decline')
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({ reason, actor_user_id: preferred().user.userId, data: { from: 'in_conversation', to: 'declined' } });
  });

  it("shields a 'begeleid' candidate: only the consultant hears it, and the candidate sees it once told", async () => {
    const { applicationId, user } = await inConversation({ regie: 'begeleid' });
    okValue(await declineApplication(db, preferred().user, applicationId, { reason }));
    expect(await toldWith(db, applicationId, 'application_closed')).toEqual([world.consulent.userId]);
    expect(await partyFor(user, applicationId)).toBeNull();
    expect(await readConversation(db, user, applicationId)).toBeNull();

    expect(await refused(() => markDeclineTold(db, preferred().user, applicationId))).toEqual({ ok: false, reason: 'forbidden' });
    expect(await refused(() => markDeclineTold(db, world.auditor, applicationId))).toEqual({ ok: false, reason: 'forbidden' });
    expect(await refused(() => markDeclineTold(db, world.otherConsulent, applicationId))).toEqual({ ok: false, reason: 'not_found' });
    expect(await refused(() => markDeclineTold(db, user, applicationId))).toEqual({ ok: false, reason: 'not_found' });
    okValue(await markDeclineTold(db, world.consulent, applicationId));
    expect(await partyFor(user, applicationId)).toBe('candidate');
    expect((await findApplication(db, applicationId))?.decline_told_at).toBeInstanceOf(Date);
    expect(await refused(() => markDeclineTold(db, world.consulent, applicationId))).toEqual({
      ok: false,
      reason: 'conflict',
      detail: 'Er is hier niets door te geven.',
    });
    const steps = await expectLogMatchesState(db, applicationId);
    expect(steps.at(-1)).toMatchObject({ action: 'decline_told', from_state: 'declined', to_state: 'declined', actor_role: 'consulent' });
  });

  it("also shields a 'begeleid' candidate from an invitation taken back", async () => {
    const { applicationId, user } = await invitation({ regie: 'begeleid' });
    okValue(await handleInvitation(db, world.consulent, applicationId, { decision: 'forward' }));
    okValue(await withdrawApplication(db, preferred().user, applicationId, {}));
    expect(await toldWith(db, applicationId, 'application_closed')).toEqual([world.consulent.userId]);
    expect(await partyFor(user, applicationId)).toBeNull();
    okValue(await markDeclineTold(db, world.consulent, applicationId));
    expect(await partyFor(user, applicationId)).toBe('candidate');
  });

  it('has nothing to pass on when no shielded candidate got a no', async () => {
    const self = await inConversation({ regie: 'zelf' });
    okValue(await declineApplication(db, preferred().user, self.applicationId, { reason }));
    const byCandidate = await invitation();
    okValue(await answerInvitation(db, byCandidate.user, byCandidate.applicationId, { answer: 'decline' }));
    const open = await inConversation({ regie: 'begeleid' });
    for (const id of [self.applicationId, byCandidate.applicationId, open.applicationId])
      expect(await refused(() => markDeclineTold(db, world.consulent, id))).toMatchObject({ reason: 'conflict' });
  });

  it('only the employer says no this way, and only once', async () => {
    const { applicationId, user } = await inConversation();
    for (const actor of [user, world.consulent])
      expect(await refused(() => declineApplication(db, actor, applicationId, { reason }))).toEqual({ ok: false, reason: 'forbidden' });
    expect(await refused(() => declineApplication(db, strangerEmployer, applicationId, { reason }))).toEqual({
      ok: false,
      reason: 'not_found',
    });
    okValue(await declineApplication(db, preferred().user, applicationId, { reason }));
    expect(await refused(() => declineApplication(db, preferred().user, applicationId, { reason }))).toMatchObject({
      reason: 'conflict',
    });
  });
});

describe('withdrawing', () => {
  it('the candidate pulls out at any open moment; the employer hears it', async () => {
    const { applicationId, user } = await inConversation();
    okValue(await withdrawApplication(db, user, applicationId, { reason: 'Ik heb ander werk.' }));
    expect(await findApplication(db, applicationId)).toMatchObject({
      state: 'withdrawn',
      closed_by: 'candidate',
      closed_reason: 'Ik heb ander werk.',
    });
    await expectTold(applicationId, 'application_closed', await employerPeople());
    expect(await refused(() => withdrawApplication(db, user, applicationId, {}))).toMatchObject({ reason: 'conflict' });
    await expectLogMatchesState(db, applicationId);
  });

  it('the consultant may do it for the candidate, the auditor may not; the employer may not withdraw interest', async () => {
    const { applicationId } = await interest();
    expect(await refused(() => withdrawApplication(db, world.auditor, applicationId, {}))).toEqual({ ok: false, reason: 'forbidden' });
    expect(await refused(() => withdrawApplication(db, preferred().user, applicationId, {}))).toEqual({ ok: false, reason: 'forbidden' });
    expect(await refused(() => withdrawApplication(db, world.consulent, applicationId, { reason: 7 }))).toEqual({
      ok: false,
      reason: 'invalid',
      errors: { reason: 'Schrijf het bericht als tekst.' },
    });
    okValue(await withdrawApplication(db, world.consulent, applicationId, {}));
    expect(await findApplication(db, applicationId)).toMatchObject({ state: 'withdrawn', closed_by: 'consultant' });
  });

  it('an offer that is withdrawn takes its waiting placement with it', async () => {
    const { applicationId, user } = await inConversation();
    const placementId = await offer(applicationId);
    okValue(await withdrawApplication(db, user, applicationId, {}));
    const placement = await db.selectFrom('placement').selectAll().where('id', '=', placementId).executeTakeFirstOrThrow();
    expect(placement).toMatchObject({ status: 'cancelled', starts_unless_objection_at: null });
    const event = await db.selectFrom('event').selectAll().where('subject_id', '=', placementId).executeTakeFirstOrThrow();
    expect(event).toMatchObject({ action: 'placement.cancelled', reason: 'application.withdraw', actor_user_id: user.userId });
  });
});

/** Makes an offer the way the placements module does: a placement waiting for the instantie, and the move. */
async function offer(applicationId: string): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const application = (await findApplication(trx, applicationId, { forUpdate: true }))!;
    const placement = await trx
      .insertInto('placement')
      .values({
        application_id: application.id,
        candidate_id: application.candidate_id,
        employer_id: application.employer_id,
        vacancy_id: application.vacancy_id,
        instantie_id: application.instantie_id,
        route: 'committed',
        kind: 'dienstverband',
        status: 'awaiting_instantie',
        start_date: '2099-01-01',
        hours_per_week: 16,
        starts_unless_objection_at: new Date('2099-01-01T00:00:00Z'),
        registered_by: preferred().user.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    okValue(await moveApplication(trx, preferred().user, application, 'make_offer', 'werkgever'));
    return placement.id;
  });
}

describe('idle contacts expire (the daily job)', () => {
  const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);
  const idleSince = (id: string, days: number) =>
    db
      .updateTable('application')
      .set({ last_activity_at: daysAgo(days) })
      .where('id', '=', id)
      .execute();

  it('after the days the instantie set, once, and both sides hear it', async () => {
    const old = await interest();
    const recent = await inConversation();
    const closed = await inConversation();
    okValue(await declineApplication(db, preferred().user, closed.applicationId, { reason }));
    const schiedam = await interest({ consultant: world.otherConsulent });
    await db
      .updateTable('instantie')
      .set({ settings: JSON.stringify({ applicationExpiryDays: 90 }) })
      .where('id', '=', 'schiedam')
      .execute();
    await idleSince(old.applicationId, 61);
    await idleSince(recent.applicationId, 59);
    await idleSince(closed.applicationId, 400);
    await idleSince(schiedam.applicationId, 61);

    expect(await expireIdleApplications(db, new Date())).toBe(1);
    expect(await findApplication(db, old.applicationId)).toMatchObject({ state: 'expired', closed_by: 'system', closed_reason: 'idle' });
    expect(await stateOf(recent.applicationId)).toBe('in_conversation');
    expect(await stateOf(closed.applicationId)).toBe('declined');
    expect(await stateOf(schiedam.applicationId)).toBe('new');
    expect(await toldWith(db, old.applicationId, 'application_closed')).toEqual(
      expect.arrayContaining([old.user.userId, preferred().user.userId]),
    );
    const steps = await expectLogMatchesState(db, old.applicationId);
    expect(steps.at(-1)).toMatchObject({ action: 'expire', actor_user_id: null, actor_role: null, from_state: 'new', to_state: 'expired' });

    // Twice is safe: nothing more happens.
    const before = await rowCounts(db);
    expect(await expireIdleApplications(db, new Date())).toBe(0);
    expect(await rowCounts(db)).toEqual(before);

    // Schiedam's 90 days pass.
    await idleSince(schiedam.applicationId, 91);
    expect(await expireIdleApplications(db, new Date())).toBe(1);
    expect(await stateOf(schiedam.applicationId)).toBe('expired');
  });

  it('running at once expires each contact once', async () => {
    const made = await Promise.all([interest(), interest(), interest()]);
    for (const { applicationId } of made) await idleSince(applicationId, 70);
    const counts = await Promise.all([expireIdleApplications(db, new Date()), expireIdleApplications(db, new Date())]);
    expect(counts[0]! + counts[1]!).toBe(3);
    for (const { applicationId } of made) expect((await expectLogMatchesState(db, applicationId)).at(-1)?.action).toBe('expire');
  });

  it('an invitation the candidate never saw: the consultant hears it expired, not the candidate', async () => {
    const { applicationId, user } = await invitation({ regie: 'begeleid' });
    await idleSince(applicationId, 61);
    expect(await expireIdleApplications(db, new Date())).toBe(1);
    const told = await toldWith(db, applicationId, 'application_closed');
    expect(told).toEqual(expect.arrayContaining([world.consulent.userId, preferred().user.userId]));
    expect(told).not.toContain(user.userId);
  });

  it('an offer waiting for the instantie does not expire: the wait is on the instantie', async () => {
    const { applicationId } = await inConversation();
    await offer(applicationId);
    await idleSince(applicationId, 100);
    expect(await expireIdleApplications(db, new Date())).toBe(0);
    expect(await stateOf(applicationId)).toBe('offer');
  });
});

describe('when a candidate is placed, their other contacts close kindly', () => {
  it('closes the open ones with a step and an event each, and tells both sides', async () => {
    const person = await candidate();
    const placedVacancy = await vacancyOf('committed');
    const placed = okValue(await showInterest(db, person.user, placedVacancy, {})).id;
    const open = okValue(await showInterest(db, person.user, await vacancyOf(), {})).id;
    const talking = okValue(await showInterest(db, person.user, await vacancyOf(), {})).id;
    okValue(await startConversation(db, preferred().user, talking));
    const offered = okValue(await showInterest(db, person.user, await vacancyOf(), {})).id;
    okValue(await startConversation(db, preferred().user, offered));
    const waiting = await offer(offered);
    const declined = okValue(await showInterest(db, person.user, await vacancyOf(), {})).id;
    okValue(await declineApplication(db, preferred().user, declined, { reason }));
    const otherPerson = await interest();

    const closed = await db.transaction().execute((trx) => closeOtherApplications(trx, null, person.id, placed));
    expect(closed).toBe(3);
    for (const id of [open, talking, offered]) {
      expect(await findApplication(db, id)).toMatchObject({ state: 'withdrawn', closed_reason: 'placed_elsewhere', closed_by: 'system' });
      expect((await expectLogMatchesState(db, id)).at(-1)).toMatchObject({ action: 'withdraw', reason: 'placed_elsewhere' });
      const told = await toldAbout(db, id);
      expect(told.filter((n) => n.kind === 'application_closed').map((n) => [n.user_id, n.params.how])).toEqual(
        expect.arrayContaining([
          [person.user.userId, 'placed_elsewhere'],
          [preferred().user.userId, 'placed_elsewhere'],
        ]),
      );
    }
    expect(await stateOf(placed)).toBe('new');
    expect(await stateOf(declined)).toBe('declined');
    expect(await stateOf(otherPerson.applicationId)).toBe('new');
    expect((await db.selectFrom('placement').select('status').where('id', '=', waiting).executeTakeFirstOrThrow()).status).toBe(
      'cancelled',
    );
    expect(await db.transaction().execute((trx) => closeOtherApplications(trx, null, person.id, placed))).toBe(0);
  });

  it('an invitation still with the consultant: the consultant hears it closed, not the candidate', async () => {
    const { applicationId, id: candidateId, user } = await invitation({ regie: 'begeleid' });
    expect(await db.transaction().execute((trx) => closeOtherApplications(trx, null, candidateId, randomUUID()))).toBe(1);
    const told = await toldWith(db, applicationId, 'application_closed');
    expect(told).toContain(world.consulent.userId);
    expect(told).not.toContain(user.userId);
  });
});

describe('the contact grant: an employer in contact sees who it talks with', () => {
  const nameSeenBy = async (actor: Actor, candidateId: string) => {
    const read = await readCandidate(db, actor, candidateId, 'test');
    if (read === 'limit') throw new Error('unexpected view limit');
    return read ? (read.view.firstName ?? 'anoniem') : null;
  };

  it('holds while the contact is open and after a placement, and ends when it closes otherwise', async () => {
    const committed = world.employers.committed.user;
    const person = await candidate({ consent: false, visibility: { ondersteuning: 'alle' } });
    const proposal = { message: 'Zij past goed.', candidateAgrees: true };
    const first = okValue(await proposeCandidate(db, world.consulent, await vacancyOf('committed'), person.id, proposal)).id;
    expect(await nameSeenBy(committed, person.id)).toBe('Fatima');
    // Only for this employer: others see nothing without consent.
    expect(await nameSeenBy(preferred().user, person.id)).toBeNull();
    const read = await readCandidate(db, committed, person.id, 'test');
    expect(read !== 'limit' && read?.access.groups).toEqual(expect.arrayContaining(['identiteit', 'werkwensen', 'ondersteuning']));
    expect(read !== 'limit' && read?.access.groups).not.toContain('doelgroep');

    okValue(await withdrawApplication(db, person.user, first, {}));
    expect(await nameSeenBy(committed, person.id)).toBeNull();

    const second = okValue(await proposeCandidate(db, world.consulent, await vacancyOf('committed'), person.id, proposal)).id;
    await offer(second);
    await db.transaction().execute(async (trx) => {
      okValue(
        await moveApplication(trx, world.consulent, (await findApplication(trx, second, { forUpdate: true }))!, 'place', 'consulent'),
      );
    });
    expect(await nameSeenBy(committed, person.id)).toBe('Fatima');
  });

  it('a business-as-usual partner in contact sees the name, but never support needs or target groups', async () => {
    const bau = world.employers.business_as_usual.user;
    const person = await candidate({ consent: false, visibility: { ondersteuning: 'alle', doelgroep: 'alle' } });
    okValue(
      await proposeCandidate(db, world.consulent, await vacancyOf('business_as_usual'), person.id, {
        message: 'Zij past goed.',
        candidateAgrees: true,
      }),
    );
    const read = await readCandidate(db, bau, person.id, 'test');
    expect(read !== 'limit' && read?.view.firstName).toBe('Fatima');
    expect(read !== 'limit' && read?.access.groups).not.toContain('ondersteuning');
    expect(read !== 'limit' && read?.access.groups).not.toContain('doelgroep');
  });

  it('an invitation not yet accepted, or declined, grants nothing', async () => {
    const person = await candidate({ anonymous: true, visibility: { identiteit: 'alle' } });
    const vacancyId = await vacancyOf();
    const { id } = okValue(await inviteCandidate(db, preferred().user, vacancyId, person.id, { message: 'Hallo' }));
    expect(await nameSeenBy(preferred().user, person.id)).toBe('anoniem');
    okValue(await answerInvitation(db, person.user, id, { answer: 'decline', reason: 'Liever dichterbij huis.' }));
    expect(await nameSeenBy(preferred().user, person.id)).toBe('anoniem');
  });
});

describe('anything that is not an id', () => {
  it('is not found, and nothing is written', async () => {
    const person = await candidate();
    for (const id of ['geen-id', '00000000-0000-4000-8000-000000000000', "'; drop table application; --"]) {
      expect(await refused(() => startConversation(db, preferred().user, id))).toEqual({ ok: false, reason: 'not_found' });
      expect(await refused(() => answerInvitation(db, person.user, id, { answer: 'accept' }))).toEqual({
        ok: false,
        reason: 'not_found',
      });
      expect(await refused(() => declineApplication(db, preferred().user, id, { reason }))).toEqual({ ok: false, reason: 'not_found' });
      expect(await refused(() => withdrawApplication(db, person.user, id, {}))).toEqual({ ok: false, reason: 'not_found' });
      expect(await refused(() => handleInvitation(db, world.consulent, id, { decision: 'forward' }))).toEqual({
        ok: false,
        reason: 'not_found',
      });
      expect(await refused(() => markDeclineTold(db, world.consulent, id))).toEqual({ ok: false, reason: 'not_found' });
      expect(await refused(() => setConsultantReads(db, person.user, id, false))).toEqual({ ok: false, reason: 'not_found' });
      expect(await readConversation(db, person.user, id)).toBeNull();
    }
  });
});
