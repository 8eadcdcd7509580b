import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '#app/domain/accounts/actor.js';
import { ownCandidateId } from '#app/domain/candidates/own-candidate.js';
import type { MatchFilterInput } from '#app/domain/matching/filters.js';
import {
  deleteSavedSearch,
  getSavedSearch,
  listSavedSearches,
  maxSavedSearches,
  updateSavedSearch,
  type SavedSearch,
} from '#app/domain/matching/saved-searches.js';
import { conceptLabels } from '#app/domain/taxonomy/queries.js';
import { DateText } from '#app/ui/dates.js';
import { ChoiceGroup, ErrorSummary, Form, SubmitButton, TextField, type FormState } from '#app/ui/form.js';
import { useT } from '#app/ui/i18n.js';
import { Heading, Layout, Notice, Paragraph } from '#app/ui/layout.js';
import { Section } from '#app/ui/section.js';
import { DataTable } from '#app/ui/table.js';
import type { AppDeps } from '../../deps.js';
import { requirePageRole, sendNotFound } from '../../guards.js';
import { sendPage } from '../../plugins/render.js';
import { listHref } from '../../query-params.js';
import { supportLabel } from '../vacatures/parts.js';
import { vacancyText } from '../vacatures/messages.js';
import { filterParamOf, matchFilterQuery } from './filter-params.js';
import { consultantSavedSearchesPath, consultantVacanciesPath, forYouPath, savedSearchesPath } from './paths.js';
import { savedSearchText } from './saved-search-messages.js';

/** Who the page speaks to: the candidate ("je"), or a consultant about the candidate. */
export type SavedSearchVoice = 'kandidaat' | 'consulent';
type Labels = ReadonlyMap<string, string>;

/** The form names of the domain's fields; a filter error goes to the filter form's own field. */
const formNames: Record<string, string> = { name: 'naam', alertWeekly: 'melding' };
export function savedSearchFormErrors(errors: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([path, message]) => [filterParamOf(path) ?? formNames[path] ?? path, message]));
}

/** What a posted save or change form asks, in the domain's names. */
export function savedSearchInput(body: Record<string, unknown>): { name: unknown; alertWeekly: unknown } {
  return { name: body.naam, alertWeekly: body.melding };
}

/** A fresh save form: the weekly message is on unless one says otherwise. */
export const newSaveForm: FormState = { values: { melding: 'ja' }, errors: {} };

/** The saved filters in words, for the list and the change page. */
function useFilterWords(labels: Labels) {
  const t = useT(savedSearchText);
  const v = useT(vacancyText);
  return (filters: MatchFilterInput | null): string => {
    if (!filters) return t('filtersBroken');
    const { maxKm, hoursMin, hoursMax, occupationUri, supportOffered, openHiring } = filters;
    const parts = [
      ...(maxKm !== undefined ? [t('filterKm', { km: maxKm })] : []),
      ...(hoursMin !== undefined && hoursMax !== undefined
        ? [t('filterHoursRange', { min: hoursMin, max: hoursMax })]
        : hoursMin !== undefined
          ? [t('filterHoursMin', { min: hoursMin })]
          : hoursMax !== undefined
            ? [t('filterHoursMax', { max: hoursMax })]
            : []),
      ...(occupationUri ? [t('filterOccupation', { occupation: labels.get(occupationUri) ?? occupationUri })] : []),
      ...(supportOffered?.length
        ? [t('filterSupport', { support: supportOffered.map((option) => supportLabel(v, option).toLowerCase()).join(', ') })]
        : []),
      ...(openHiring ? [t('filterOpenHiring')] : []),
    ];
    return parts.length ? parts.join(' · ') : t('filtersNone');
  };
}

async function filterLabels(db: AppDeps['db'], searches: readonly SavedSearch[]): Promise<Labels> {
  return conceptLabels(
    db,
    searches.flatMap((search) => (search.filters?.occupationUri ? [search.filters.occupationUri] : [])),
  );
}

