import type { FastifyInstance } from 'fastify';
import { poolInstanties } from '#app/domain/candidates/queries.js';
import { coordinatesOf } from '#app/domain/geo/distance.js';
import { candidateCriteriaSchema, toCandidateCriteria, type CandidateCriteriaInput } from '#app/domain/matching/criteria.js';
import { candidatesByCriteria, type RankedCandidate, type RankedList } from '#app/domain/matching/queries.js';
import { secondsUntilNextDay } from '#app/domain/privacy/view-limit.js';
import { ErrorSummary, SelectField, SubmitButton, TextField, type FormState } from '#app/ui/form.js';
import { useT } from '#app/ui/i18n.js';
import { Heading, Layout, Notice, Paragraph } from '#app/ui/layout.js';
import { Section } from '#app/ui/section.js';
import type { AppDeps } from '../../deps.js';
import { requirePageRole } from '../../guards.js';
import { sendPage } from '../../plugins/render.js';
import { listHref, pageParam, readFilterForm } from '../../query-params.js';
import { ViewLimitPage } from '../candidate-view/candidate-profile.js';
import { ConceptPicker, isPickerSearch, loadPickerData, type PickerData, type PickerSpec } from '../concept-picker.js';
import { vacancyText } from '../vacatures/messages.js';
import { dutchLevelOptions } from '../vacatures/parts.js';
import { criteriaSearchText } from './criteria-messages.js';
import type { ConceptLabels } from './explain.js';
import { matchListText } from './list-messages.js';
import { employerCriteriaSearchPath } from './paths.js';
import { AdviceLine, AskInstantiePage, candidateLabels, CandidateResults, matchPageSize } from './ranked-parts.js';

/** Dutch names in the address bar; English names in the domain, as in the API. */
const criteriaParams = {
  beroep: 'occupationUri',
  vaardigheden: 'skills',
  postcode: 'postcode',
  uren: 'hoursPerWeek',
  taalniveau: 'requiredDutchLevel',
} as const satisfies Record<string, keyof CandidateCriteriaInput>;

const occupationPicker: PickerSpec = { name: 'beroep', kind: 'occupation', searchName: 'zoekBeroep' };
const skillsPicker: PickerSpec = { name: 'vaardigheden', kind: 'skill', searchName: 'zoekVaardigheid' };
const pickers: readonly PickerSpec[] = [occupationPicker, skillsPicker];

type Results = { list: RankedList<RankedCandidate>; labels: ConceptLabels; unknownArea: string | null };

/**
 * The search form read from the address bar: what it shows (with the pickers' search fields), the
 * parsed criteria, and whether it was sent at all (a first visit shows the empty form, no errors).
 */
function readCriteriaForm(query: Record<string, unknown>) {
  const { form, parsed } = readFilterForm(query, criteriaParams, candidateCriteriaSchema);
  for (const { searchName } of pickers) {
    const value = query[searchName];
    if (typeof value === 'string') form.values[searchName] = value;
  }
  const sent = [...Object.keys(criteriaParams), ...pickers.map((picker) => picker.searchName)].some((name) => name in query);
  return { form, parsed, sent };
}

/** The criteria as address-bar values, for the page links (the pickers' search fields left out). */
const criteriaQuery = (form: FormState) => Object.fromEntries(Object.keys(criteriaParams).map((param) => [param, form.values[param]]));

function SearchForm({ form, concepts }: { form: FormState; concepts: PickerData }) {
  const t = useT(criteriaSearchText);
  const v = useT(vacancyText);
  const picker = { form, action: employerCriteriaSearchPath, data: concepts };
  return (
    <Section id="zoeken" title={t('formTitle')}>
      <Paragraph>{t('formIntro')}</Paragraph>
      <form method="get" action={employerCriteriaSearchPath} role="search" aria-labelledby="zoeken" noValidate>
        <ConceptPicker
          {...picker}
          spec={occupationPicker}
          legend={v('fieldOccupation')}
          hint={t('occupationHint')}
          searchLabel={v('occupationSearch')}
          searchHint={v('occupationSearchHint')}
          noneLabel={v('noOccupation')}
        />
        <ConceptPicker
          {...picker}
          spec={skillsPicker}
          legend={t('skillsLegend')}
          hint={t('skillsHint')}
          searchLabel={t('skillsSearch')}
          searchHint={v('skillSearchHint')}
        />
        <TextField form={form} name="postcode" label={t('postcodeLabel')} hint={t('postcodeHint')} width="s" optional />
        <TextField form={form} name="uren" label={v('fieldHours')} hint={t('hoursHint')} inputMode="numeric" width="xs" optional />
        <SelectField
          form={form}
          name="taalniveau"
          label={v('fieldRequiredDutchLevel')}
          hint={v('requiredDutchLevelHint')}
          options={dutchLevelOptions(v, form.values.taalniveau)}
          emptyLabel={v('noDutchLevel')}
          optional
        />
        <div className="werkregie-actions">
          <SubmitButton>{t('searchButton')}</SubmitButton>
          <a className="utrecht-link" href={employerCriteriaSearchPath}>
            {t('reset')}
          </a>
        </div>
      </form>
    </Section>
  );
}

