import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '#app/domain/accounts/actor.js';
import { getInstantie } from '#app/domain/instanties/queries.js';
import { placementLink } from '#app/domain/placements/commands.js';
import { requestSupport, withdrawSupportRequest } from '#app/domain/support/commands.js';
import { listSupportRequests, readSupportPlacement, type SupportPlacement, type SupportRequestView } from '#app/domain/support/queries.js';
import { provisions } from '#app/domain/support/rules.js';
import { isUuid } from '#app/domain/ids.js';
import { DateText, formatDate, useFormatDate } from '#app/ui/dates.js';
import { ChoiceGroup, ErrorSummary, Form, SubmitButton, TextArea, TextField, emptyForm, type FormState } from '#app/ui/form.js';
import { translator, useT } from '#app/ui/i18n.js';
import { Heading, Layout, Notice, Paragraph } from '#app/ui/layout.js';
import { Section } from '#app/ui/section.js';
import { DataTable } from '#app/ui/table.js';
import type { AppDeps } from '../../deps.js';
import { requirePageRole, sendNotFound } from '../../guards.js';
import { sendPage } from '../../plugins/render.js';
import { ErrorPage } from '../error-page.js';
import { supportText } from './messages.js';
import { ProvisionExplanations, RequestDetails, StatusText, employerSupportPath, field, useEuros, useProvisionName } from './parts.js';

const requestFields = ['provision', 'loonwaardePercent', 'jobcoachHours', 'amountEuros', 'explanation'] as const;

type PageData = {
  placement: SupportPlacement;
  instantieName: string;
  dueWorkingDays: number;
  requests: SupportRequestView[];
};

function RequestForm({ data, form }: { data: PageData; form: FormState }) {
  const t = useT(supportText);
  const name = useProvisionName();
  return (
    <Section id="nieuwe-aanvraag" title={t('formTitle')}>
      <Form action={employerSupportPath(data.placement.id)}>
        <input type="hidden" name="actie" value="aanvragen" />
        <ChoiceGroup
          form={form}
          name="provision"
          label={t('fieldProvision')}
          options={provisions.map((provision) => ({ value: provision, label: name(provision) }))}
        />
        <TextField
          form={form}
          name="loonwaardePercent"
          label={t('fieldLoonwaarde')}
          hint={t('hintLoonwaarde')}
          inputMode="numeric"
          width="xs"
          optional
        />
        <TextField
          form={form}
          name="jobcoachHours"
          label={t('fieldJobcoachHours')}
          hint={t('hintJobcoachHours')}
          inputMode="numeric"
          width="xs"
          optional
        />
        <TextField form={form} name="amountEuros" label={t('fieldAmount')} hint={t('hintAmount')} inputMode="numeric" width="s" optional />
        <TextArea form={form} name="explanation" label={t('fieldExplanation')} hint={t('hintExplanation')} rows={4} optional />
        <SubmitButton>{t('submitRequest')}</SubmitButton>
      </Form>
    </Section>
  );
}

function RequestList({ data }: { data: PageData }) {
  const t = useT(supportText);
  const name = useProvisionName();
  const euros = useEuros();
  const withdrawable = (request: SupportRequestView) =>
    request.status === 'requested' || (request.status === 'approved' && request.spent_euros === 0);
  return (
    <Section id="aanvragen" title={t('requestsTitle')}>
      {data.requests.length === 0 ? (
        <Paragraph>{t('noRequests')}</Paragraph>
      ) : (
        <DataTable
          caption={t('requestsCaption')}
          hiddenCaption
          rows={data.requests}
          rowKey={(request) => request.id}
          columns={[
            { header: t('colProvision'), rowHeader: true, cell: (request) => name(request.provision) },
            { header: t('colAmount'), cell: (request) => euros(request.amount_euros) },
            { header: t('colDetails'), cell: (request) => <RequestDetails request={request} /> },
            { header: t('colStatus'), cell: (request) => <StatusText request={request} /> },
            { header: t('colRequestedAt'), cell: (request) => <DateText value={request.requested_at} /> },
            { header: t('colDue'), cell: (request) => (request.status === 'requested' ? <DateText value={request.due_date} /> : null) },
            { header: t('colReason'), cell: (request) => request.decision_reason },
            {
              header: t('colAction'),
              cell: (request) => (withdrawable(request) ? <WithdrawButton placementId={data.placement.id} request={request} /> : null),
            },
          ]}
        />
      )}
    </Section>
  );
}

function WithdrawButton({ placementId, request }: { placementId: string; request: SupportRequestView }) {
  const t = useT(supportText);
  const name = useProvisionName();
  const formatDate = useFormatDate();
  return (
    <Form action={employerSupportPath(placementId)} className="werkregie-inline-form">
      <input type="hidden" name="actie" value="intrekken" />
      <input type="hidden" name="aanvraag" value={request.id} />
      <button
        type="submit"
        className="utrecht-button utrecht-button--secondary-action"
        aria-label={t('withdrawLabel', { provision: name(request.provision), date: formatDate(request.requested_at) })}
      >
        {t('withdrawButton')}
      </button>
    </Form>
  );
}

