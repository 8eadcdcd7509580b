import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasRole, type Actor } from '#app/domain/accounts/actor.js';
import { candidateSees, findApplication, readConversation, type Conversation } from '#app/domain/applications/access.js';
import {
  answerInvitation,
  mayWrite,
  sendMessage,
  setConsultantReads,
  showInterest,
  withdrawApplication,
} from '#app/domain/applications/commands.js';
import { openContactFor, placementOfApplication } from '#app/domain/applications/consultant-queries.js';
import { listApplications, type ContactListPage } from '#app/domain/applications/queries.js';
import { isOpen } from '#app/domain/applications/states.js';
import { ownCandidateId } from '#app/domain/candidates/own-candidate.js';
import type { CommandResult } from '#app/domain/results.js';
import { readVacancy } from '#app/domain/vacancies/queries.js';
import { DateText } from '#app/ui/dates.js';
import { ChoiceGroup, emptyForm, ErrorSummary, Form, SubmitButton, TextArea, type FormState } from '#app/ui/form.js';
import { useT } from '#app/ui/i18n.js';
import { Heading, Layout, Pagination, Paragraph } from '#app/ui/layout.js';
import { Section } from '#app/ui/section.js';
import { DataTable } from '#app/ui/table.js';
import type { AppDeps } from '../../deps.js';
import { requirePageRole, sendNotFound } from '../../guards.js';
import { sendPage } from '../../plugins/render.js';
import { listHref, pageParam } from '../../query-params.js';
import { ErrorPage } from '../error-page.js';
import { forYouPath } from '../matching/paths.js';
import { placementPath } from '../placements/paths.js';
import { contactText, type ContactTextKey } from './messages.js';
import {
  bodyOf,
  candidateContactsPath,
  ClosedWords,
  ConflictNotice,
  contactsPageSize,
  Conversation as ConversationPart,
  DoneNotice,
  doneParam,
  formErrors,
  refused,
  StateText,
  textOf,
  WriteForm,
} from './parts.js';
import { candidateContactPath, interestPath } from './paths.js';

type Db = AppDeps['db'];

/** What the candidate sees of one vacancy's contact: a form to show interest, or the link to the open contact. */
export type InterestState = { kind: 'form' } | { kind: 'open'; applicationId: string };

/**
 * For the public vacancy page: a signed-in candidate with a profile gets the interest form, or the
 * link to the contact they already have about it; anyone else null (the page says how to respond).
 */
export async function interestFor(db: Db, actor: Actor | null, vacancyId: string): Promise<InterestState | null> {
  if (!actor || !hasRole(actor, 'kandidaat')) return null;
  const candidateId = await ownCandidateId(db, actor);
  if (!candidateId) return null;
  const openId = await openContactFor(db, candidateId, vacancyId);
  const open = openId ? await findApplication(db, openId) : null;
  return open && candidateSees(open) ? { kind: 'open', applicationId: open.id } : { kind: 'form' };
}

/** "Ik heb interesse": says plainly that the employer will see the name and profile. */
export function InterestPart({ vacancyId, state, form = emptyForm }: { vacancyId: string; state: InterestState; form?: FormState }) {
  const t = useT(contactText);
  return (
    <Section id="interesse" title={t('interestTitle')} card>
      {state.kind === 'open' ? (
        <>
          <Paragraph>{t('interestOpen')}</Paragraph>
          <Paragraph>
            <a className="utrecht-link" href={candidateContactPath(state.applicationId)}>
              {t('interestOpenLink')}
            </a>
          </Paragraph>
        </>
      ) : (
        <>
          <Paragraph>{t('interestIntro')}</Paragraph>
          <Paragraph>{t('interestReveal')}</Paragraph>
          <Form action={interestPath(vacancyId)}>
            <TextArea form={form} name="bericht" label={t('interestMessage')} hint={t('interestMessageHint')} rows={4} optional />
            <SubmitButton>{t('interestButton')}</SubmitButton>
          </Form>
        </>
      )}
    </Section>
  );
}

type InterestPageData = { vacancyId: string; title: string; employer: string; state: InterestState };

