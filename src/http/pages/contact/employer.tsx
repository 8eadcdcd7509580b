import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '#app/domain/accounts/actor.js';
import { readConversation, type Conversation } from '#app/domain/applications/access.js';
import {
  declineApplication,
  inviteCandidate,
  mayWrite,
  sendMessage,
  startConversation,
  withdrawApplication,
} from '#app/domain/applications/commands.js';
import { openContactFor, placementOfApplication } from '#app/domain/applications/consultant-queries.js';
import { candidatePseudonym, listApplications, type ContactListPage } from '#app/domain/applications/queries.js';
import { isOpen } from '#app/domain/applications/states.js';
import type { CandidatePresentation } from '#app/domain/candidates/presenter.js';
import { readCandidate, readCandidates } from '#app/domain/candidates/queries.js';
import { secondsUntilNextDay } from '#app/domain/privacy/view-limit.js';
import type { CommandResult } from '#app/domain/results.js';
import { readVacancy } from '#app/domain/vacancies/queries.js';
import { DateText } from '#app/ui/dates.js';
import { emptyForm, ErrorSummary, Form, SubmitButton, TextArea, type FormState } from '#app/ui/form.js';
import { useT } from '#app/ui/i18n.js';
import { Heading, Layout, Notice, Pagination, Paragraph } from '#app/ui/layout.js';
import { Section } from '#app/ui/section.js';
import { DataTable } from '#app/ui/table.js';
import type { AppDeps } from '../../deps.js';
import { requirePageRole, sendNotFound } from '../../guards.js';
import { sendPage } from '../../plugins/render.js';
import { listHref, pageParam } from '../../query-params.js';
import { ViewLimitPage } from '../candidate-view/candidate-profile.js';
import { ErrorPage } from '../error-page.js';
import { employerCandidatesPath } from '../matching/paths.js';
import { placementPath, registerPlacementPath } from '../placements/paths.js';
import { contactText, type ContactTextKey } from './messages.js';
import {
  bodyOf,
  ClosedWords,
  ConflictNotice,
  contactsPageSize,
  Conversation as ConversationPart,
  DoneNotice,
  doneParam,
  employerContactsPath,
  formErrors,
  refused,
  StateText,
  textOf,
  WriteForm,
} from './parts.js';
import { employerContactPath, invitePath } from './paths.js';

type Db = AppDeps['db'];

/** The candidate as the employer may name them: the name once the policy shows it, else the pseudonym ("Kandidaat K7R2PX"). */
function candidateName(view: CandidatePresentation | null, pseudonym: string): string {
  return view?.firstName ? `${view.firstName} ${view.lastName ?? ''}`.trim() : pseudonym;
}

type Named = { view: CandidatePresentation | null; pseudonym: string };

function ListPage({ list, named }: { list: ContactListPage; named: ReadonlyMap<string, CandidatePresentation> }) {
  const t = useT(contactText);
  return (
    <Layout title={t('employerListTitle')}>
      <Heading>{t('employerListTitle')}</Heading>
      <Paragraph lead>{t('employerListIntro')}</Paragraph>
      {list.total === 0 ? (
        <>
          <Paragraph>{t('employerListEmpty')}</Paragraph>
          <Paragraph>
            <a className="utrecht-link" href="/werkgever/vacatures">
              {t('toMyVacancies')}
            </a>
          </Paragraph>
        </>
      ) : (
        <>
          <DataTable
            caption={t('employerListCaption')}
            hiddenCaption
            contained
            rows={list.items}
            rowKey={(row) => row.id}
            columns={[
              {
                header: t('colCandidate'),
                rowHeader: true,
                cell: (row) => (
                  <a className="utrecht-link" href={employerContactPath(row.id)}>
                    {candidateName(named.get(row.candidate_id) ?? null, row.candidate_pseudonym)}
                  </a>
                ),
              },
              { header: t('colVacancy'), cell: (row) => row.vacancy_title },
              { header: t('colState'), cell: (row) => <StateText side="employer" application={row} /> },
              { header: t('colLastActivity'), cell: (row) => <DateText value={row.last_activity_at} /> },
            ]}
          />
          <Pagination page={list.page} pageSize={list.pageSize} total={list.total} href={(page) => listHref(employerContactsPath, page)} />
        </>
      )}
    </Layout>
  );
}

type EmployerContact = Named & { conversation: Conversation; placementId: string | null };

const doneKeys: Record<string, ContactTextKey> = {
  uitgenodigd: 'doneE_invited',
  bericht: 'doneE_message',
  praten: 'doneE_talk',
  nee: 'doneE_declined',
  ingetrokken: 'doneE_withdrawn',
};

type PageState = { form: FormState; conflict: string | null; done: string | null };

