import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Db } from '#app/db/connection.js';
import type { Actor } from '#app/domain/accounts/actor.js';
import { findApplication, partyOf, readConversation, type ApplicationRow } from '#app/domain/applications/access.js';
import {
  answerInvitation,
  declineApplication,
  declineSchema,
  forwardSchema,
  handleInvitation,
  interestSchema,
  invitationAnswerSchema,
  invitationSchema,
  inviteCandidate,
  markDeclineTold,
  mayWrite,
  messageSchema,
  proposalSchema,
  proposeCandidate,
  sendMessage,
  setConsultantReads,
  showInterest,
  startConversation,
  withdrawApplication,
  withdrawSchema,
} from '#app/domain/applications/commands.js';
import { latestPlacements, listContacts, type ContactOfActor } from '#app/domain/applications/contact-list.js';
import { applicationStates } from '#app/domain/applications/states.js';
import { readCandidates } from '#app/domain/candidates/queries.js';
import { secondsUntilNextDay } from '#app/domain/privacy/view-limit.js';
import type { CommandResult } from '#app/domain/results.js';
import type { AppDeps } from '../../deps.js';
import { candidateSchema } from './kandidaten.js';
import { sendProblem } from './problem.js';
import { apiPrefix, defineOperation, linkSchema, pageLinks, pageLinksSchema, paginationQuery } from './registry.js';

const tag = 'Contacten';
const sides = ['candidate', 'employer', 'consultant'] as const;
const placementStatuses = ['awaiting_instantie', 'active', 'ended', 'rejected', 'cancelled'] as const;

export const contactSchema = z.object({
  id: z.uuid(),
  side: z
    .enum(sides)
    .describe('Uw kant in dit contact: candidate (de kandidaat), employer (de werkgever) of consultant (medewerker van de instantie)'),
  state: z
    .enum(applicationStates)
    .describe('new → in_conversation → offer → placed; of afgesloten: declined (nee gezegd), withdrawn (ingetrokken), expired (verlopen)'),
  startedBy: z.enum(['candidate', 'employer', 'consultant', 'waiting_list']).describe('Wie de eerste stap zette'),
  invitation: z
    .enum(['with_consultant', 'with_candidate', 'accepted'])
    .nullable()
    .describe('Bij een uitnodiging van de werkgever: ligt bij de consulent, ligt bij de kandidaat, of aanvaard; anders null'),
  identityRevealed: z.boolean().describe('Of de kandidaat de werkgever de naam liet zien'),
  consultantReads: z.boolean().describe('Of de medewerkers van de instantie het gesprek mogen meelezen; de kandidaat bepaalt dit'),
  candidateId: z.uuid(),
  candidate: candidateSchema
    .nullable()
    .describe(
      'De kandidaat, met alleen de velden die u mag zien. Een werkgever ziet de naam pas als de kandidaat die liet zien ' +
        '(identityRevealed). null als u de kandidaat nu niet mag zien, of als een werkgever na een wijziging het maximum aantal ' +
        'profielen voor vandaag bereikte.',
    ),
  vacancy: z.object({ id: z.uuid(), title: z.string() }),
  employer: z.object({ id: z.uuid(), name: z.string() }),
  instantieId: z.string(),
  mayWrite: z.boolean().describe('Of u nu een bericht kunt sturen (POST /contacten/{id}/berichten)'),
  closedReason: z.string().nullable().describe('Waarom het contact is afgesloten, in de woorden van wie het afsloot'),
  closedBy: z.string().nullable().describe('Wie het contact afsloot: candidate, employer, consultant of system'),
  declineToldAt: z.iso
    .datetime()
    .nullable()
    .describe('Wanneer de consulent de afwijzing met de kandidaat besprak (kandidaten met begeleiding)'),
  placement: z
    .object({ id: z.uuid(), status: z.enum(placementStatuses) })
    .nullable()
    .describe('De laatste plaatsing uit dit contact, als die er is'),
  createdAt: z.iso.datetime().describe('Het eerste contact'),
  stateChangedAt: z.iso.datetime(),
  lastActivityAt: z.iso.datetime().describe('Na een aantal dagen zonder activiteit verloopt een open contact'),
  _links: z.object({ self: linkSchema, messages: linkSchema, vacancy: linkSchema, placement: linkSchema.optional() }),
});
type Contact = z.infer<typeof contactSchema>;

