import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Actor } from '#app/domain/accounts/actor.js';
import { employersOfActor, type EmployerDetails } from '#app/domain/employers/queries.js';
import {
  closeVacancy,
  createVacancy,
  publishVacancy,
  updateVacancy,
  type ConflictCode,
  type VacancyCommandResult,
} from '#app/domain/vacancies/commands.js';
import { mayManageVacancies } from '#app/domain/vacancies/policy.js';
import { presentVacancy } from '#app/domain/vacancies/presenter.js';
import { findVacancy, listEmployerVacancies, type VacancyList } from '#app/domain/vacancies/queries.js';
import { isEditable, isOpenHiring, isPubliclyListed, todayIso } from '#app/domain/vacancies/rules.js';
import type { Vacancy } from '#app/db/schema.js';
import { useFormatDate } from '#app/ui/dates.js';
import { ChoiceGroup, ErrorSummary, Form, SubmitButton, type FormState } from '#app/ui/form.js';
import { useT } from '#app/ui/i18n.js';
import { Heading, Layout, Notice, Pagination, Paragraph } from '#app/ui/layout.js';
import { DataTable } from '#app/ui/table.js';
import { Section } from '#app/ui/section.js';
import type { AppDeps } from '../../deps.js';
import { requirePageRole, sendNotFound } from '../../guards.js';
import { sendPage } from '../../plugins/render.js';
import { pageParam } from '../../query-params.js';
import { isPickerSearch, loadPickerData, type PickerData } from '../concept-picker.js';
import { ErrorPage } from '../error-page.js';
import { vacancyText } from './messages.js';
import {
  formInput,
  statusLabel,
  submittedValues,
  vacancyFormErrors,
  vacancyFormValues,
  vacancyPickers,
  VacancyDetails,
  VacancyFields,
} from './parts.js';
import { matchListText } from '../matching/list-messages.js';
import { employerCandidatesPath } from '../matching/paths.js';
import { publicListPath } from './public.js';

export const myVacanciesPath = '/werkgever/vacatures';
const vacancyPath = (id: string) => `${myVacanciesPath}/${id}`;
const pageSize = 25;

type Employers = readonly Pick<EmployerDetails, 'id' | 'name'>[];

function MyVacanciesPage({ list, employers }: { list: VacancyList; employers: Employers }) {
  const t = useT(vacancyText);
  const date = useFormatDate();
  const today = todayIso();
  return (
    <Layout title={t('myTitle')}>
      <Heading>{t('myTitle')}</Heading>
      <Paragraph lead>{t('myIntro')}</Paragraph>
      <p className="utrecht-paragraph">
        <a className="utrecht-link" href={`${myVacanciesPath}/nieuw`}>
          {t('newLink')}
        </a>
      </p>
      {list.items.length === 0 ? (
        <Paragraph>{t('myNone')}</Paragraph>
      ) : (
        <DataTable
          caption={t('myCaption')}
          rows={list.items}
          rowKey={(vacancy) => vacancy.id}
          columns={[
            {
              header: t('colTitle'),
              cell: (vacancy) => (
                <a className="utrecht-link" href={vacancyPath(vacancy.id)}>
                  {vacancy.title}
                </a>
              ),
            },
            employers.length > 1 && { header: t('colOrganisation'), cell: (vacancy) => vacancy.employerName },
            {
              header: t('colStatus'),
              cell: (vacancy) =>
                vacancy.status === 'open' && !isPubliclyListed(vacancy, today) ? t('notOnline') : statusLabel(t, vacancy.status),
            },
            { header: t('colHours'), cell: (vacancy) => vacancy.hoursPerWeek },
            { header: t('colUntil'), cell: (vacancy) => (vacancy.publishedUntil ? date(vacancy.publishedUntil) : '') },
          ]}
        />
      )}
      <Pagination page={list.page} pageSize={list.pageSize} total={list.total} href={(page) => `${myVacanciesPath}?pagina=${page}`} />
    </Layout>
  );
}