/** An invitation that waits for the consultant or the candidate. */
const invitationPending = (invitation: string | null) => invitation === 'with_consultant' || invitation === 'with_candidate';

function CandidateSummary({ contact }: { contact: EmployerContact }) {
  const t = useT(contactText);
  const { view } = contact;
  const { application } = contact.conversation;
  const facts = view
    ? [
        ...(view.wishedOccupations?.length
          ? [t('factOccupations', { occupations: view.wishedOccupations.map((c) => c.label).join(', ') })]
          : []),
        ...(typeof view.hoursPerWeek === 'number' ? [t('factHours', { hours: view.hoursPerWeek })] : []),
        ...(view.postcodeArea ? [t('factArea', { area: view.postcodeArea })] : []),
      ]
    : [];
  return (
    <Section id="kandidaat" title={t('aboutCandidateTitle')} card>
      {facts.length ? (
        <ul className="utrecht-unordered-list">
          {facts.map((fact) => (
            <li key={fact} className="utrecht-unordered-list__item">
              {fact}
            </li>
          ))}
        </ul>
      ) : null}
      {!view?.firstName ? (
        <Paragraph>
          {isOpen(application.state) && invitationPending(application.invitation) ? t('nameHidden') : t('nameNotShown')}
        </Paragraph>
      ) : null}
      {view ? (
        <Paragraph>
          <a className="utrecht-link" href={`/kandidaten/${application.candidate_id}`}>
            {t('seeProfile')}
          </a>
        </Paragraph>
      ) : (
        <Paragraph>{t('notVisible')}</Paragraph>
      )}
    </Section>
  );
}

function ContactPage({ contact, state }: { contact: EmployerContact; state: PageState }) {
  const t = useT(contactText);
  const { application, messages } = contact.conversation;
  const { form } = state;
  const action = employerContactPath(application.id);
  const name = candidateName(contact.view, contact.pseudonym);
  const open = isOpen(application.state);
  const pending = invitationPending(application.invitation);
  const mayRegister = (application.state === 'new' || application.state === 'in_conversation') && !pending;
  const title = t('employerDetailTitle', { name });
  return (
    <Layout title={title} hasErrors={Object.keys(form.errors).length > 0}>
      <ErrorSummary form={form} />
      <DoneNotice done={state.done} keys={doneKeys} />
      <ConflictNotice detail={state.conflict} />
      <Paragraph>
        <a className="utrecht-link" href={employerContactsPath}>
          {t('backToEmployerList')}
        </a>
      </Paragraph>
      <Heading>{title}</Heading>
      <Paragraph lead>
        <StateText side="employer" application={application} />
      </Paragraph>
      <ClosedWords side="employer" application={application} />
      <Paragraph>
        {t('aboutVacancy', { title: application.vacancy_title })}{' '}
        <a className="utrecht-link" href={`/werkgever/vacatures/${application.vacancy_id}`}>
          {t('seeMyVacancy')}
        </a>
      </Paragraph>
      <CandidateSummary contact={contact} />

      {contact.placementId || mayRegister ? (
        <Section id="plaatsing" title={t('placementTitle')}>
          {contact.placementId ? (
            <Paragraph>
              <a className="utrecht-link" href={placementPath('employer', contact.placementId)}>
                {t('seePlacement')}
              </a>
            </Paragraph>
          ) : null}
          {mayRegister ? (
            <>
              <Paragraph>{t('registerPlacementIntro')}</Paragraph>
              <Paragraph>
                <a className="utrecht-link" href={registerPlacementPath(application.id)}>
                  {t('registerPlacement')}
                </a>
              </Paragraph>
            </>
          ) : null}
        </Section>
      ) : null}

      <ConversationPart
        side="employer"
        messages={messages ?? []}
        employerName={application.employer_name}
        candidateName={contact.view?.firstName ? name : undefined}
      />
      <WriteForm side="employer" application={application} allowed={mayWrite(application, 'employer')} action={action} form={form} />

      {application.state === 'new' && application.invitation === null ? (
        <Section id="praten" title={t('talkTitle')} card>
          <Paragraph>{t('talkIntro')}</Paragraph>
          <Form action={action}>
            <input type="hidden" name="actie" value="praten" />
            <SubmitButton>{t('talkButton')}</SubmitButton>
          </Form>
        </Section>
      ) : null}

      {open && !pending ? (
        <Section id="nee" title={t('declineTitle')}>
          <Paragraph>{t('declineIntro')}</Paragraph>
          <Form action={action}>
            <input type="hidden" name="actie" value="afwijzen" />
            <TextArea form={form} name="afwijsReden" label={t('declineReason')} hint={t('declineReasonHint')} rows={4} />
            <SubmitButton secondary>{t('declineButton')}</SubmitButton>
          </Form>
        </Section>
      ) : null}

      {open && pending && application.started_by === 'employer' ? (
        <Section id="intrekken" title={t('withdrawInvitationTitle')}>
          <Paragraph>{t('withdrawInvitationIntro')}</Paragraph>
          <Form action={action}>
            <input type="hidden" name="actie" value="intrekken" />
            <TextArea
              form={form}
              name="intrekReden"
              label={t('withdrawInvitationReason')}
              hint={t('withdrawInvitationReasonHint')}
              rows={3}
              optional
            />
            <SubmitButton secondary>{t('withdrawInvitationButton')}</SubmitButton>
          </Form>
        </Section>
      ) : null}
    </Layout>
  );
}

