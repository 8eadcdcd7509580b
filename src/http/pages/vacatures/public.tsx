import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { hasRole } from '#app/domain/accounts/actor.js';
import { builtinOccupations } from '#app/domain/taxonomy/builtin.js';
import { conceptLabels } from '#app/domain/taxonomy/queries.js';
import { listOpenVacancies, readVacancy, type VacancyList } from '#app/domain/vacancies/queries.js';
import type { VacancyPresentation } from '#app/domain/vacancies/presenter.js';
import { checkHoursOrder, vacancyFilterFields } from '#app/domain/vacancies/rules.js';
import { ChoiceGroup, ErrorSummary, SelectField, SubmitButton, TextField, type FormState, type Option } from '#app/ui/form.js';
import { useFormatDate } from '#app/ui/dates.js';
import { countText, useT } from '#app/ui/i18n.js';
import { Heading, Layout, Notice, Pagination, Paragraph } from '#app/ui/layout.js';
import { Section } from '#app/ui/section.js';
import type { AppDeps } from '../../deps.js';
import { sendNotFound } from '../../guards.js';
import { sendPage } from '../../plugins/render.js';
import { listHref, pageNumber, readFilterForm } from '../../query-params.js';
import { interestFor, InterestPart, type InterestState } from '../contact/candidate.js';
import { matchListText } from '../matching/list-messages.js';
import { OpenHiringSection } from '../open-hiring/parts.js';
import { consultantCandidatesPath } from '../matching/paths.js';
import { vacancyText } from './messages.js';
import { contractLabel, contractOptions, supportOptions, VacancyDetails } from './parts.js';

export const publicListPath = '/vacatures';
const pageSize = 20;

/** Dutch names in the address bar; English names in the domain, as in the API. */
const paramNames = {
  zoek: 'text',
  urenVanaf: 'hoursMin',
  urenTot: 'hoursMax',
  contract: 'contractType',
  beroep: 'occupationUri',
  openHiring: 'openHiring',
  hulp: 'supportOffered',
} as const;

const filterSchema = z.object({ ...vacancyFilterFields, page: pageNumber }).superRefine(checkHoursOrder);

function readFilters(query: Record<string, unknown>) {
  return readFilterForm(query, paramNames, filterSchema, { page: query.pagina });
}

function VacancyCard({ vacancy }: { vacancy: VacancyPresentation }) {
  const t = useT(vacancyText);
  const date = useFormatDate();
  return (
    <article className="werkregie-card">
      <h3 className="utrecht-heading-3">
        <a className="utrecht-link" href={`${publicListPath}/${vacancy.id}`}>
          {vacancy.title}
        </a>
      </h3>
      <p className="utrecht-paragraph">
        {vacancy.employerName} · {vacancy.postcode} · {t('hoursValue', { hours: vacancy.hoursPerWeek })} ·{' '}
        {contractLabel(t, vacancy.contractType)}
        {vacancy.suitability.includes('open_hiring') ? ` · ${t('openHiringBadge')}` : ''}
      </p>
      {vacancy.publishedUntil ? <p className="utrecht-paragraph">{t('until', { date: date(vacancy.publishedUntil) })}</p> : null}
    </article>
  );
}

/**
 * The filter offers the built-in occupations (the common entry-level ones), sorted; an occupation from
 * an ESCO import that is in the address (a link, or the API's occupationUri) is added with its label.
 */
const builtinOccupationOptions: Option[] = builtinOccupations
  .map((o) => ({ value: o.uri, label: o.label }))
  .sort((a, b) => a.label.localeCompare(b.label, 'nl'));

async function occupationOptions(db: AppDeps['db'], chosen: unknown): Promise<Option[]> {
  if (typeof chosen !== 'string' || chosen === '' || builtinOccupationOptions.some((o) => o.value === chosen))
    return builtinOccupationOptions;
  const label = (await conceptLabels(db, [chosen])).get(chosen);
  return label ? [{ value: chosen, label }, ...builtinOccupationOptions] : builtinOccupationOptions;
}

