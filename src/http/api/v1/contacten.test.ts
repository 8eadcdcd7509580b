import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationActions, nextApplicationState, type ApplicationAction } from '#app/domain/applications/states.js';
import { todayIso } from '#app/domain/vacancies/rules.js';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { sessionHeaders } from '../../../../test/support/api.js';
import { makeCandidate, makeVacancy, makeWorld, type World } from '../../../../test/support/fixtures.js';
import { contactSchema } from './contacten.js';

type User = { email: string; password: string; userId: string };
type Json = Record<string, unknown> & {
  items?: Record<string, unknown>[];
  invalidParams?: { name: string; reason: string }[];
  detail?: string;
};

let app: TestApp;
let world: World;
const sessions = new Map<string, Record<string, string>>();

async function call(method: 'GET' | 'POST' | 'PUT', url: string, user?: User, body?: unknown, raw?: string) {
  let headers: Record<string, string> = {};
  if (user) {
    if (!sessions.has(user.email)) sessions.set(user.email, await sessionHeaders(app, user));
    headers = { ...sessions.get(user.email)! };
  }
  const payload = raw ?? (body === undefined ? (method === 'GET' ? undefined : '{}') : JSON.stringify(body));
  if (payload !== undefined) headers['content-type'] = 'application/json';
  const response = await app.server.inject({ method, url: `/api/v1${url}`, headers, payload });
  return {
    status: response.statusCode,
    type: response.headers['content-type'] ?? '',
    location: response.headers.location,
    retryAfter: response.headers['retry-after'],
    json: (response.body ? response.json() : {}) as Json,
  };
}

const db = () => app.database.db;

async function candidate(regie: 'samen' | 'begeleid' = 'samen') {
  const made = await makeCandidate(app, world.consulent, { withLogin: true });
  if (regie !== 'samen') await db().updateTable('candidate').set({ regie_level: regie }).where('id', '=', made.id).execute();
  return { id: made.id, user: made.user! };
}

async function snapshot() {
  const [applications, steps, messages] = await Promise.all([
    db().selectFrom('application').selectAll().orderBy('id').execute(),
    db().selectFrom('application_step').select(['id', 'application_id', 'to_state']).orderBy('id').execute(),
    db().selectFrom('application_message').select('id').orderBy('id').execute(),
  ]);
  return { applications, steps, messages };
}

beforeAll(async () => {
  app = await createTestApp({ rateLimitPerMinute: 100_000 });
  world = await makeWorld(app);
});
afterAll(async () => app?.close());