type InviteData = { vacancyId: string; candidateId: string; title: string; name: Named; existing: string | null };

function InvitePage({ data, form, conflict }: { data: InviteData; form: FormState; conflict: string | null }) {
  const t = useT(contactText);
  const name = candidateName(data.name.view, data.name.pseudonym);
  return (
    <Layout title={t('inviteTitle')} hasErrors={Object.keys(form.errors).length > 0}>
      <ErrorSummary form={form} />
      <ConflictNotice detail={conflict} />
      <Paragraph>
        <a className="utrecht-link" href={employerCandidatesPath(data.vacancyId)}>
          {t('inviteBack')}
        </a>
      </Paragraph>
      <Heading>{t('inviteTitle')}</Heading>
      <Paragraph lead>{t('inviteIntro', { name, title: data.title })}</Paragraph>
      {data.existing ? (
        <Notice>
          {t('inviteExisting')}{' '}
          <a className="utrecht-link" href={employerContactPath(data.existing)}>
            {t('inviteExistingLink')}
          </a>
        </Notice>
      ) : (
        <>
          <Paragraph>{t('inviteHow')}</Paragraph>
          <Form action={invitePath(data.vacancyId, data.candidateId)}>
            <TextArea form={form} name="bericht" label={t('inviteMessage')} hint={t('inviteMessageHint')} rows={6} />
            <SubmitButton>{t('inviteButton')}</SubmitButton>
          </Form>
        </>
      )}
    </Layout>
  );
}

type Step = { run: () => Promise<CommandResult>; done: string; fields: Record<string, string> };

function stepOf(db: Db, actor: Actor, id: string, body: Record<string, unknown>): Step | null {
  switch (body.actie) {
    case 'bericht':
      return { run: () => sendMessage(db, actor, id, { body: textOf(body.bericht) }), done: 'bericht', fields: { body: 'bericht' } };
    case 'praten':
      return { run: () => startConversation(db, actor, id), done: 'praten', fields: {} };
    case 'afwijzen':
      return {
        run: () => declineApplication(db, actor, id, { reason: textOf(body.afwijsReden) }),
        done: 'nee',
        fields: { reason: 'afwijsReden' },
      };
    case 'intrekken':
      return {
        run: () => withdrawApplication(db, actor, id, { reason: textOf(body.intrekReden) }),
        done: 'ingetrokken',
        fields: { reason: 'intrekReden' },
      };
    default:
      return null;
  }
}

function typedValues(body: Record<string, unknown>): FormState['values'] {
  const values: FormState['values'] = {};
  for (const name of ['bericht', 'afwijsReden', 'intrekReden']) values[name] = textOf(body[name]);
  return values;
}

const params = (request: FastifyRequest) => request.params as { id: string; candidateId?: string };
const sendLimit = (request: FastifyRequest, reply: FastifyReply) =>
  sendPage(request, reply.header('retry-after', String(secondsUntilNextDay())), <ViewLimitPage />, 429);

/**
 * The employer's contact pages: the list at /werkgever/contacten, one contact at
 * /werkgever/contacten/:id (every step posts to it, with `actie`), and inviting a candidate of the
 * pool at /werkgever/vacatures/:id/uitnodigen/:candidateId. Candidates are read through the policy
 * (`readCandidate(s)`): each read is logged and counts against the daily limit.
 */
