import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '#app/domain/accounts/actor.js';
import { ownCandidateId } from '#app/domain/candidates/own-candidate.js';
import type { MatchFilterInput } from '#app/domain/matching/filters.js';
import { placesOf } from '#app/domain/matching/places.js';
import { createSavedSearch } from '#app/domain/matching/saved-searches.js';
import {
  candidatesForVacancy,
  vacanciesForCandidate,
  type RankedCandidate,
  type RankedList,
  type RankedVacancy,
} from '#app/domain/matching/queries.js';
import { secondsUntilNextDay } from '#app/domain/privacy/view-limit.js';
import { builtinOccupations } from '#app/domain/taxonomy/builtin.js';
import { conceptLabels } from '#app/domain/taxonomy/queries.js';
import { readVacancy } from '#app/domain/vacancies/queries.js';
import { ChoiceGroup, ErrorSummary, SelectField, SubmitButton, TextField, type FormState, type Option } from '#app/ui/form.js';
import { countText, translator, useT } from '#app/ui/i18n.js';
import { Heading, Layout, Pagination, Paragraph } from '#app/ui/layout.js';
import { Section } from '#app/ui/section.js';
import type { AppDeps } from '../../deps.js';
import { requirePageRole, sendNotFound } from '../../guards.js';
import { sendPage } from '../../plugins/render.js';
import { listHref, pageNumber, pageParam } from '../../query-params.js';
import { ViewLimitPage } from '../candidate-view/candidate-profile.js';
import { supportOptions } from '../vacatures/parts.js';
import { contactText } from '../contact/messages.js';
import { invitePath } from '../contact/paths.js';
import { consultantContactText } from '../contact-consultant/messages.js';
import { proposePath } from '../contact-consultant/paths.js';
import { vacancyText } from '../vacatures/messages.js';
import { ScoreExplanation, type ConceptLabels, type Voice } from './explain.js';
import { readMatchFilters } from './filter-params.js';
import { matchListText } from './list-messages.js';
import {
  consultantCandidatesPath,
  consultantSavedSearchesPath,
  consultantVacanciesPath,
  employerCandidatesPath,
  forYouPath,
  savedSearchesPath,
} from './paths.js';
import {
  AdviceLine,
  AskInstantiePage,
  candidateLabels,
  CandidateResults,
  matchPageSize,
  scoreConceptUris,
  type CandidateRowAction,
} from './ranked-parts.js';
import { newSaveForm, SaveSearchForm, savedSearchFormErrors, savedSearchInput } from './saved-searches.js';

const builtinOccupationOptions: Option[] = builtinOccupations
  .map((o) => ({ value: o.uri, label: o.label }))
  .sort((a, b) => a.label.localeCompare(b.label, 'nl'));

async function occupationOptions(db: AppDeps['db'], chosen: unknown): Promise<Option[]> {
  if (typeof chosen !== 'string' || chosen === '' || builtinOccupationOptions.some((o) => o.value === chosen))
    return builtinOccupationOptions;
  const label = (await conceptLabels(db, [chosen])).get(chosen);
  return label ? [{ value: chosen, label }, ...builtinOccupationOptions] : builtinOccupationOptions;
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
/** A link on each row of a ranked vacancy list ("Voorstellen"); the row's title is added for screen readers. */
type VacancyRowAction = { label: string; href: (vacancyId: string) => string };

function VacancyItem({
  item,
  voice,
  labels,
  places,
  action,
}: {
  item: RankedVacancy;
  voice: Voice;
  labels: ConceptLabels;
  places: ReadonlyMap<string, string>;
  action?: VacancyRowAction;
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
      {action ? (
        <p className="utrecht-paragraph">
          <a className="utrecht-link" href={action.href(vacancy.id)}>
            {action.label}
            <span className="werkregie-visually-hidden">: {vacancy.title}</span>
          </a>
        </p>
      ) : null}
    </article>
  );
}

function VacancyResultList({
  results,
  form,
  path,
  voice,
  empty,
  rowAction,
}: {
  results: VacancyResults | null;
  form: FormState;
  path: string;
  voice: Voice;
  empty: string;
  rowAction?: VacancyRowAction;
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
              <VacancyItem key={item.vacancy.id} item={item} voice={voice} labels={labels} places={places} action={rowAction} />
            ))}
          </div>
          <Pagination page={list.page} pageSize={list.pageSize} total={list.total} href={(page) => listHref(path, page, form.values)} />
        </>
      )}
    </Section>
  );
}