describe('interest, conversation and messages', () => {
  it('lets a candidate show interest, the employer start talking, and both write; the consultant reads along while allowed', async () => {
    const { id: candidateId, user } = await candidate();
    const vacancyId = await makeVacancy(app, world.employers.preferred.id);
    const employer = world.employers.preferred.user;

    const made = await call('POST', `/vacatures/${vacancyId}/interesse`, user, { message: 'Ik werk graag buiten.' });
    expect(made.status).toBe(201);
    const id = String(made.json.id);
    expect(made.location).toBe(`/api/v1/contacten/${id}`);
    const contact = contactSchema.parse(made.json);
    expect(contact).toMatchObject({ side: 'candidate', state: 'new', startedBy: 'candidate', identityRevealed: true, candidateId });
    expect(contact.candidate?.firstName).toBe('Fatima');

    const seen = await call('GET', `/contacten/${id}`, employer);
    expect(seen.status).toBe(200);
    expect(contactSchema.parse(seen.json)).toMatchObject({ side: 'employer', mayWrite: true });
    expect(seen.json.candidate).toMatchObject({ id: candidateId, firstName: 'Fatima' });
    expect((seen.json.candidate as Record<string, unknown>).postcode).toBeUndefined();

    const again = await call('POST', `/vacatures/${vacancyId}/interesse`, user, {});
    expect(again.status).toBe(409);
    expect(again.json.detail).toBe('Je hebt al contact over deze vacature. Kijk bij je contacten.');

    const talk = await call('POST', `/contacten/${id}/gesprek`, employer);
    expect(talk.status).toBe(200);
    expect(talk.json).toMatchObject({ state: 'in_conversation', side: 'employer' });
    expect((await call('POST', `/contacten/${id}/gesprek`, employer)).status).toBe(409);

    const sent = await call('POST', `/contacten/${id}/berichten`, employer, { body: 'Komt u dinsdag kennismaken?' });
    expect(sent.status).toBe(201);
    expect(sent.json).toMatchObject({ authorRole: 'employer', mine: true, body: 'Komt u dinsdag kennismaken?' });
    const read = await call('GET', `/contacten/${id}/berichten`, user);
    expect(read.status).toBe(200);
    expect(read.json.items!.map((m) => [m.authorRole, m.mine, m.body])).toEqual([
      ['candidate', true, 'Ik werk graag buiten.'],
      ['employer', false, 'Komt u dinsdag kennismaken?'],
    ]);
    expect(read.json.items![0]).not.toHaveProperty('authorUserId');

    expect((await call('GET', `/contacten/${id}/berichten`, world.consulent)).status).toBe(200);
    const consultantWrites = await call('POST', `/contacten/${id}/berichten`, world.consulent, { body: 'Mag ik meedoen?' });
    expect(consultantWrites.status).toBe(403);
    const off = await call('PUT', `/contacten/${id}/meelezen`, user, { allowed: false });
    expect(off.status).toBe(200);
    expect(off.json.consultantReads).toBe(false);
    const closed = await call('GET', `/contacten/${id}/berichten`, world.consulent);
    expect(closed.status).toBe(403);
    expect(closed.json.detail).toBe('De kandidaat laat de instantie dit gesprek niet meelezen.');
    expect((await call('PUT', `/contacten/${id}/meelezen`, employer, { allowed: true })).status).toBe(403);
    expect((await call('GET', `/contacten/${id}`, world.consulent)).json).toMatchObject({ side: 'consultant', consultantReads: false });
  });

  it('answers 404 to anyone who is no party, 401 without login, 403 to the wrong side', async () => {
    const { user } = await candidate();
    const vacancyId = await makeVacancy(app, world.employers.committed.id);
    const id = String((await call('POST', `/vacatures/${vacancyId}/interesse`, user, {})).json.id);
    for (const outsider of [world.otherConsulent, world.employers.preferred.user, (await candidate()).user]) {
      expect((await call('GET', `/contacten/${id}`, outsider)).status).toBe(404);
      expect((await call('GET', `/contacten/${id}/berichten`, outsider)).status).toBe(404);
      expect((await call('POST', `/contacten/${id}/gesprek`, outsider)).status).toBe(404);
      expect((await call('POST', `/contacten/${id}/intrekking`, outsider, {})).status).toBe(404);
    }
    for (const odd of ['geen-id', '00000000-0000-0000-0000-000000000000', crypto.randomUUID()]) {
      const response = await call('GET', `/contacten/${odd}`, user);
      expect(response.status).toBe(404);
      expect(response.type).toContain('application/problem+json');
    }
    expect((await call('GET', `/contacten/${id}`)).status).toBe(401);
    expect((await call('POST', `/contacten/${id}/gesprek`, user)).status).toBe(403);
    expect((await call('POST', `/contacten/${id}/gesprek`, world.consulent)).status).toBe(403);
    expect((await call('POST', `/contacten/${id}/gesprek`, world.auditor)).status).toBe(403);
    const candidateDeclines = await call('POST', `/contacten/${id}/afwijzing`, user, { reason: 'Ik wil toch niet.' });
    expect(candidateDeclines.status).toBe(403);
    expect(candidateDeclines.json.detail).toBe('Alleen de werkgever wijst zo af.');
    expect((await call('POST', `/contacten/${id}/antwoord`, world.employers.committed.user, { answer: 'accept' })).status).toBe(403);
    expect((await call('POST', `/contacten/${id}/antwoord`, user, { answer: 'accept' })).status).toBe(409);
    expect((await call('POST', `/contacten/${id}/bespreking`, world.consulent)).status).toBe(409);
    expect((await call('POST', `/contacten/${id}/bespreking`, user)).status).toBe(403);
    expect((await call('POST', `/vacatures/${vacancyId}/interesse`, world.employers.committed.user, {})).status).toBe(403);
    expect((await call('POST', `/vacatures/${crypto.randomUUID()}/interesse`, user, {})).status).toBe(404);

    const withdrawn = await call('POST', `/contacten/${id}/intrekking`, user, { reason: 'Ik heb ander werk.' });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.json).toMatchObject({
      state: 'withdrawn',
      closedBy: 'candidate',
      closedReason: 'Ik heb ander werk.',
      mayWrite: false,
    });
    const late = await call('POST', `/contacten/${id}/berichten`, world.employers.committed.user, { body: 'Jammer!' });
    expect(late.status).toBe(409);
    expect(late.json.detail).toBe('In dit contact kunt u geen berichten meer sturen.');
  });
});

