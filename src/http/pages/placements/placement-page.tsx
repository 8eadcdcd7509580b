import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ApplicationParty } from '#app/domain/applications/access.js';
import { cancelPlacement, confirmAgreement, decidePlacement, endPlacement } from '#app/domain/placements/commands.js';
import { readPlacement } from '#app/domain/placements/queries.js';
import type { CommandResult } from '#app/domain/results.js';
import { ChoiceGroup, ErrorSummary, Form, SubmitButton, TextArea, TextField, type FormState } from '#app/ui/form.js';
import { translator, useT } from '#app/ui/i18n.js';
import { useFormatDate } from '#app/ui/dates.js';
import { Heading, Layout, Notice, Paragraph } from '#app/ui/layout.js';
import { Section } from '#app/ui/section.js';
import type { AppDeps } from '../../deps.js';
import { requireSignedIn, sendNotFound } from '../../guards.js';
import { sendPage } from '../../plugins/render.js';
import { ErrorPage } from '../error-page.js';
import { placementText } from './messages.js';
import { AgreementDetails, ConfirmationTable, LeadTimeText, loadPlacement, ownParty, StatusDetails, type PlacementData } from './parts.js';
import { employerSupportPath } from '../support/index.js';
import { agreementPath, placementListPaths, placementPath } from './paths.js';

/** What the forms on a placement page ask for, in the `actie` field; each side has its own. */
const actionsOf: Record<ApplicationParty, readonly Action[]> = {
  candidate: ['akkoord'],
  employer: ['akkoord', 'intrekken', 'afsluiten'],
  consultant: ['akkoord', 'goedkeuren', 'afwijzen', 'afsluiten'],
};
type Action = 'akkoord' | 'goedkeuren' | 'afwijzen' | 'intrekken' | 'afsluiten';
const actions: readonly Action[] = ['akkoord', 'goedkeuren', 'afwijzen', 'intrekken', 'afsluiten'];

/** The notice after each action (post/redirect/get: `?<action>=1`). */
const notices = {
  akkoord: 'confirmedNotice',
  goedgekeurd: 'approvedNotice',
  afgewezen: 'rejectedNotice',
  ingetrokken: 'cancelledNotice',
  afgesloten: 'endedNotice',
} as const;
const noticeAfter: Record<Action, keyof typeof notices> = {
  akkoord: 'akkoord',
  goedkeuren: 'goedgekeurd',
  afwijzen: 'afgewezen',
  intrekken: 'ingetrokken',
  afsluiten: 'afgesloten',
};

/** A form that was posted and came back with errors. */
type Posted = { action: Action; form: FormState };

const emptyForm: FormState = { values: {}, errors: {} };
const formOf = (posted: Posted | undefined, action: Action) => (posted?.action === action ? posted.form : emptyForm);

function ActionField({ action }: { action: Action }) {
  return <input type="hidden" name="actie" value={action} />;
}

function ConfirmSection({ data, action }: { data: PlacementData; action: string }) {
  const t = useT(placementText);
  const party = ownParty(data);
  const { status } = data.view.placement;
  if (!party || status === 'rejected' || status === 'cancelled') return null;
  if (data.view.confirmations.some((c) => c.party === party)) return null;
  return (
    <Form action={action}>
      <ActionField action="akkoord" />
      <Paragraph>{data.view.side === 'employer' ? t('confirmIntro') : t('confirmIntroJe')}</Paragraph>
      <SubmitButton>{t('confirmButton')}</SubmitButton>
    </Form>
  );
}

function DecideSection({ data, action, posted }: { data: PlacementData; action: string; posted?: Posted }) {
  const t = useT(placementText);
  const formatDate = useFormatDate();
  const { placement } = data.view;
  if (!data.actsForInstantie || placement.status !== 'awaiting_instantie') return null;
  const committed = placement.starts_unless_objection_at !== null;
  const form = formOf(posted, 'afwijzen');
  return (
    <Section id="besluit" title={t('decideHeading')} card>
      <Paragraph>
        {placement.starts_unless_objection_at
          ? t('decideIntroCommitted', { date: formatDate(placement.starts_unless_objection_at) })
          : t('decideIntroApproval')}
      </Paragraph>
      <Form action={action}>
        <ActionField action="goedkeuren" />
        <SubmitButton>{committed ? t('approveButtonCommitted') : t('approveButton')}</SubmitButton>
      </Form>
      <Section id="afwijzen" title={t('rejectHeading')} level={3}>
        <Form action={action}>
          <ActionField action="afwijzen" />
          <TextArea form={form} name="reason" label={t('fieldRejectReason')} hint={t('fieldRejectReasonHint')} rows={4} />
          <SubmitButton secondary>{t('rejectButton')}</SubmitButton>
        </Form>
      </Section>
    </Section>
  );
}