function NewVacancyPage({ form, employers, concepts }: { form: FormState; employers: Employers; concepts: PickerData }) {
  const t = useT(vacancyText);
  return (
    <Layout title={t('newTitle')} hasErrors={Object.keys(form.errors).length > 0}>
      <ErrorSummary form={form} />
      <p className="utrecht-paragraph">
        <a className="utrecht-link" href={myVacanciesPath}>
          {t('backToMine')}
        </a>
      </p>
      <Heading>{t('newTitle')}</Heading>
      <Paragraph>{t('newIntro')}</Paragraph>
      <Form action={`${myVacanciesPath}/nieuw`}>
        <VacancyFields form={form} employers={employers} action={`${myVacanciesPath}/nieuw`} concepts={concepts} />
        <SubmitButton>{t('saveConcept')}</SubmitButton>
      </Form>
    </Layout>
  );
}

type Message = 'saved' | 'published' | 'closed' | 'filled' | ConflictCode;

function EditVacancyPage({
  vacancy,
  form,
  message,
  concepts,
}: {
  vacancy: Vacancy;
  form: FormState;
  message?: Message;
  concepts: PickerData;
}) {
  const t = useT(vacancyText);
  const m = useT(matchListText);
  const today = todayIso();
  const editable = isEditable(vacancy.status);
  const listed = isPubliclyListed({ status: vacancy.status, publishedUntil: vacancy.published_until }, today);
  const notices: Partial<Record<Message, [string, 'ok' | 'error']>> = {
    saved: [t('savedNotice'), 'ok'],
    published: [t('publishedNotice'), 'ok'],
    closed: [t('closedNotice'), 'ok'],
    filled: [t('filledNotice'), 'ok'],
    expired: [t('expiredNotice'), 'error'],
    not_editable: [t('stateNotice'), 'error'],
    not_concept: [t('stateNotice'), 'error'],
    not_open: [t('stateNotice'), 'error'],
  };
  const notice = message ? notices[message] : undefined;
  const status = vacancy.status === 'open' && !listed ? t('notOnline') : statusLabel(t, vacancy.status);
  return (
    <Layout title={t('editTitle', { title: vacancy.title })} hasErrors={Object.keys(form.errors).length > 0}>
      <ErrorSummary form={form} />
      <p className="utrecht-paragraph">
        <a className="utrecht-link" href={myVacanciesPath}>
          {t('backToMine')}
        </a>
      </p>
      <Heading>{t('editTitle', { title: vacancy.title })}</Heading>
      {notice ? <Notice type={notice[1]}>{notice[0]}</Notice> : null}
      <Paragraph>
        <strong>{t('statusLine', { status })}</strong>
      </Paragraph>
      {listed ? (
        <p className="utrecht-paragraph">
          <a className="utrecht-link" href={`${publicListPath}/${vacancy.id}`}>
            {t('viewPublic')}
          </a>
        </p>
      ) : null}
      <p className="utrecht-paragraph">
        <a className="utrecht-link" href={employerCandidatesPath(vacancy.id)}>
          {m('linkEmployerCandidates')}
        </a>
      </p>
      {isOpenHiring(vacancy) ? (
        <p className="utrecht-paragraph">
          <a className="utrecht-link" href={`${vacancyPath(vacancy.id)}/wachtlijst`}>
            {t('waitingListLink')}
          </a>
        </p>
      ) : null}

      {vacancy.status === 'concept' ? (
        <Section id="publiceren" title={t('publishTitle')} card>
          <Paragraph>{t('publishText')}</Paragraph>
          <Form action={`${vacancyPath(vacancy.id)}/publiceren`}>
            <SubmitButton>{t('publishButton')}</SubmitButton>
          </Form>
        </Section>
      ) : null}

      {editable ? (
        <Form action={vacancyPath(vacancy.id)}>
          <VacancyFields form={form} action={vacancyPath(vacancy.id)} concepts={concepts} />
          <SubmitButton>{t('save')}</SubmitButton>
        </Form>
      ) : (
        <>
          <Notice>{t('finalNotice', { status: statusLabel(t, vacancy.status).toLowerCase() })}</Notice>
          <VacancyDetails vacancy={presentVacancy(vacancy, '', today, concepts.labels)} hideEmployer />
        </>
      )}

      {vacancy.status === 'open' ? (
        <Section id="sluiten" title={t('closeTitle')} card>
          <Paragraph>{t('closeText')}</Paragraph>
          <Form action={`${vacancyPath(vacancy.id)}/sluiten`}>
            <ChoiceGroup
              form={{ values: { filled: 'nee' }, errors: {} }}
              name="filled"
              label={t('closeReason')}
              options={[
                { value: 'ja', label: t('closeFilled') },
                { value: 'nee', label: t('closeOther') },
              ]}
            />
            <SubmitButton secondary>{t('closeButton')}</SubmitButton>
          </Form>
        </Section>
      ) : null}
    </Layout>
  );
}

