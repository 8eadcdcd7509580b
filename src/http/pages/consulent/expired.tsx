import type { FastifyInstance } from 'fastify';
import { staffInstantie } from '#app/domain/accounts/actor.js';
import { userNames } from '#app/domain/accounts/names.js';
import { confirmAvailability } from '#app/domain/candidates/commands.js';
import { listCandidates, type CandidateRead } from '#app/domain/candidates/queries.js';
import { defaultAvailabilityWeeks } from '#app/domain/candidates/rules.js';
import { getInstantie } from '#app/domain/instanties/queries.js';
import { Form } from '#app/ui/form.js';
import { DateText } from '#app/ui/dates.js';
import { countText, useT } from '#app/ui/i18n.js';
import { Heading, Layout, Notice, Pagination, Paragraph } from '#app/ui/layout.js';
import type { AppDeps } from '../../deps.js';
import { requirePageRole, sendNotFound } from '../../guards.js';
import { sendPage } from '../../plugins/render.js';
import { listHref, pageParam } from '../../query-params.js';
import { ErrorPage } from '../error-page.js';
import { consultant } from './messages.js';
import { CandidateTable, fullName, pageSize, useCodeLabel } from './parts.js';

export const expiredPath = '/consulent/verlopen';

type Row = { read: CandidateRead; consultantName: string | null };

function ExpiredPage({
  rows,
  total,
  page,
  weeks,
  confirmed,
}: {
  rows: Row[];
  total: number;
  page: number;
  weeks: number;
  confirmed: boolean;
}) {
  const t = useT(consultant);
  const label = useCodeLabel(consultant);
  return (
    <Layout title={t('expiredTitle')}>
      {confirmed ? <Notice type="ok">{t('confirmed')}</Notice> : null}
      <Heading>{t('expiredTitle')}</Heading>
      <Paragraph>{t('expiredIntro', { weeks })}</Paragraph>
      <Paragraph>{t('expiredHow', { weeks })}</Paragraph>
      <Paragraph>
        <a className="utrecht-link" href="/consulent">
          {t('backToCaseload')}
        </a>
      </Paragraph>
      <Paragraph>{countText(t, total, 'candidateCountOne', 'candidateCount')}</Paragraph>
      {rows.length === 0 ? (
        <Paragraph>{t('expiredNone')}</Paragraph>
      ) : (
        <CandidateTable
          caption={t('expiredCaption')}
          rows={rows}
          columns={[
            {
              header: t('colAvailability'),
              cell: ({ read }) => (read.view.availability ? label('availability', read.view.availability) : ''),
            },
            {
              header: t('colExpiredSince'),
              cell: ({ read }) => (
                <strong>
                  <DateText value={read.candidate.availability_expires_at} />
                </strong>
              ),
            },
            { header: t('colConsultant'), cell: ({ consultantName }) => consultantName ?? '' },
            {
              header: t('colAction'),
              cell: ({ read: { view } }) => (
                <Form action={`${expiredPath}/${view.id}/bevestigen`} className="werkregie-inline-form">
                  <button type="submit" className="utrecht-button utrecht-button--secondary-action">
                    {t('confirm')}
                    <span className="werkregie-visually-hidden"> {t('forName', { name: fullName(view) })}</span>
                  </button>
                </Form>
              ),
            },
          ]}
        />
      )}
      <Pagination page={page} pageSize={pageSize} total={total} href={(p) => listHref(expiredPath, p)} />
    </Layout>
  );
}

export function registerExpiredPage(app: FastifyInstance, { db }: AppDeps): void {
  app.get(expiredPath, async (request, reply) => {
    const actor = requirePageRole(request, reply, 'consulent');
    if (!actor) return reply;
    const query = request.query as Record<string, unknown>;
    const page = pageParam(query.pagina);
    const list = await listCandidates(db, actor, { scope: 'expired', page, pageSize }, 'consulent.verlopen');
    if (list === 'forbidden') return sendPage(request, reply, <ErrorPage status={403} />, 403);
    const instantieId = staffInstantie(actor, 'consulent');
    const instantie = instantieId ? await getInstantie(db, instantieId) : null;
    const names = await userNames(
      db,
      list.items.map((item) => item.candidate.consultant_user_id),
    );
    const rows = list.items.map((read) => ({ read, consultantName: names.get(read.candidate.consultant_user_id ?? '') ?? null }));
    return sendPage(
      request,
      reply,
      <ExpiredPage
        rows={rows}
        total={list.total}
        page={page}
        weeks={instantie?.settings.availabilityWeeks ?? defaultAvailabilityWeeks}
        confirmed={query.bevestigd === '1'}
      />,
    );
  });

  // Confirming from the list comes back to the list (the candidate page has its own button).
  app.post(`${expiredPath}/:id/bevestigen`, async (request, reply) => {
    const actor = requirePageRole(request, reply, 'consulent');
    if (!actor) return reply;
    const result = await confirmAvailability(db, actor, (request.params as { id: string }).id);
    if (!result.ok) return sendNotFound(request, reply);
    return reply.redirect(`${expiredPath}?bevestigd=1`, 303);
  });
}