const messageOutput = z.object({
  id: z.uuid(),
  authorRole: z.enum(sides).describe('Wie het schreef: de kandidaat, de werkgever, of de consulent (bij een voorstel)'),
  mine: z.boolean().describe('Of u dit bericht schreef'),
  body: z.string(),
  createdAt: z.iso.datetime(),
});

const idParams = z.object({ id: z.uuid() });
const candidateIdField = z.uuid({ error: 'Kies een kandidaat.' }).describe('De id van de kandidaat');
const listQuery = z.object({
  ...paginationQuery,
  state: z
    .enum(applicationStates, { error: `state is een van: ${applicationStates.join(', ')}.` })
    .optional()
    .describe('Alleen contacten in deze toestand'),
});

const notFoundDetail = 'Dit contact bestaat niet of u mag het niet zien.';
const viewLimitDetail =
  'U heeft vandaag het maximum aantal kandidaatprofielen bekeken. Morgen kunt u weer verder. Elk contact in een lijst telt als één profiel.';

/** The problem for a command that did not succeed; `forbidden` says who may do it instead. */
export function commandFailure(
  reply: FastifyReply,
  result: Exclude<CommandResult<unknown>, { ok: true }>,
  details: { forbidden: string; notFound: string },
): FastifyReply {
  switch (result.reason) {
    case 'invalid':
      return sendProblem(reply, 400, 'Een of meer velden zijn niet goed ingevuld.', result.errors);
    case 'forbidden':
      return sendProblem(reply, 403, details.forbidden);
    case 'not_found':
      return sendProblem(reply, 404, details.notFound);
    case 'conflict':
      return sendProblem(reply, 409, result.detail);
  }
}

const sendViewLimit = (reply: FastifyReply) =>
  sendProblem(reply.header('retry-after', String(secondsUntilNextDay())), 429, viewLimitDetail);

/**
 * Contacts as each actor's side may see them. The candidate comes only through `readCandidates`
 * (policy, access log, an employer's daily limit); 'limit' when the employer is past that limit.
 */
async function presentContacts(db: Db, actor: Actor, contacts: readonly ContactOfActor[], context: string): Promise<Contact[] | 'limit'> {
  const candidateIds = [...new Set(contacts.map((c) => c.application.candidate_id))];
  const reads = await readCandidates(db, actor, candidateIds, context);
  if (reads === 'limit') return reads;
  const views = new Map(reads.map((read) => [read.candidate.id, read.view]));
  const placements = await latestPlacements(
    db,
    contacts.map((c) => c.application.id),
  );
  return contacts.map(({ application, party }) =>
    presentContact(application, party, views.get(application.candidate_id) ?? null, placements),
  );
}

function presentContact(
  a: ApplicationRow,
  party: ContactOfActor['party'],
  candidate: Contact['candidate'],
  placements: Awaited<ReturnType<typeof latestPlacements>>,
): Contact {
  const placement = placements.get(a.id) ?? null;
  return {
    id: a.id,
    side: party,
    state: a.state,
    startedBy: a.started_by,
    invitation: a.invitation,
    identityRevealed: a.identity_revealed,
    consultantReads: a.consultant_reads,
    candidateId: a.candidate_id,
    candidate,
    vacancy: { id: a.vacancy_id, title: a.vacancy_title },
    employer: { id: a.employer_id, name: a.employer_name },
    instantieId: a.instantie_id,
    mayWrite: mayWrite(a, party),
    closedReason: a.closed_reason,
    closedBy: a.closed_by,
    declineToldAt: a.decline_told_at?.toISOString() ?? null,
    placement,
    createdAt: a.created_at.toISOString(),
    stateChangedAt: a.state_changed_at.toISOString(),
    lastActivityAt: a.last_activity_at.toISOString(),
    _links: {
      self: { href: `${apiPrefix}/contacten/${a.id}` },
      messages: { href: `${apiPrefix}/contacten/${a.id}/berichten` },
      vacancy: { href: `${apiPrefix}/vacatures/${a.vacancy_id}` },
      ...(placement ? { placement: { href: `${apiPrefix}/plaatsingen/${placement.id}` } } : {}),
    },
  };
}

