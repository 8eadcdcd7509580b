import type { FastifyInstance } from 'fastify';
import { categoryHistoryAt, employerAt, type CategoryChange } from '#app/domain/employers/at-instantie.js';
import { categoryChangeSchema, changeCategory } from '#app/domain/employers/commands.js';
import { normalisePostcode } from '#app/domain/employers/rules.js';
import { DateText } from '#app/ui/dates.js';
import { ChoiceGroup, ErrorSummary, Form, SubmitButton, TextArea, emptyForm, type FormState } from '#app/ui/form.js';
import { translator, useT } from '#app/ui/i18n.js';
import { Heading, Layout, Notice, Paragraph } from '#app/ui/layout.js';
import { common } from '#app/ui/messages.js';
import { DataTable } from '#app/ui/table.js';
import { Section } from '#app/ui/section.js';
import type { AppDeps } from '../../deps.js';
import { sendNotFound } from '../../guards.js';
import { sendPage } from '../../plugins/render.js';
import { parseInput } from '../../validation.js';
import { useEmployerLabels } from '../employer-parts.js';
import { ErrorPage } from '../error-page.js';
import { management } from './messages.js';
import { categoryOptions, employerPath, employersPath, field, managementContext, type ManagementContext } from './parts.js';

type Employer = NonNullable<Awaited<ReturnType<typeof employerAt>>>;

const outcomes = ['created', 'linked_existing', 'already_linked'] as const;
type Outcome = (typeof outcomes)[number];
const isOutcome = (value: unknown): value is Outcome => typeof value === 'string' && (outcomes as readonly string[]).includes(value);

/** Postcodes are stored compact (3011AB) and read with a space (3011 AB). */
const showPostcode = (postcode: string) => (normalisePostcode(postcode) ? `${postcode.slice(0, 4)} ${postcode.slice(4)}` : postcode);

function History({ history }: { history: CategoryChange[] }) {
  const t = useT(management);
  const terms = useEmployerLabels();
  const from = (change: CategoryChange) => (change.from ? terms.category(change.from) : t('noPrevious'));
  return (
    <Section id="geschiedenis" title={t('historyTitle')}>
      <DataTable
        caption={t('historyCaption')}
        hiddenCaption
        rows={history}
        rowKey={(change) => change.id}
        columns={[
          { header: t('colDate'), cell: (change) => <DateText value={change.decidedAt} withTime /> },
          { header: t('colFrom'), cell: from },
          { header: t('colTo'), cell: (change) => terms.category(change.to) },
          { header: t('colReason'), cell: (change) => change.reason },
          { header: t('colDecidedBy'), cell: (change) => change.decidedByName ?? t('unknown') },
        ]}
      />
    </Section>
  );
}

