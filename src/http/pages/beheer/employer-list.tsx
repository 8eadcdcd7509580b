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
import { Section } from '#app/ui/section.js';
import type { AppDeps } from '../../deps.js';
import { sendPage } from '../../plugins/render.js';
import { listHref, pageParam, searchParam } from '../../query-params.js';
import { useEmployerLabels } from '../employer-parts.js';
import { management, settingsText } from './messages.js';
import { categoryOptions, employerPath, employersPath, isCategory, managementContext, type ManagementContext } from './parts.js';
import { matchWeightsPath } from './match-weights.js';
import { settingsPath } from './settings.js';
import { unusualUsePath } from './unusual-use.js';

const pageSize = 25;

type Filter = { name: string; category: EmployerCategory | null; page: number };

function CategoryExplanation({ context }: { context: ManagementContext }) {
  const t = useT(management);
  const terms = useEmployerLabels();
  return (
    <Section id="categorieen" title={t('categoriesTitle')}>
      <dl className="werkregie-definitions">
        {employerCategories.map((category) => (
          <div key={category}>
            <dt>{terms.category(category)}</dt>
            <dd>
              {t(`categoryText_${category}`)} {maySearchPool(context.instantie.settings, category) ? t('poolSearchYes') : t('poolSearchNo')}
            </dd>
          </div>
        ))}
      </dl>
      <Paragraph>{t('categoryMoves')}</Paragraph>
    </Section>
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
  const ts = useT(settingsText);
  const terms = useEmployerLabels();
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
      <p className="utrecht-paragraph">
        <a className="utrecht-link" href={unusualUsePath}>
          {t('unusualUseLink')}
        </a>
      </p>
      <p className="utrecht-paragraph">
        <a className="utrecht-link" href={matchWeightsPath}>
          {t('weightsLink')}
        </a>
      </p>
      <p className="utrecht-paragraph">
        <a className="utrecht-link" href={settingsPath}>
          {ts('settingsLink')}
        </a>
      </p>
      <CategoryExplanation context={context} />

      <Section id="zoeken" title={t('filterTitle')}>
        <form method="get" action={employersPath} role="search" aria-labelledby="zoeken">
          <TextField form={form} name="naam" label={t('filterName')} optional />
          <SelectField
            form={form}
            name="categorie"
            label={t('filterCategory')}
            options={categoryOptions(terms)}
            emptyLabel={t('filterAll')}
            optional
          />
          <SubmitButton>{c('search')}</SubmitButton>
        </form>
      </Section>

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
              { header: t('colCategory'), cell: (employer) => terms.category(employer.category) },
              { header: t('colPso'), cell: (employer) => terms.pso(employer.psoLevel) },
              { header: t('colCso'), cell: (employer) => (employer.codeSocialeOndernemingen ? c('yes') : c('no')) },
            ]}
          />
        </>
      )}
      <Pagination
        page={filter.page}
        pageSize={pageSize}
        total={total}
        href={(page) => listHref(employersPath, page, { naam: filter.name, categorie: filter.category })}
      />
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
