import type { FastifyInstance, FastifyRequest } from 'fastify';
import { renderToString } from 'react-dom/server';
import { DateText } from '#app/ui/dates.js';
import { LocaleContext, useT } from '#app/ui/i18n.js';
import { Heading, Layout, Paragraph } from '#app/ui/layout.js';
import { Section } from '#app/ui/section.js';
import type { AppDeps } from '../../deps.js';
import { requireSignedIn, sendNotFound } from '../../guards.js';
import { sendPage } from '../../plugins/render.js';
import { placementText } from './messages.js';
import { AgreementDetails, ConfirmationTable, loadPlacement, StatusDetails, type PlacementData } from './parts.js';
import { agreementPath, placementPath } from './paths.js';

/** The agreement itself: the same in the page, in print and in the downloaded file. */
function AgreementBody({ data, now }: { data: PlacementData; now: Date }) {
  const t = useT(placementText);
  const { placement } = data.view;
  return (
    <>
      <Heading>{t('agreementTitle')}</Heading>
      <Paragraph lead>{t('agreementIntro')}</Paragraph>
      <dl className="werkregie-definitions">
        <dt>{t('labelReference')}</dt>
        <dd>{placement.id}</dd>
        <dt>{t('labelRegisteredAt')}</dt>
        <dd>
          <DateText value={placement.registered_at} withTime />
        </dd>
      </dl>
      <Section id="afspraken" title={t('agreementHeading')}>
        <AgreementDetails data={data} />
      </Section>
      <Section id="stand" title={t('statusHeading')}>
        <StatusDetails data={data} />
      </Section>
      <Section id="akkoord" title={t('agreementConfirmationsHeading')}>
        <ConfirmationTable data={data} caption={t('confirmCaption')} hiddenCaption />
      </Section>
      <Paragraph>
        {t('agreementPrintedAt')} <DateText value={now} withTime />.
      </Paragraph>
    </>
  );
}

function AgreementPage({ data, now }: { data: PlacementData; now: Date }) {
  const t = useT(placementText);
  const id = data.view.placement.id;
  return (
    <Layout title={t('agreementTitle')}>
      <div className="werkregie-no-print">
        <Paragraph>
          <a className="utrecht-link" href={placementPath(data.view.side, id)}>
            {t('backToPlacement')}
          </a>
        </Paragraph>
      </div>
      <article className="werkregie-agreement">
        <AgreementBody data={data} now={now} />
      </article>
      <div className="werkregie-no-print werkregie-card">
        <Paragraph>{t('agreementPrintHint')}</Paragraph>
        <Paragraph>
          <a className="utrecht-link" href={`${agreementPath(id)}?download=1`}>
            {t('agreementDownload')}
          </a>
        </Paragraph>
      </div>
    </Layout>
  );
}

/** A small stylesheet inside the downloaded file, which is opened without our server. */
const downloadCss = `
body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif; color: #1a1a1a; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; }
dt { font-weight: 700; }
dd { margin: 0 0 0.75rem; white-space: pre-line; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: start; padding: 0.5rem; border-bottom: 1px solid #b5b5b5; vertical-align: top; }
.werkregie-visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;

/** The agreement as a file of its own, to keep or to send: no menu, its own styles. */
function AgreementDocument({ data, now, lang }: { data: PlacementData; now: Date; lang: string }) {
  const t = useT(placementText);
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <title>{`${t('agreementTitle')} – ${data.view.application.vacancy_title}`}</title>
        <style dangerouslySetInnerHTML={{ __html: downloadCss }} />
      </head>
      <body>
        <main>
          <AgreementBody data={data} now={now} />
        </main>
      </body>
    </html>
  );
}

/**
 * The print-ready agreement for every party of a placement: /plaatsingen/:id/overeenkomst, and with
 * `?download=1` the same as an HTML file to keep (Content-Disposition: attachment).
 */
export function registerAgreementPages(app: FastifyInstance, { db }: AppDeps): void {
  app.get('/plaatsingen/:id/overeenkomst', async (request: FastifyRequest, reply) => {
    const actor = requireSignedIn(request, reply);
    if (!actor) return reply;
    const id = (request.params as { id: string }).id;
    const data = await loadPlacement(db, actor, id, 'plaatsing.overeenkomst');
    if (!data) return sendNotFound(request, reply);
    const now = new Date();
    if ((request.query as Record<string, unknown>).download !== '1')
      return sendPage(request, reply, <AgreementPage data={data} now={now} />);
    const html = renderToString(
      <LocaleContext.Provider value={request.locale}>
        <AgreementDocument data={data} now={now} lang={request.locale} />
      </LocaleContext.Provider>,
    );
    return reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-disposition', `attachment; filename="plaatsingsovereenkomst-${data.view.placement.id}.html"`)
      .header('cache-control', 'no-store')
      .send(`<!doctype html>${html}`);
  });
}
