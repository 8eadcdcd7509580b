import type { AgreementParty, PlacementKind } from '#app/db/schema.js';
import type { Actor } from '#app/domain/accounts/actor.js';
import { mayActForInstantie } from '#app/domain/applications/access.js';
import { readCandidate } from '#app/domain/candidates/queries.js';
import { getInstantie } from '#app/domain/instanties/queries.js';
import { readPlacement, type LeadTime, type PlacementView } from '#app/domain/placements/queries.js';
import { DateText, useFormatDate } from '#app/ui/dates.js';
import { countText, useT, type Translate } from '#app/ui/i18n.js';
import { Paragraph } from '#app/ui/layout.js';
import { DataTable } from '#app/ui/table.js';
import type { AppDeps } from '../../deps.js';
import { placementText } from './messages.js';

type Text = Translate<keyof (typeof placementText)['nl']>;

/** A placement with what its pages show beside it: the candidate as the policy lets the reader see them, and the instantie. */
export type PlacementData = {
  view: PlacementView;
  /** The candidate's name, when the reader may see it (the candidate policy decides). */
  candidateName: string | null;
  instantieName: string;
  /** The reader is staff of the instantie who may act for it (not an auditor). */
  actsForInstantie: boolean;
};

/**
 * Reads a placement for the actor (null: not a party, or no such placement), and the candidate
 * through the candidate policy, which also writes the access log; `context` names the page there.
 */
export async function loadPlacement(db: AppDeps['db'], actor: Actor, id: string, context: string): Promise<PlacementData | null> {
  const view = await readPlacement(db, actor, id);
  if (!view) return null;
  const read = await readCandidate(db, actor, view.placement.candidate_id, context);
  const shown = read && read !== 'limit' && read.view.firstName ? `${read.view.firstName} ${read.view.lastName ?? ''}`.trim() : null;
  const instantie = await getInstantie(db, view.placement.instantie_id);
  return {
    view,
    candidateName: shown,
    instantieName: instantie?.name ?? view.placement.instantie_id,
    actsForInstantie: view.side === 'consultant' && mayActForInstantie(actor, view.placement.instantie_id),
  };
}

/** The party of the agreement the reader confirms for, if they may. */
export function ownParty(data: PlacementData): AgreementParty | null {
  if (data.view.side === 'candidate') return 'candidate';
  if (data.view.side === 'employer') return 'employer';
  return data.actsForInstantie ? 'instantie' : null;
}

export const kindLabel = (t: Text, kind: PlacementKind) => t(`kind_${kind}`);

/** Where the placement stands, in one sentence. */
export function StatusSentence({ data }: { data: PlacementData }) {
  const t = useT(placementText);
  const date = useFormatDate();
  const { placement } = data.view;
  const instantie = data.instantieName;
  switch (placement.status) {
    case 'awaiting_instantie':
      return placement.starts_unless_objection_at
        ? t('statusWaitingCommitted', { instantie, date: date(placement.starts_unless_objection_at) })
        : t('statusWaitingApproval', { instantie });
    case 'active':
      return t('statusActive', { startDate: date(placement.start_date) });
    case 'ended':
      return t('statusEnded', { date: date(placement.ended_at ?? placement.end_date ?? placement.start_date) });
    case 'rejected':
      return t('statusRejected', { instantie });
    case 'cancelled':
      return t('statusCancelled');
  }
}

/** The route, the status and, after a rejection or the end, why and what follows. */
export function StatusDetails({ data }: { data: PlacementData }) {
  const t = useT(placementText);
  const { placement } = data.view;
  return (
    <dl className="werkregie-definitions">
      <dt>{t('labelStatus')}</dt>
      <dd>
        <StatusSentence data={data} />
      </dd>
      <dt>{t('labelRoute')}</dt>
      <dd>{t(`route_${placement.route}`)}</dd>
      {placement.status === 'rejected' && placement.decision_reason ? (
        <>
          <dt>{t('labelDecisionReason')}</dt>
          <dd>{placement.decision_reason}</dd>
        </>
      ) : null}
      {placement.status === 'ended' ? (
        <>
          <dt>{t('labelEndedOn')}</dt>
          <dd>{placement.ended_at ? <DateText value={placement.ended_at} /> : null}</dd>
          {placement.follow_up ? (
            <>
              <dt>{t('labelFollowUp')}</dt>
              <dd>{t(`followUp_${placement.follow_up}`)}</dd>
            </>
          ) : null}
          <dt>{t('labelEndReason')}</dt>
          <dd>{placement.end_reason}</dd>
          {placement.evaluation ? (
            <>
              <dt>{t('labelEvaluation')}</dt>
              <dd className="werkregie-pre-line">{placement.evaluation}</dd>
            </>
          ) : null}
        </>
      ) : null}
    </dl>
  );
}

export function candidateLabel(t: Text, data: PlacementData): string {
  return data.candidateName ?? t('candidateHidden');
}