function CriteriaSearchPage({ form, concepts, results }: { form: FormState; concepts: PickerData; results: Results | null }) {
  const t = useT(criteriaSearchText);
  const m = useT(matchListText);
  return (
    <Layout title={t('title')} hasErrors={Object.keys(form.errors).length > 0}>
      <ErrorSummary form={form} />
      <Heading>{t('title')}</Heading>
      <Paragraph lead>{t('intro')}</Paragraph>
      <AdviceLine text={m('employerAdvice')} />
      <SearchForm form={form} concepts={concepts} />
      {results ? (
        <>
          {results.unknownArea ? <Notice type="warning">{t('unknownArea', { pc4: results.unknownArea })}</Notice> : null}
          <CandidateResults
            list={results.list}
            labels={results.labels}
            empty={t('empty')}
            profileHref={(id) => `/kandidaten/${id}`}
            pageHref={(page) => listHref(employerCriteriaSearchPath, page, criteriaQuery(form))}
          />
        </>
      ) : null}
    </Layout>
  );
}

/** The employer may not search any pool: the instantie proposes candidates. */
function AskForCandidatesPage() {
  const t = useT(criteriaSearchText);
  return (
    <AskInstantiePage
      title={t('title')}
      intro={t('askIntro')}
      step={t('askStep')}
      back={{ href: '/werkgever/vacatures', label: t('backToVacancies') }}
    />
  );
}

/**
 * `/werkgever/kandidaten-zoeken`: an employer ranks the pool its category opens by its own criteria
 * (occupation, skills, place, hours, Dutch level) instead of a vacancy. A GET form, so a search is
 * an address to keep or share within the organisation; the pickers' search buttons send the same form.
 */
export function registerCriteriaSearchPages(app: FastifyInstance, { db }: AppDeps): void {
  app.get(employerCriteriaSearchPath, async (request, reply) => {
    const actor = requirePageRole(request, reply, 'werkgever');
    if (!actor) return reply;
    // Not an error: the employer may not search the pool, and the page says how to get candidates instead.
    if ((await poolInstanties(db, actor)).size === 0) return sendPage(request, reply, <AskForCandidatesPage />);
    const query = (request.query ?? {}) as Record<string, unknown>;
    const { form, parsed, sent } = readCriteriaForm(query);
    const concepts = await loadPickerData(db, form.values, pickers);
    if (!sent || isPickerSearch(query, pickers)) {
      // A first visit, or a search for an occupation or skill: the form (with matches), nothing ranked yet.
      const page = <CriteriaSearchPage form={{ values: form.values, errors: {} }} concepts={concepts} results={null} />;
      return sendPage(request, reply, page);
    }
    if (!parsed.ok) return sendPage(request, reply, <CriteriaSearchPage form={form} concepts={concepts} results={null} />, 400);
    const criteria = toCandidateCriteria(parsed.value);
    const list = await candidatesByCriteria(
      db,
      actor,
      criteria,
      { page: pageParam(query.pagina), pageSize: matchPageSize, scope: 'pool' },
      'werkgever.kandidaten-zoeken',
    );
    if (list === 'forbidden') return sendPage(request, reply, <AskForCandidatesPage />);
    if (list === 'limit') return sendPage(request, reply.header('retry-after', String(secondsUntilNextDay())), <ViewLimitPage />, 429);
    const pc4 = criteria.postcode?.slice(0, 4);
    const unknownArea = pc4 && !(await coordinatesOf(db, [pc4])).has(pc4) ? pc4 : null;
    const results = { list, labels: await candidateLabels(db, list), unknownArea };
    return sendPage(request, reply, <CriteriaSearchPage form={form} concepts={concepts} results={results} />);
  });
}
