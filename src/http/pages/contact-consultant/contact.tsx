import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '#app/domain/accounts/actor.js';
import { userNames } from '#app/domain/accounts/names.js';
import { awaitsTelling, mayActForInstantie, readConversation, type Conversation } from '#app/domain/applications/access.js';
import { handleInvitation, markDeclineTold, withdrawApplication } from '#app/domain/applications/commands.js';
import { applicationSteps, placementOfApplication, type ApplicationStep } from '#app/domain/applications/consultant-queries.js';
import { isOpen } from '#app/domain/applications/states.js';
import { readCandidate } from '#app/domain/candidates/queries.js';
import type { CommandResult } from '#app/domain/results.js';
import { DateText } from '#app/ui/dates.js';
import { emptyForm, ErrorSummary, Form, SubmitButton, TextArea, type FormState } from '#app/ui/form.js';
import { useT } from '#app/ui/i18n.js';
import { Heading, Layout, Notice, Paragraph } from '#app/ui/layout.js';
import { Section } from '#app/ui/section.js';
import { DataTable } from '#app/ui/table.js';
import type { AppDeps } from '../../deps.js';
import { sendNotFound } from '../../guards.js';
import { sendPage } from '../../plugins/render.js';
import { ErrorPage } from '../error-page.js';
import { candidatePath, fullName, useCodeLabel } from '../consulent/parts.js';
import { consultantContactText } from './messages.js';
import { requireStaff, StateText } from './parts.js';
import { contactPath, contactsPath } from './paths.js';

type ContactData = {
  conversation: Conversation;
  candidate: { name: string; href: string | null; hasAccount: boolean };
  steps: ApplicationStep[];
  names: Map<string, string>;
  placement: { id: string } | null;
  mayAct: boolean;
};

type Feedback = { done?: string; conflict?: string; form?: FormState };

/** What a successful action says on the page after the redirect (`?gedaan=`). */
const doneKeys = {
  doorgestuurd: 'done_forwarded',
  afgezegd: 'done_declined',
  besproken: 'done_told',
  ingetrokken: 'done_withdrawn',
  voorgesteld: 'done_proposed',
} as const;
type Done = keyof typeof doneKeys;
const isDone = (value: unknown): value is Done => typeof value === 'string' && value in doneKeys;

function Facts({ data }: { data: ContactData }) {
  const t = useT(consultantContactText);
  const label = useCodeLabel(consultantContactText);
  const { application } = data.conversation;
  return (
    <Section id="gegevens" title={t('factsHeading')}>
      <dl className="werkregie-definitions">
        <div>
          <dt>{t('factCandidate')}</dt>
          <dd>
            {data.candidate.href ? (
              <a className="utrecht-link" href={data.candidate.href}>
                {data.candidate.name}
              </a>
            ) : (
              data.candidate.name
            )}
          </dd>
        </div>
        <div>
          <dt>{t('factVacancy')}</dt>
          <dd>
            <a className="utrecht-link" href={`/vacatures/${application.vacancy_id}`}>
              {application.vacancy_title}
            </a>
          </dd>
        </div>
        <div>
          <dt>{t('factEmployer')}</dt>
          <dd>{application.employer_name}</dd>
        </div>
        <div>
          <dt>{t('factStartedBy')}</dt>
          <dd>{label('startedBy', application.started_by)}</dd>
        </div>
        <div>
          <dt>{t('factState')}</dt>
          <dd>
            <StateText application={application} />
          </dd>
        </div>
        <div>
          <dt>{t('factSince')}</dt>
          <dd>
            <DateText value={application.state_changed_at} withTime />
          </dd>
        </div>
      </dl>
      {data.placement ? (
        <Paragraph>
          <a className="utrecht-link" href={`/consulent/plaatsingen/${data.placement.id}`}>
            {t('toPlacement')}
          </a>
        </Paragraph>
      ) : null}
    </Section>
  );
}

const ActionField = ({ action }: { action: string }) => <input type="hidden" name="actie" value={action} />;

