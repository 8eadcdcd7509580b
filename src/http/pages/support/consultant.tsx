import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { staffInstantie, type Actor } from '#app/domain/accounts/actor.js';
import { getInstantie } from '#app/domain/instanties/queries.js';
import { placementLink } from '#app/domain/placements/commands.js';
import { decideSupportRequest, recordSpending } from '#app/domain/support/commands.js';
import {
  budgetLines,
  listSupportRequests,
  readSupportRequest,
  supportRequestHistory,
  type BudgetLine,
  type SupportEvent,
  type SupportRequestView,
} from '#app/domain/support/queries.js';
import { budgetYear, fitsBudget, isOverdue } from '#app/domain/support/rules.js';
import { todayIso } from '#app/domain/vacancies/rules.js';
import { DateText } from '#app/ui/dates.js';
import { ChoiceGroup, ErrorSummary, Form, SubmitButton, TextArea, TextField, emptyForm, type FormState } from '#app/ui/form.js';
import { translator, useT } from '#app/ui/i18n.js';
import { Heading, Layout, Notice, Pagination, Paragraph } from '#app/ui/layout.js';
import { Section } from '#app/ui/section.js';
import { DataTable } from '#app/ui/table.js';
import type { AppDeps } from '../../deps.js';
import { requirePageRole, sendNotFound } from '../../guards.js';
import { sendPage } from '../../plugins/render.js';
import { listHref, pageParam } from '../../query-params.js';
import { useEmployerLabels } from '../employer-parts.js';
import { ErrorPage } from '../error-page.js';
import { BudgetTable } from './budgets.js';
import { supportText } from './messages.js';
import { RequestDetails, StatusText, consultantRequestPath, consultantSupportPath, field, useEuros, useProvisionName } from './parts.js';

const pageSize = 50;

/** "Te laat" in words and bold, never by colour alone. */
function DueDate({ request, today }: { request: SupportRequestView; today: string }) {
  const t = useT(supportText);
  return (
    <>
      <DateText value={request.due_date} />
      {isOverdue(request, today) ? (
        <>
          {' '}
          <strong className="werkregie-badge">{t('overdue')}</strong>
        </>
      ) : null}
    </>
  );
}

function RequestLink({ request }: { request: SupportRequestView }) {
  const t = useT(supportText);
  const name = useProvisionName();
  return (
    <a className="utrecht-link" href={consultantRequestPath(request.id)}>
      {t('openRequest', { provision: name(request.provision), employerName: request.employer_name })}
    </a>
  );
}

type ListData = {
  instantieName: string;
  waiting: SupportRequestView[];
  waitingTotal: number;
  page: number;
  approved: SupportRequestView[];
  budget: BudgetLine[];
  year: number;
  today: string;
};

function ConsultantListPage({ data }: { data: ListData }) {
  const t = useT(supportText);
  const euros = useEuros();
  return (
    <Layout title={t('consultantTitle')}>
      <Heading>{t('consultantTitle')}</Heading>
      <Paragraph lead>{t('consultantIntro', { instantie: data.instantieName })}</Paragraph>
      <Section id="wacht" title={t('waitingTitle')}>
        {data.waiting.length === 0 ? (
          <Paragraph>{t('noWaiting')}</Paragraph>
        ) : (
          <DataTable
            caption={t('waitingCaption')}
            hiddenCaption
            contained
            rows={data.waiting}
            rowKey={(request) => request.id}
            columns={[
              { header: t('colProvision'), rowHeader: true, cell: (request) => <RequestLink request={request} /> },
              { header: t('colPlacement'), cell: (request) => request.vacancy_title },
              { header: t('colAmount'), cell: (request) => euros(request.amount_euros) },
              { header: t('colDetails'), cell: (request) => <RequestDetails request={request} /> },
              { header: t('colRequestedAt'), cell: (request) => <DateText value={request.requested_at} /> },
              { header: t('colDue'), cell: (request) => <DueDate request={request} today={data.today} /> },
            ]}
          />
        )}
        <Pagination page={data.page} pageSize={pageSize} total={data.waitingTotal} href={(page) => listHref(consultantSupportPath, page)} />
      </Section>
      <Section id="budget" title={t('budgetSummaryTitle', { year: String(data.year) })}>
        <BudgetTable lines={data.budget} year={data.year} />
      </Section>
      <Section id="goedgekeurd" title={t('approvedTitle')}>
        {data.approved.length === 0 ? (
          <Paragraph>{t('noApproved')}</Paragraph>
        ) : (
          <DataTable
            caption={t('approvedCaption')}
            hiddenCaption
            contained
            rows={data.approved}
            rowKey={(request) => request.id}
            columns={[
              { header: t('colProvision'), rowHeader: true, cell: (request) => <RequestLink request={request} /> },
              { header: t('colPlacement'), cell: (request) => request.vacancy_title },
              { header: t('colAmount'), cell: (request) => euros(request.amount_euros) },
              { header: t('colSpent'), cell: (request) => euros(request.spent_euros) },
              { header: t('colStatus'), cell: (request) => <StatusText request={request} /> },
            ]}
          />
        )}
      </Section>
    </Layout>
  );
}