function InterestPage({ data, form, conflict }: { data: InterestPageData; form: FormState; conflict: string | null }) {
  const t = useT(contactText);
  return (
    <Layout title={t('interestPageTitle')} hasErrors={Object.keys(form.errors).length > 0}>
      <ErrorSummary form={form} />
      <ConflictNotice detail={conflict} />
      <Paragraph>
        <a className="utrecht-link" href={`/vacatures/${data.vacancyId}`}>
          {t('backToVacancy')}
        </a>
      </Paragraph>
      <Heading>{t('interestPageTitle')}</Heading>
      <Paragraph lead>{t('interestPageIntro', { employer: data.employer, title: data.title })}</Paragraph>
      <InterestPart vacancyId={data.vacancyId} state={data.state} form={form} />
    </Layout>
  );
}

function ListPage({ list }: { list: ContactListPage }) {
  const t = useT(contactText);
  return (
    <Layout title={t('candidateListTitle')}>
      <Heading>{t('candidateListTitle')}</Heading>
      <Paragraph lead>{t('candidateListIntro')}</Paragraph>
      {list.total === 0 ? (
        <>
          <Paragraph>{t('candidateListEmpty')}</Paragraph>
          <Paragraph>
            <a className="utrecht-link" href={forYouPath}>
              {t('toForYou')}
            </a>
          </Paragraph>
        </>
      ) : (
        <>
          <DataTable
            caption={t('candidateListCaption')}
            hiddenCaption
            contained
            rows={list.items}
            rowKey={(row) => row.id}
            columns={[
              {
                header: t('colVacancy'),
                rowHeader: true,
                cell: (row) => (
                  <a className="utrecht-link" href={candidateContactPath(row.id)}>
                    {row.vacancy_title}
                  </a>
                ),
              },
              { header: t('colEmployer'), cell: (row) => row.employer_name },
              { header: t('colState'), cell: (row) => <StateText side="candidate" application={row} /> },
              { header: t('colLastActivity'), cell: (row) => <DateText value={row.last_activity_at} /> },
            ]}
          />
          <Pagination page={list.page} pageSize={list.pageSize} total={list.total} href={(page) => listHref(candidateContactsPath, page)} />
        </>
      )}
    </Layout>
  );
}

type CandidateContact = { conversation: Conversation; placementId: string | null; vacancyListed: boolean };

/** The messages after each step, by the `?klaar=` value. */
const doneKeys: Record<string, ContactTextKey> = {
  interesse: 'done_interest',
  bericht: 'done_message',
  ja: 'done_accepted',
  nee: 'done_declined',
  gestopt: 'done_withdrawn',
  'meelezen-aan': 'done_readAlongOn',
  'meelezen-uit': 'done_readAlongOff',
};

type PageState = { form: FormState; conflict: string | null; done: string | null };

