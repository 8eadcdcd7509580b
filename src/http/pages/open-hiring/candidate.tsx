import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '#app/domain/accounts/actor.js';
import { joinWaitingList, leaveWaitingList } from '#app/domain/open-hiring/commands.js';
import { listOwnWaitingLists, ownPlace, takenContact, type OwnPlace, type OwnWaitingListItem } from '#app/domain/open-hiring/queries.js';
import type { VacancyPresentation } from '#app/domain/vacancies/presenter.js';
import { readVacancy } from '#app/domain/vacancies/queries.js';
import { isOpenHiring } from '#app/domain/vacancies/rules.js';
import { useFormatDate } from '#app/ui/dates.js';
import { ChoiceGroup, ErrorSummary, Form, SubmitButton, emptyForm, type FormState } from '#app/ui/form.js';
import { useT, type Translate } from '#app/ui/i18n.js';
import { Heading, Layout, Notice, Paragraph } from '#app/ui/layout.js';
import { Section } from '#app/ui/section.js';
import { DataTable } from '#app/ui/table.js';
import type { AppDeps } from '../../deps.js';
import { requirePageRole, sendNotFound } from '../../guards.js';
import { sendPage } from '../../plugins/render.js';
import { ErrorPage } from '../error-page.js';
import { openHiringText } from './messages.js';
import { candidateListPath, ConflictNotice, myWaitingListsPath, Requirements } from './parts.js';

type Taken = { applicationId: string; open: boolean } | null;
type Message = 'joined' | 'left';

function WaitingListPage({
  vacancy,
  place,
  taken,
  form,
  message,
  conflict,
}: {
  vacancy: VacancyPresentation;
  place: OwnPlace | null;
  taken: Taken;
  form: FormState;
  message?: Message;
  conflict?: string;
}) {
  const t = useT(openHiringText);
  const date = useFormatDate();
  const title = t('candidateTitle', { title: vacancy.title });
  return (
    <Layout title={title} hasErrors={Object.keys(form.errors).length > 0}>
      <ErrorSummary form={form} />
      <p className="utrecht-paragraph">
        <a className="utrecht-link" href={`/vacatures/${vacancy.id}`}>
          {t('backToVacancy')}
        </a>
      </p>
      <Heading>{title}</Heading>
      {message === 'joined' ? <Notice type="ok">{t('joinedNotice')}</Notice> : null}
      {message === 'left' ? <Notice type="ok">{t('leftNotice')}</Notice> : null}
      <ConflictNotice detail={conflict} />
      <Paragraph lead>{t('candidateIntro', { employer: vacancy.employerName })}</Paragraph>
      <Requirements id="eisen" title={t('requirementsTitle')} text={vacancy.physicalRequirements} />
      {place ? (
        <Section id="plaats" title={t('placeTitle', { position: place.position })} card>
          <Paragraph>{place.waiting === 1 ? t('waitingOne') : t('waitingMany', { count: place.waiting })}</Paragraph>
          <Paragraph>{t('joinedOn', { date: date(place.joinedAt) })}</Paragraph>
          <Paragraph>{t('whatHappens')}</Paragraph>
          <Heading level={3}>{t('leaveTitle')}</Heading>
          <Paragraph>{t('leaveText')}</Paragraph>
          <Form action={`${candidateListPath(vacancy.id)}/verlaten`}>
            <SubmitButton secondary>{t('leaveButton')}</SubmitButton>
          </Form>
        </Section>
      ) : taken?.open ? (
        <Section id="beurt" title={t('statusTaken')} card>
          <Paragraph>{t('takenText')}</Paragraph>
          <p className="utrecht-paragraph">
            <a className="utrecht-link" href={`/kandidaat/contacten/${taken.applicationId}`}>
              {t('contactLink')}
            </a>
          </p>
        </Section>
      ) : (
        <Section id="aanmelden" title={t('judgeTitle')} card>
          <Paragraph>{t('judgeText')}</Paragraph>
          <Paragraph>{t('whatHappens')}</Paragraph>
          <Form action={candidateListPath(vacancy.id)}>
            <ChoiceGroup
              form={form}
              name="requirementsRead"
              label={t('checkLegend')}
              options={[{ value: 'ja', label: t('checkLabel') }]}
              multiple
            />
            <SubmitButton>{t('joinButton')}</SubmitButton>
          </Form>
        </Section>
      )}
      <p className="utrecht-paragraph">
        <a className="utrecht-link" href={myWaitingListsPath}>
          {t('myListsLink')}
        </a>
      </p>
    </Layout>
  );
}

function statusText(t: Translate<keyof (typeof openHiringText)['nl']>, item: OwnWaitingListItem): string {
  if (item.status === 'taken') return t('statusTaken');
  if (item.status === 'withdrawn') return t('statusWithdrawn');
  return t(item.listOpen ? 'statusWaiting' : 'statusWaitingClosed', { position: item.position ?? 0 });
}

