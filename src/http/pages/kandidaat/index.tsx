import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Candidate, EmployerCategory } from '#app/db/schema.js';
import { hasActiveConsent } from '#app/domain/candidates/commands.js';
import { ownCandidateId } from '#app/domain/candidates/own-candidate.js';
import { labelsOf, presentCandidate, type ConceptLabels } from '#app/domain/candidates/presenter.js';
import { readCandidate } from '#app/domain/candidates/queries.js';
import { availabilityExpired, groupsVisibleToEmployer, normaliseVisibility } from '#app/domain/candidates/rules.js';
import { formatDate } from '#app/ui/dates.js';
import { ChoiceGroup, Form, SubmitButton } from '#app/ui/form.js';
import { useLocale, useT } from '#app/ui/i18n.js';
import { Heading, Layout, Notice, Paragraph } from '#app/ui/layout.js';
import type { AppDeps } from '../../deps.js';
import { requirePageRole, sendNotFound } from '../../guards.js';
import { sendPage } from '../../plugins/render.js';
import { PresentationFields } from '../profile/employer-preview.js';
import { profileText } from '../profile/messages.js';
import { registerProfileRoutes, type ResolveCandidate } from '../profile/register-profile-routes.js';
import { codeLabel, profileCompleteness, ProfileSections, SavedNotice } from '../profile/summary.js';
import { employerCategories } from '../profile/visibility-page.js';
import { matchListText } from '../matching/list-messages.js';
import { forYouPath, savedSearchesPath } from '../matching/paths.js';
import { savedSearchText } from '../matching/saved-search-messages.js';
import { candidateText } from './messages.js';

const base = '/kandidaat';

function NoProfilePage() {
  const t = useT(candidateText);
  return (
    <Layout title={t('noProfileTitle')}>
      <Heading>{t('noProfileTitle')}</Heading>
      <Paragraph>{t('noProfileText')}</Paragraph>
    </Layout>
  );
}

function OverviewPage({
  candidate,
  labels,
  consentGiven,
  saved,
  now,
}: {
  candidate: Candidate;
  labels: ConceptLabels;
  consentGiven: boolean;
  saved: unknown;
  now: Date;
}) {
  const t = useT(candidateText);
  const p = useT(profileText);
  const m = useT(matchListText);
  const s = useT(savedSearchText);
  const locale = useLocale();
  const { percent, missing } = profileCompleteness(candidate);
  const expires = formatDate(candidate.availability_expires_at, locale);
  const expired = availabilityExpired(candidate.availability_expires_at, now);
  return (
    <Layout title={t('overviewTitle')}>
      <SavedNotice value={saved} />
      <Heading>{t('overviewTitle')}</Heading>
      <Paragraph lead>{t('overviewIntro')}</Paragraph>

      <section className="werkregie-card">
        <Heading level={2}>{t('completeHeading')}</Heading>
        <Paragraph>{t('completePercent', { percent })}</Paragraph>
        {missing.length ? (
          <Paragraph>{t('completeMissing', { sections: missing.map((section) => p(`section_${section}`)).join(', ') })}</Paragraph>
        ) : (
          <Paragraph>{t('completeDone')}</Paragraph>
        )}
      </section>

      <section className="werkregie-card">
        <Heading level={2}>{t('availabilityHeading')}</Heading>
        <Paragraph>{t('availabilityStatus', { status: codeLabel(p, 'availabilityStatus', candidate.availability) })}</Paragraph>
        {expired ? (
          <Notice type="warning">{t('availabilityExpired', { date: expires })}</Notice>
        ) : (
          <Paragraph>{t('availabilityValid', { date: expires })}</Paragraph>
        )}
        <Paragraph>{t('availabilityExplain')}</Paragraph>
        <Form action={`${base}/beschikbaarheid/bevestigen`}>
          <div className="werkregie-actions">
            <SubmitButton>{t('confirmButton')}</SubmitButton>
            <a className="utrecht-link" href={`${base}/profiel/beschikbaarheid`}>
              {t('changeAvailability')}
            </a>
          </div>
        </Form>
      </section>

      <section className="werkregie-card">
        <Heading level={2}>{m('linkForYou')}</Heading>
        <ul className="utrecht-unordered-list">
          <li className="utrecht-unordered-list__item">
            <a className="utrecht-link" href={forYouPath}>
              {m('linkForYouText')}
            </a>
          </li>
          <li className="utrecht-unordered-list__item">
            <a className="utrecht-link" href={savedSearchesPath}>
              {s('toSavedSearches')}
            </a>
          </li>
        </ul>
      </section>

      <section className="werkregie-card">
        <Heading level={2}>{t('visibilityHeading')}</Heading>
        {consentGiven ? <Paragraph>{t('consentYes')}</Paragraph> : <Notice type="warning">{t('consentNo')}</Notice>}
        <ul className="utrecht-unordered-list">
          <li className="utrecht-unordered-list__item">
            <a className="utrecht-link" href={`${base}/zichtbaarheid`}>
              {t('visibilityLink')}
            </a>
          </li>
          <li className="utrecht-unordered-list__item">
            <a className="utrecht-link" href={`${base}/voorbeeld`}>
              {t('previewLink')}
            </a>
          </li>
        </ul>
      </section>

      <Heading level={2}>{t('sectionsHeading')}</Heading>
      <ProfileSections candidate={candidate} labels={labels} basePath={base} editor="kandidaat" headingLevel={3} />
    </Layout>
  );
}