function ContactPage({ contact, state }: { contact: CandidateContact; state: PageState }) {
  const t = useT(contactText);
  const { application, messages } = contact.conversation;
  const { form } = state;
  const action = candidateContactPath(application.id);
  const invited = isOpen(application.state) && application.invitation === 'with_candidate';
  const title = t('candidateDetailTitle', { title: application.vacancy_title });
  return (
    <Layout title={title} hasErrors={Object.keys(form.errors).length > 0}>
      <ErrorSummary form={form} />
      <DoneNotice done={state.done} keys={doneKeys} />
      <ConflictNotice detail={state.conflict} />
      <Paragraph>
        <a className="utrecht-link" href={candidateContactsPath}>
          {t('backToCandidateList')}
        </a>
      </Paragraph>
      <Heading>{title}</Heading>
      <Paragraph lead>
        <StateText side="candidate" application={application} />
      </Paragraph>
      <ClosedWords side="candidate" application={application} />
      <Paragraph>
        {t('employerLine', { employer: application.employer_name })}
        {contact.vacancyListed ? (
          <>
            {' · '}
            <a className="utrecht-link" href={`/vacatures/${application.vacancy_id}`}>
              {t('seeVacancy')}
            </a>
          </>
        ) : null}
      </Paragraph>
      {contact.placementId ? (
        <Paragraph>
          <a className="utrecht-link" href={placementPath('candidate', contact.placementId)}>
            {t('seeYourPlacement')}
          </a>
        </Paragraph>
      ) : null}

      <ConversationPart side="candidate" messages={messages ?? []} employerName={application.employer_name} />

      {invited ? (
        <Section id="uitnodiging" title={t('invitationTitle')} card>
          <Paragraph>{t('invitationIntro', { employer: application.employer_name })}</Paragraph>
          <Paragraph>{t('invitationReveal')}</Paragraph>
          <Form action={action}>
            <input type="hidden" name="actie" value="antwoord" />
            <ChoiceGroup
              form={form}
              name="antwoord"
              label={t('answerLegend')}
              options={[
                { value: 'ja', label: t('answerYes') },
                { value: 'nee', label: t('answerNo') },
              ]}
            />
            <TextArea form={form} name="antwoordReden" label={t('answerReason')} hint={t('answerReasonHint')} rows={3} optional />
            <SubmitButton>{t('answerButton')}</SubmitButton>
          </Form>
        </Section>
      ) : (
        <WriteForm side="candidate" application={application} allowed={mayWrite(application, 'candidate')} action={action} form={form} />
      )}

      {isOpen(application.state) && !invited ? (
        <Section id="stoppen" title={t('withdrawTitle')}>
          <Paragraph>{t('withdrawIntro')}</Paragraph>
          <Form action={action}>
            <input type="hidden" name="actie" value="stoppen" />
            <TextArea form={form} name="stopReden" label={t('withdrawReason')} hint={t('withdrawReasonHint')} rows={3} optional />
            <SubmitButton secondary>{t('withdrawButton')}</SubmitButton>
          </Form>
        </Section>
      ) : null}

      <Section id="meelezen" title={t('readAlongTitle')}>
        <Paragraph>{application.consultant_reads ? t('readAlongOn') : t('readAlongOff')}</Paragraph>
        <Form action={action}>
          <input type="hidden" name="actie" value="meelezen" />
          <input type="hidden" name="meelezen" value={application.consultant_reads ? 'nee' : 'ja'} />
          <SubmitButton secondary>{application.consultant_reads ? t('readAlongTurnOff') : t('readAlongTurnOn')}</SubmitButton>
        </Form>
      </Section>
    </Layout>
  );
}

/** A posted step: which command, its input from the form, where "done" goes, and the form's field names. */
type Step = { run: () => Promise<CommandResult>; done: string; fields: Record<string, string> };

function stepOf(db: Db, actor: Actor, id: string, body: Record<string, unknown>): Step | null {
  switch (body.actie) {
    case 'bericht':
      return { run: () => sendMessage(db, actor, id, { body: textOf(body.bericht) }), done: 'bericht', fields: { body: 'bericht' } };
    case 'antwoord': {
      const answer = body.antwoord === 'ja' ? 'accept' : body.antwoord === 'nee' ? 'decline' : undefined;
      return {
        run: () => answerInvitation(db, actor, id, { answer, reason: textOf(body.antwoordReden) }),
        done: answer === 'accept' ? 'ja' : 'nee',
        fields: { answer: 'antwoord', reason: 'antwoordReden' },
      };
    }
    case 'stoppen':
      return {
        run: () => withdrawApplication(db, actor, id, { reason: textOf(body.stopReden) }),
        done: 'gestopt',
        fields: { reason: 'stopReden' },
      };
    case 'meelezen': {
      const allowed = body.meelezen === 'ja';
      return { run: () => setConsultantReads(db, actor, id, allowed), done: allowed ? 'meelezen-aan' : 'meelezen-uit', fields: {} };
    }
    default:
      return null;
  }
}

/** What a refused form showed: the text fields as typed. */
function typedValues(body: Record<string, unknown>): FormState['values'] {
  const values: FormState['values'] = {};
  for (const name of ['bericht', 'antwoord', 'antwoordReden', 'stopReden']) values[name] = textOf(body[name]);
  return values;
}

const idOf = (request: FastifyRequest) => (request.params as { id: string }).id;

/**
 * The candidate's contact pages: the list at /kandidaat/contacten, one contact at
 * /kandidaat/contacten/:id (every step posts to it, with `actie`), and showing interest in a vacancy
 * at /vacatures/:id/interesse. A contact that is not the candidate's, or that they may not see yet, is "not found".
 */