describe('invitations', () => {
  it('keeps the name from the employer until the candidate accepts', async () => {
    const { id: candidateId, user } = await candidate();
    const vacancyId = await makeVacancy(app, world.employers.preferred.id);
    const employer = world.employers.preferred.user;
    const invited = await call('POST', `/vacatures/${vacancyId}/uitnodigingen`, employer, { candidateId, message: 'Wilt u komen praten?' });
    expect(invited.status).toBe(201);
    const id = String(invited.json.id);
    expect(invited.json).toMatchObject({ state: 'new', invitation: 'with_candidate', identityRevealed: false, mayWrite: false });
    const hidden = invited.json.candidate as Record<string, unknown>;
    expect(hidden.pseudonym).toEqual(expect.any(String));
    expect(hidden.firstName).toBeUndefined();
    expect(hidden.email).toBeUndefined();

    expect((await call('POST', `/contacten/${id}/gesprek`, employer)).status).toBe(409);
    expect((await call('POST', `/contacten/${id}/berichten`, user, { body: 'Hallo' })).status).toBe(409);
    const mine = await call('GET', '/contacten?state=new', user);
    expect(mine.json.items!.map((c) => c.id)).toContain(id);

    const accepted = await call('POST', `/contacten/${id}/antwoord`, user, { answer: 'accept' });
    expect(accepted.status).toBe(200);
    expect(accepted.json).toMatchObject({ state: 'in_conversation', invitation: 'accepted', identityRevealed: true, mayWrite: true });
    expect((await call('POST', `/contacten/${id}/antwoord`, user, { answer: 'decline' })).status).toBe(409);
    const named = await call('GET', `/contacten/${id}`, employer);
    expect(named.json.candidate).toMatchObject({ firstName: 'Fatima' });
  });

  it('lets only employers who may search the pool invite, for their own open vacancies', async () => {
    const { id: candidateId } = await candidate();
    const own = await makeVacancy(app, world.employers.business_as_usual.id);
    const body = { candidateId, message: 'Wilt u komen praten?' };
    expect((await call('POST', `/vacatures/${own}/uitnodigingen`, world.employers.business_as_usual.user, body)).status).toBe(403);
    expect((await call('POST', `/vacatures/${own}/uitnodigingen`, world.employers.preferred.user, body)).status).toBe(403);
    const closed = await makeVacancy(app, world.employers.preferred.id, { status: 'closed' });
    expect((await call('POST', `/vacatures/${closed}/uitnodigingen`, world.employers.preferred.user, body)).status).toBe(404);
    const open = await makeVacancy(app, world.employers.preferred.id);
    const unknown = await call('POST', `/vacatures/${open}/uitnodigingen`, world.employers.preferred.user, {
      ...body,
      candidateId: crypto.randomUUID(),
    });
    expect(unknown.status).toBe(404);
    expect(unknown.json.detail).toBe('Deze vacature of kandidaat bestaat niet, of u mag deze niet zien.');
    const other = await makeCandidate(app, world.otherConsulent, { consent: false });
    expect(
      (await call('POST', `/vacatures/${open}/uitnodigingen`, world.employers.preferred.user, { ...body, candidateId: other.id })).status,
    ).toBe(404);
  });

  it('sends an invitation for a begeleid candidate through the consultant, and shields them from a bare no', async () => {
    const { id: candidateId, user } = await candidate('begeleid');
    const vacancyId = await makeVacancy(app, world.employers.committed.id);
    const employer = world.employers.committed.user;
    const id = String(
      (await call('POST', `/vacatures/${vacancyId}/uitnodigingen`, employer, { candidateId, message: 'Wilt u komen praten?' })).json.id,
    );
    expect((await call('GET', `/contacten/${id}`, employer)).json.invitation).toBe('with_consultant');
    expect((await call('GET', `/contacten/${id}`, user)).status).toBe(404);
    expect((await call('GET', '/contacten', user)).json.items!.map((c) => c.id)).not.toContain(id);
    expect((await call('POST', `/contacten/${id}/antwoord`, user, { answer: 'accept' })).status).toBe(404);
    expect((await call('POST', `/contacten/${id}/doorsturing`, employer, { decision: 'forward' })).status).toBe(403);
    expect((await call('POST', `/contacten/${id}/doorsturing`, world.auditor, { decision: 'forward' })).status).toBe(403);

    const forwarded = await call('POST', `/contacten/${id}/doorsturing`, world.consulent, { decision: 'forward' });
    expect(forwarded.status).toBe(200);
    expect(forwarded.json).toMatchObject({ invitation: 'with_candidate', side: 'consultant' });
    expect((await call('POST', `/contacten/${id}/doorsturing`, world.consulent, { decision: 'forward' })).status).toBe(409);
    expect((await call('POST', `/contacten/${id}/antwoord`, user, { answer: 'accept' })).status).toBe(200);

    const reason = 'We kozen voor iemand met een rijbewijs.';
    const declined = await call('POST', `/contacten/${id}/afwijzing`, employer, { reason });
    expect(declined.status).toBe(200);
    expect(declined.json).toMatchObject({ state: 'declined', closedBy: 'employer', closedReason: reason, declineToldAt: null });
    expect((await call('GET', `/contacten/${id}`, user)).status).toBe(404);
    expect((await call('GET', `/contacten/${id}/berichten`, user)).status).toBe(404);
    expect((await call('GET', '/contacten', user)).json.items!.map((c) => c.id)).not.toContain(id);

    const told = await call('POST', `/contacten/${id}/bespreking`, world.consulent);
    expect(told.status).toBe(200);
    expect(told.json.declineToldAt).toEqual(expect.any(String));
    expect((await call('POST', `/contacten/${id}/bespreking`, world.consulent)).status).toBe(409);
    const now = await call('GET', `/contacten/${id}`, user);
    expect(now.status).toBe(200);
    expect(now.json).toMatchObject({ state: 'declined', closedReason: reason });
  });

  it('lets a consultant decline an invitation for a begeleid candidate in their own words', async () => {
    const { id: candidateId, user } = await candidate('begeleid');
    const vacancyId = await makeVacancy(app, world.employers.preferred.id);
    const id = String(
      (
        await call('POST', `/vacatures/${vacancyId}/uitnodigingen`, world.employers.preferred.user, {
          candidateId,
          message: 'Wilt u komen praten?',
        })
      ).json.id,
    );
    const short = await call('POST', `/contacten/${id}/doorsturing`, world.consulent, { decision: 'decline', reason: 'nee' });
    expect(short.status).toBe(400);
    expect(short.json.invalidParams).toEqual([
      expect.objectContaining({ name: 'reason', reason: 'Schrijf in een paar woorden waarom (minstens 10 tekens).' }),
    ]);
    const declined = await call('POST', `/contacten/${id}/doorsturing`, world.consulent, {
      decision: 'decline',
      reason: 'Dit werk past nu niet bij haar traject.',
    });
    expect(declined.status).toBe(200);
    expect(declined.json).toMatchObject({ state: 'declined', closedBy: 'consultant' });
    expect((await call('GET', `/contacten/${id}`, user)).status).toBe(404);
  });
});

