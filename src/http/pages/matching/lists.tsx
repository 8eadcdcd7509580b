import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '#app/domain/accounts/actor.js';
import { ownCandidateId } from '#app/domain/candidates/own-candidate.js';
import { matchFilterSchema, toVacancyFilters } from '#app/domain/matching/filters.js';
import { placesOf } from '#app/domain/matching/places.js';
import {
  candidatesForVacancy,
  vacanciesForCandidate,
  type RankedCandidate,
  type RankedList,
  type RankedVacancy,
} from '#app/domain/matching/queries.js';
import type { Score } from '#app/domain/matching/score.js';
import { secondsUntilNextDay } from '#app/domain/privacy/view-limit.js';
import { builtinOccupations } from '#app/domain/taxonomy/builtin.js';
import { conceptLabels } from '#app/domain/taxonomy/queries.js';
import { readVacancy } from '#app/domain/vacancies/queries.js';
import { ChoiceGroup, ErrorSummary, SelectField, SubmitButton, TextField, type FormState, type Option } from '#app/ui/form.js';
import { countText, useT } from '#app/ui/i18n.js';
import { Heading, Layout, Pagination, Paragraph } from '#app/ui/layout.js';
import { Section } from '#app/ui/section.js';
import type { AppDeps } from '../../deps.js';
import { requirePageRole, sendNotFound } from '../../guards.js';
import { sendPage } from '../../plugins/render.js';
import { listHref, pageNumber, pageParam, readFilterForm } from '../../query-params.js';
import { ViewLimitPage } from '../candidate-view/candidate-profile.js';
import { supportOptions } from '../vacatures/parts.js';
import { vacancyText } from '../vacatures/messages.js';
import { matchingInfoPath, ScoreExplanation, type ConceptLabels, type Voice } from './explain.js';
import { matchListText } from './list-messages.js';
import { consultantCandidatesPath, consultantVacanciesPath, employerCandidatesPath, forYouPath } from './paths.js';

export const matchPageSize = 10;

/** Dutch names in the address bar; English names in the domain. */
const paramNames = {
  km: 'maxKm',
  urenVanaf: 'hoursMin',
  urenTot: 'hoursMax',
  beroep: 'occupationUri',
  hulp: 'supportOffered',
  openHiring: 'openHiring',
} as const;
function readFilters(query: Record<string, unknown>) {
  const { form, parsed } = readFilterForm(query, paramNames, matchFilterSchema);
  return { form, filters: parsed.ok ? toVacancyFilters(parsed.value) : null };
}

const builtinOccupationOptions: Option[] = builtinOccupations
  .map((o) => ({ value: o.uri, label: o.label }))
  .sort((a, b) => a.label.localeCompare(b.label, 'nl'));

async function occupationOptions(db: AppDeps['db'], chosen: unknown): Promise<Option[]> {
  if (typeof chosen !== 'string' || chosen === '' || builtinOccupationOptions.some((o) => o.value === chosen))
    return builtinOccupationOptions;
  const label = (await conceptLabels(db, [chosen])).get(chosen);
  return label ? [{ value: chosen, label }, ...builtinOccupationOptions] : builtinOccupationOptions;
}

/** The ESCO concepts a score's facts name (the occupation, missing skills), to look up their labels. */
export function scoreConceptUris(scores: readonly Score[]): string[] {
  return scores.flatMap((score) =>
    score.parts.flatMap((part) => {
      if (part.name === 'beroep' && typeof part.facts.occupation === 'string') return [part.facts.occupation];
      if ((part.name === 'vaardigheden' || part.name === 'extraVaardigheden') && Array.isArray(part.facts.missing))
        return part.facts.missing;
      return [];
    }),
  );
}

function AdviceLine({ text }: { text: string }) {
  const t = useT(matchListText);
  return (
    <Paragraph>
      {text}{' '}
      <a className="utrecht-link" href={matchingInfoPath}>
        {t('howItWorksLink')}
      </a>
    </Paragraph>
  );
}