/** On a ranked list: save its current filters under a name, with or without the weekly message. */
export function SaveSearchForm({
  action,
  form,
  filters,
  voice,
  savedHref,
}: {
  action: string;
  form: FormState;
  filters: MatchFilterInput;
  voice: SavedSearchVoice;
  savedHref: string;
}) {
  const t = useT(savedSearchText);
  const consultant = voice === 'consulent';
  return (
    <Section id="bewaren" title={t('saveTitle')}>
      <Paragraph>{consultant ? t('saveIntroConsultant') : t('saveIntro')}</Paragraph>
      <Form action={action}>
        {Object.entries(matchFilterQuery(filters)).flatMap(([name, value]) =>
          [value].flat().map((one) => <input key={`${name}-${one}`} type="hidden" name={name} value={one} />),
        )}
        <TextField form={form} name="naam" label={t('fieldName')} hint={t('fieldNameHint')} width="m" autoComplete="off" />
        <AlertChoice form={form} />
        <div className="werkregie-actions">
          <SubmitButton secondary>{t('saveButton')}</SubmitButton>
          <a className="utrecht-link" href={savedHref}>
            {consultant ? t('toSavedSearchesConsultant') : t('toSavedSearches')}
          </a>
        </div>
      </Form>
    </Section>
  );
}

function AlertChoice({ form }: { form: FormState }) {
  const t = useT(savedSearchText);
  return (
    <ChoiceGroup
      form={form}
      name="melding"
      label={t('fieldAlertLegend')}
      hint={t('fieldAlertHint')}
      options={[{ value: 'ja', label: t('fieldAlert') }]}
      multiple
      optional
    />
  );
}

type PageScope = {
  actor: Actor;
  candidateId: string;
  /** The address of the list of saved searches. */
  base: string;
  voice: SavedSearchVoice;
  /** The ranked list the searches open. */
  rankedPath: string;
  context: string;
};

function BackLink({ scope }: { scope: PageScope }) {
  const t = useT(savedSearchText);
  if (scope.voice !== 'consulent') return null;
  return (
    <Paragraph>
      <a className="utrecht-link" href={`/consulent/kandidaten/${scope.candidateId}`}>
        {t('backToCandidate')}
      </a>
    </Paragraph>
  );
}

const notices = { bewaard: 'saved', gewijzigd: 'changed', verwijderd: 'removed' } as const;

function ListPage({ scope, searches, labels, notice }: { scope: PageScope; searches: SavedSearch[]; labels: Labels; notice: unknown }) {
  const t = useT(savedSearchText);
  const words = useFilterWords(labels);
  const consultant = scope.voice === 'consulent';
  const title = consultant ? t('listTitleConsultant') : t('listTitle');
  const noticeKey = typeof notice === 'string' && notice in notices ? notices[notice as keyof typeof notices] : null;
  const hidden = (search: SavedSearch) => <span className="werkregie-visually-hidden"> {t('forName', { name: search.name })}</span>;
  return (
    <Layout title={title}>
      {noticeKey ? <Notice type="ok">{t(noticeKey === 'saved' && consultant ? 'savedConsultant' : noticeKey)}</Notice> : null}
      <BackLink scope={scope} />
      <Heading>{title}</Heading>
      <Paragraph lead>{t(consultant ? 'listIntroConsultant' : 'listIntro', { max: maxSavedSearches })}</Paragraph>
      <Paragraph>{consultant ? t('alertExplainConsultant') : t('alertExplain')}</Paragraph>
      {consultant ? <Paragraph>{t('noAccount')}</Paragraph> : null}
      {searches.length === 0 ? (
        <Paragraph>{consultant ? t('emptyConsultant') : t('empty')}</Paragraph>
      ) : (
        <DataTable
          caption={t('caption')}
          hiddenCaption
          contained
          rows={searches}
          rowKey={(search) => search.id}
          columns={[
            { header: t('colName'), rowHeader: true, cell: (search) => search.name },
            { header: t('colFilters'), cell: (search) => words(search.filters) },
            { header: t('colAlert'), cell: (search) => (search.alertWeekly ? t('alertOn') : t('alertOff')) },
            {
              header: t('colLastSent'),
              cell: (search) => (search.lastSentAt ? <DateText value={search.lastSentAt} /> : t('neverSent')),
            },
            {
              header: consultant ? t('colActionsConsultant') : t('colActions'),
              cell: (search) => (
                <ul className="utrecht-unordered-list">
                  {search.filters ? (
                    <li className="utrecht-unordered-list__item">
                      <a className="utrecht-link" href={listHref(scope.rankedPath, 1, matchFilterQuery(search.filters))}>
                        {t('openList')}
                        {hidden(search)}
                      </a>
                    </li>
                  ) : null}
                  <li className="utrecht-unordered-list__item">
                    <a className="utrecht-link" href={`${scope.base}/${search.id}/wijzigen`}>
                      {t('change')}
                      {hidden(search)}
                    </a>
                  </li>
                  <li className="utrecht-unordered-list__item">
                    <a className="utrecht-link" href={`${scope.base}/${search.id}/verwijderen`}>
                      {t('remove')}
                      {hidden(search)}
                    </a>
                  </li>
                </ul>
              ),
            },
          ]}
        />
      )}
      <Paragraph>
        <a className="utrecht-link" href={scope.rankedPath}>
          {consultant ? t('toConsultantVacancies') : t('toForYou')}
        </a>
      </Paragraph>
    </Layout>
  );
}