describe('proposals', () => {
  it('lets a consultant propose a candidate who agreed; the employer then sees the name', async () => {
    const { id: candidateId, user } = await candidate();
    const vacancyId = await makeVacancy(app, world.employers.business_as_usual.id);
    const body = { candidateId, message: 'Zij past goed bij dit werk.', candidateAgrees: true };
    const notAsked = await call('POST', `/vacatures/${vacancyId}/voorstellen`, world.consulent, { ...body, candidateAgrees: false });
    expect(notAsked.status).toBe(400);
    expect(notAsked.json.invalidParams).toEqual([
      expect.objectContaining({ name: 'candidateAgrees', reason: 'Vraag eerst of de kandidaat dit goed vindt.' }),
    ]);
    expect((await call('POST', `/vacatures/${vacancyId}/voorstellen`, world.employers.business_as_usual.user, body)).status).toBe(404);
    expect((await call('POST', `/vacatures/${vacancyId}/voorstellen`, world.otherConsulent, body)).status).toBe(404);
    expect((await call('POST', `/vacatures/${vacancyId}/voorstellen`, world.auditor, body)).status).toBe(404);

    const proposed = await call('POST', `/vacatures/${vacancyId}/voorstellen`, world.consulent, body);
    expect(proposed.status).toBe(201);
    expect(proposed.json).toMatchObject({ side: 'consultant', startedBy: 'consultant', identityRevealed: true });
    const id = String(proposed.json.id);
    expect((await call('GET', `/contacten/${id}`, world.employers.business_as_usual.user)).json.candidate).toMatchObject({
      firstName: 'Fatima',
    });
    expect((await call('GET', `/contacten/${id}`, user)).json.side).toBe('candidate');
    expect((await call('POST', `/vacatures/${vacancyId}/voorstellen`, world.consulent, body)).status).toBe(409);
  });
});