function FilterForm({ form, action, occupations }: { form: FormState; action: string; occupations: Option[] }) {
  const t = useT(matchListText);
  const v = useT(vacancyText);
  return (
    <Section id="zoeken" title={t('filterTitle')}>
      <form method="get" action={action} role="search" aria-labelledby="zoeken" noValidate>
        <TextField form={form} name="km" label={t('filterMaxKm')} hint={t('filterMaxKmHint')} inputMode="numeric" width="xs" optional />
        <TextField form={form} name="urenVanaf" label={t('filterHoursMin')} inputMode="numeric" width="xs" optional />
        <TextField form={form} name="urenTot" label={t('filterHoursMax')} inputMode="numeric" width="xs" optional />
        <SelectField form={form} name="beroep" label={t('filterOccupation')} options={occupations} emptyLabel={t('filterAny')} optional />
        <ChoiceGroup
          form={form}
          name="hulp"
          label={t('filterSupport')}
          hint={t('filterSupportHint')}
          options={supportOptions(v)}
          multiple
          optional
        />
        <ChoiceGroup
          form={form}
          name="openHiring"
          label={t('filterOpenHiringLegend')}
          options={[{ value: 'true', label: t('filterOpenHiring') }]}
          multiple
          optional
        />
        <div className="werkregie-actions">
          <SubmitButton>{t('filterButton')}</SubmitButton>
          <a className="utrecht-link" href={action}>
            {t('filterReset')}
          </a>
        </div>
      </form>
    </Section>
  );
}

type VacancyResults = { list: RankedList<RankedVacancy>; labels: ConceptLabels; places: ReadonlyMap<string, string> };

function VacancyItem({
  item,
  voice,
  labels,
  places,
}: {
  item: RankedVacancy;
  voice: Voice;
  labels: ConceptLabels;
  places: ReadonlyMap<string, string>;
}) {
  const t = useT(matchListText);
  const { vacancy } = item;
  const pc4 = vacancy.postcode.slice(0, 4);
  const place = places.get(pc4);
  const facts = [
    vacancy.employer_name,
    place ? `${pc4} ${place}` : pc4,
    t('hours', { hours: vacancy.hours_per_week }),
    ...(item.distanceKm === null ? [] : [item.distanceKm < 1 ? t('distanceNear') : t('distance', { km: Math.round(item.distanceKm) })]),
    ...(vacancy.suitability.includes('open_hiring') ? [t('openHiring')] : []),
  ];
  return (
    <article className="werkregie-card">
      <h3 className="utrecht-heading-3">
        <a className="utrecht-link" href={`/vacatures/${vacancy.id}`}>
          {vacancy.title}
        </a>
      </h3>
      <p className="utrecht-paragraph">{facts.join(' · ')}</p>
      <ScoreExplanation score={item.score} voice={voice} labels={labels} collapsible infoLink={false} />
    </article>
  );
}

function VacancyResultList({
  results,
  form,
  path,
  voice,
  empty,
}: {
  results: VacancyResults | null;
  form: FormState;
  path: string;
  voice: Voice;
  empty: string;
}) {
  const t = useT(matchListText);
  if (!results) return null;
  const { list, labels, places } = results;
  const filtered = Object.values(form.values).some((value) => (Array.isArray(value) ? value.length > 0 : Boolean(value)));
  return (
    <Section id="resultaten" title={t('resultsTitle')}>
      {list.total === 0 ? (
        <>
          <Paragraph>{filtered ? t('forYouEmptyFiltered') : empty}</Paragraph>
          <Paragraph>
            <a className="utrecht-link" href="/vacatures">
              {t('allVacancies')}
            </a>
          </Paragraph>
        </>
      ) : (
        <>
          <Paragraph>{countText(t, list.total, 'resultsCountOne', 'resultsCount')}</Paragraph>
          <div>
            {list.items.map((item) => (
              <VacancyItem key={item.vacancy.id} item={item} voice={voice} labels={labels} places={places} />
            ))}
          </div>
          <Pagination page={list.page} pageSize={list.pageSize} total={list.total} href={(page) => listHref(path, page, form.values)} />
        </>
      )}
    </Section>
  );
}

