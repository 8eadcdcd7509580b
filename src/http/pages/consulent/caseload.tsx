import type { FastifyInstance } from 'fastify';
import { listCandidates, type CandidateRead } from '#app/domain/candidates/queries.js';
import { DateText } from '#app/ui/dates.js';
import { countText, useT } from '#app/ui/i18n.js';
import { Heading, Layout, Pagination, Paragraph } from '#app/ui/layout.js';
import type { AppDeps } from '../../deps.js';
import { requirePageRole } from '../../guards.js';
import { listHref, pageParam, searchParam } from '../../query-params.js';
import { ErrorPage } from '../error-page.js';
import { sendPage } from '../../plugins/render.js';
import { consultant } from './messages.js';
import { AvailabilityText, CandidateTable, pageSize, useCodeLabel } from './parts.js';

type Row = { read: CandidateRead; consent: boolean };

function SearchForm({ search }: { search: string }) {
  const t = useT(consultant);
  return (
    <form method="get" action="/consulent" role="search" aria-label={t('searchLabel')}>
      <div className="utrecht-form-field">
        <div className="utrecht-form-field__label">
          <label className="utrecht-form-label" htmlFor="veld-zoek">
            {t('searchLabel')}
          </label>
        </div>
        <div className="utrecht-form-field-description" id="hint-zoek">
          {t('searchHint')}
        </div>
        <div className="utrecht-form-field__input">
          <input
            className="utrecht-textbox utrecht-textbox--html-input werkregie-width-m"
            id="veld-zoek"
            name="zoek"
            type="search"
            defaultValue={search}
            aria-describedby="hint-zoek"
          />
        </div>
      </div>
      <div className="werkregie-actions">
        <button type="submit" className="utrecht-button utrecht-button--secondary-action">
          {t('searchButton')}
        </button>
        {search ? (
          <a className="utrecht-link" href="/consulent">
            {t('searchClear')}
          </a>
        ) : null}
      </div>
    </form>
  );
}

function CaseloadPage({ rows, total, page, search }: { rows: Row[]; total: number; page: number; search: string }) {
  const t = useT(consultant);
  const label = useCodeLabel(consultant);
  return (
    <Layout title={t('caseloadTitle')}>
      <Heading>{t('caseloadTitle')}</Heading>
      <Paragraph>{t('caseloadIntro')}</Paragraph>
      <div className="werkregie-actions">
        <a
          className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action"
          href="/consulent/kandidaten/nieuw"
        >
          {t('addCandidate')}
        </a>
        <a className="utrecht-link" href="/consulent/verlopen">
          {t('toExpired')}
        </a>
      </div>
      <SearchForm search={search} />
      <Paragraph>
        <span role="status">
          {search ? `${t('searchResultFor', { term: search })}. ` : ''}
          {countText(t, total, 'candidateCountOne', 'candidateCount')}
        </span>
      </Paragraph>
      {rows.length === 0 ? (
        <Paragraph>{search ? t('noSearchResults') : t('noCandidates')}</Paragraph>
      ) : (
        <CandidateTable
          caption={t('caseloadCaption')}
          rows={rows}
          columns={[
            { header: t('colAvailability'), cell: ({ read }) => <AvailabilityText view={read.view} /> },
            { header: t('colRegie'), cell: ({ read }) => (read.view.regieLevel ? label('regie', read.view.regieLevel) : '') },
            { header: t('colConsent'), cell: ({ consent }) => (consent ? t('yes') : t('no')) },
            { header: t('colUpdated'), cell: ({ read }) => <DateText value={read.candidate.updated_at} /> },
          ]}
        />
      )}
      <Pagination page={page} pageSize={pageSize} total={total} href={(p) => listHref('/consulent', p, { zoek: search })} />
    </Layout>
  );
}

export function registerCaseloadPage(app: FastifyInstance, { db }: AppDeps): void {
  app.get('/consulent', async (request, reply) => {
    const actor = requirePageRole(request, reply, 'consulent');
    if (!actor) return reply;
    const query = request.query as Record<string, unknown>;
    const page = pageParam(query.pagina);
    const search = searchParam(query.zoek);
    const list = await listCandidates(db, actor, { scope: 'caseload', page, pageSize, search }, 'consulent.caseload');
    if (list === 'forbidden') return sendPage(request, reply, <ErrorPage status={403} />, 403);
    const rows = list.items.map((read) => ({ read, consent: read.consentGiven }));
    return sendPage(request, reply, <CaseloadPage rows={rows} total={list.total} page={page} search={search} />);
  });
}