function VacancyListPage({ form, list, occupations }: { form: FormState; list: VacancyList | null; occupations: Option[] }) {
  const t = useT(vacancyText);
  const hasErrors = Object.keys(form.errors).length > 0;
  return (
    <Layout title={t('listTitle')} hasErrors={hasErrors}>
      <ErrorSummary form={form} />
      <Heading>{t('listTitle')}</Heading>
      <Paragraph lead>{t('listIntro')}</Paragraph>
      <Section id="zoeken" title={t('filterTitle')}>
        <form method="get" action={publicListPath} role="search" aria-labelledby="zoeken" noValidate>
          <TextField form={form} name="zoek" label={t('filterText')} hint={t('filterTextHint')} optional />
          <TextField form={form} name="urenVanaf" label={t('filterHoursMin')} inputMode="numeric" width="xs" optional />
          <TextField form={form} name="urenTot" label={t('filterHoursMax')} inputMode="numeric" width="xs" optional />
          <SelectField
            form={form}
            name="contract"
            label={t('filterContract')}
            options={contractOptions(t)}
            emptyLabel={t('filterAny')}
            optional
          />
          <SelectField form={form} name="beroep" label={t('filterOccupation')} options={occupations} emptyLabel={t('filterAny')} optional />
          <ChoiceGroup
            form={form}
            name="openHiring"
            label={t('filterOpenHiringLegend')}
            options={[{ value: 'true', label: t('filterOpenHiring') }]}
            multiple
            optional
          />
          <ChoiceGroup
            form={form}
            name="hulp"
            label={t('filterSupport')}
            hint={t('filterSupportHint')}
            options={supportOptions(t)}
            multiple
            optional
          />
          <div className="werkregie-actions">
            <SubmitButton>{t('filterButton')}</SubmitButton>
            <a className="utrecht-link" href={publicListPath}>
              {t('filterReset')}
            </a>
          </div>
        </form>
      </Section>
      {list ? (
        <Section id="resultaten" title={t('resultsTitle')}>
          <Paragraph>{countText(t, list.total, 'resultsCountOne', 'resultsCount')}</Paragraph>
          {list.items.length === 0 ? (
            <Paragraph>{t('noResults')}</Paragraph>
          ) : (
            list.items.map((vacancy) => <VacancyCard key={vacancy.id} vacancy={vacancy} />)
          )}
          <Pagination
            page={list.page}
            pageSize={list.pageSize}
            total={list.total}
            href={(page) => listHref(publicListPath, page, form.values)}
          />
        </Section>
      ) : null}
    </Layout>
  );
}

function VacancyPage({
  vacancy,
  managed,
  consultant,
  interest,
}: {
  vacancy: VacancyPresentation;
  managed: boolean;
  consultant: boolean;
  /** For a signed-in candidate: the interest form, or the link to their contact about it. */
  interest: InterestState | null;
}) {
  const t = useT(vacancyText);
  const m = useT(matchListText);
  return (
    <Layout title={vacancy.title}>
      <p className="utrecht-paragraph">
        <a className="utrecht-link" href={publicListPath}>
          {t('backToList')}
        </a>
      </p>
      <Heading>{vacancy.title}</Heading>
      {!vacancy.publiclyListed ? <Notice type="warning">{t('notListedNotice')}</Notice> : null}
      <VacancyDetails vacancy={vacancy} />
      {managed ? null : <OpenHiringSection vacancy={vacancy} />}
      {consultant ? (
        <p className="utrecht-paragraph">
          <a className="utrecht-link" href={consultantCandidatesPath(vacancy.id)}>
            {m('linkConsultantCandidates')}
          </a>
        </p>
      ) : null}
      {managed ? (
        <p className="utrecht-paragraph">
          <a className="utrecht-link" href={`/werkgever/vacatures/${vacancy.id}`}>
            {t('backToMine')}
          </a>
        </p>
      ) : interest ? (
        <InterestPart vacancyId={vacancy.id} state={interest} />
      ) : (
        <Section id="reageren" title={t('respond')} card>
          <Paragraph>{t('respondText')}</Paragraph>
        </Section>
      )}
    </Layout>
  );
}

/** The public vacancy pages: for everyone, also without logging in. */
export function registerPublicVacancyPages(app: FastifyInstance, { db }: AppDeps): void {
  app.get(publicListPath, async (request, reply) => {
    const { form, parsed } = readFilters((request.query ?? {}) as Record<string, unknown>);
    const occupations = await occupationOptions(db, form.values.beroep);
    if (!parsed.ok) return sendPage(request, reply, <VacancyListPage form={form} list={null} occupations={occupations} />, 400);
    const { page, ...filters } = parsed.value;
    const list = await listOpenVacancies(db, filters, { page, pageSize });
    return sendPage(request, reply, <VacancyListPage form={form} list={list} occupations={occupations} />);
  });

  app.get(`${publicListPath}/:id`, async (request, reply) => {
    const read = await readVacancy(db, request.actor, (request.params as { id: string }).id);
    if (!read) return sendNotFound(request, reply);
    const interest = read.managed || !read.vacancy.publiclyListed ? null : await interestFor(db, request.actor, read.vacancy.id);
    return sendPage(
      request,
      reply,
      <VacancyPage vacancy={read.vacancy} managed={read.managed} consultant={hasRole(request.actor, 'consulent')} interest={interest} />,
    );
  });
}