function ForYouPage({ form, occupations, results }: { form: FormState; occupations: Option[]; results: VacancyResults | null }) {
  const t = useT(matchListText);
  return (
    <Layout title={t('forYouTitle')} hasErrors={Object.keys(form.errors).length > 0}>
      <ErrorSummary form={form} />
      <Heading>{t('forYouTitle')}</Heading>
      <Paragraph lead>{t('forYouIntro')}</Paragraph>
      <AdviceLine text={t('forYouAdvice')} />
      <FilterForm form={form} action={forYouPath} occupations={occupations} />
      <VacancyResultList results={results} form={form} path={forYouPath} voice="kandidaat" empty={t('forYouEmpty')} />
    </Layout>
  );
}

function NoProfilePage() {
  const t = useT(matchListText);
  return (
    <Layout title={t('forYouTitle')}>
      <Heading>{t('forYouTitle')}</Heading>
      <Paragraph>{t('noProfile')}</Paragraph>
    </Layout>
  );
}

function ConsultantVacanciesPage({
  candidateId,
  form,
  occupations,
  results,
}: {
  candidateId: string;
  form: FormState;
  occupations: Option[];
  results: VacancyResults | null;
}) {
  const t = useT(matchListText);
  const path = consultantVacanciesPath(candidateId);
  return (
    <Layout title={t('consultantVacanciesTitle')} hasErrors={Object.keys(form.errors).length > 0}>
      <ErrorSummary form={form} />
      <Paragraph>
        <a className="utrecht-link" href={`/consulent/kandidaten/${candidateId}`}>
          {t('backToCandidate')}
        </a>
      </Paragraph>
      <Heading>{t('consultantVacanciesTitle')}</Heading>
      <Paragraph lead>{t('consultantVacanciesIntro')}</Paragraph>
      <AdviceLine text={t('consultantAdvice')} />
      <FilterForm form={form} action={path} occupations={occupations} />
      <VacancyResultList results={results} form={form} path={path} voice="werkgever" empty={t('consultantVacanciesEmpty')} />
    </Layout>
  );
}

type Scope = 'caseload' | 'instantie';

function CandidateItem({ item, labels, profileHref }: { item: RankedCandidate; labels: ConceptLabels; profileHref: string }) {
  const t = useT(matchListText);
  const { view } = item.read;
  const name = view.firstName
    ? `${view.firstName} ${view.lastName ?? ''}`.trim()
    : t('candidateUnknownName', { pseudonym: view.pseudonym });
  const facts = [
    ...(view.postcodeArea ? [t('candidateArea', { area: view.postcodeArea })] : []),
    ...(typeof view.hoursPerWeek === 'number' ? [t('candidateHours', { hours: view.hoursPerWeek })] : []),
  ];
  return (
    <article className="werkregie-card">
      <h3 className="utrecht-heading-3">
        <a className="utrecht-link" href={profileHref}>
          {name}
        </a>
      </h3>
      {facts.length ? <p className="utrecht-paragraph">{facts.join(' · ')}</p> : null}
      <ScoreExplanation score={item.score} voice="werkgever" labels={labels} collapsible infoLink={false} />
    </article>
  );
}