function EmployerPage({
  context,
  employer,
  history,
  form,
  notice,
}: {
  context: ManagementContext;
  employer: Employer;
  history: CategoryChange[];
  form: FormState;
  notice: string | null;
}) {
  const t = useT(management);
  const terms = useEmployerLabels();
  const c = useT(common);
  return (
    <Layout title={employer.name} hasErrors={Object.keys(form.errors).length > 0}>
      <ErrorSummary form={form} />
      {notice ? <Notice type="ok">{notice}</Notice> : null}
      <p className="utrecht-paragraph">
        <a className="utrecht-link" href={employersPath}>
          {t('backToList')}
        </a>
      </p>
      <Heading>{employer.name}</Heading>

      <Section id="gegevens" title={t('detailsTitle')}>
        <dl className="werkregie-definitions">
          <dt>{t('colKvk')}</dt>
          <dd>{employer.kvkNumber}</dd>
          <dt>{t('sector')}</dt>
          <dd>{employer.sector}</dd>
          <dt>{t('colPso')}</dt>
          <dd>{terms.pso(employer.psoLevel)}</dd>
          {employer.psoEvidenceDate ? (
            <>
              <dt>{t('psoDate')}</dt>
              <dd>
                <DateText value={`${employer.psoEvidenceDate}T12:00:00Z`} />
              </dd>
            </>
          ) : null}
          <dt>{t('colCso')}</dt>
          <dd>{employer.codeSocialeOndernemingen ? c('yes') : c('no')}</dd>
        </dl>
        <h3 className="utrecht-heading-3">{t('locationsTitle')}</h3>
        {employer.locations.length === 0 ? (
          <Paragraph>{t('noLocations')}</Paragraph>
        ) : (
          <ul className="utrecht-unordered-list">
            {employer.locations.map((location, index) => (
              <li key={index} className="utrecht-unordered-list__item">
                {`${location.name}, ${showPostcode(location.postcode)}`}
              </li>
            ))}
          </ul>
        )}
        <p className="utrecht-paragraph">
          <a className="utrecht-link" href={`${employerPath(employer.id)}/gebruikers`}>
            {t('usersLink')}
          </a>
        </p>
      </Section>

      <Section id="categorie" title={t('categoryTitle', { instantie: context.instantie.name })}>
        <dl className="werkregie-definitions">
          <dt>{t('currentCategory')}</dt>
          <dd>{terms.category(employer.category)}</dd>
          <dt>{t('since')}</dt>
          <dd>
            <DateText value={employer.categorySince} />
          </dd>
        </dl>
        <h3 className="utrecht-heading-3">{t('changeTitle')}</h3>
        <Paragraph>{t('categoryMoves')}</Paragraph>
        <Form action={employerPath(employer.id)}>
          <ChoiceGroup form={form} name="category" label={t('fieldCategory')} options={categoryOptions(terms)} />
          <TextArea form={form} name="reason" label={t('fieldReason')} hint={t('reasonHint')} rows={4} />
          <SubmitButton>{t('changeButton')}</SubmitButton>
        </Form>
      </Section>

      <History history={history} />
    </Layout>
  );
}

export function registerEmployerDetailPage(app: FastifyInstance, { db }: AppDeps): void {
  const load = async (employerId: string, instantieId: string) => {
    const employer = await employerAt(db, employerId, instantieId);
    return employer ? { employer, history: await categoryHistoryAt(db, employer.id, instantieId) } : null;
  };

  app.get(`${employersPath}/:id`, async (request, reply) => {
    const context = await managementContext(db, request, reply);
    if (!context) return reply;
    const loaded = await load((request.params as { id: string }).id, context.instantie.id);
    if (!loaded) return sendNotFound(request, reply);
    const query = request.query as Record<string, unknown>;
    const t = translator(management, request.locale);
    const notice = query.opgeslagen === '1' ? t('categorySaved') : isOutcome(query.melding) ? t(`outcome_${query.melding}`) : null;
    const form = { ...emptyForm, values: { category: loaded.employer.category } };
    return sendPage(request, reply, <EmployerPage context={context} {...loaded} form={form} notice={notice} />);
  });

  app.post(`${employersPath}/:id`, async (request, reply) => {
    const context = await managementContext(db, request, reply);
    if (!context) return reply;
    // Only an employer this instantie works with can be changed here; others do not exist for it.
    const loaded = await load((request.params as { id: string }).id, context.instantie.id);
    if (!loaded) return sendNotFound(request, reply);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const values = { category: field(body, 'category'), reason: field(body, 'reason') };
    const parsed = parseInput(categoryChangeSchema, values);
    const errors: Record<string, string> = {};
    // In the order of the form, so the error summary reads top to bottom.
    if (values.category === loaded.employer.category) errors.category = 'Kies een andere categorie dan de huidige.';
    if (!parsed.ok) for (const name of ['category', 'reason']) if (parsed.errors[name]) errors[name] ??= parsed.errors[name];
    const result = Object.keys(errors).length === 0 ? await changeCategory(db, context.actor, loaded.employer.id, values) : null;
    if (result?.ok) return reply.redirect(`${employerPath(loaded.employer.id)}?opgeslagen=1`, 303);
    if (result?.reason === 'forbidden') return sendPage(request, reply, <ErrorPage status={403} />, 403);
    const form = { values, errors: result?.reason === 'invalid' ? result.errors : errors };
    return sendPage(request, reply, <EmployerPage context={context} {...loaded} form={form} notice={null} />, 400);
  });
}
