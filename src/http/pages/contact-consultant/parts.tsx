import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '#app/domain/accounts/actor.js';
import { awaitsTelling, type ApplicationRow } from '#app/domain/applications/access.js';
import { readCandidates, staffInstantieIds } from '#app/domain/candidates/queries.js';
import { DateText } from '#app/ui/dates.js';
import { useT } from '#app/ui/i18n.js';
import { DataTable } from '#app/ui/table.js';
import type { AppDeps } from '../../deps.js';
import { ErrorPage } from '../error-page.js';
import { fullName } from '../consulent/parts.js';
import { sendPage } from '../../plugins/render.js';
import { consultantContactText } from './messages.js';
import { contactPath } from './paths.js';

/**
 * For the contact pages: a signed-in member of an instantie's staff (consulent, beheerder or
 * auditor), or null after answering — the log-in page for visitors, "no access" for anyone else.
 */
export function requireStaff(request: FastifyRequest, reply: FastifyReply): { actor: Actor; instantieIds: string[] } | null {
  const actor = request.actor;
  if (!actor) {
    reply.redirect(`/inloggen?terug=${encodeURIComponent(request.url)}`, 303);
    return null;
  }
  const instantieIds = staffInstantieIds(actor);
  if (instantieIds.length === 0) {
    sendPage(request, reply, <ErrorPage status={403} />, 403);
    return null;
  }
  return { actor, instantieIds };
}

export type CandidateNames = ReadonlyMap<string, string>;

/** The names of the candidates of these contacts, read through the policy so that the reads are logged. */
export async function candidateNames(
  db: AppDeps['db'],
  actor: Actor,
  applications: readonly ApplicationRow[],
  context: string,
): Promise<CandidateNames> {
  const ids = [...new Set(applications.map((application) => application.candidate_id))];
  const reads = await readCandidates(db, actor, ids, context);
  // Staff have no daily view limit; should it ever apply, the names stay unknown rather than the page failing.
  if (reads === 'limit') return new Map();
  return new Map(reads.map((read) => [read.candidate.id, fullName(read.view)]));
}

type StateKey = Extract<keyof typeof consultantContactText.nl, `state_${string}`>;

/** Where a contact stands, in plain words for the consultant. */
export function stateKey(application: ApplicationRow): StateKey {
  if (awaitsTelling(application)) return 'state_to_tell';
  switch (application.state) {
    case 'new':
      if (application.invitation === 'with_consultant') return 'state_with_consultant';
      if (application.invitation === 'with_candidate') return 'state_with_candidate';
      if (application.started_by === 'consultant') return 'state_proposed';
      if (application.started_by === 'waiting_list') return 'state_waiting_list';
      return 'state_interest';
    case 'declined':
      if (application.closed_by === 'candidate') return 'state_declined_candidate';
      if (application.closed_by === 'consultant') return 'state_declined_consultant';
      return 'state_declined_employer';
    case 'withdrawn':
      if (application.closed_reason === 'placed_elsewhere') return 'state_placed_elsewhere';
      if (application.closed_by === 'employer') return 'state_withdrawn_employer';
      return 'state_withdrawn';
    default:
      return `state_${application.state}`;
  }
}

export function StateText({ application }: { application: ApplicationRow }) {
  const t = useT(consultantContactText);
  return <>{t(stateKey(application))}</>;
}

/** A list of contacts: the candidate (a link to the contact), the vacancy, the employer, the state and since when. */
export function ContactTable({ caption, rows, names }: { caption: string; rows: readonly ApplicationRow[]; names: CandidateNames }) {
  const t = useT(consultantContactText);
  return (
    <DataTable
      caption={caption}
      hiddenCaption
      contained
      rows={rows}
      rowKey={(row) => row.id}
      columns={[
        {
          header: t('colCandidate'),
          rowHeader: true,
          cell: (row) => (
            <a className="utrecht-link" href={contactPath(row.id)}>
              {names.get(row.candidate_id) ?? t('unknownCandidate')}
            </a>
          ),
        },
        { header: t('colVacancy'), cell: (row) => row.vacancy_title },
        { header: t('colEmployer'), cell: (row) => row.employer_name },
        { header: t('colState'), cell: (row) => <StateText application={row} /> },
        { header: t('colSince'), cell: (row) => <DateText value={row.state_changed_at} /> },
      ]}
    />
  );
}