type DetailData = { request: SupportRequestView; history: SupportEvent[]; budget: BudgetLine };

function Facts({ request }: { request: SupportRequestView }) {
  const t = useT(supportText);
  const euros = useEuros();
  const category = useEmployerLabels().category;
  return (
    <dl className="werkregie-definitions">
      <dt>{t('factStatus')}</dt>
      <dd>
        <StatusText request={request} />
      </dd>
      <dt>{t('factEmployer')}</dt>
      <dd>{request.employer_name}</dd>
      <dt>{t('factRoute')}</dt>
      <dd>{category(request.placement_route)}</dd>
      <dt>{t('factPlacement')}</dt>
      <dd>
        <a className="utrecht-link" href={placementLink('consultant', request.placement_id)}>
          {request.vacancy_title}
        </a>
      </dd>
      <dt>{t('factAmount')}</dt>
      <dd>{euros(request.amount_euros)}</dd>
      {request.loonwaarde_percent !== null ? (
        <>
          <dt>{t('factLoonwaarde')}</dt>
          <dd>{t('percent', { value: String(request.loonwaarde_percent) })}</dd>
          <dt>{t('factSubsidy')}</dt>
          <dd>{t('subsidyValue', { value: String(request.subsidy_percent ?? 0) })}</dd>
        </>
      ) : null}
      {request.jobcoach_hours !== null ? (
        <>
          <dt>{t('factHours')}</dt>
          <dd>{String(request.jobcoach_hours)}</dd>
        </>
      ) : null}
      {request.explanation ? (
        <>
          <dt>{t('factExplanation')}</dt>
          <dd>{request.explanation}</dd>
        </>
      ) : null}
      <dt>{t('factRequestedBy')}</dt>
      <dd>{request.requested_by_name ?? t('system')}</dd>
      <dt>{t('factRequestedAt')}</dt>
      <dd>
        <DateText value={request.requested_at} withTime />
      </dd>
      {request.status === 'requested' ? (
        <>
          <dt>{t('factDue')}</dt>
          <dd>
            <DueDate request={request} today={todayIso()} />
          </dd>
        </>
      ) : null}
      {request.decided_by_name ? (
        <>
          <dt>{t('factDecidedBy')}</dt>
          <dd>{request.decided_by_name}</dd>
        </>
      ) : null}
      {request.decision_reason ? (
        <>
          <dt>{t('factReason')}</dt>
          <dd>{request.decision_reason}</dd>
        </>
      ) : null}
      {request.status === 'approved' ? (
        <>
          <dt>{t('factSpent')}</dt>
          <dd>{euros(request.spent_euros)}</dd>
        </>
      ) : null}
    </dl>
  );
}

function BudgetFit({ request, budget }: DetailData) {
  const t = useT(supportText);
  const euros = useEuros();
  const name = useProvisionName();
  const year = String(request.budget_year);
  const provision = name(request.provision).toLowerCase();
  let text: string;
  if (budget.budgetEuros === null || budget.leftEuros === null) text = t('noBudgetText', { provision, year });
  else if (fitsBudget(budget.budgetEuros, budget.committedEuros, request.amount_euros))
    text = t('fitsText', { left: euros(budget.leftEuros - request.amount_euros) });
  else text = t('notFitsText', { left: euros(budget.leftEuros) });
  return (
    <Section id="budget" title={t('budgetTitle', { provision, year })}>
      <Paragraph>{text}</Paragraph>
    </Section>
  );
}

function DecideForm({ request, form }: { request: SupportRequestView; form: FormState }) {
  const t = useT(supportText);
  return (
    <Section id="beslissen" title={t('decideTitle')}>
      <Form action={consultantRequestPath(request.id)}>
        <input type="hidden" name="actie" value="besluiten" />
        <ChoiceGroup
          form={form}
          name="decision"
          label={t('fieldDecision')}
          options={[
            { value: 'approve', label: t('decisionApprove') },
            { value: 'reject', label: t('decisionReject') },
          ]}
        />
        <ChoiceGroup
          form={form}
          name="aboveBudget"
          label={t('fieldAboveBudget')}
          hint={t('hintAboveBudget')}
          multiple
          optional
          options={[{ value: 'ja', label: t('aboveBudgetOption') }]}
        />
        <TextArea form={form} name="reason" label={t('fieldReason')} hint={t('hintReason')} rows={3} optional />
        <SubmitButton>{t('decideButton')}</SubmitButton>
      </Form>
    </Section>
  );
}