describe('bad input', () => {
  it('answers with 400 and Dutch field errors, and writes nothing', async () => {
    const { id: candidateId, user } = await candidate();
    const vacancyId = await makeVacancy(app, world.employers.preferred.id);
    const employer = world.employers.preferred.user;
    const id = String((await call('POST', `/vacatures/${vacancyId}/interesse`, user, {})).json.id);
    const before = await snapshot();

    const cases: [string, User, unknown, string, string][] = [
      [`/contacten/${id}/afwijzing`, employer, { reason: 'nee' }, 'reason', 'Schrijf in een paar woorden waarom (minstens 10 tekens).'],
      [`/contacten/${id}/afwijzing`, employer, {}, 'reason', 'Schrijf in een paar woorden waarom.'],
      [`/contacten/${id}/antwoord`, user, { answer: 'misschien' }, 'answer', 'Kies ja of nee.'],
      [`/contacten/${id}/berichten`, user, { body: '   ' }, 'body', 'Schrijf een bericht.'],
      [`/contacten/${id}/berichten`, user, { body: 42 }, 'body', 'Schrijf een bericht.'],
      [`/contacten/${id}/berichten`, user, { body: 'x'.repeat(4001) }, 'body', 'Uw bericht is te lang. Gebruik hoogstens 4000 tekens.'],
      [`/contacten/${id}/doorsturing`, world.consulent, { decision: 'later' }, 'decision', 'Kies: doorsturen of afwijzen.'],
      [`/contacten/${id}/intrekking`, user, { reason: ['lijst'] }, 'reason', 'Schrijf het bericht als tekst.'],
      [`/vacatures/${vacancyId}/uitnodigingen`, employer, { message: 'Hallo' }, 'candidateId', 'Kies een kandidaat.'],
      [`/vacatures/${vacancyId}/uitnodigingen`, employer, { candidateId, message: '' }, 'message', 'Schrijf een bericht.'],
      [`/vacatures/${vacancyId}/interesse`, user, { message: 12 }, 'message', 'Schrijf het bericht als tekst.'],
    ];
    for (const [url, who, body, field, reason] of cases) {
      const response = await call('POST', url, who, body);
      expect(response.status, url).toBe(400);
      expect(response.type).toContain('application/problem+json');
      expect(response.json.invalidParams, url).toContainEqual(expect.objectContaining({ name: field, reason }));
    }
    const meelezen = await call('PUT', `/contacten/${id}/meelezen`, user, { allowed: 'ja' });
    expect(meelezen.status).toBe(400);
    expect(meelezen.json.invalidParams).toContainEqual(
      expect.objectContaining({ name: 'allowed', reason: 'Kies ja (true) of nee (false).' }),
    );

    for (const raw of ['{', '[]', 'null', '"tekst"']) {
      const response = await call('POST', `/contacten/${id}/berichten`, user, undefined, raw);
      expect(response.status, raw).toBe(400);
      expect(response.type).toContain('application/problem+json');
    }
    const badQuery = await call('GET', '/contacten?state=open&page=0', user);
    expect(badQuery.status).toBe(400);
    expect(badQuery.json.invalidParams!.map((p) => p.name).sort()).toEqual(['page', 'state']);
    expect(await snapshot()).toEqual(before);
  });
});