function SupportPage({
  data,
  form = emptyForm,
  notice,
  conflict,
}: {
  data: PageData;
  form?: FormState;
  notice?: string | null;
  conflict?: string | null;
}) {
  const t = useT(supportText);
  const open = data.placement.status === 'active' || data.placement.status === 'awaiting_instantie';
  const days = String(data.dueWorkingDays);
  return (
    <Layout title={t('employerTitle')} hasErrors={Object.keys(form.errors).length > 0}>
      <ErrorSummary form={form} />
      {notice ? <Notice type="ok">{notice}</Notice> : null}
      {conflict ? <Notice type="error">{conflict}</Notice> : null}
      <p className="utrecht-paragraph">
        <a className="utrecht-link" href={placementLink('employer', data.placement.id)}>
          {t('backToPlacement')}
        </a>
      </p>
      <Heading>{t('employerTitle')}</Heading>
      <Paragraph lead>{t('employerIntro', { vacancyTitle: data.placement.vacancy_title, instantie: data.instantieName })}</Paragraph>
      <Paragraph>{data.placement.route === 'preferred' ? t('employerPreferred', { days }) : t('employerOther', { days })}</Paragraph>
      <ProvisionExplanations id="soorten" />
      {open ? <RequestForm data={data} form={form} /> : <Notice>{t('notOpen')}</Notice>}
      <RequestList data={data} />
    </Layout>
  );
}

/** The page's data for an employer user of the placement; null for anyone else (answered 404 by the caller). */
async function loadPage(deps: AppDeps, actor: Actor, placementId: string): Promise<PageData | null> {
  const read = await readSupportPlacement(deps.db, actor, placementId);
  if (!read || read.side !== 'employer') return null;
  const instantie = await getInstantie(deps.db, read.placement.instantie_id);
  const { items } = await listSupportRequests(deps.db, actor, { kind: 'placement', placementId }, { limit: 200 });
  return {
    placement: read.placement,
    instantieName: instantie?.name ?? read.placement.instantie_id,
    dueWorkingDays: instantie?.settings.supportDueWorkingDays ?? 10,
    requests: items,
  };
}

/** The employer asks for support with a placement, and sees and withdraws the requests of that placement. */
export function registerEmployerSupportPage(app: FastifyInstance, deps: AppDeps): void {
  const pattern = employerSupportPath(':id');
  const idOf = (request: FastifyRequest) => (request.params as { id: string }).id;

  async function load(request: FastifyRequest, reply: FastifyReply): Promise<{ actor: Actor; data: PageData } | null> {
    const actor = requirePageRole(request, reply, 'werkgever');
    if (!actor) return null;
    const data = await loadPage(deps, actor, idOf(request));
    if (!data) {
      sendNotFound(request, reply);
      return null;
    }
    return { actor, data };
  }

  app.get(pattern, async (request, reply) => {
    const loaded = await load(request, reply);
    if (!loaded) return reply;
    const query = request.query as Record<string, unknown>;
    const t = translator(supportText, request.locale);
    let notice: string | null = null;
    if (query.ingetrokken === '1') notice = t('withdrawnNotice');
    const shown = loaded.data.requests.find((r) => r.id === query.aanvraag);
    if (shown?.status === 'approved' && shown.approved_by_default) notice = t('approvedNotice');
    else if (shown?.status === 'requested') notice = t('waitingNotice', { date: formatDate(shown.due_date, request.locale) });
    return sendPage(request, reply, <SupportPage data={loaded.data} notice={notice} />);
  });

  app.post(pattern, async (request, reply) => {
    const loaded = await load(request, reply);
    if (!loaded) return reply;
    const { actor, data } = loaded;
    const body = (request.body ?? {}) as Record<string, unknown>;
    const action = field(body, 'actie');
    const path = employerSupportPath(data.placement.id);

    if (action === 'intrekken') {
      const id = field(body, 'aanvraag');
      if (!isUuid(id) || !data.requests.some((r) => r.id === id)) return sendNotFound(request, reply);
      const result = await withdrawSupportRequest(deps.db, actor, id);
      if (result.ok) return reply.redirect(`${path}?ingetrokken=1`, 303);
      if (result.reason === 'conflict') return sendPage(request, reply, <SupportPage data={data} conflict={result.detail} />, 409);
      return result.reason === 'forbidden' ? sendPage(request, reply, <ErrorPage status={403} />, 403) : sendNotFound(request, reply);
    }
    if (action !== 'aanvragen') return sendPage(request, reply, <ErrorPage status={400} />, 400);

    const values = Object.fromEntries(requestFields.map((name) => [name, field(body, name)]));
    const result = await requestSupport(deps.db, actor, data.placement.id, values);
    if (result.ok) return reply.redirect(`${path}?aanvraag=${result.value.id}`, 303);
    if (result.reason === 'conflict') return sendPage(request, reply, <SupportPage data={data} conflict={result.detail} />, 409);
    if (result.reason !== 'invalid')
      return result.reason === 'forbidden' ? sendPage(request, reply, <ErrorPage status={403} />, 403) : sendNotFound(request, reply);
    // The errors in the order of the form, which is also the order of the error summary.
    const rank = (name: string) => ((requestFields as readonly string[]).includes(name) ? requestFields.indexOf(name as never) : 99);
    const errors = Object.fromEntries(Object.entries(result.errors).sort(([a], [b]) => rank(a) - rank(b)));
    return sendPage(request, reply, <SupportPage data={data} form={{ values, errors }} />, 400);
  });
}
