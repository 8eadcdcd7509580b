import type { FastifyInstance } from 'fastify';
import type { CandidatePresentation } from '#app/domain/candidates/presenter.js';
import { readCandidate } from '#app/domain/candidates/queries.js';
import { secondsUntilNextDay } from '#app/domain/privacy/view-limit.js';
import { useT } from '#app/ui/i18n.js';
import { Heading, Layout, Paragraph } from '#app/ui/layout.js';
import type { AppDeps } from '../../deps.js';
import { sendNotFound } from '../../guards.js';
import { sendPage } from '../../plugins/render.js';
import { general } from '../messages.js';
import { PresentationFields } from '../profile/employer-preview.js';
import { candidateView } from './messages.js';

/** A candidate's profile showing exactly the fields the policy opened for this viewer. */
export function CandidateProfile({ view, staff }: { view: CandidatePresentation; staff: boolean }) {
  const t = useT(candidateView);
  const name = view.firstName ? `${view.firstName} ${view.lastName ?? ''}`.trim() : view.pseudonym;
  return (
    <Layout title={t('title', { name })}>
      <Heading>{t('title', { name })}</Heading>
      <Paragraph>{staff ? t('introStaff') : t('intro')}</Paragraph>
      <PresentationFields view={view} />
    </Layout>
  );
}

/** An employer user saw their number of profiles for today (docs/decisions/013-no-scraping.md). */
export function ViewLimitPage() {
  const t = useT(candidateView);
  const g = useT(general);
  return (
    <Layout title={t('limitTitle')}>
      <Heading>{t('limitTitle')}</Heading>
      <Paragraph>{t('limitText')}</Paragraph>
      <Paragraph>{t('limitHelp')}</Paragraph>
      <Paragraph>
        <a className="utrecht-link" href="/">
          {g('toHome')}
        </a>
      </Paragraph>
    </Layout>
  );
}

/** `/kandidaten/:id`: one page for every role; the policy decides what it shows, and the read is logged. */
export function registerCandidateViewPages(app: FastifyInstance, { db }: AppDeps): void {
  app.get('/kandidaten/:id', async (request, reply) => {
    if (!request.actor) return reply.redirect(`/inloggen?terug=${encodeURIComponent(request.url)}`, 303);
    const read = await readCandidate(db, request.actor, (request.params as { id: string }).id, 'pagina.kandidaat');
    if (!read) return sendNotFound(request, reply);
    if (read === 'limit') return sendPage(request, reply.header('retry-after', String(secondsUntilNextDay())), <ViewLimitPage />, 429);
    return sendPage(request, reply, <CandidateProfile view={read.view} staff={read.access.role !== 'werkgever'} />);
  });
}
