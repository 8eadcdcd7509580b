import type { FastifyInstance } from 'fastify';
import type { CandidatePresentation } from '#app/domain/candidates/presenter.js';
import { readCandidate } from '#app/domain/candidates/queries.js';
import { useLocale, useT } from '#app/ui/i18n.js';
import { Heading, Layout, Paragraph } from '#app/ui/layout.js';
import type { AppDeps } from '../../deps.js';
import { sendNotFound } from '../../guards.js';
import { sendPage } from '../../plugins/render.js';
import { candidateView } from './messages.js';

type FieldKey = Exclude<keyof CandidatePresentation, 'id' | 'pseudonym' | 'instantieId'>;
const fieldOrder: FieldKey[] = [
  'firstName',
  'lastName',
  'email',
  'phone',
  'wishedOccupations',
  'hoursPerWeek',
  'days',
  'skills',
  'workExperience',
  'educationLevel',
  'languages',
  'dutchLevel',
  'about',
  'availability',
  'availabilityExpiresAt',
  'availabilityExpired',
  'postcode',
  'postcodeArea',
  'travelRadiusKm',
  'travelModes',
  'supportNeeds',
  'participationStep',
  'regieLevel',
  'targetGroups',
];

function formatValue(value: unknown, locale: string, yes: string, no: string): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? yes : no;
  if (Array.isArray(value)) {
    return (
      value
        .map((item) =>
          typeof item === 'string'
            ? item
            : 'label' in item
              ? item.label
              : 'title' in item
                ? `${item.title}${item.employer ? ` (${item.employer})` : ''}`
                : `${item.language} ${item.level}`,
        )
        .join(', ') || '—'
    );
  }
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) return new Date(value).toLocaleDateString(locale === 'nl' ? 'nl-NL' : 'en-GB');
  return String(value);
}

/** A candidate's profile showing exactly the fields the policy opened for this viewer. */
export function CandidateProfile({ view, staff }: { view: CandidatePresentation; staff: boolean }) {
  const t = useT(candidateView);
  const locale = useLocale();
  const name = view.firstName ? `${view.firstName} ${view.lastName ?? ''}`.trim() : view.pseudonym;
  const shown = fieldOrder.filter((key) => key in view);
  return (
    <Layout title={t('title', { name })}>
      <Heading>{t('title', { name })}</Heading>
      <Paragraph>{staff ? t('introStaff') : t('intro')}</Paragraph>
      <dl className="werkregie-definitions">
        {shown.map((key) => (
          <div key={key}>
            <dt>{t(key)}</dt>
            <dd>{formatValue(view[key], locale, locale === 'nl' ? 'ja' : 'yes', locale === 'nl' ? 'nee' : 'no')}</dd>
          </div>
        ))}
      </dl>
      {shown.length < fieldOrder.length - 1 && !staff ? <Paragraph>{t('hidden')}</Paragraph> : null}
    </Layout>
  );
}

/** `/kandidaten/:id`: one page for every role; the policy decides what it shows, and the read is logged. */
export function registerCandidateViewPages(app: FastifyInstance, { db }: AppDeps): void {
  app.get('/kandidaten/:id', async (request, reply) => {
    if (!request.actor) return reply.redirect(`/inloggen?terug=${encodeURIComponent(request.url)}`, 303);
    const read = await readCandidate(db, request.actor, (request.params as { id: string }).id, 'pagina.kandidaat');
    if (!read) return sendNotFound(request, reply);
    return sendPage(request, reply, <CandidateProfile view={read.view} staff={read.access.role !== 'werkgever'} />);
  });
}