const messageParam = z.object({
  opgeslagen: z.literal('1').optional(),
  gepubliceerd: z.literal('1').optional(),
  gesloten: z.literal('1').optional(),
  vervuld: z.literal('1').optional(),
});
function messageFrom(query: unknown): Message | undefined {
  const parsed = messageParam.safeParse(query ?? {});
  if (!parsed.success) return undefined;
  const q = parsed.data;
  return q.opgeslagen ? 'saved' : q.gepubliceerd ? 'published' : q.vervuld ? 'filled' : q.gesloten ? 'closed' : undefined;
}

/** A date some weeks ahead, as a first suggestion for the closing date. */
function suggestedClosingDate(now = new Date()): string {
  return todayIso(new Date(now.getTime() + 8 * 7 * 24 * 60 * 60 * 1000));
}

export function registerEmployerVacancyPages(app: FastifyInstance, { db }: AppDeps): void {
  /** The vacancy when it belongs to one of the actor's organisations; otherwise the "not found" page was sent. */
  async function ownVacancy(request: FastifyRequest, reply: FastifyReply, actor: Actor): Promise<Vacancy | null> {
    const vacancy = await findVacancy(db, (request.params as { id: string }).id);
    if (!vacancy || !mayManageVacancies(actor, vacancy.employer_id)) {
      sendNotFound(request, reply);
      return null;
    }
    return vacancy;
  }

  /** The new and edit pages, with the labels of the chosen occupation and skills and any search matches. */
  async function newPage(request: FastifyRequest, reply: FastifyReply, form: FormState, employers: Employers, status = 200) {
    const concepts = await loadPickerData(db, form.values, vacancyPickers);
    return sendPage(request, reply, <NewVacancyPage form={form} employers={employers} concepts={concepts} />, status);
  }
  async function editPage(
    request: FastifyRequest,
    reply: FastifyReply,
    vacancy: Vacancy,
    form: FormState,
    status = 200,
    message?: Message,
  ) {
    const concepts = await loadPickerData(db, form.values, vacancyPickers);
    return sendPage(request, reply, <EditVacancyPage vacancy={vacancy} form={form} message={message} concepts={concepts} />, status);
  }

  /** After a failed command: the page again, with why. */
  async function answer(
    request: FastifyRequest,
    reply: FastifyReply,
    actor: Actor,
    id: string,
    result: VacancyCommandResult<unknown>,
    body?: unknown,
  ) {
    if (result.ok) throw new Error('answer() is for failures');
    if (result.reason !== 'invalid' && result.reason !== 'conflict') return sendNotFound(request, reply);
    const vacancy = await findVacancy(db, id);
    if (!vacancy || !mayManageVacancies(actor, vacancy.employer_id)) return sendNotFound(request, reply);
    if (result.reason === 'invalid') {
      const values = body === undefined ? vacancyFormValues(vacancy) : submittedValues(body);
      return editPage(request, reply, vacancy, { values, errors: vacancyFormErrors(result.errors) }, 400);
    }
    return editPage(request, reply, vacancy, { values: vacancyFormValues(vacancy), errors: {} }, 409, result.code);
  }

  app.get(myVacanciesPath, async (request, reply) => {
    const actor = requirePageRole(request, reply, 'werkgever');
    if (!actor) return reply;
    const page = pageParam((request.query as Record<string, unknown>).pagina);
    const [list, employers] = await Promise.all([listEmployerVacancies(db, actor, { page, pageSize }), employersOfActor(db, actor)]);
    return sendPage(request, reply, <MyVacanciesPage list={list} employers={employers} />);
  });

  app.get(`${myVacanciesPath}/nieuw`, async (request, reply) => {
    const actor = requirePageRole(request, reply, 'werkgever');
    if (!actor) return reply;
    const employers = await employersOfActor(db, actor);
    const values = { postcode: employers[0]?.locations[0]?.postcode ?? '', publishedUntil: suggestedClosingDate() };
    return newPage(request, reply, { values, errors: {} }, employers);
  });

  app.post(`${myVacanciesPath}/nieuw`, async (request, reply) => {
    const actor = requirePageRole(request, reply, 'werkgever');
    if (!actor) return reply;
    if (isPickerSearch(request.body, vacancyPickers)) {
      // A search for an occupation or skill: the form again with matches; nothing is saved.
      return newPage(request, reply, { values: submittedValues(request.body), errors: {} }, await employersOfActor(db, actor));
    }
    const result = await createVacancy(db, actor, request.body);
    if (result.ok) return reply.redirect(`${vacancyPath(result.value.id)}?opgeslagen=1`, 303);
    if (result.reason === 'invalid') {
      const employers = await employersOfActor(db, actor);
      return newPage(request, reply, { values: submittedValues(request.body), errors: vacancyFormErrors(result.errors) }, employers, 400);
    }
    return sendPage(request, reply, <ErrorPage status={403} />, 403);
  });

  app.get(`${myVacanciesPath}/:id`, async (request, reply) => {
    const actor = requirePageRole(request, reply, 'werkgever');
    if (!actor) return reply;
    const vacancy = await ownVacancy(request, reply, actor);
    if (!vacancy) return reply;
    return editPage(request, reply, vacancy, { values: vacancyFormValues(vacancy), errors: {} }, 200, messageFrom(request.query));
  });

  app.post(`${myVacanciesPath}/:id`, async (request, reply) => {
    const actor = requirePageRole(request, reply, 'werkgever');
    if (!actor) return reply;
    const { id } = request.params as { id: string };
    if (isPickerSearch(request.body, vacancyPickers)) {
      const vacancy = await ownVacancy(request, reply, actor);
      return vacancy ? editPage(request, reply, vacancy, { values: submittedValues(request.body), errors: {} }) : reply;
    }
    const result = await updateVacancy(db, actor, id, formInput(request.body));
    if (result.ok) return reply.redirect(`${vacancyPath(id)}?opgeslagen=1`, 303);
    return answer(request, reply, actor, id, result, request.body);
  });

  app.post(`${myVacanciesPath}/:id/publiceren`, async (request, reply) => {
    const actor = requirePageRole(request, reply, 'werkgever');
    if (!actor) return reply;
    const { id } = request.params as { id: string };
    const result = await publishVacancy(db, actor, id);
    if (result.ok) return reply.redirect(`${vacancyPath(id)}?gepubliceerd=1`, 303);
    return answer(request, reply, actor, id, result);
  });

  app.post(`${myVacanciesPath}/:id/sluiten`, async (request, reply) => {
    const actor = requirePageRole(request, reply, 'werkgever');
    if (!actor) return reply;
    const { id } = request.params as { id: string };
    const result = await closeVacancy(db, actor, id, { filled: (request.body as Record<string, unknown> | null)?.filled });
    if (result.ok) return reply.redirect(`${vacancyPath(id)}?${result.value.status === 'filled' ? 'vervuld' : 'gesloten'}=1`, 303);
    return answer(request, reply, actor, id, result);
  });
}