/** The agreement: the parties, the kind, the dates, the hours, the support and the conditions. */
export function AgreementDetails({ data }: { data: PlacementData }) {
  const t = useT(placementText);
  const { placement, application } = data.view;
  return (
    <dl className="werkregie-definitions">
      <dt>{t('labelCandidate')}</dt>
      <dd>{candidateLabel(t, data)}</dd>
      <dt>{t('labelEmployer')}</dt>
      <dd>{application.employer_name}</dd>
      <dt>{t('labelInstantie')}</dt>
      <dd>{data.instantieName}</dd>
      <dt>{t('labelVacancy')}</dt>
      <dd>{application.vacancy_title}</dd>
      <dt>{t('labelKind')}</dt>
      <dd>{kindLabel(t, placement.kind)}</dd>
      <dt>{t('labelStart')}</dt>
      <dd>
        <DateText value={placement.start_date} />
      </dd>
      <dt>{t('labelEnd')}</dt>
      <dd>{placement.end_date ? <DateText value={placement.end_date} /> : t('noEnd')}</dd>
      <dt>{t('labelHours')}</dt>
      <dd>{t('hoursValue', { hours: placement.hours_per_week })}</dd>
      <dt>{t('labelSupport')}</dt>
      <dd className="werkregie-pre-line">{placement.support || t('nothingAgreed')}</dd>
      <dt>{t('labelConditions')}</dt>
      <dd className="werkregie-pre-line">{placement.conditions || t('nothingAgreed')}</dd>
      {placement.intended_contract_months !== null ? (
        <>
          <dt>{t('labelIntended')}</dt>
          <dd>{t('monthsValue', { months: placement.intended_contract_months })}</dd>
        </>
      ) : null}
      {placement.positive_advice_date ? (
        <>
          <dt>{t('labelAdvice')}</dt>
          <AdviceValue reference={placement.positive_advice_reference ?? ''} date={placement.positive_advice_date} />
        </>
      ) : null}
    </dl>
  );
}

function AdviceValue({ reference, date }: { reference: string; date: string }) {
  const t = useT(placementText);
  const format = useFormatDate();
  return <dd>{t('adviceValue', { reference, date: format(date) })}</dd>;
}

const parties: readonly AgreementParty[] = ['candidate', 'employer', 'instantie'];

/**
 * Who agreed and when, one row per party. The candidate's account name is shown only to readers
 * who may see the candidate's name.
 */
export function ConfirmationTable({ data, caption, hiddenCaption }: { data: PlacementData; caption: string; hiddenCaption?: boolean }) {
  const t = useT(placementText);
  const byParty = new Map(data.view.confirmations.map((c) => [c.party, c]));
  return (
    <DataTable
      caption={caption}
      hiddenCaption={hiddenCaption}
      rows={parties}
      rowKey={(party) => party}
      columns={[
        { header: t('colParty'), rowHeader: true, cell: (party) => t(`party_${party}`) },
        {
          header: t('colWho'),
          cell: (party) => {
            const confirmation = byParty.get(party);
            if (!confirmation) return t('notConfirmed');
            return party === 'candidate' && !data.candidateName ? t('candidateHidden') : confirmation.name;
          },
        },
        {
          header: t('colWhen'),
          cell: (party) => {
            const confirmation = byParty.get(party);
            return confirmation ? <DateText value={confirmation.confirmedAt} withTime /> : '–';
          },
        },
      ]}
    />
  );
}

/** "3 dagen en 4 uur": whole days and hours, or "less than an hour". */
export function durationText(t: Text, milliseconds: number): string {
  const hoursTotal = Math.floor(Math.max(0, milliseconds) / 3_600_000);
  if (hoursTotal === 0) return t('durationUnderHour');
  const days = Math.floor(hoursTotal / 24);
  const hours = hoursTotal % 24;
  return t('durationDaysHours', { days: countText(t, days, 'dayOne', 'dayOther'), hours: countText(t, hours, 'hourOne', 'hourOther') });
}

/** The time from the first contact to the start of the placement (issue 4: every placement shows it). */
export function LeadTimeText({ leadTime }: { leadTime: LeadTime }) {
  const t = useT(placementText);
  return (
    <>
      <Paragraph>
        {leadTime.milliseconds !== null
          ? t('leadTimeStarted', { duration: durationText(t, leadTime.milliseconds) })
          : t('leadTimeNotStarted')}
      </Paragraph>
      <dl className="werkregie-definitions">
        <dt>{t('leadTimeFirstContact')}</dt>
        <dd>
          <DateText value={leadTime.firstContactAt} withTime />
        </dd>
        {leadTime.startedAt ? (
          <>
            <dt>{t('leadTimeStart')}</dt>
            <dd>
              <DateText value={leadTime.startedAt} withTime />
            </dd>
          </>
        ) : null}
      </dl>
    </>
  );
}