function EditPage({ scope, search, labels, form }: { scope: PageScope; search: SavedSearch; labels: Labels; form: FormState }) {
  const t = useT(savedSearchText);
  const words = useFilterWords(labels);
  const consultant = scope.voice === 'consulent';
  return (
    <Layout title={t('editTitle')} hasErrors={Object.keys(form.errors).length > 0}>
      <ErrorSummary form={form} />
      <Paragraph>
        <a className="utrecht-link" href={scope.base}>
          {t('cancel')}
        </a>
      </Paragraph>
      <Heading>{t('editTitle')}</Heading>
      <Paragraph lead>{consultant ? t('editIntroConsultant') : t('editIntro')}</Paragraph>
      <Paragraph>{t('editFilters', { filters: words(search.filters) })}</Paragraph>
      <Paragraph>{consultant ? t('editFiltersHowConsultant') : t('editFiltersHow')}</Paragraph>
      <Form action={`${scope.base}/${search.id}/wijzigen`}>
        <TextField form={form} name="naam" label={t('fieldName')} width="m" autoComplete="off" />
        <AlertChoice form={form} />
        <SubmitButton>{t('editButton')}</SubmitButton>
      </Form>
    </Layout>
  );
}

function RemovePage({ scope, search }: { scope: PageScope; search: SavedSearch }) {
  const t = useT(savedSearchText);
  const consultant = scope.voice === 'consulent';
  return (
    <Layout title={t('removeTitle')}>
      <Heading>{t('removeTitle')}</Heading>
      <Paragraph lead>{t(consultant ? 'removeQuestionConsultant' : 'removeQuestion', { name: search.name })}</Paragraph>
      <Paragraph>{t('removeAlert')}</Paragraph>
      <Form action={`${scope.base}/${search.id}/verwijderen`}>
        <div className="werkregie-actions">
          <SubmitButton>{t('removeButton')}</SubmitButton>
          <a className="utrecht-link" href={scope.base}>
            {t('removeCancel')}
          </a>
        </div>
      </Form>
    </Layout>
  );
}

const searchIdOf = (request: FastifyRequest) => (request.params as { zoekopdracht: string }).zoekopdracht;
const bodyOf = (request: FastifyRequest) => (request.body ?? {}) as Record<string, unknown>;

/**
 * The saved searches of a candidate: for the candidate at /kandidaat/zoekopdrachten, and for a
 * consultant of the candidate's instantie at /consulent/kandidaten/:id/zoekopdrachten. The domain
 * decides who may; anyone else gets "not found". Saving happens on the ranked list (lists.tsx).
 */