function Actions({ data, form }: { data: ContactData; form: FormState }) {
  const t = useT(consultantContactText);
  const { application } = data.conversation;
  const withConsultant = application.invitation === 'with_consultant' && isOpen(application.state);
  const toTell = awaitsTelling(application);
  const mayWithdraw = isOpen(application.state) && !withConsultant;
  if (!withConsultant && !toTell && !mayWithdraw) return <Paragraph>{t('nothingToDo')}</Paragraph>;
  return (
    <>
      {withConsultant ? (
        <>
          <Paragraph>{t('invitationExplain', { name: data.candidate.name })}</Paragraph>
          {data.candidate.hasAccount ? (
            <Form action={contactPath(application.id)}>
              <ActionField action="doorsturen" />
              <SubmitButton>{t('forwardButton')}</SubmitButton>
            </Form>
          ) : (
            <Paragraph>{t('noAccount')}</Paragraph>
          )}
          <h3 className="utrecht-heading-3">{t('declineHeading')}</h3>
          <Form action={contactPath(application.id)}>
            <ActionField action="afzeggen" />
            <TextArea form={form} name="reason" label={t('declineReason')} hint={t('declineReasonHint')} rows={4} />
            <SubmitButton secondary>{t('declineButton')}</SubmitButton>
          </Form>
        </>
      ) : null}
      {toTell ? (
        <>
          <h3 className="utrecht-heading-3">{t('toTellHeading')}</h3>
          <Paragraph>{t('toTellExplain')}</Paragraph>
          <EmployerWords reason={application.closed_reason} />
          <Form action={contactPath(application.id)}>
            <ActionField action="besproken" />
            <SubmitButton>{t('toldButton')}</SubmitButton>
          </Form>
        </>
      ) : null}
      {mayWithdraw ? (
        <>
          <h3 className="utrecht-heading-3">{t('withdrawHeading')}</h3>
          <Paragraph>{t('withdrawExplain')}</Paragraph>
          <Form action={contactPath(application.id)}>
            <ActionField action="intrekken" />
            <TextArea form={form} name="withdrawReason" label={t('withdrawReason')} hint={t('withdrawReasonHint')} rows={3} optional />
            <SubmitButton secondary>{t('withdrawButton')}</SubmitButton>
          </Form>
        </>
      ) : null}
    </>
  );
}

/** The employer's no, in their own words, for the consultant who has to tell it. */
function EmployerWords({ reason }: { reason: string | null }) {
  const t = useT(consultantContactText);
  if (!reason) return <Paragraph>{t('employerNoWords')}</Paragraph>;
  return (
    <>
      <Paragraph>{t('employerWords')}</Paragraph>
      <blockquote className="werkregie-mail-text">{reason}</blockquote>
    </>
  );
}