function CancelSection({ data, action }: { data: PlacementData; action: string }) {
  const t = useT(placementText);
  if (data.view.side !== 'employer' || data.view.placement.status !== 'awaiting_instantie') return null;
  return (
    <Section id="intrekken" title={t('cancelHeading')} card>
      <Paragraph>{t('cancelIntro')}</Paragraph>
      <Form action={action}>
        <ActionField action="intrekken" />
        <SubmitButton secondary>{t('cancelButton')}</SubmitButton>
      </Form>
    </Section>
  );
}

function EndSection({ data, action, posted }: { data: PlacementData; action: string; posted?: Posted }) {
  const t = useT(placementText);
  const mayEnd = data.view.side === 'employer' || data.actsForInstantie;
  if (!mayEnd || data.view.placement.status !== 'active') return null;
  const form = formOf(posted, 'afsluiten');
  return (
    <Section id="afsluiten" title={t('endHeading')} card>
      <Paragraph>{t('endIntro')}</Paragraph>
      <Form action={action}>
        <ActionField action="afsluiten" />
        <TextField form={form} name="endedOn" type="date" label={t('fieldEndedOn')} hint={t('fieldEndedOnHint')} width="m" />
        <ChoiceGroup
          form={form}
          name="followUp"
          label={t('fieldFollowUp')}
          options={(['contract', 'extension', 'stopped'] as const).map((value) => ({ value, label: t(`followUp_${value}`) }))}
        />
        <TextArea form={form} name="reason" label={t('fieldEndReason')} hint={t('fieldEndReasonHint')} rows={3} />
        <TextArea form={form} name="evaluation" label={t('fieldEvaluation')} hint={t('fieldEvaluationHint')} rows={5} optional />
        <SubmitButton>{t('endButton')}</SubmitButton>
      </Form>
    </Section>
  );
}

export function PlacementPage({
  data,
  notice,
  conflict,
  posted,
}: {
  data: PlacementData;
  notice?: string | null;
  conflict?: string;
  posted?: Posted;
}) {
  const t = useT(placementText);
  const { placement, application, side, leadTime } = data.view;
  const action = placementPath(side, placement.id);
  const title = t('pageTitle', { vacancy: application.vacancy_title });
  return (
    <Layout title={title} hasErrors={!!posted && Object.keys(posted.form.errors).length > 0}>
      {posted ? <ErrorSummary form={posted.form} /> : null}
      {conflict ? <Notice type="error">{conflict}</Notice> : null}
      {notice ? <Notice type="ok">{notice}</Notice> : null}
      <Paragraph>
        <a className="utrecht-link" href={placementListPaths[side]}>
          {t('backToList')}
        </a>
      </Paragraph>
      <Heading>{title}</Heading>
      <Section id="stand" title={t('statusHeading')} card>
        <StatusDetails data={data} />
      </Section>
      <Section id="afspraken" title={t('agreementHeading')}>
        <AgreementDetails data={data} />
        <Paragraph>
          <a className="utrecht-link" href={agreementPath(placement.id)}>
            {t('agreementLink')}
          </a>
        </Paragraph>
        {side === 'employer' && (placement.status === 'active' || placement.status === 'awaiting_instantie') ? (
          <Paragraph>
            <a className="utrecht-link" href={employerSupportPath(placement.id)}>
              {t('supportLink')}
            </a>
          </Paragraph>
        ) : null}
      </Section>
      <Section id="akkoord" title={t('confirmHeading')}>
        <ConfirmationTable data={data} caption={t('confirmCaption')} hiddenCaption />
        <ConfirmSection data={data} action={action} />
      </Section>
      <DecideSection data={data} action={action} posted={posted} />
      <CancelSection data={data} action={action} />
      <EndSection data={data} action={action} posted={posted} />
      <Section id="doorlooptijd" title={t('leadTimeHeading')}>
        <LeadTimeText leadTime={leadTime} />
      </Section>
    </Layout>
  );
}

