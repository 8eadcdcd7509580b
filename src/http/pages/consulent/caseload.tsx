import type { FastifyInstance } from 'fastify';
import { candidatesWithConsent, listCandidates, type CandidateRead } from '#app/domain/candidates/queries.js';
import { useT } from '#app/ui/i18n.js';
import { Heading, Layout, Pagination, Paragraph } from '#app/ui/layout.js';
import type { AppDeps } from '../../deps.js';
import { requirePageRole } from '../../guards.js';
import { ErrorPage } from '../error-page.js';
import { sendPage } from '../../plugins/render.js';
import { consultant } from './messages.js';
import { AvailabilityText, DateText, candidatePath, fullName, pageParam, pageSize, searchParam, useCodeLabel } from './parts.js';

type Row = { read: CandidateRead; consent: boolean };

function caseloadHref(page: number, search: string): string {
  const params = new URLSearchParams();
  if (search) params.set('zoek', search);
  if (page > 1) params.set('pagina', String(page));
  const query = params.toString();
  return query ? `/consulent?${query}` : '/consulent';
}

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
          {total === 1 ? t('candidateCountOne') : t('candidateCount', { count: total })}
        </span>
      </Paragraph>
      {rows.length === 0 ? (
        <Paragraph>{search ? t('noSearchResults') : t('noCandidates')}</Paragraph>
      ) : (
        <div className="utrecht-table-container">
          <table className="utrecht-table utrecht-table--html-table">
            <caption className="utrecht-table__caption werkregie-visually-hidden">{t('caseloadCaption')}</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                {(['colName', 'colPseudonym', 'colAvailability', 'colRegie', 'colConsent', 'colUpdated'] as const).map((key) => (
                  <th key={key} scope="col" className="utrecht-table__header-cell">
                    {t(key)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {rows.map(({ read: { candidate, view }, consent }) => (
                <tr key={view.id} className="utrecht-table__row">
                  <th scope="row" className="utrecht-table__header-cell">
                    <a className="utrecht-link" href={candidatePath(view.id)}>
                      {fullName(view)}
                    </a>
                  </th>
                  <td className="utrecht-table__cell">{view.pseudonym}</td>
                  <td className="utrecht-table__cell">
                    <AvailabilityText view={view} />
                  </td>
                  <td className="utrecht-table__cell">{view.regieLevel ? label('regie', view.regieLevel) : ''}</td>
                  <td className="utrecht-table__cell">{consent ? t('yes') : t('no')}</td>
                  <td className="utrecht-table__cell">
                    <DateText value={candidate.updated_at} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pageSize={pageSize} total={total} href={(p) => caseloadHref(p, search)} />
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
    // One query for the whole page, never one per row: the caseload page is benchmarked.
    const consented = await candidatesWithConsent(
      db,
      list.items.map((item) => item.candidate.id),
    );
    const rows = list.items.map((read) => ({ read, consent: consented.has(read.candidate.id) }));
    return sendPage(request, reply, <CaseloadPage rows={rows} total={list.total} page={page} search={search} />);
  });
}
