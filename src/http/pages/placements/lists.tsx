import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Role } from '#app/db/schema.js';
import { staffInstantie, type Actor } from '#app/domain/accounts/actor.js';
import type { ApplicationParty } from '#app/domain/applications/access.js';
import { readCandidates } from '#app/domain/candidates/queries.js';
import { getInstantie } from '#app/domain/instanties/queries.js';
import { countPlacements, listPlacements, type PlacementListItem, type PlacementScope } from '#app/domain/placements/queries.js';
import { DateText, useFormatDate } from '#app/ui/dates.js';
import { countText, useT } from '#app/ui/i18n.js';
import { Heading, Layout, Pagination, Paragraph } from '#app/ui/layout.js';
import { DataTable } from '#app/ui/table.js';
import type { AppDeps } from '../../deps.js';
import { requirePageRole } from '../../guards.js';
import { sendPage } from '../../plugins/render.js';
import { ErrorPage } from '../error-page.js';
import { listHref, pageParam } from '../../query-params.js';
import { placementText } from './messages.js';
import { kindLabel } from './parts.js';
import { placementListPaths, placementPath } from './paths.js';

const pageSize = 25;

type ListData = {
  side: ApplicationParty;
  items: PlacementListItem[];
  page: number;
  total: number;
  /** Consultant: the candidates' names by candidate id. */
  candidateNames: ReadonlyMap<string, string>;
  instantieName?: string;
  waiting?: number;
};

function StatusCell({ item }: { item: PlacementListItem }) {
  const t = useT(placementText);
  const date = useFormatDate();
  if (item.status === 'awaiting_instantie' && item.starts_unless_objection_at)
    return <>{t('statusWaitingCell', { date: date(item.starts_unless_objection_at) })}</>;
  return <>{t(`status_${item.status}`)}</>;
}

function ListPage({ data }: { data: ListData }) {
  const t = useT(placementText);
  const { side } = data;
  const title = side === 'candidate' ? t('listTitleCandidate') : t('listTitle');
  const confirmed = (item: PlacementListItem) =>
    item.confirmed_parties.length ? item.confirmed_parties.map((party) => t(`party_${party}`)).join(', ') : t('nobodyYet');
  return (
    <Layout title={title}>
      <Heading>{title}</Heading>
      <Paragraph lead>{t(`listIntro_${side}`, { instantie: data.instantieName ?? '' })}</Paragraph>
      {data.waiting !== undefined && data.waiting > 0 ? (
        <Paragraph>{countText(t, data.waiting, 'waitingOne', 'waitingOther')}</Paragraph>
      ) : null}
      {data.items.length === 0 && data.page === 1 ? (
        <Paragraph>{t(`empty_${side}`)}</Paragraph>
      ) : (
        <DataTable
          caption={t('listCaption')}
          hiddenCaption
          contained
          rows={data.items}
          rowKey={(item) => item.id}
          columns={[
            {
              header: t('colVacancy'),
              rowHeader: true,
              cell: (item) => (
                <a className="utrecht-link" href={placementPath(side, item.id)}>
                  {item.vacancy_title}
                </a>
              ),
            },
            side === 'consultant' && {
              header: t('colCandidate'),
              cell: (item) => data.candidateNames.get(item.candidate_id) ?? t('candidateHidden'),
            },
            side !== 'employer' && { header: t('colEmployer'), cell: (item) => item.employer_name },
            { header: t('colKind'), cell: (item) => kindLabel(t, item.kind) },
            { header: t('colStart'), cell: (item) => <DateText value={item.start_date} /> },
            { header: t('colStatus'), cell: (item) => <StatusCell item={item} /> },
            { header: t('colConfirmed'), cell: confirmed },
          ]}
        />
      )}
      <Pagination page={data.page} pageSize={pageSize} total={data.total} href={(page) => listHref(placementListPaths[side], page)} />
    </Layout>
  );
}

/**
 * The lists of placements: /werkgever/plaatsingen (the employer's organisations), /kandidaat/plaatsingen
 * (the candidate's own) and /consulent/plaatsingen (the instantie's; waiting ones first, with the
 * date a committed partner's placement starts by itself).
 */
export function registerPlacementListPages(app: FastifyInstance, { db }: AppDeps): void {
  const sides: { side: ApplicationParty; role: Role }[] = [
    { side: 'employer', role: 'werkgever' },
    { side: 'candidate', role: 'kandidaat' },
    { side: 'consultant', role: 'consulent' },
  ];

  async function listFor(actor: Actor, side: ApplicationParty, page: number): Promise<ListData | null> {
    let scope: PlacementScope = { kind: side === 'employer' ? 'employer' : 'candidate' };
    let instantieName: string | undefined;
    let waiting: number | undefined;
    if (side === 'consultant') {
      const instantieId = staffInstantie(actor, 'consulent');
      const instantie = instantieId ? await getInstantie(db, instantieId) : null;
      if (!instantie) return null;
      scope = { kind: 'instantie', instantieId: instantie.id };
      instantieName = instantie.name;
      waiting = await countPlacements(db, actor, scope, 'awaiting_instantie');
    }
    const items = await listPlacements(db, actor, scope, { limit: pageSize, offset: (page - 1) * pageSize });
    const total = await countPlacements(db, actor, scope);
    let candidateNames = new Map<string, string>();
    if (side === 'consultant') {
      const reads = await readCandidates(db, actor, [...new Set(items.map((item) => item.candidate_id))], 'consulent.plaatsingen');
      if (reads !== 'limit')
        candidateNames = new Map(
          reads.flatMap((read) =>
            read.view.firstName ? [[read.candidate.id, `${read.view.firstName} ${read.view.lastName ?? ''}`.trim()] as const] : [],
          ),
        );
    }
    return { side, items, page, total, candidateNames, instantieName, waiting };
  }

  for (const { side, role } of sides) {
    app.get(placementListPaths[side], async (request: FastifyRequest, reply: FastifyReply) => {
      const actor = requirePageRole(request, reply, role);
      if (!actor) return reply;
      const data = await listFor(actor, side, pageParam((request.query as Record<string, unknown>).pagina));
      if (!data) return sendPage(request, reply, <ErrorPage status={403} />, 403);
      return sendPage(request, reply, <ListPage data={data} />);
    });
  }
}