describe('GET /contacten', () => {
  it('pages through the actor’s own contacts, filters by state, and never shows others’', async () => {
    const { user } = await candidate();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const vacancyId = await makeVacancy(app, world.employers.committed.id);
      ids.push(String((await call('POST', `/vacatures/${vacancyId}/interesse`, user, {})).json.id));
    }
    await call('POST', `/contacten/${ids[0]}/intrekking`, user, {});
    const first = await call('GET', '/contacten?pageSize=2', user);
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ page: 1, pageSize: 2, total: 3 });
    expect(first.json.items).toHaveLength(2);
    expect(first.json._links).toEqual({
      self: { href: '/api/v1/contacten?pageSize=2&page=1' },
      next: { href: '/api/v1/contacten?pageSize=2&page=2' },
    });
    const second = await call('GET', '/contacten?pageSize=2&page=2', user);
    expect([...first.json.items!, ...second.json.items!].map((c) => c.id).sort()).toEqual([...ids].sort());
    const open = await call('GET', '/contacten?state=new', user);
    expect(open.json.total).toBe(2);
    expect(open.json.items!.every((c) => c.state === 'new')).toBe(true);

    const employerList = await call('GET', '/contacten?pageSize=100', world.employers.committed.user);
    expect(employerList.json.items!.every((c) => c.side === 'employer')).toBe(true);
    expect(employerList.json.items!.map((c) => c.id)).toEqual(expect.arrayContaining(ids));
    const other = await call('GET', '/contacten?pageSize=100', world.otherConsulent);
    expect(other.json.items!.map((c) => c.id)).not.toEqual(expect.arrayContaining([ids[1]]));
    expect((await call('GET', '/contacten?pageSize=100', world.auditor)).json.items!.map((c) => c.id)).toEqual(expect.arrayContaining(ids));
  });

  it('answers 429 when an employer user has seen their profiles for today, but a change still goes through', async () => {
    const { user } = await candidate();
    const vacancyId = await makeVacancy(app, world.employers.preferred.id);
    const id = String((await call('POST', `/vacatures/${vacancyId}/interesse`, user, {})).json.id);
    const employer = world.employers.preferred.user;
    await db()
      .insertInto('profile_view_count')
      .values({ user_id: employer.userId, day: todayIso(), views: 300 })
      .onConflict((oc) => oc.columns(['user_id', 'day']).doUpdateSet({ views: 300 }))
      .execute();
    const list = await call('GET', '/contacten', employer);
    expect(list.status).toBe(429);
    expect(Number(list.retryAfter)).toBeGreaterThan(0);
    expect((await call('GET', `/contacten/${id}`, employer)).status).toBe(429);
    const talk = await call('POST', `/contacten/${id}/gesprek`, employer);
    expect(talk.status).toBe(200);
    expect(talk.json).toMatchObject({ state: 'in_conversation', candidate: null });
    expect((await call('GET', `/contacten/${id}`, user)).status).toBe(200);
    await db().deleteFrom('profile_view_count').where('user_id', '=', employer.userId).execute();
  });
});