/** One contact as the actor's side sees it; null when they are no party to it (any more). */
async function readContact(db: Db, actor: Actor, id: string, context: string): Promise<Contact | null | 'limit'> {
  const application = await findApplication(db, id);
  const party = application ? partyOf(actor, application) : null;
  if (!application || !party) return null;
  const presented = await presentContacts(db, actor, [{ application, party }], context);
  return presented === 'limit' ? presented : (presented[0] ?? null);
}

export function contactOperations({ db }: AppDeps) {
  /**
   * The contact after a change by the actor. The change is done, so the daily view limit does not
   * turn it into an error: the candidate is left out (null) instead.
   */
  const afterChange = async (actor: Actor, id: string, reply: FastifyReply) => {
    const application = await findApplication(db, id);
    const party = application ? partyOf(actor, application) : null;
    if (!application || !party) return sendProblem(reply, 404, notFoundDetail);
    const presented = await presentContacts(db, actor, [{ application, party }], 'api.contacten.change');
    if (presented !== 'limit') return presented[0];
    return presentContact(application, party, null, await latestPlacements(db, [application.id]));
  };

  /** A change of one contact: the command, then the contact as it is now. */
  const change =
    (
      run: (actor: Actor, id: string, body: unknown) => Promise<CommandResult<unknown>>,
      forbidden: string,
    ): ((context: { actor: Actor | null; params: { id: string }; body: unknown; reply: FastifyReply }) => Promise<unknown>) =>
    async ({ actor, params, body, reply }) => {
      const result = await run(actor!, params.id, body);
      if (!result.ok) return commandFailure(reply, result, { forbidden, notFound: notFoundDetail });
      return afterChange(actor!, params.id, reply);
    };

  const created = async (
    actor: Actor,
    result: CommandResult<{ id: string }>,
    reply: FastifyReply,
    details: { forbidden: string; notFound: string },
  ) => {
    if (!result.ok) return commandFailure(reply, result, details);
    reply.header('location', `${apiPrefix}/contacten/${result.value.id}`);
    return afterChange(actor, result.value.id, reply);
  };

  return [
    defineOperation({
      method: 'post',
      path: '/vacatures/{id}/interesse',
      operationId: 'createInteresse',
      summary: 'Als kandidaat interesse tonen in een open vacature',
      description:
        'Voor kandidaten met een eigen profiel. Daarmee laat u de werkgever uw naam zien, en uw profiel voor zover uw keuzes het ' +
        'voor deze werkgever openzetten. Een bericht erbij mag. Er is per vacature één open contact (anders 409).',
      tag,
      authenticated: true,
      params: idParams,
      body: interestSchema,
      success: { status: 201, description: 'Het nieuwe contact; de header Location wijst ernaar', schema: contactSchema },
      errors: [403, 404, 409],
      handler: async ({ actor, params, body, reply }) =>
        created(actor!, await showInterest(db, actor!, params.id, body), reply, {
          forbidden: 'Alleen kandidaten met een eigen profiel tonen zo interesse.',
          notFound: 'Deze vacature bestaat niet of staat niet open.',
        }),
    }),
    defineOperation({
      method: 'post',
      path: '/vacatures/{id}/uitnodigingen',
      operationId: 'createUitnodiging',
      summary: 'Als werkgever een kandidaat uitnodigen voor een eigen vacature',
      description:
        'Voor werkgevers die zelf in de kandidaten mogen zoeken, voor een open vacature van hun organisatie, en alleen voor ' +
        'kandidaten die zij in de pool zien. De kandidaat ziet de uitnodiging met uw bericht; een kandidaat met begeleiding ' +
        'krijgt haar via de consulent. Uw organisatie ziet de naam van de kandidaat pas als die ja zegt.',
      tag,
      authenticated: true,
      params: idParams,
      body: invitationSchema.extend({ candidateId: candidateIdField }),
      success: { status: 201, description: 'Het nieuwe contact; de header Location wijst ernaar', schema: contactSchema },
      errors: [403, 404, 409],
      handler: async ({ actor, params, body, reply }) =>
        created(actor!, await inviteCandidate(db, actor!, params.id, body.candidateId, body), reply, {
          forbidden:
            'U nodigt alleen uit voor een vacature van uw eigen organisatie, en alleen als uw organisatie zelf in de kandidaten mag zoeken.',
          notFound: 'Deze vacature of kandidaat bestaat niet, of u mag deze niet zien.',
        }),
    }),
    defineOperation({
      method: 'post',
      path: '/vacatures/{id}/voorstellen',
      operationId: 'createVoorstel',
      summary: 'Als consulent een kandidaat voorstellen voor een open vacature',
      description:
        'Voor consulenten en beheerders van de instantie van de kandidaat, met de instemming van de kandidaat (candidateAgrees). ' +
        'De werkgever ziet daarna de naam van de kandidaat.',
      tag,
      authenticated: true,
      params: idParams,
      body: proposalSchema.extend({ candidateId: candidateIdField }),
      success: { status: 201, description: 'Het nieuwe contact; de header Location wijst ernaar', schema: contactSchema },
      errors: [404, 409],
      handler: async ({ actor, params, body, reply }) =>
        created(actor!, await proposeCandidate(db, actor!, params.id, body.candidateId, body), reply, {
          forbidden: 'Alleen consulenten en beheerders van de instantie van de kandidaat stellen een kandidaat voor.',
          notFound: 'Deze vacature of kandidaat bestaat niet, of u mag deze kandidaat niet voorstellen.',
        }),
    }),
    defineOperation({
      method: 'get',
      path: '/contacten',
      operationId: 'listContacten',
      summary: 'Uw contacten',
      description:
        'Als kandidaat uw eigen contacten, als werkgever die van uw organisaties, als medewerker die van uw instantie. ' +
        'Laatste activiteit eerst. Voor werkgevers telt elke kandidaat in de lijst mee voor het aantal profielen per dag (429).',
      tag,
      authenticated: true,
      query: listQuery,
      success: {
        status: 200,
        description: 'Een pagina contacten',
        schema: z.object({
          items: z.array(contactSchema),
          page: z.number().int(),
          pageSize: z.number().int(),
          total: z.number().int(),
          _links: pageLinksSchema,
        }),
      },
      errors: [400, 429],
      handler: async ({ actor, query, reply }) => {
        const list = await listContacts(db, actor!, query);
        const items = await presentContacts(db, actor!, list.items, 'api.contacten.list');
        if (items === 'limit') return sendViewLimit(reply);
        return {
          items,
          page: query.page,
          pageSize: query.pageSize,
          total: list.total,
          _links: pageLinks('/contacten', query, query.page, query.pageSize, list.total),
        };
      },
    }),
    defineOperation({
      method: 'get',
      path: '/contacten/{id}',
      operationId: 'getContact',
      summary: 'Eén contact, zoals uw kant het ziet',
      description:
        'Voor de kandidaat, de werkgever en de medewerkers van de instantie van de kandidaat. Een uitnodiging die nog bij de ' +
        'consulent ligt, en een afwijzing die de consulent nog met de kandidaat bespreekt, ziet de kandidaat nog niet (404).',
      tag,
      authenticated: true,
      params: idParams,
      success: { status: 200, description: 'Het contact', schema: contactSchema },
      errors: [404, 429],
      handler: async ({ actor, params, reply }) => {
        const contact = await readContact(db, actor!, params.id, 'api.contacten.get');
        if (contact === 'limit') return sendViewLimit(reply);
        return contact ?? sendProblem(reply, 404, notFoundDetail);
      },
    }),
    defineOperation({
      method: 'get',
      path: '/contacten/{id}/berichten',
      operationId: 'listBerichten',
      summary: 'Het gesprek van een contact',
      description:
        'De berichten, oudste eerst. De kandidaat en de werkgever lezen het gesprek; medewerkers van de instantie alleen als de ' +
        'kandidaat dat toestaat (consultantReads; anders 403).',
      tag,
      authenticated: true,
      params: idParams,
      success: {
        status: 200,
        description: 'Het gesprek',
        schema: z.object({ items: z.array(messageOutput), mayWrite: z.boolean().describe('Of u nu een bericht kunt sturen') }),
      },
      errors: [403, 404],
      handler: async ({ actor, params, reply }) => {
        const conversation = await readConversation(db, actor, params.id);
        if (!conversation) return sendProblem(reply, 404, notFoundDetail);
        if (!conversation.messages) return sendProblem(reply, 403, 'De kandidaat laat de instantie dit gesprek niet meelezen.');
        return {
          items: conversation.messages.map((m) => presentMessage(m, actor!)),
          mayWrite: mayWrite(conversation.application, conversation.party),
        };
      },
    }),
    defineOperation({
      method: 'post',
      path: '/contacten/{id}/berichten',
      operationId: 'createBericht',
      summary: 'Een bericht sturen in het gesprek',
      description:
        'De kandidaat en de werkgever schrijven elkaar zodra een uitnodiging (als die er is) is aanvaard, zolang het contact open ' +
        'is of tot een plaatsing leidde (anders 409). De medewerkers van de instantie lezen mee, maar schrijven niet (403).',
      tag,
      authenticated: true,
      params: idParams,
      body: messageSchema,
      success: { status: 201, description: 'Het verstuurde bericht', schema: messageOutput },
      errors: [403, 404, 409],
      handler: async ({ actor, params, body, reply }) => {
        const result = await sendMessage(db, actor!, params.id, body);
        if (!result.ok)
          return commandFailure(reply, result, {
            forbidden: 'Alleen de kandidaat en de werkgever schrijven in het gesprek; de instantie leest mee.',
            notFound: notFoundDetail,
          });
        const conversation = await readConversation(db, actor, params.id);
        const mine = conversation?.messages?.filter((m) => m.author_user_id === actor!.userId).at(-1);
        return mine ? presentMessage(mine, actor!) : sendProblem(reply, 404, notFoundDetail);
      },
    }),
    defineOperation({
      method: 'put',
      path: '/contacten/{id}/meelezen',
      operationId: 'setMeelezen',
      summary: 'Als kandidaat bepalen of de instantie het gesprek meeleest',
      description: 'Alleen de kandidaat zelf. Standaard leest de instantie mee.',
      tag,
      authenticated: true,
      params: idParams,
      body: z.object({ allowed: z.boolean({ error: 'Kies ja (true) of nee (false).' }) }),
      success: { status: 200, description: 'Het contact', schema: contactSchema },
      errors: [403, 404],
      handler: async ({ actor, params, body, reply }) => {
        const result = await setConsultantReads(db, actor!, params.id, body.allowed);
        if (!result.ok)
          return commandFailure(reply, result, {
            forbidden: 'Alleen de kandidaat bepaalt of de instantie meeleest.',
            notFound: notFoundDetail,
          });
        return afterChange(actor!, params.id, reply);
      },
    }),
    defineOperation({
      method: 'post',
      path: '/contacten/{id}/antwoord',
      operationId: 'createAntwoord',
      summary: 'Als kandidaat antwoorden op een uitnodiging',
      description:
        'answer accept: het gesprek begint en de werkgever ziet uw naam. answer decline: het contact sluit; een reden mag, ' +
        'hoeft niet. Op een uitnodiging antwoordt u één keer (anders 409).',
      tag,
      authenticated: true,
      params: idParams,
      body: invitationAnswerSchema,
      success: { status: 200, description: 'Het contact na uw antwoord', schema: contactSchema },
      errors: [403, 404, 409],
      handler: change((actor, id, body) => answerInvitation(db, actor, id, body), 'Alleen de kandidaat antwoordt op een uitnodiging.'),
    }),
    defineOperation({
      method: 'post',
      path: '/contacten/{id}/doorsturing',
      operationId: 'createDoorsturing',
      summary: 'Als consulent een uitnodiging doorsturen naar de kandidaat, of afwijzen',
      description:
        'Voor een uitnodiging aan een kandidaat met begeleiding, die eerst bij de consulent komt. decision forward: de kandidaat ' +
        'krijgt de uitnodiging. decision decline met een reason: de werkgever hoort nee, in uw woorden. Eén keer (anders 409).',
      tag,
      authenticated: true,
      params: idParams,
      body: forwardSchema,
      success: { status: 200, description: 'Het contact na uw besluit', schema: contactSchema },
      errors: [403, 404, 409],
      handler: change(
        (actor, id, body) => handleInvitation(db, actor, id, body),
        'Alleen een consulent of beheerder van de instantie van de kandidaat stuurt een uitnodiging door.',
      ),
    }),
    defineOperation({
      method: 'post',
      path: '/contacten/{id}/gesprek',
      operationId: 'createGesprek',
      summary: 'Als werkgever het gesprek beginnen',
      description:
        'Uw antwoord op interesse of op een voorstel: u wilt kennismaken. Het contact gaat van new naar in_conversation (anders 409).',
      tag,
      authenticated: true,
      params: idParams,
      success: { status: 200, description: 'Het contact in gesprek', schema: contactSchema },
      errors: [403, 404, 409],
      handler: change((actor, id) => startConversation(db, actor, id), 'Alleen de werkgever begint zo het gesprek.'),
    }),
    defineOperation({
      method: 'post',
      path: '/contacten/{id}/afwijzing',
      operationId: 'createAfwijzing',
      summary: 'Als werkgever nee zeggen, met een reden',
      description:
        'Een afwijzing schrijft u zelf, in een paar woorden (reason, minstens 10 tekens). Een kandidaat met begeleiding hoort ' +
        'het van de consulent, niet van het systeem. Een uitnodiging waarop nog geen antwoord is, trekt u in (intrekking).',
      tag,
      authenticated: true,
      params: idParams,
      body: declineSchema,
      success: { status: 200, description: 'Het afgesloten contact', schema: contactSchema },
      errors: [403, 404, 409],
      handler: change((actor, id, body) => declineApplication(db, actor, id, body), 'Alleen de werkgever wijst zo af.'),
    }),
    defineOperation({
      method: 'post',
      path: '/contacten/{id}/intrekking',
      operationId: 'createIntrekking',
      summary: 'Een contact intrekken',
      description:
        'De kandidaat (of een consulent of beheerder voor de kandidaat) trekt zich terug; een werkgever trekt alleen een eigen ' +
        'uitnodiging in die nog niet is aanvaard. Een reden mag, hoeft niet. Alleen een open contact (anders 409).',
      tag,
      authenticated: true,
      params: idParams,
      body: withdrawSchema,
      success: { status: 200, description: 'Het ingetrokken contact', schema: contactSchema },
      errors: [403, 404, 409],
      handler: change(
        (actor, id, body) => withdrawApplication(db, actor, id, body),
        'U mag dit contact niet intrekken. Een werkgever trekt alleen een eigen uitnodiging in die nog niet is aanvaard.',
      ),
    }),
    defineOperation({
      method: 'post',
      path: '/contacten/{id}/bespreking',
      operationId: 'createBespreking',
      summary: 'Als consulent vastleggen dat de afwijzing met de kandidaat is besproken',
      description:
        'Een kandidaat met begeleiding ziet een nee van de werkgever pas nadat de consulent het persoonlijk met de kandidaat ' +
        'besprak. Alleen als er zo’n nee is dat nog niet besproken is (anders 409).',
      tag,
      authenticated: true,
      params: idParams,
      success: { status: 200, description: 'Het contact', schema: contactSchema },
      errors: [403, 404, 409],
      handler: change(
        (actor, id) => markDeclineTold(db, actor, id),
        'Alleen een consulent of beheerder van de instantie van de kandidaat legt dit vast.',
      ),
    }),
  ];
}

function presentMessage(
  message: { id: string; author_role: z.infer<typeof messageOutput>['authorRole']; author_user_id: string; body: string; created_at: Date },
  actor: Actor,
): z.infer<typeof messageOutput> {
  return {
    id: message.id,
    authorRole: message.author_role,
    mine: message.author_user_id === actor.userId,
    body: message.body,
    createdAt: message.created_at.toISOString(),
  };
}