/** Runs the posted action; the domain decides whether the actor may. */
function runAction(
  db: AppDeps['db'],
  actor: NonNullable<FastifyRequest['actor']>,
  id: string,
  action: Action,
  body: Record<string, unknown>,
): Promise<CommandResult<unknown>> {
  switch (action) {
    case 'akkoord':
      return confirmAgreement(db, actor, id);
    case 'goedkeuren':
      return decidePlacement(db, actor, id, { decision: 'approve' });
    case 'afwijzen':
      return decidePlacement(db, actor, id, { decision: 'reject', reason: body.reason });
    case 'intrekken':
      return cancelPlacement(db, actor, id);
    case 'afsluiten':
      return endPlacement(db, actor, id, {
        endedOn: body.endedOn,
        followUp: body.followUp,
        reason: body.reason,
        evaluation: body.evaluation,
      });
  }
}

const formFields: Partial<Record<Action, readonly string[]>> = {
  afwijzen: ['reason'],
  afsluiten: ['endedOn', 'followUp', 'reason', 'evaluation'],
};

/**
 * The page of one placement for each side: /werkgever/plaatsingen/:id, /kandidaat/plaatsingen/:id and
 * /consulent/plaatsingen/:id. `readPlacement` decides who may read it; an address of another side
 * answers "not found" as well. The forms post to the same address with their `actie`.
 */
export function registerPlacementDetailPages(app: FastifyInstance, { db }: AppDeps): void {
  const idOf = (request: FastifyRequest) => (request.params as { id: string }).id;

  for (const side of ['employer', 'candidate', 'consultant'] as const) {
    const pattern = `${placementListPaths[side]}/:id`;
    const context = `${side === 'employer' ? 'werkgever' : side === 'candidate' ? 'kandidaat' : 'consulent'}.plaatsing`;

    /** The placement as this side reads it, or null after answering 404. */
    async function load(request: FastifyRequest, reply: FastifyReply): Promise<PlacementData | null> {
      const actor = requireSignedIn(request, reply);
      if (!actor) return null;
      const data = await loadPlacement(db, actor, idOf(request), context);
      if (data && data.view.side === side) return data;
      sendNotFound(request, reply);
      return null;
    }

    app.get(pattern, async (request, reply) => {
      const data = await load(request, reply);
      if (!data) return reply;
      const query = request.query as Record<string, unknown>;
      const t = translator(placementText, request.locale);
      const key = Object.keys(notices).find((name) => query[name] === '1') as keyof typeof notices | undefined;
      const notice = query.vastgelegd === '1' ? t(`registeredNotice_${data.view.placement.route}`) : key ? t(notices[key]) : null;
      return sendPage(request, reply, <PlacementPage data={data} notice={notice} />);
    });

    app.post(pattern, async (request, reply) => {
      const actor = requireSignedIn(request, reply);
      if (!actor) return reply;
      const id = idOf(request);
      const view = await readPlacement(db, actor, id);
      if (!view || view.side !== side) return sendNotFound(request, reply);
      const body = (request.body ?? {}) as Record<string, unknown>;
      const action = actions.find((name) => name === body.actie);
      if (!action || !actionsOf[side].includes(action)) return sendPage(request, reply, <ErrorPage status={403} />, 403);
      const result = await runAction(db, actor, id, action, body);
      if (result.ok) return reply.redirect(`${placementPath(side, id)}?${noticeAfter[action]}=1`, 303);
      if (result.reason !== 'conflict' && result.reason !== 'invalid')
        return result.reason === 'forbidden' ? sendPage(request, reply, <ErrorPage status={403} />, 403) : sendNotFound(request, reply);
      const data = await loadPlacement(db, actor, id, context);
      if (!data) return sendNotFound(request, reply);
      if (result.reason === 'conflict') return sendPage(request, reply, <PlacementPage data={data} conflict={result.detail} />, 409);
      const names = formFields[action] ?? [];
      const values = Object.fromEntries(names.map((name) => [name, typeof body[name] === 'string' ? body[name] : undefined]));
      return sendPage(request, reply, <PlacementPage data={data} posted={{ action, form: { values, errors: result.errors } }} />, 400);
    });
  }
}
