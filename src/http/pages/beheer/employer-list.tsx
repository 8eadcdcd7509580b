import type { FastifyInstance } from 'fastify';
import { listEmployersAt, type EmployerAtInstantie } from '#app/domain/employers/at-instantie.js';
import { employerCategories } from '#app/domain/employers/rules.js';
import { maySearchPool } from '#app/domain/instanties/settings.js';
import type { EmployerCategory } from '#app/db/schema.js';
import { SelectField, SubmitButton, TextField } from '#app/ui/form.js';
import { countText, useT } from '#app/ui/i18n.js';
import { Heading, Layout, Pagination, Paragraph } from '#app/ui/layout.js';
import { common } from '#app/ui/messages.js';
import { DataTable } from '#app/ui/table.js';
import type { AppDeps } from '../../deps.js';
import { sendPage } from '../../plugins/render.js';
import { pageParam, searchParam } from '../../query-params.js';
import { management } from './messages.js';
import {
  categoryLabel,
  categoryOptions,
  employerPath,
  employersPath,
  isCategory,
  managementContext,
  psoLabel,
  type ManagementContext,
} from './parts.js';

const pageSize = 25;

type Filter = { name: string; category: EmployerCategory | null; page: number };

function listHref(filter: Filter, page: number): string {
  const params = new URLSearchParams();
  if (filter.name) params.set('naam', filter.name);
  if (filter.category) params.set('categorie', filter.category);
  if (page > 1) params.set('pagina', String(page));
  const query = params.toString();
  return query ? `${employersPath}?${query}` : employersPath;
}

function CategoryExplanation({ context }: { context: ManagementContext }) {
  const t = useT(management);
  return (
    <section aria-labelledby="categorieen">
      <h2 className="utrecht-heading-2" id="categorieen">
        {t('categoriesTitle')}
      </h2>
      <dl className="werkregie-definitions">
        {employerCategories.map((category) => (
          <div key={category}>
            <dt>{categoryLabel(t, category)}</dt>
            <dd>
              {t(`categoryText_${category}`)} {maySearchPool(context.instantie.settings, category) ? t('poolSearchYes') : t('poolSearchNo')}
            </dd>
          </div>
        ))}
      </dl>
      <Paragraph>{t('categoryMoves')}</Paragraph>
    </section>
  );
}

function EmployerListPage({
  context,
  filter,
  total,
  items,
}: {
  context: ManagementContext;
  filter: Filter;
  total: number;
  items: EmployerAtInstantie[];
}) {
  const t = useT(management);
  const c = useT(common);
  const form = { values: { naam: filter.name, categorie: filter.category ?? '' }, errors: {} };
  return (
    <Layout title={t('employersTitle')}>
      <Heading>{t('employersTitle')}</Heading>
      <Paragraph lead>{t('employersIntro', { instantie: context.instantie.name })}</Paragraph>
      <p className="utrecht-paragraph">
        <a className="utrecht-link" href={`${employersPath}/nieuw`}>
          {t('newEmployerLink')}
        </a>
      </p>
      <CategoryExplanation context={context} />

      <section aria-labelledby="zoeken">
        <h2 className="utrecht-heading-2" id="zoeken">
          {t('filterTitle')}
        </h2>
        <form method="get" action={employersPath} role="search" aria-labelledby="zoeken">
          <TextField form={form} name="naam" label={t('filterName')} optional />
          <SelectField
            form={form}
            name="categorie"
            label={t('filterCategory')}
            options={categoryOptions(t)}
            emptyLabel={t('filterAll')}
            optional
          />
          <SubmitButton>{c('search')}</SubmitButton>
        </form>
      </section>

      {items.length === 0 ? (
        <Paragraph>{t('noEmployers')}</Paragraph>
      ) : (
        <>
          <Paragraph>{countText(t, total, 'oneEmployerFound', 'employersFound')}</Paragraph>
          <DataTable
            caption={t('tableCaption', { instantie: context.instantie.name })}
            rows={items}
            rowKey={(employer) => employer.id}
            columns={[
              {
                header: t('colName'),
                rowHeader: true,
                cell: (employer) => (
                  <a className="utrecht-link" href={employerPath(employer.id)}>
                    {employer.name}
                  </a>
                ),
              },
              { header: t('colKvk'), cell: (employer) => employer.kvkNumber },
              { header: t('colCategory'), cell: (employer) => categoryLabel(t, employer.category) },
              { header: t('colPso'), cell: (employer) => psoLabel(t, employer.psoLevel) },
              { header: t('colCso'), cell: (employer) => (employer.codeSocialeOndernemingen ? c('yes') : c('no')) },
            ]}
          />
        </>
      )}
      <Pagination page={filter.page} pageSize={pageSize} total={total} href={(page) => listHref(filter, page)} />
    </Layout>
  );
}

export function registerEmployerListPage(app: FastifyInstance, { db }: AppDeps): void {
  app.get(employersPath, async (request, reply) => {
    const context = await managementContext(db, request, reply);
    if (!context) return reply;
    const query = request.query as Record<string, unknown>;
    const filter: Filter = {
      name: searchParam(query.naam),
      category: isCategory(query.categorie) ? query.categorie : null,
      page: pageParam(query.pagina),
    };
    const { total, items } = await listEmployersAt(db, context.instantie.id, {
      ...filter,
      category: filter.category ?? undefined,
      pageSize,
    });
    return sendPage(request, reply, <EmployerListPage context={context} filter={filter} total={total} items={items} />);
  });
}