function PreviewPage({
  candidate,
  labels,
  consentGiven,
  category,
}: {
  candidate: Candidate;
  labels: ConceptLabels;
  consentGiven: boolean;
  category: EmployerCategory | null;
}) {
  const t = useT(candidateText);
  const p = useT(profileText);
  // The policy's own rule and presenter, as an employer of this category would get them.
  const groups = category
    ? groupsVisibleToEmployer({
        category,
        visibility: normaliseVisibility(candidate.visibility),
        anonymous: candidate.anonymous,
        consentGiven,
      })
    : [];
  const view = presentCandidate(candidate, { allowed: true, role: 'werkgever', groups, fullPostcode: false }, labels);
  return (
    <Layout title={t('previewTitle')}>
      <Paragraph>
        <a className="utrecht-link" href={base}>
          {p('backToProfile')}
        </a>
      </Paragraph>
      <Heading>{t('previewTitle')}</Heading>
      <Paragraph lead>{t('previewIntro')}</Paragraph>
      <form method="get" action={`${base}/voorbeeld`}>
        <ChoiceGroup
          form={{ values: { categorie: category ?? undefined }, errors: {} }}
          name="categorie"
          label={t('previewCategory')}
          options={employerCategories.map((c) => ({ value: c, label: codeLabel(p, 'category', c) }))}
        />
        <SubmitButton>{t('previewShow')}</SubmitButton>
      </form>
      {category ? (
        <section className="werkregie-card">
          <Heading level={2}>{t(`previewResult_${category}`)}</Heading>
          {!consentGiven ? (
            <Notice type="warning">{t('previewNoConsent')}</Notice>
          ) : groups.length === 0 ? (
            <Paragraph>{p('previewNothing')}</Paragraph>
          ) : (
            <>
              {groups.includes('identiteit') ? null : <Paragraph>{p('previewHiddenName', { pseudonym: candidate.pseudonym })}</Paragraph>}
              <PresentationFields view={view} />
            </>
          )}
          <Paragraph>
            <a className="utrecht-link" href={`${base}/zichtbaarheid`}>
              {t('previewChange')}
            </a>
          </Paragraph>
        </section>
      ) : null}
    </Layout>
  );
}

/** The candidate's pages. Every one acts on the candidate row of the signed-in account, never on an id from the request. */
export function registerCandidatePages(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;

  const resolveOwnCandidate: ResolveCandidate = async (request, reply) => {
    const actor = requirePageRole(request, reply, 'kandidaat');
    if (!actor) return null;
    const id = await ownCandidateId(db, actor);
    if (!id) sendPage(request, reply, <NoProfilePage />, 404);
    return id;
  };

  /** Our own profile, read through the policy (and so logged). */
  async function ownProfile(request: FastifyRequest, reply: FastifyReply, context: string) {
    const id = await resolveOwnCandidate(request, reply);
    if (!id) return null;
    const read = await readCandidate(db, request.actor, id, context);
    // A candidate's own profile never counts against a view limit, so 'limit' does not come back here.
    if (!read || read === 'limit') {
      sendNotFound(request, reply);
      return null;
    }
    return read;
  }

  app.get(base, async (request, reply) => {
    const read = await ownProfile(request, reply, 'kandidaat:overzicht');
    if (!read) return reply;
    const consentGiven = await hasActiveConsent(db, read.candidate.id);
    const saved = (request.query as Record<string, unknown>).opgeslagen;
    return sendPage(
      request,
      reply,
      <OverviewPage candidate={read.candidate} labels={labelsOf(read.view)} consentGiven={consentGiven} saved={saved} now={new Date()} />,
    );
  });

  app.get(`${base}/voorbeeld`, async (request, reply) => {
    const read = await ownProfile(request, reply, 'kandidaat:voorbeeld');
    if (!read) return reply;
    const chosen = (request.query as Record<string, unknown>).categorie;
    const category = employerCategories.find((c) => c === chosen) ?? null;
    const consentGiven = await hasActiveConsent(db, read.candidate.id);
    return sendPage(
      request,
      reply,
      <PreviewPage candidate={read.candidate} labels={labelsOf(read.view)} consentGiven={consentGiven} category={category} />,
    );
  });

  registerProfileRoutes(app, deps, { basePath: base, resolveCandidate: resolveOwnCandidate, previewPath: '/voorbeeld' });
}