export function registerCandidateContactPages(app: FastifyInstance, { db }: AppDeps): void {
  async function loadContact(actor: Actor, id: string): Promise<CandidateContact | null> {
    const conversation = await readConversation(db, actor, id);
    if (!conversation || conversation.party !== 'candidate') return null;
    const { application } = conversation;
    const placement = await placementOfApplication(db, application.id);
    const vacancy = await readVacancy(db, actor, application.vacancy_id);
    return { conversation, placementId: placement?.id ?? null, vacancyListed: !!vacancy?.vacancy.publiclyListed };
  }

  async function showContact(request: FastifyRequest, reply: FastifyReply, actor: Actor, state: PageState, status = 200) {
    const contact = await loadContact(actor, idOf(request));
    if (!contact) return sendNotFound(request, reply);
    return sendPage(request, reply, <ContactPage contact={contact} state={state} />, status);
  }

  app.get(candidateContactsPath, async (request, reply) => {
    const actor = requirePageRole(request, reply, 'kandidaat');
    if (!actor) return reply;
    const page = pageParam((request.query as Record<string, unknown>).pagina);
    const list = await listApplications(db, actor, 'candidate', { page, pageSize: contactsPageSize });
    return sendPage(request, reply, <ListPage list={list} />);
  });

  app.get(`${candidateContactsPath}/:id`, async (request, reply) => {
    const actor = requirePageRole(request, reply, 'kandidaat');
    if (!actor) return reply;
    return showContact(request, reply, actor, { form: emptyForm, conflict: null, done: doneParam(request) });
  });

  app.post(`${candidateContactsPath}/:id`, async (request, reply) => {
    const actor = requirePageRole(request, reply, 'kandidaat');
    if (!actor) return reply;
    const id = idOf(request);
    const body = bodyOf(request);
    const step = stepOf(db, actor, id, body);
    if (!step) return sendPage(request, reply, <ErrorPage status={400} />, 400);
    const result = await step.run();
    if (result.ok) return reply.redirect(`${candidateContactPath(id)}?klaar=${step.done}`, 303);
    if (result.reason === 'conflict') {
      return showContact(request, reply, actor, { form: emptyForm, conflict: result.detail, done: null }, 409);
    }
    if (result.reason === 'invalid') {
      const form = { values: typedValues(body), errors: formErrors(result.errors, step.fields) };
      return showContact(request, reply, actor, { form, conflict: null, done: null }, 400);
    }
    return refused(request, reply, result.reason);
  });

  /** The vacancy and what the candidate can do about it, or null when it is not open to them. */
  async function interestPage(actor: Actor, vacancyId: string): Promise<InterestPageData | null> {
    const read = await readVacancy(db, actor, vacancyId);
    if (!read || !read.vacancy.publiclyListed) return null;
    const state = await interestFor(db, actor, vacancyId);
    if (!state) return null;
    return { vacancyId: read.vacancy.id, title: read.vacancy.title, employer: read.vacancy.employerName, state };
  }

  app.get(interestPath(':id'), async (request, reply) => {
    const actor = requirePageRole(request, reply, 'kandidaat');
    if (!actor) return reply;
    const data = await interestPage(actor, idOf(request));
    if (!data) return sendNotFound(request, reply);
    return sendPage(request, reply, <InterestPage data={data} form={emptyForm} conflict={null} />);
  });

  app.post(interestPath(':id'), async (request, reply) => {
    const actor = requirePageRole(request, reply, 'kandidaat');
    if (!actor) return reply;
    const body = bodyOf(request);
    const result = await showInterest(db, actor, idOf(request), { message: textOf(body.bericht) });
    if (result.ok) return reply.redirect(`${candidateContactPath(result.value.id)}?klaar=interesse`, 303);
    if (result.reason !== 'conflict' && result.reason !== 'invalid') return refused(request, reply, result.reason);
    const data = await interestPage(actor, idOf(request));
    if (!data) return sendNotFound(request, reply);
    if (result.reason === 'conflict')
      return sendPage(request, reply, <InterestPage data={data} form={emptyForm} conflict={result.detail} />, 409);
    const form = { values: { bericht: textOf(body.bericht) }, errors: formErrors(result.errors, { message: 'bericht' }) };
    return sendPage(request, reply, <InterestPage data={data} form={form} conflict={null} />, 400);
  });
}