function VacancyCandidatesPage({
  title,
  list,
  labels,
  path,
  backHref,
  consultant,
}: {
  title: string;
  list: RankedList<RankedCandidate>;
  labels: ConceptLabels;
  path: string;
  backHref: string;
  consultant?: { scope: Scope };
}) {
  const t = useT(matchListText);
  const scopeParams = consultant && consultant.scope !== 'caseload' ? { bereik: consultant.scope } : {};
  const heading = t('vacancyCandidatesTitle', { title });
  return (
    <Layout title={heading}>
      <Paragraph>
        <a className="utrecht-link" href={backHref}>
          {consultant ? t('backToVacancy') : t('backToMyVacancy')}
        </a>
      </Paragraph>
      <Heading>{heading}</Heading>
      <Paragraph lead>{consultant ? t('vacancyCandidatesIntroConsultant') : t('vacancyCandidatesIntroEmployer')}</Paragraph>
      <AdviceLine text={consultant ? t('consultantAdvice') : t('employerAdvice')} />
      {consultant ? (
        <nav aria-labelledby="bereik">
          <h2 className="utrecht-heading-2" id="bereik">
            {t('scopeTitle')}
          </h2>
          <ul className="utrecht-unordered-list">
            {(['caseload', 'instantie'] as const).map((scope) => (
              <li key={scope} className="utrecht-unordered-list__item">
                {scope === consultant.scope ? (
                  <strong aria-current="page">
                    {t(scope === 'caseload' ? 'scopeCaseload' : 'scopeInstantie')} {t('scopeCurrent')}
                  </strong>
                ) : (
                  <a className="utrecht-link" href={listHref(path, 1, scope === 'caseload' ? {} : { bereik: scope })}>
                    {t(scope === 'caseload' ? 'scopeCaseload' : 'scopeInstantie')}
                  </a>
                )}
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <Section id="resultaten" title={t('resultsTitle')}>
        {list.total === 0 ? (
          <Paragraph>{t('candidatesEmpty')}</Paragraph>
        ) : (
          <>
            <Paragraph>{countText(t, list.total, 'candidatesCountOne', 'candidatesCount')}</Paragraph>
            <div>
              {list.items.map((item) => (
                <CandidateItem
                  key={item.read.candidate.id}
                  item={item}
                  labels={labels}
                  profileHref={consultant ? `/consulent/kandidaten/${item.read.candidate.id}` : `/kandidaten/${item.read.candidate.id}`}
                />
              ))}
            </div>
            <Pagination page={list.page} pageSize={list.pageSize} total={list.total} href={(page) => listHref(path, page, scopeParams)} />
          </>
        )}
      </Section>
    </Layout>
  );
}

/** A business-as-usual employer (or one whose category opens no pool): the instantie proposes candidates. */
function AskInstantiePage({ title, vacancyId }: { title: string; vacancyId: string }) {
  const t = useT(matchListText);
  return (
    <Layout title={t('askTitle')}>
      <Paragraph>
        <a className="utrecht-link" href={`/werkgever/vacatures/${vacancyId}`}>
          {t('backToMyVacancy')}
        </a>
      </Paragraph>
      <Heading>{t('askTitle')}</Heading>
      <Paragraph lead>{t('askIntro')}</Paragraph>
      <Paragraph>{t('askHow')}</Paragraph>
      <ol className="utrecht-ordered-list">
        <li className="utrecht-ordered-list__item">{t('askStep1')}</li>
        <li className="utrecht-ordered-list__item">{t('askStep2', { title })}</li>
        <li className="utrecht-ordered-list__item">{t('askStep3')}</li>
      </ol>
      <Paragraph>{t('askWhy')}</Paragraph>
    </Layout>
  );
}

async function vacancyResults(db: AppDeps['db'], list: RankedList<RankedVacancy>): Promise<VacancyResults> {
  const [labels, places] = [
    await conceptLabels(db, scoreConceptUris(list.items.map((item) => item.score))),
    await placesOf(
      db,
      list.items.map((item) => item.vacancy.postcode.slice(0, 4)),
    ),
  ];
  return { list, labels, places };
}

async function candidateLabels(db: AppDeps['db'], list: RankedList<RankedCandidate>): Promise<ConceptLabels> {
  return conceptLabels(db, scoreConceptUris(list.items.map((item) => item.score)));
}

const idParam = (request: FastifyRequest) => (request.params as { id: string }).id;
const query = (request: FastifyRequest) => (request.query ?? {}) as Record<string, unknown>;

export function registerMatchingPages(app: FastifyInstance, { db }: AppDeps): void {
  /** A ranked vacancy list for one candidate, for the candidate or a consultant; null when not allowed. */
  async function vacancyPage(request: FastifyRequest, actor: Actor, candidateId: string, context: string) {
    const { form, filters } = readFilters(query(request));
    const occupations = await occupationOptions(db, form.values.beroep);
    if (!filters) return { form, occupations, results: null, status: 400 } as const;
    const list = await vacanciesForCandidate(
      db,
      actor,
      candidateId,
      { page: pageParam(query(request).pagina), pageSize: matchPageSize, filters },
      context,
    );
    if (list === 'not_found') return null;
    return { form, occupations, results: await vacancyResults(db, list), status: 200 } as const;
  }

  app.get(forYouPath, async (request, reply) => {
    const actor = requirePageRole(request, reply, 'kandidaat');
    if (!actor) return reply;
    const own = await ownCandidateId(db, actor);
    if (!own) return sendPage(request, reply, <NoProfilePage />);
    const page = await vacancyPage(request, actor, own, 'kandidaat.vacatures-voor-jou');
    if (!page) return sendPage(request, reply, <NoProfilePage />);
    return sendPage(request, reply, <ForYouPage form={page.form} occupations={page.occupations} results={page.results} />, page.status);
  });

  app.get(consultantVacanciesPath(':id'), async (request, reply) => {
    const actor = requirePageRole(request, reply, 'consulent');
    if (!actor) return reply;
    const candidateId = idParam(request);
    const page = await vacancyPage(request, actor, candidateId, 'consulent.kandidaat.vacatures');
    if (!page) return sendNotFound(request, reply);
    return sendPage(
      request,
      reply,
      <ConsultantVacanciesPage candidateId={candidateId} form={page.form} occupations={page.occupations} results={page.results} />,
      page.status,
    );
  });

  app.get(consultantCandidatesPath(':id'), async (request, reply) => {
    const actor = requirePageRole(request, reply, 'consulent');
    if (!actor) return reply;
    const vacancyId = idParam(request);
    const scope: Scope = query(request).bereik === 'instantie' ? 'instantie' : 'caseload';
    const page = pageNumber.parse(query(request).pagina);
    const list = await candidatesForVacancy(
      db,
      actor,
      vacancyId,
      { page, pageSize: matchPageSize, scope },
      'consulent.vacature.kandidaten',
    );
    // Consultants have no view limit and always have a scope; anything but a list means "not there".
    if (typeof list === 'string') return sendNotFound(request, reply);
    const vacancy = await readVacancy(db, actor, vacancyId);
    if (!vacancy) return sendNotFound(request, reply);
    return sendPage(
      request,
      reply,
      <VacancyCandidatesPage
        title={vacancy.vacancy.title}
        list={list}
        labels={await candidateLabels(db, list)}
        path={consultantCandidatesPath(vacancyId)}
        backHref={`/vacatures/${vacancyId}`}
        consultant={{ scope }}
      />,
    );
  });

  app.get(employerCandidatesPath(':id'), async (request, reply) => employerCandidates(request, reply));

  async function employerCandidates(request: FastifyRequest, reply: FastifyReply) {
    const actor = requirePageRole(request, reply, 'werkgever');
    if (!actor) return reply;
    const vacancyId = idParam(request);
    const page = pageNumber.parse(query(request).pagina);
    const list = await candidatesForVacancy(
      db,
      actor,
      vacancyId,
      { page, pageSize: matchPageSize, scope: 'pool' },
      'werkgever.vacature.kandidaten',
    );
    if (list === 'not_found') return sendNotFound(request, reply);
    if (list === 'limit') return sendPage(request, reply.header('retry-after', String(secondsUntilNextDay())), <ViewLimitPage />, 429);
    const vacancy = await readVacancy(db, actor, vacancyId);
    if (!vacancy || !vacancy.managed) return sendNotFound(request, reply);
    // Not an error: the employer may not search the pool, and the page says how to get candidates instead.
    if (list === 'forbidden') return sendPage(request, reply, <AskInstantiePage title={vacancy.vacancy.title} vacancyId={vacancyId} />);
    return sendPage(
      request,
      reply,
      <VacancyCandidatesPage
        title={vacancy.vacancy.title}
        list={list}
        labels={await candidateLabels(db, list)}
        path={employerCandidatesPath(vacancyId)}
        backHref={`/werkgever/vacatures/${vacancyId}`}
      />,
    );
  }
}