/** A ranked vacancy list as a page shows it: the filter form, the save form and the results. */
type VacancyPageData = {
  form: FormState;
  occupations: Option[];
  /** The valid filters, to save; null when the filter form has errors. */
  input: MatchFilterInput | null;
  saveForm: FormState;
  results: VacancyResults | null;
};

/** One summary for both forms on the page: the filters and the save form. */
const pageErrors = (page: VacancyPageData): FormState => ({ values: {}, errors: { ...page.form.errors, ...page.saveForm.errors } });

function ForYouPage({ page }: { page: VacancyPageData }) {
  const t = useT(matchListText);
  const errors = pageErrors(page);
  return (
    <Layout title={t('forYouTitle')} hasErrors={Object.keys(errors.errors).length > 0}>
      <ErrorSummary form={errors} />
      <Heading>{t('forYouTitle')}</Heading>
      <Paragraph lead>{t('forYouIntro')}</Paragraph>
      <AdviceLine text={t('forYouAdvice')} />
      <FilterForm form={page.form} action={forYouPath} occupations={page.occupations} />
      {page.input ? (
        <SaveSearchForm action={forYouPath} form={page.saveForm} filters={page.input} voice="kandidaat" savedHref={savedSearchesPath} />
      ) : null}
      <VacancyResultList results={page.results} form={page.form} path={forYouPath} voice="kandidaat" empty={t('forYouEmpty')} />
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

function ConsultantVacanciesPage({ candidateId, page }: { candidateId: string; page: VacancyPageData }) {
  const t = useT(matchListText);
  const c = useT(consultantContactText);
  const path = consultantVacanciesPath(candidateId);
  const { form, occupations, results } = page;
  const errors = pageErrors(page);
  return (
    <Layout title={t('consultantVacanciesTitle')} hasErrors={Object.keys(errors.errors).length > 0}>
      <ErrorSummary form={errors} />
      <Paragraph>
        <a className="utrecht-link" href={`/consulent/kandidaten/${candidateId}`}>
          {t('backToCandidate')}
        </a>
      </Paragraph>
      <Heading>{t('consultantVacanciesTitle')}</Heading>
      <Paragraph lead>{t('consultantVacanciesIntro')}</Paragraph>
      <AdviceLine text={t('consultantAdvice')} />
      <FilterForm form={form} action={path} occupations={occupations} />
      {page.input ? (
        <SaveSearchForm
          action={path}
          form={page.saveForm}
          filters={page.input}
          voice="consulent"
          savedHref={consultantSavedSearchesPath(candidateId)}
        />
      ) : null}
      <VacancyResultList
        results={results}
        form={form}
        path={path}
        voice="werkgever"
        empty={t('consultantVacanciesEmpty')}
        rowAction={{ label: c('proposeLink'), href: (vacancyId) => proposePath(vacancyId, candidateId) }}
      />
    </Layout>
  );
}

type Scope = 'caseload' | 'instantie';

function VacancyCandidatesPage({
  title,
  list,
  labels,
  path,
  backHref,
  consultant,
  rowAction,
}: {
  title: string;
  list: RankedList<RankedCandidate>;
  labels: ConceptLabels;
  path: string;
  backHref: string;
  consultant?: { scope: Scope };
  rowAction?: CandidateRowAction;
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
      <CandidateResults
        list={list}
        labels={labels}
        empty={t('candidatesEmpty')}
        profileHref={(id) => (consultant ? `/consulent/kandidaten/${id}` : `/kandidaten/${id}`)}
        pageHref={(page) => listHref(path, page, scopeParams)}
        rowAction={rowAction}
      />
    </Layout>
  );
}

/** The employer may not search the pool: the instantie proposes candidates for this vacancy. */
function AskForVacancyPage({ title, vacancyId }: { title: string; vacancyId: string }) {
  const t = useT(matchListText);
  return (
    <AskInstantiePage
      title={t('askTitle')}
      intro={t('askIntro')}
      step={t('askStep2', { title })}
      back={{ href: `/werkgever/vacatures/${vacancyId}`, label: t('backToMyVacancy') }}
    />
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

const idParam = (request: FastifyRequest) => (request.params as { id: string }).id;
const query = (request: FastifyRequest) => (request.query ?? {}) as Record<string, unknown>;

export function registerMatchingPages(app: FastifyInstance, { db }: AppDeps): void {
  /**
   * A ranked vacancy list for one candidate, for the candidate or a consultant, with the filters
   * from `params` (the address bar, or the posted save form); null when not allowed.
   */
  async function vacancyPage(
    params: Record<string, unknown>,
    actor: Actor,
    candidateId: string,
    context: string,
    saveForm: FormState = newSaveForm,
  ): Promise<(VacancyPageData & { status: 200 | 400 }) | null> {
    const { form, input, filters } = readMatchFilters(params);
    const occupations = await occupationOptions(db, form.values.beroep);
    if (!filters) return { form, occupations, input, saveForm, results: null, status: 400 };
    const list = await vacanciesForCandidate(
      db,
      actor,
      candidateId,
      { page: pageParam(params.pagina), pageSize: matchPageSize, filters },
      context,
    );
    if (list === 'not_found') return null;
    const status = Object.keys(saveForm.errors).length ? 400 : 200;
    return { form, occupations, input, saveForm, results: await vacancyResults(db, list), status };
  }

  /**
   * The posted save form: the list's filters (hidden fields) saved under a name. Saved, it goes to
   * the saved searches; refused, the list shows again with the errors and what was typed.
   */
  async function saveSearch(request: FastifyRequest, actor: Actor, candidateId: string, context: string) {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const { input } = readMatchFilters(body);
    const result = input
      ? await createSavedSearch(db, actor, candidateId, { ...savedSearchInput(body), filters: input })
      : ({ ok: false, reason: 'invalid', errors: {} } as const);
    if (result.ok) return { saved: true } as const;
    if (result.reason !== 'invalid') return null;
    const saveForm = {
      values: { naam: typeof body.naam === 'string' ? body.naam : '', melding: body.melding === 'ja' ? 'ja' : undefined },
      errors: savedSearchFormErrors(result.errors),
    };
    const page = await vacancyPage(body, actor, candidateId, context, saveForm);
    return page ? ({ saved: false, page } as const) : null;
  }

  app.get(forYouPath, async (request, reply) => {
    const actor = requirePageRole(request, reply, 'kandidaat');
    if (!actor) return reply;
    const own = await ownCandidateId(db, actor);
    if (!own) return sendPage(request, reply, <NoProfilePage />);
    const page = await vacancyPage(query(request), actor, own, 'kandidaat.vacatures-voor-jou');
    if (!page) return sendPage(request, reply, <NoProfilePage />);
    return sendPage(request, reply, <ForYouPage page={page} />, page.status);
  });

  app.post(forYouPath, async (request, reply) => {
    const actor = requirePageRole(request, reply, 'kandidaat');
    if (!actor) return reply;
    const own = await ownCandidateId(db, actor);
    if (!own) return sendPage(request, reply, <NoProfilePage />, 404);
    const outcome = await saveSearch(request, actor, own, 'kandidaat.vacatures-voor-jou');
    if (!outcome) return sendPage(request, reply, <NoProfilePage />, 404);
    if (outcome.saved) return reply.redirect(`${savedSearchesPath}?bewaard=1`, 303);
    return sendPage(request, reply, <ForYouPage page={outcome.page} />, 400);
  });

  app.get(consultantVacanciesPath(':id'), async (request, reply) => {
    const actor = requirePageRole(request, reply, 'consulent');
    if (!actor) return reply;
    const candidateId = idParam(request);
    const page = await vacancyPage(query(request), actor, candidateId, 'consulent.kandidaat.vacatures');
    if (!page) return sendNotFound(request, reply);
    return sendPage(request, reply, <ConsultantVacanciesPage candidateId={candidateId} page={page} />, page.status);
  });

  app.post(consultantVacanciesPath(':id'), async (request, reply) => {
    const actor = requirePageRole(request, reply, 'consulent');
    if (!actor) return reply;
    const candidateId = idParam(request);
    const outcome = await saveSearch(request, actor, candidateId, 'consulent.kandidaat.vacatures');
    if (!outcome) return sendNotFound(request, reply);
    if (outcome.saved) return reply.redirect(`${consultantSavedSearchesPath(candidateId)}?bewaard=1`, 303);
    return sendPage(request, reply, <ConsultantVacanciesPage candidateId={candidateId} page={outcome.page} />, 400);
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
        rowAction={{ label: translator(consultantContactText, request.locale)('proposeLink'), href: (id) => proposePath(vacancyId, id) }}
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
    if (list === 'forbidden') return sendPage(request, reply, <AskForVacancyPage title={vacancy.vacancy.title} vacancyId={vacancyId} />);
    return sendPage(
      request,
      reply,
      <VacancyCandidatesPage
        title={vacancy.vacancy.title}
        list={list}
        labels={await candidateLabels(db, list)}
        path={employerCandidatesPath(vacancyId)}
        backHref={`/werkgever/vacatures/${vacancyId}`}
        rowAction={{ label: translator(contactText, request.locale)('inviteLink'), href: (id) => invitePath(vacancyId, id) }}
      />,
    );
  }
}