function MyWaitingListsPage({ items, message }: { items: OwnWaitingListItem[]; message?: Message }) {
  const t = useT(openHiringText);
  const date = useFormatDate();
  return (
    <Layout title={t('listTitle')}>
      <Heading>{t('listTitle')}</Heading>
      {message === 'left' ? <Notice type="ok">{t('leftNotice')}</Notice> : null}
      <Paragraph lead>{t('listIntro')}</Paragraph>
      {items.length === 0 ? <Paragraph>{t('listNone')}</Paragraph> : null}
      {items.length > 0 ? (
        <DataTable
          caption={t('listCaption')}
          rows={items}
          rowKey={(item) => item.entryId}
          columns={[
            {
              header: t('colVacancy'),
              rowHeader: true,
              cell: (item) =>
                item.status === 'waiting' && item.listOpen ? (
                  <a className="utrecht-link" href={candidateListPath(item.vacancyId)}>
                    {item.vacancyTitle}
                  </a>
                ) : (
                  item.vacancyTitle
                ),
            },
            { header: t('colEmployer'), cell: (item) => item.employerName },
            { header: t('colStatus'), cell: (item) => statusText(t, item) },
            { header: t('colJoined'), cell: (item) => date(item.joinedAt) },
            {
              header: t('colAction'),
              cell: (item) =>
                item.status === 'waiting' ? (
                  <Form action={`${candidateListPath(item.vacancyId)}/verlaten`}>
                    <input type="hidden" name="terug" value="lijst" />
                    <button
                      type="submit"
                      className="utrecht-button utrecht-button--secondary-action"
                      aria-label={t('leaveButtonFor', { title: item.vacancyTitle })}
                    >
                      {t('leaveButton')}
                    </button>
                  </Form>
                ) : item.applicationId ? (
                  <a className="utrecht-link" href={`/kandidaat/contacten/${item.applicationId}`}>
                    {t('contactLink')}
                  </a>
                ) : null,
            },
          ]}
        />
      ) : null}
      <p className="utrecht-paragraph">
        <a className="utrecht-link" href="/vacatures?openHiring=true">
          {t('listFind')}
        </a>
      </p>
    </Layout>
  );
}

const flag = (request: FastifyRequest, name: string) => (request.query as Record<string, unknown> | undefined)?.[name] === '1';

/** The candidate's side of open hiring: join or leave a vacancy's waiting list, and their own lists. */
export function registerCandidateWaitingListPages(app: FastifyInstance, { db }: AppDeps): void {
  async function page(request: FastifyRequest, reply: FastifyReply, actor: Actor, form: FormState, status = 200, conflict?: string) {
    const { id } = request.params as { id: string };
    const read = await readVacancy(db, actor, id);
    if (!read || !isOpenHiring(read.vacancy)) return sendNotFound(request, reply);
    const [place, taken] = await Promise.all([ownPlace(db, actor, id), takenContact(db, actor, id)]);
    const message = flag(request, 'aangemeld') ? 'joined' : flag(request, 'verlaten') ? 'left' : undefined;
    return sendPage(
      request,
      reply,
      <WaitingListPage vacancy={read.vacancy} place={place} taken={taken} form={form} message={message} conflict={conflict} />,
      status,
    );
  }

  app.get('/vacatures/:id/wachtlijst', async (request, reply) => {
    const actor = requirePageRole(request, reply, 'kandidaat');
    if (!actor) return reply;
    return page(request, reply, actor, emptyForm);
  });

  app.post('/vacatures/:id/wachtlijst', async (request, reply) => {
    const actor = requirePageRole(request, reply, 'kandidaat');
    if (!actor) return reply;
    const { id } = request.params as { id: string };
    const result = await joinWaitingList(db, actor, id, request.body);
    if (result.ok) return reply.redirect(`${candidateListPath(id)}?aangemeld=1`, 303);
    if (result.reason === 'invalid') return page(request, reply, actor, { values: {}, errors: result.errors }, 400);
    if (result.reason === 'conflict') return page(request, reply, actor, emptyForm, 409, result.detail);
    if (result.reason === 'forbidden') return sendPage(request, reply, <ErrorPage status={403} />, 403);
    return sendNotFound(request, reply);
  });

  app.post('/vacatures/:id/wachtlijst/verlaten', async (request, reply) => {
    const actor = requirePageRole(request, reply, 'kandidaat');
    if (!actor) return reply;
    const { id } = request.params as { id: string };
    const result = await leaveWaitingList(db, actor, id);
    if (!result.ok && result.reason === 'forbidden') return sendPage(request, reply, <ErrorPage status={403} />, 403);
    // Not on the list (any more): the page shows how things stand now.
    const back = (request.body as Record<string, unknown> | null)?.terug === 'lijst' ? myWaitingListsPath : candidateListPath(id);
    return reply.redirect(result.ok ? `${back}?verlaten=1` : back, 303);
  });

  app.get(myWaitingListsPath, async (request, reply) => {
    const actor = requirePageRole(request, reply, 'kandidaat');
    if (!actor) return reply;
    const items = (await listOwnWaitingLists(db, actor)) ?? [];
    return sendPage(request, reply, <MyWaitingListsPage items={items} message={flag(request, 'verlaten') ? 'left' : undefined} />);
  });
}