function SpendingForm({ request, form }: { request: SupportRequestView; form: FormState }) {
  const t = useT(supportText);
  const euros = useEuros();
  const shown = form.values.spentEuros === undefined ? { ...form, values: { spentEuros: String(request.spent_euros) } } : form;
  return (
    <Section id="uitgaven" title={t('spendingTitle')}>
      <Form action={consultantRequestPath(request.id)}>
        <input type="hidden" name="actie" value="uitgaven" />
        <TextField
          form={shown}
          name="spentEuros"
          label={t('fieldSpent')}
          hint={t('hintSpent', { amount: euros(request.amount_euros) })}
          inputMode="numeric"
          width="s"
        />
        <SubmitButton>{t('spendingButton')}</SubmitButton>
      </Form>
    </Section>
  );
}

function History({ history }: { history: SupportEvent[] }) {
  const t = useT(supportText);
  const euros = useEuros();
  const what = (event: SupportEvent): string => {
    const action = event.action.replace(/^support_request\./, '');
    const data = event.data;
    if (action === 'approved' && data.aboveBudget === true)
      return t('history_approved_above', {
        budget: typeof data.budgetEuros === 'number' ? euros(data.budgetEuros) : t('noBudget').toLowerCase(),
        committed: euros(Number(data.committedBeforeEuros ?? 0)),
      });
    if (action === 'rejected') return t('history_rejected', { reason: event.reason ?? '' });
    if (action === 'spending_recorded') return t('history_spending_recorded', { amount: euros(Number(data.toEuros ?? 0)) });
    if (action === 'requested' || action === 'approved_by_default' || action === 'approved' || action === 'withdrawn')
      return t(`history_${action}`);
    return action;
  };
  return (
    <Section id="geschiedenis" title={t('historyTitle')}>
      <DataTable
        caption={t('historyCaption')}
        hiddenCaption
        rows={history}
        rowKey={(event) => `${event.at.toISOString()}-${event.action}`}
        columns={[
          { header: t('colWhen'), rowHeader: true, cell: (event) => <DateText value={event.at} withTime /> },
          { header: t('colWho'), cell: (event) => event.actorName ?? t('system') },
          { header: t('colWhat'), cell: what },
        ]}
      />
    </Section>
  );
}

type Posted = { decision?: FormState; spending?: FormState };

function ConsultantDetailPage({
  data,
  posted = {},
  notice,
  conflict,
}: {
  data: DetailData;
  posted?: Posted;
  notice?: string | null;
  conflict?: string | null;
}) {
  const t = useT(supportText);
  const name = useProvisionName();
  const { request } = data;
  const title = t('detailTitle', { provision: name(request.provision), employerName: request.employer_name });
  const errorForm = posted.decision ?? posted.spending ?? emptyForm;
  return (
    <Layout title={title} hasErrors={Object.keys(errorForm.errors).length > 0}>
      <ErrorSummary form={errorForm} />
      {notice ? <Notice type="ok">{notice}</Notice> : null}
      {conflict ? <Notice type="error">{conflict}</Notice> : null}
      <p className="utrecht-paragraph">
        <a className="utrecht-link" href={consultantSupportPath}>
          {t('backToList')}
        </a>
      </p>
      <Heading>{title}</Heading>
      <Facts request={request} />
      {request.status === 'requested' ? (
        <>
          <BudgetFit {...data} />
          <DecideForm request={request} form={posted.decision ?? emptyForm} />
        </>
      ) : null}
      {request.status === 'approved' ? <SpendingForm request={request} form={posted.spending ?? emptyForm} /> : null}
      <History history={data.history} />
    </Layout>
  );
}

/** The consultant's instantie, or null after answering (log-in or "no access"). */
function consultantOf(request: FastifyRequest, reply: FastifyReply): { actor: Actor; instantieId: string } | null {
  const actor = requirePageRole(request, reply, 'consulent');
  if (!actor) return null;
  const instantieId = staffInstantie(actor, 'consulent');
  if (!instantieId) {
    sendPage(request, reply, <ErrorPage status={403} />, 403);
    return null;
  }
  return { actor, instantieId };
}