function Messages({ data }: { data: ContactData }) {
  const t = useT(consultantContactText);
  const label = useCodeLabel(consultantContactText);
  const { messages } = data.conversation;
  return (
    <Section id="gesprek" title={t('conversationHeading')}>
      {messages === null ? (
        <Paragraph>{t('conversationPrivate')}</Paragraph>
      ) : messages.length === 0 ? (
        <Paragraph>{t('conversationEmpty')}</Paragraph>
      ) : (
        <ol className="utrecht-ordered-list werkregie-messages">
          {messages.map((message) => (
            <li key={message.id} className="utrecht-ordered-list__item">
              <p className="utrecht-paragraph">
                <strong>
                  {label('author', message.author_role)}: {data.names.get(message.author_user_id) ?? t('unknownUser')}
                </strong>{' '}
                (<DateText value={message.created_at} withTime />)
              </p>
              <p className="utrecht-paragraph werkregie-mail-text">{message.body}</p>
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}

function useStepLabel(startedBy: string) {
  const label = useCodeLabel(consultantContactText);
  return (step: ApplicationStep) => label('step', step.action === 'create' ? `create_${startedBy}` : step.action);
}

function History({ data }: { data: ContactData }) {
  const t = useT(consultantContactText);
  const label = useCodeLabel(consultantContactText);
  const stepLabel = useStepLabel(data.conversation.application.started_by);
  const who = (step: ApplicationStep) => {
    if (!step.actor_user_id) return t('systemUser');
    const name = data.names.get(step.actor_user_id) ?? t('unknownUser');
    return step.actor_role ? `${name} (${label('role', step.actor_role)})` : name;
  };
  const why = (step: ApplicationStep) => (step.reason ? label('reason', step.reason) : '');
  return (
    <Section id="geschiedenis" title={t('historyHeading')}>
      <DataTable
        caption={t('historyCaption')}
        hiddenCaption
        contained
        rows={data.steps}
        rowKey={(step) => String(step.id)}
        columns={[
          { header: t('colWhen'), cell: (step) => <DateText value={step.at} withTime /> },
          { header: t('colWho'), cell: who },
          { header: t('colWhat'), cell: stepLabel },
          { header: t('colWhy'), cell: why },
        ]}
      />
    </Section>
  );
}

function ContactPage({ data, feedback }: { data: ContactData; feedback: Feedback }) {
  const t = useT(consultantContactText);
  const { application } = data.conversation;
  const form = feedback.form ?? emptyForm;
  const title = t('contactTitle', { vacancy: application.vacancy_title });
  return (
    <Layout title={title} hasErrors={Object.keys(form.errors).length > 0}>
      <ErrorSummary form={form} />
      {feedback.done && isDone(feedback.done) ? <Notice type="ok">{t(doneKeys[feedback.done])}</Notice> : null}
      {feedback.conflict ? <Notice type="warning">{feedback.conflict}</Notice> : null}
      <Paragraph>
        <a className="utrecht-link" href={contactsPath}>
          {t('backToList')}
        </a>
      </Paragraph>
      <Heading>{title}</Heading>
      <Paragraph lead>
        {data.candidate.name} · {application.employer_name}
      </Paragraph>
      <Facts data={data} />
      <Section id="acties" title={t('actionsHeading')}>
        {data.mayAct ? (
          <Actions data={data} form={form} />
        ) : (
          <>
            {awaitsTelling(application) ? <EmployerWords reason={application.closed_reason} /> : null}
            <Paragraph>{t('readOnly')}</Paragraph>
          </>
        )}
      </Section>
      <Messages data={data} />
      <History data={data} />
    </Layout>
  );
}

/** Everything the page shows, as the staff member may see it; null when the contact is not theirs to see. */
async function loadContact(db: AppDeps['db'], actor: Actor, id: string): Promise<ContactData | null> {
  const conversation = await readConversation(db, actor, id);
  if (!conversation || conversation.party !== 'consultant') return null;
  const { application } = conversation;
  const read = await readCandidate(db, actor, application.candidate_id, 'consulent.contact');
  const known = read && read !== 'limit' ? read : null;
  const steps = await applicationSteps(db, application.id);
  const names = await userNames(db, [
    ...steps.map((step) => step.actor_user_id),
    ...(conversation.messages ?? []).map((message) => message.author_user_id),
  ]);
  return {
    conversation,
    candidate: {
      name: known ? fullName(known.view) : '',
      // The candidate page is the consultant's; a beheerder or auditor reads the name only.
      href: known?.access.role === 'consulent' ? candidatePath(application.candidate_id) : null,
      hasAccount: application.candidate_user_id !== null,
    },
    steps,
    names,
    placement: await placementOfApplication(db, application.id),
    mayAct: mayActForInstantie(actor, application.instantie_id),
  };
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const idParam = (request: FastifyRequest) => (request.params as { id: string }).id;

type Action = {
  /** Where the page goes when it is done (`?gedaan=`). */
  done: Done;
  result: Promise<CommandResult>;
  /** What the person typed, to show again after an error. */
  values?: FormState['values'];
  /** The page's name of the command's `reason` field, when it is not `reason`. */
  reasonField?: string;
};

/** The action a form posted (`actie`), started; null for anything else. */
function runAction(db: AppDeps['db'], actor: Actor, id: string, body: Record<string, unknown>): Action | null {
  switch (body.actie) {
    case 'doorsturen':
      return { done: 'doorgestuurd', result: handleInvitation(db, actor, id, { decision: 'forward' }) };
    case 'afzeggen':
      return {
        done: 'afgezegd',
        result: handleInvitation(db, actor, id, { decision: 'decline', reason: text(body.reason) }),
        values: { reason: text(body.reason) },
      };
    case 'besproken':
      return { done: 'besproken', result: markDeclineTold(db, actor, id) };
    case 'intrekken':
      return {
        done: 'ingetrokken',
        result: withdrawApplication(db, actor, id, { reason: text(body.withdrawReason) }),
        values: { withdrawReason: text(body.withdrawReason) },
        reasonField: 'withdrawReason',
      };
    default:
      return null;
  }
}

/** The field errors of a command, keyed by the page's field names. */
function formErrors(errors: Record<string, string>, reasonField?: string): FormState['errors'] {
  if (!reasonField) return errors;
  return Object.fromEntries(Object.entries(errors).map(([name, message]) => [name === 'reason' ? reasonField : name, message]));
}

export function registerContactPage(app: FastifyInstance, { db }: AppDeps): void {
  async function show(request: FastifyRequest, reply: FastifyReply, feedback: Feedback, status = 200) {
    const staff = requireStaff(request, reply);
    if (!staff) return reply;
    const data = await loadContact(db, staff.actor, idParam(request));
    if (!data) return sendNotFound(request, reply);
    return sendPage(request, reply, <ContactPage data={data} feedback={feedback} />, status);
  }

  app.get(contactPath(':id'), async (request, reply) =>
    show(request, reply, { done: text((request.query as Record<string, unknown>).gedaan) }),
  );

  app.post(contactPath(':id'), async (request, reply) => {
    const staff = requireStaff(request, reply);
    if (!staff) return reply;
    const id = idParam(request);
    const action = runAction(db, staff.actor, id, (request.body ?? {}) as Record<string, unknown>);
    if (!action) return sendPage(request, reply, <ErrorPage status={400} />, 400);
    const result = await action.result;
    if (result.ok) return reply.redirect(`${contactPath(id)}?gedaan=${action.done}`, 303);
    if (result.reason === 'conflict') return show(request, reply, { conflict: result.detail }, 409);
    if (result.reason === 'invalid')
      return show(request, reply, { form: { values: action.values ?? {}, errors: formErrors(result.errors, action.reasonField) } }, 400);
    if (result.reason === 'forbidden') return sendPage(request, reply, <ErrorPage status={403} />, 403);
    return sendNotFound(request, reply);
  });
}