export function registerSavedSearchPages(app: FastifyInstance, { db }: AppDeps): void {
  type Resolve = (request: FastifyRequest, reply: FastifyReply) => Promise<PageScope | null>;

  const asCandidate: Resolve = async (request, reply) => {
    const actor = requirePageRole(request, reply, 'kandidaat');
    if (!actor) return null;
    const candidateId = await ownCandidateId(db, actor);
    if (!candidateId) {
      sendNotFound(request, reply);
      return null;
    }
    return { actor, candidateId, base: savedSearchesPath, voice: 'kandidaat', rankedPath: forYouPath, context: 'kandidaat.zoekopdrachten' };
  };

  const asConsultant: Resolve = async (request, reply) => {
    const actor = requirePageRole(request, reply, 'consulent');
    if (!actor) return null;
    const candidateId = (request.params as { id: string }).id;
    return {
      actor,
      candidateId,
      base: consultantSavedSearchesPath(candidateId),
      voice: 'consulent',
      rankedPath: consultantVacanciesPath(candidateId),
      context: 'consulent.kandidaat.zoekopdrachten',
    };
  };

  const routes = (pattern: string, resolve: Resolve) => {
    app.get(pattern, async (request, reply) => {
      const scope = await resolve(request, reply);
      if (!scope) return reply;
      const searches = await listSavedSearches(db, scope.actor, scope.candidateId, scope.context);
      if (searches === 'not_found') return sendNotFound(request, reply);
      const notice = Object.keys(notices).find((key) => (request.query as Record<string, unknown>)[key] === '1');
      return sendPage(
        request,
        reply,
        <ListPage scope={scope} searches={searches} labels={await filterLabels(db, searches)} notice={notice} />,
      );
    });

    /** One saved search of the candidate, or null after answering 404. */
    async function oneSearch(request: FastifyRequest, reply: FastifyReply, scope: PageScope) {
      const search = await getSavedSearch(db, scope.actor, scope.candidateId, searchIdOf(request), scope.context);
      if (search !== 'not_found') return search;
      sendNotFound(request, reply);
      return null;
    }

    app.get(`${pattern}/:zoekopdracht/wijzigen`, async (request, reply) => {
      const scope = await resolve(request, reply);
      if (!scope) return reply;
      const search = await oneSearch(request, reply, scope);
      if (!search) return reply;
      const form = { values: { naam: search.name, melding: search.alertWeekly ? 'ja' : undefined }, errors: {} };
      return sendPage(request, reply, <EditPage scope={scope} search={search} labels={await filterLabels(db, [search])} form={form} />);
    });

    app.post(`${pattern}/:zoekopdracht/wijzigen`, async (request, reply) => {
      const scope = await resolve(request, reply);
      if (!scope) return reply;
      const body = bodyOf(request);
      const result = await updateSavedSearch(db, scope.actor, scope.candidateId, searchIdOf(request), savedSearchInput(body));
      if (result.ok) return reply.redirect(`${scope.base}?gewijzigd=1`, 303);
      if (result.reason !== 'invalid') return sendNotFound(request, reply);
      const search = await oneSearch(request, reply, scope);
      if (!search) return reply;
      const form = {
        values: { naam: typeof body.naam === 'string' ? body.naam : '', melding: body.melding === 'ja' ? 'ja' : undefined },
        errors: savedSearchFormErrors(result.errors),
      };
      return sendPage(
        request,
        reply,
        <EditPage scope={scope} search={search} labels={await filterLabels(db, [search])} form={form} />,
        400,
      );
    });

    app.get(`${pattern}/:zoekopdracht/verwijderen`, async (request, reply) => {
      const scope = await resolve(request, reply);
      if (!scope) return reply;
      const search = await oneSearch(request, reply, scope);
      if (!search) return reply;
      return sendPage(request, reply, <RemovePage scope={scope} search={search} />);
    });

    app.post(`${pattern}/:zoekopdracht/verwijderen`, async (request, reply) => {
      const scope = await resolve(request, reply);
      if (!scope) return reply;
      const result = await deleteSavedSearch(db, scope.actor, scope.candidateId, searchIdOf(request));
      if (!result.ok) return sendNotFound(request, reply);
      return reply.redirect(`${scope.base}?verwijderd=1`, 303);
    });
  };

  routes(savedSearchesPath, asCandidate);
  routes(consultantSavedSearchesPath(':id'), asConsultant);
}