async function loadDetail(deps: AppDeps, actor: Actor, id: string): Promise<DetailData | null> {
  const read = await readSupportRequest(deps.db, actor, id);
  if (!read || read.side !== 'staff') return null;
  const [history, lines] = await Promise.all([
    supportRequestHistory(deps.db, id),
    budgetLines(deps.db, read.request.instantie_id, read.request.budget_year),
  ]);
  return { request: read.request, history, budget: lines.find((line) => line.provision === read.request.provision)! };
}

/** The consultant's work list of support requests and the page of one request, where they decide and record spending. */
export function registerConsultantSupportPages(app: FastifyInstance, deps: AppDeps): void {
  app.get(consultantSupportPath, async (request, reply) => {
    const consultant = consultantOf(request, reply);
    if (!consultant) return reply;
    const { actor, instantieId } = consultant;
    const page = pageParam((request.query as Record<string, unknown>).pagina);
    const year = budgetYear();
    const scope = { kind: 'instantie' as const, instantieId };
    const [instantie, waiting, approved, budget] = await Promise.all([
      getInstantie(deps.db, instantieId),
      listSupportRequests(deps.db, actor, scope, { status: 'requested', order: 'due', limit: pageSize, offset: (page - 1) * pageSize }),
      listSupportRequests(deps.db, actor, scope, { status: 'approved', limit: 20 }),
      budgetLines(deps.db, instantieId, year),
    ]);
    const data: ListData = {
      instantieName: instantie?.name ?? instantieId,
      waiting: waiting.items,
      waitingTotal: waiting.total,
      page,
      approved: approved.items,
      budget,
      year,
      today: todayIso(),
    };
    return sendPage(request, reply, <ConsultantListPage data={data} />);
  });

  const detailPattern = consultantRequestPath(':id');
  const idOf = (request: FastifyRequest) => (request.params as { id: string }).id;

  app.get(detailPattern, async (request, reply) => {
    const consultant = consultantOf(request, reply);
    if (!consultant) return reply;
    const data = await loadDetail(deps, consultant.actor, idOf(request));
    if (!data) return sendNotFound(request, reply);
    const query = request.query as Record<string, unknown>;
    const t = translator(supportText, request.locale);
    const notice = query.besloten === '1' ? t('decidedNotice') : query.uitgaven === '1' ? t('spentNotice') : null;
    return sendPage(request, reply, <ConsultantDetailPage data={data} notice={notice} />);
  });

  app.post(detailPattern, async (request, reply) => {
    const consultant = consultantOf(request, reply);
    if (!consultant) return reply;
    const id = idOf(request);
    const data = await loadDetail(deps, consultant.actor, id);
    if (!data) return sendNotFound(request, reply);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const action = field(body, 'actie');
    const path = consultantRequestPath(id);

    if (action === 'besluiten') {
      const values = { decision: field(body, 'decision'), aboveBudget: field(body, 'aboveBudget'), reason: field(body, 'reason') };
      const result = await decideSupportRequest(deps.db, consultant.actor, id, values);
      if (result.ok) return reply.redirect(`${path}?besloten=1`, 303);
      if (result.reason === 'invalid') {
        const order = ['decision', 'aboveBudget', 'reason'];
        const errors = Object.fromEntries(Object.entries(result.errors).sort(([a], [b]) => order.indexOf(a) - order.indexOf(b)));
        const form = { values: { ...values, aboveBudget: values.aboveBudget ? [values.aboveBudget] : [] }, errors };
        return sendPage(request, reply, <ConsultantDetailPage data={data} posted={{ decision: form }} />, 400);
      }
      if (result.reason === 'conflict') {
        const fresh = (await loadDetail(deps, consultant.actor, id)) ?? data;
        return sendPage(request, reply, <ConsultantDetailPage data={fresh} conflict={result.detail} />, 409);
      }
      return result.reason === 'forbidden' ? sendPage(request, reply, <ErrorPage status={403} />, 403) : sendNotFound(request, reply);
    }
    if (action === 'uitgaven') {
      const values = { spentEuros: field(body, 'spentEuros') };
      const result = await recordSpending(deps.db, consultant.actor, id, values);
      if (result.ok) return reply.redirect(`${path}?uitgaven=1`, 303);
      if (result.reason === 'invalid')
        return sendPage(request, reply, <ConsultantDetailPage data={data} posted={{ spending: { values, errors: result.errors } }} />, 400);
      if (result.reason === 'conflict') return sendPage(request, reply, <ConsultantDetailPage data={data} conflict={result.detail} />, 409);
      return result.reason === 'forbidden' ? sendPage(request, reply, <ErrorPage status={403} />, 403) : sendNotFound(request, reply);
    }
    return sendPage(request, reply, <ErrorPage status={400} />, 400);
  });
}