export function registerEmployerContactPages(app: FastifyInstance, { db }: AppDeps): void {
  async function loadContact(actor: Actor, id: string): Promise<EmployerContact | null | 'limit'> {
    const conversation = await readConversation(db, actor, id);
    if (!conversation || conversation.party !== 'employer') return null;
    const { application } = conversation;
    const read = await readCandidate(db, actor, application.candidate_id, 'werkgever.contact');
    if (read === 'limit') return 'limit';
    const pseudonym = read?.view.pseudonym ?? (await candidatePseudonym(db, application.candidate_id)) ?? '';
    const placement = await placementOfApplication(db, application.id);
    return { conversation, view: read?.view ?? null, pseudonym, placementId: placement?.id ?? null };
  }

  async function showContact(request: FastifyRequest, reply: FastifyReply, actor: Actor, state: PageState, status = 200) {
    const contact = await loadContact(actor, params(request).id);
    if (contact === 'limit') return sendLimit(request, reply);
    if (!contact) return sendNotFound(request, reply);
    return sendPage(request, reply, <ContactPage contact={contact} state={state} />, status);
  }

  app.get(employerContactsPath, async (request, reply) => {
    const actor = requirePageRole(request, reply, 'werkgever');
    if (!actor) return reply;
    const page = pageParam((request.query as Record<string, unknown>).pagina);
    const list = await listApplications(db, actor, 'employer', { page, pageSize: contactsPageSize });
    const reads = await readCandidates(db, actor, [...new Set(list.items.map((row) => row.candidate_id))], 'werkgever.contacten');
    if (reads === 'limit') return sendLimit(request, reply);
    const named = new Map(reads.map((read) => [read.candidate.id, read.view]));
    return sendPage(request, reply, <ListPage list={list} named={named} />);
  });

  app.get(`${employerContactsPath}/:id`, async (request, reply) => {
    const actor = requirePageRole(request, reply, 'werkgever');
    if (!actor) return reply;
    return showContact(request, reply, actor, { form: emptyForm, conflict: null, done: doneParam(request) });
  });

  app.post(`${employerContactsPath}/:id`, async (request, reply) => {
    const actor = requirePageRole(request, reply, 'werkgever');
    if (!actor) return reply;
    const { id } = params(request);
    const body = bodyOf(request);
    const step = stepOf(db, actor, id, body);
    if (!step) return sendPage(request, reply, <ErrorPage status={400} />, 400);
    const result = await step.run();
    if (result.ok) return reply.redirect(`${employerContactPath(id)}?klaar=${step.done}`, 303);
    if (result.reason === 'conflict') {
      return showContact(request, reply, actor, { form: emptyForm, conflict: result.detail, done: null }, 409);
    }
    if (result.reason === 'invalid') {
      const form = { values: typedValues(body), errors: formErrors(result.errors, step.fields) };
      return showContact(request, reply, actor, { form, conflict: null, done: null }, 400);
    }
    return refused(request, reply, result.reason);
  });

  /** The employer's own open vacancy and the candidate as the policy shows them; null when either is not theirs to see. */
  async function inviteData(actor: Actor, vacancyId: string, candidateId: string): Promise<InviteData | null | 'limit'> {
    const vacancy = await readVacancy(db, actor, vacancyId);
    if (!vacancy?.managed || !vacancy.vacancy.publiclyListed) return null;
    const read = await readCandidate(db, actor, candidateId, 'werkgever.uitnodigen');
    if (read === 'limit') return 'limit';
    if (!read || read.access.role !== 'werkgever') return null;
    return {
      vacancyId: vacancy.vacancy.id,
      candidateId: read.candidate.id,
      title: vacancy.vacancy.title,
      name: { view: read.view, pseudonym: read.view.pseudonym },
      existing: await openContactFor(db, read.candidate.id, vacancy.vacancy.id),
    };
  }

  const invitePattern = invitePath(':id', ':candidateId');

  app.get(invitePattern, async (request, reply) => {
    const actor = requirePageRole(request, reply, 'werkgever');
    if (!actor) return reply;
    const { id, candidateId = '' } = params(request);
    const data = await inviteData(actor, id, candidateId);
    if (data === 'limit') return sendLimit(request, reply);
    if (!data) return sendNotFound(request, reply);
    return sendPage(request, reply, <InvitePage data={data} form={emptyForm} conflict={null} />);
  });

  app.post(invitePattern, async (request, reply) => {
    const actor = requirePageRole(request, reply, 'werkgever');
    if (!actor) return reply;
    const { id, candidateId = '' } = params(request);
    const body = bodyOf(request);
    const vacancy = await readVacancy(db, actor, id);
    if (!vacancy?.managed) return sendNotFound(request, reply);
    const result = await inviteCandidate(db, actor, id, candidateId, { message: textOf(body.bericht) });
    if (result.ok) return reply.redirect(`${employerContactPath(result.value.id)}?klaar=uitgenodigd`, 303);
    if (result.reason !== 'conflict' && result.reason !== 'invalid') return refused(request, reply, result.reason);
    const data = await inviteData(actor, id, candidateId);
    if (data === 'limit') return sendLimit(request, reply);
    if (!data) return sendNotFound(request, reply);
    if (result.reason === 'conflict')
      return sendPage(request, reply, <InvitePage data={data} form={emptyForm} conflict={result.detail} />, 409);
    const form = { values: { bericht: textOf(body.bericht) }, errors: formErrors(result.errors, { message: 'bericht' }) };
    return sendPage(request, reply, <InvitePage data={data} form={form} conflict={null} />, 400);
  });
}
