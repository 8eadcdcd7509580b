import type { FastifyInstance } from 'fastify';
import { handleScrapingFlag, handledFlagsShown, scrapingFlagsFor, type ScrapingFlag } from '#app/domain/privacy/scraping-flags.js';
import { DateText, useFormatDate } from '#app/ui/dates.js';
import { Form, SubmitButton } from '#app/ui/form.js';
import { useT } from '#app/ui/i18n.js';
import { Heading, Layout, Notice, Paragraph } from '#app/ui/layout.js';
import { DataTable, type Column } from '#app/ui/table.js';
import { Section } from '#app/ui/section.js';
import type { AppDeps } from '../../deps.js';
import { sendNotFound } from '../../guards.js';
import { sendPage } from '../../plugins/render.js';
import { management } from './messages.js';
import { employersPath, field, managementContext, type ManagementContext } from './parts.js';

/** Flags of unusual numbers of profile views (docs/decisions/013-no-scraping.md). */
export const unusualUsePath = '/beheer/opvallend-gebruik';

type Outcome = 'afgehandeld' | 'al-afgehandeld';

function useFlagColumns(): Column<ScrapingFlag>[] {
  const t = useT(management);
  return [
    { header: t('colEmployer'), rowHeader: true, cell: (flag) => flag.employerNames.join(', ') },
    { header: t('colUser'), cell: (flag) => flag.userName },
    { header: t('colDay'), cell: (flag) => <DateText value={flag.day} /> },
    { header: t('colViews'), cell: (flag) => flag.views },
    { header: t('colLimit'), cell: (flag) => flag.dailyLimit },
  ];
}

function HandleButton({ flag }: { flag: ScrapingFlag }) {
  const t = useT(management);
  const formatDate = useFormatDate();
  return (
    <Form action={unusualUsePath}>
      <input type="hidden" name="flag" value={flag.id} />
      <SubmitButton secondary>
        {t('handleButton')}{' '}
        <span className="werkregie-visually-hidden">{t('handleButtonContext', { user: flag.userName, day: formatDate(flag.day) })}</span>
      </SubmitButton>
    </Form>
  );
}

function UnusualUsePage({
  context,
  open,
  handled,
  notice,
}: {
  context: ManagementContext;
  open: ScrapingFlag[];
  handled: ScrapingFlag[];
  notice: Outcome | null;
}) {
  const t = useT(management);
  const columns = useFlagColumns();
  const settings = context.instantie.settings;
  return (
    <Layout title={t('unusualUseTitle')}>
      {notice ? <Notice type="ok">{t(notice === 'afgehandeld' ? 'flagHandled' : 'flagAlreadyHandled')}</Notice> : null}
      <p className="utrecht-paragraph">
        <a className="utrecht-link" href={employersPath}>
          {t('backToList')}
        </a>
      </p>
      <Heading>{t('unusualUseTitle')}</Heading>
      <Paragraph lead>{t('unusualUseIntro', { percent: `${Math.round(settings.flagAtFraction * 100)}%` })}</Paragraph>
      <Paragraph>{t('unusualUseLimits', { instantie: context.instantie.name, ...settings.dailyProfileViews })}</Paragraph>

      <Section id="open" title={t('openFlagsTitle')}>
        {open.length === 0 ? (
          <Paragraph>{t('noOpenFlags')}</Paragraph>
        ) : (
          <>
            <Paragraph>{t('unusualUseAdvice')}</Paragraph>
            <DataTable
              caption={t('openFlagsTitle')}
              hiddenCaption
              rows={open}
              rowKey={(flag) => flag.id}
              columns={[...columns, { header: t('colAction'), cell: (flag) => <HandleButton flag={flag} /> }]}
            />
          </>
        )}
      </Section>

      <Section id="afgehandeld" title={t('handledFlagsTitle')}>
        {handled.length === 0 ? (
          <Paragraph>{t('noHandledFlags')}</Paragraph>
        ) : (
          <DataTable
            caption={t('handledFlagsCaption', { count: handledFlagsShown })}
            rows={handled}
            rowKey={(flag) => flag.id}
            columns={[
              ...columns,
              { header: t('colHandledAt'), cell: (flag) => (flag.handledAt ? <DateText value={flag.handledAt} withTime /> : null) },
              { header: t('colHandledBy'), cell: (flag) => flag.handledByName ?? t('unknown') },
            ]}
          />
        )}
      </Section>
    </Layout>
  );
}

export function registerUnusualUsePage(app: FastifyInstance, { db }: AppDeps): void {
  app.get(unusualUsePath, async (request, reply) => {
    const context = await managementContext(db, request, reply);
    if (!context) return reply;
    const flags = (await scrapingFlagsFor(db, context.actor)) ?? { open: [], handled: [] };
    const shown = (request.query as Record<string, unknown>).melding;
    const notice = shown === 'afgehandeld' || shown === 'al-afgehandeld' ? shown : null;
    return sendPage(request, reply, <UnusualUsePage context={context} open={flags.open} handled={flags.handled} notice={notice} />);
  });

  app.post(unusualUsePath, async (request, reply) => {
    const context = await managementContext(db, request, reply);
    if (!context) return reply;
    const result = await handleScrapingFlag(db, context.actor, field((request.body ?? {}) as Record<string, unknown>, 'flag'));
    if (result === 'not_found') return sendNotFound(request, reply);
    return reply.redirect(`${unusualUsePath}?melding=${result === 'handled' ? 'afgehandeld' : 'al-afgehandeld'}`, 303);
  });
}
