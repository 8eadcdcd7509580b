import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '#app/domain/accounts/actor.js';
import { takeNextInLine } from '#app/domain/open-hiring/commands.js';
import { readWaitingList, type EmployerWaitingList } from '#app/domain/open-hiring/queries.js';
import { useFormatDate } from '#app/ui/dates.js';
import { Form, SubmitButton } from '#app/ui/form.js';
import { useT } from '#app/ui/i18n.js';
import { Heading, Layout, Notice, Paragraph } from '#app/ui/layout.js';
import { Section } from '#app/ui/section.js';
import { DataTable } from '#app/ui/table.js';
import type { AppDeps } from '../../deps.js';
import { requirePageRole, sendNotFound } from '../../guards.js';
import { sendPage } from '../../plugins/render.js';
import { openHiringText } from './messages.js';
import { ConflictNotice, employerListPath, Requirements } from './parts.js';

function EmployerWaitingListPage({ list, conflict }: { list: EmployerWaitingList; conflict?: string }) {
  const t = useT(openHiringText);
  const date = useFormatDate();
  const { vacancy, counts, queue } = list;
  const title = t('employerTitle', { title: vacancy.title });
  return (
    <Layout title={title}>
      <p className="utrecht-paragraph">
        <a className="utrecht-link" href={`/werkgever/vacatures/${vacancy.id}`}>
          {t('backToMyVacancy')}
        </a>
      </p>
      <Heading>{title}</Heading>
      <ConflictNotice detail={conflict} />
      <Paragraph lead>{t('employerIntro')}</Paragraph>
      <Section id="cijfers" title={t('countsTitle')}>
        <dl className="werkregie-definitions">
          <div>
            <dt>{t('countWaiting')}</dt>
            <dd>{counts.waiting}</dd>
          </div>
          <div>
            <dt>{t('countTaken')}</dt>
            <dd>{counts.taken}</dd>
          </div>
          <div>
            <dt>{t('countWithdrawn')}</dt>
            <dd>{counts.withdrawn}</dd>
          </div>
        </dl>
      </Section>
      <Section id="beurt" title={t('queueTitle')}>
        {queue.length === 0 ? (
          <Paragraph>{t('queueNone')}</Paragraph>
        ) : (
          <>
            {list.viewLimitReached ? <Notice type="warning">{t('queueLimited')}</Notice> : null}
            <DataTable
              caption={t('queueCaption')}
              hiddenCaption
              rows={queue}
              rowKey={(row) => String(row.position)}
              columns={[
                { header: t('colPlace'), rowHeader: true, cell: (row) => row.position },
                { header: t('colCandidate'), cell: (row) => row.pseudonym ?? t('hiddenCandidate') },
                { header: t('colSince'), cell: (row) => date(row.joinedAt) },
              ]}
            />
            {counts.waiting > queue.length ? <Paragraph>{t('queueHead', { shown: queue.length, count: counts.waiting })}</Paragraph> : null}
          </>
        )}
        {vacancy.status === 'open' && counts.waiting > 0 ? (
          <Section id="volgende" title={t('takeTitle')} level={3} card>
            <Paragraph>{t('takeText')}</Paragraph>
            <Form action={`${employerListPath(vacancy.id)}/volgende`}>
              <SubmitButton>{t('takeButton')}</SubmitButton>
            </Form>
          </Section>
        ) : null}
      </Section>
      <Requirements id="eisen" title={t('employerRequirementsTitle')} text={vacancy.physical_requirements} />
      <Paragraph>{t('employerRequirementsText')}</Paragraph>
    </Layout>
  );
}

/** The employer's side of open hiring: the counts, the queue by pseudonym, and "take the next". */
export function registerEmployerWaitingListPages(app: FastifyInstance, { db }: AppDeps): void {
  async function page(request: FastifyRequest, reply: FastifyReply, actor: Actor, status = 200, conflict?: string) {
    const result = await readWaitingList(db, actor, (request.params as { id: string }).id);
    // Another organisation's vacancy is not found here, as on the employer's other vacancy pages.
    if (!result.ok) return sendNotFound(request, reply);
    return sendPage(request, reply, <EmployerWaitingListPage list={result.value} conflict={conflict} />, status);
  }

  app.get('/werkgever/vacatures/:id/wachtlijst', async (request, reply) => {
    const actor = requirePageRole(request, reply, 'werkgever');
    if (!actor) return reply;
    return page(request, reply, actor);
  });

  app.post('/werkgever/vacatures/:id/wachtlijst/volgende', async (request, reply) => {
    const actor = requirePageRole(request, reply, 'werkgever');
    if (!actor) return reply;
    const result = await takeNextInLine(db, actor, (request.params as { id: string }).id);
    if (result.ok) return reply.redirect(`/werkgever/contacten/${result.value.applicationId}`, 303);
    if (result.reason === 'conflict') return page(request, reply, actor, 409, result.detail);
    return sendNotFound(request, reply);
  });
}