describe('a random mix of API calls by the three sides', () => {
  it('never makes an illegal state transition and never answers 500', async () => {
    const candidates = [await candidate(), await candidate('begeleid')];
    const categories = ['preferred', 'committed', 'business_as_usual'] as const;
    const vacancies = await Promise.all(categories.map((category) => makeVacancy(app, world.employers[category].id)));
    const employerOf = (v: number) => world.employers[categories[v]!].user;
    const reason = 'Een reden in een paar woorden.';
    const startDate = todayIso(new Date(Date.now() + 7 * 86_400_000));

    type Contact = { id: string; vacancy: number; candidate: number };
    type Pick = { v: number; c: number; flip: boolean };
    type Step = { label: string; creates?: true; run: (x: Contact, pick: Pick) => Promise<{ status: number; json: Json }> };
    const placementOf = async (x: Contact) =>
      (await call('GET', `/contacten/${x.id}`, world.consulent)).json.placement as { id: string } | null;
    const steps: Step[] = [
      {
        label: 'interesse',
        creates: true,
        run: (_, p) => call('POST', `/vacatures/${vacancies[p.v]}/interesse`, candidates[p.c]!.user, {}),
      },
      {
        label: 'uitnodiging',
        creates: true,
        run: (_, p) =>
          call('POST', `/vacatures/${vacancies[p.v]}/uitnodigingen`, employerOf(p.v), {
            candidateId: candidates[p.c]!.id,
            message: 'Kom praten.',
          }),
      },
      {
        label: 'voorstel',
        creates: true,
        run: (_, p) =>
          call('POST', `/vacatures/${vacancies[p.v]}/voorstellen`, world.consulent, {
            candidateId: candidates[p.c]!.id,
            message: 'Past goed.',
            candidateAgrees: true,
          }),
      },
      {
        label: 'antwoord',
        run: (x, p) =>
          call('POST', `/contacten/${x.id}/antwoord`, candidates[x.candidate]!.user, { answer: p.flip ? 'accept' : 'decline' }),
      },
      {
        label: 'doorsturing',
        run: (x, p) =>
          call(
            'POST',
            `/contacten/${x.id}/doorsturing`,
            world.consulent,
            p.flip ? { decision: 'forward' } : { decision: 'decline', reason },
          ),
      },
      { label: 'gesprek', run: (x) => call('POST', `/contacten/${x.id}/gesprek`, employerOf(x.vacancy)) },
      { label: 'afwijzing', run: (x) => call('POST', `/contacten/${x.id}/afwijzing`, employerOf(x.vacancy), { reason }) },
      { label: 'intrekking kandidaat', run: (x) => call('POST', `/contacten/${x.id}/intrekking`, candidates[x.candidate]!.user, {}) },
      { label: 'intrekking werkgever', run: (x) => call('POST', `/contacten/${x.id}/intrekking`, employerOf(x.vacancy), {}) },
      { label: 'intrekking consulent', run: (x) => call('POST', `/contacten/${x.id}/intrekking`, world.consulent, { reason }) },
      { label: 'bespreking', run: (x) => call('POST', `/contacten/${x.id}/bespreking`, world.consulent) },
      {
        label: 'bericht kandidaat',
        run: (x) => call('POST', `/contacten/${x.id}/berichten`, candidates[x.candidate]!.user, { body: 'Hoi' }),
      },
      { label: 'bericht werkgever', run: (x) => call('POST', `/contacten/${x.id}/berichten`, employerOf(x.vacancy), { body: 'Hallo' }) },
      {
        label: 'plaatsing',
        run: (x) =>
          call('POST', `/contacten/${x.id}/plaatsingen`, employerOf(x.vacancy), { kind: 'dienstverband', startDate, hoursPerWeek: 8 }),
      },
      {
        label: 'besluit',
        run: async (x, p) => {
          const placement = await placementOf(x);
          if (!placement) return { status: 404, json: {} };
          const decision = p.flip ? { decision: 'approve' } : { decision: 'reject', reason };
          return call('POST', `/plaatsingen/${placement.id}/besluiten`, world.consulent, decision);
        },
      },
      {
        label: 'annulering',
        run: async (x) => {
          const placement = await placementOf(x);
          return placement ? call('POST', `/plaatsingen/${placement.id}/annulering`, employerOf(x.vacancy)) : { status: 404, json: {} };
        },
      },
    ];
    const contacts: Contact[] = [];
    const failures: string[] = [];
    const command = fc.record({
      step: fc.nat({ max: steps.length - 1 }),
      contact: fc.nat(),
      v: fc.nat({ max: vacancies.length - 1 }),
      c: fc.nat({ max: candidates.length - 1 }),
      flip: fc.boolean(),
    });

    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 5, maxLength: 20 }), async (commands) => {
        for (const { step: index, contact, ...pick } of commands) {
          const step = steps[index]!;
          // One of the four newest contacts, where most can still happen.
          const target = contacts[contacts.length - 1 - (contact % Math.min(4, Math.max(1, contacts.length)))];
          if (!step.creates && !target) continue;
          const response = await step.run(target!, pick);
          if (response.status >= 500) failures.push(`${step.label} → ${response.status}: ${JSON.stringify(response.json)}`);
          if (step.creates && response.status === 201) contacts.push({ id: String(response.json.id), vacancy: pick.v, candidate: pick.c });
        }
        expect(failures).toEqual([]);
      }),
      { numRuns: 15 },
    );

    const applications = await db()
      .selectFrom('application')
      .select(['id', 'state'])
      .where(
        'candidate_id',
        'in',
        candidates.map((c) => c.id),
      )
      .execute();
    expect(applications.length).toBeGreaterThan(0);
    const recorded = await db()
      .selectFrom('application_step')
      .select(['application_id', 'from_state', 'to_state', 'action'])
      .where(
        'application_id',
        'in',
        applications.map((a) => a.id),
      )
      .orderBy('at')
      .orderBy('id')
      .execute();
    const moves = new Set<string>(applicationActions);
    for (const application of applications) {
      const own = recorded.filter((s) => s.application_id === application.id);
      expect(own[0]).toMatchObject({ action: 'create', from_state: null });
      for (const [i, step] of own.entries()) {
        if (i > 0) expect(step.from_state, `${application.id} step ${i}`).toBe(own[i - 1]!.to_state);
        if (moves.has(step.action)) {
          const to = nextApplicationState(step.from_state!, step.action as ApplicationAction);
          expect(to, `${step.action} from ${step.from_state}`).toBe(step.to_state);
        } else if (step.action !== 'create') {
          expect(step.to_state, step.action).toBe(step.from_state);
        }
      }
      expect(own.at(-1)!.to_state).toBe(application.state);
    }
  }, 300_000);
});
