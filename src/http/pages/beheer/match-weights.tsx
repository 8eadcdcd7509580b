import type { FastifyInstance } from 'fastify';
import type { Weights } from '#app/domain/matching/score.js';
import { saveWeights, weightedParts, weightsHistory, type WeightsVersion } from '#app/domain/matching/weights.js';
import { DateText } from '#app/ui/dates.js';
import { translateError } from '#app/ui/error-messages.js';
import { ErrorSummary, Form, SubmitButton, TextArea, TextField, type FormState } from '#app/ui/form.js';
import { translator, useLocale, useT } from '#app/ui/i18n.js';
import { Heading, Layout, Notice, Paragraph } from '#app/ui/layout.js';
import { common } from '#app/ui/messages.js';
import { Section } from '#app/ui/section.js';
import { DataTable } from '#app/ui/table.js';
import type { AppDeps } from '../../deps.js';
import { sendPage } from '../../plugins/render.js';
import { ErrorPage } from '../error-page.js';
import { matchingInfoPath, partLabel } from '../matching/explain.js';
import { matchingText } from '../matching/messages.js';
import { management } from './messages.js';
import { employersPath, field, managementContext, type ManagementContext } from './parts.js';

/** Where a beheerder sets the match weights of their instantie (a new version each time; src/domain/matching/weights.ts). */
export const matchWeightsPath = '/beheer/matchgewichten';

/** The fields in the order of the form, which is also the order of the error summary. */
const fields = ['weights', ...weightedParts, 'reason'] as const;

function useWeightsText(): (weights: Weights | null) => string {
  const t = useT(management);
  const tm = useT(matchingText);
  return (weights) =>
    weights ? weightedParts.map((part) => `${partLabel(part, tm)} ${weights[part]}`).join(', ') : t('weightsUnreadable');
}

function InForce({ context, current }: { context: ManagementContext; current: WeightsVersion }) {
  const t = useT(management);
  const weightsText = useWeightsText();
  return (
    <Section id="in-gebruik" title={t('inForceTitle')} card>
      {current.version === 0 ? <Paragraph>{t('standardNote', { instantie: context.instantie.name })}</Paragraph> : null}
      <dl className="werkregie-definitions">
        <dt>{t('inForceVersion')}</dt>
        <dd>{current.version === 0 ? t('standardVersion') : current.version}</dd>
        <dt>{t('inForceLogName')}</dt>
        <dd>
          <code>{current.name}</code>
        </dd>
        {current.createdAt ? (
          <>
            <dt>{t('inForceSince')}</dt>
            <dd>
              <DateText value={current.createdAt} withTime />
            </dd>
            <dt>{t('inForceBy')}</dt>
            <dd>{current.createdByName ?? t('unknown')}</dd>
            <dt>{t('inForceReason')}</dt>
            <dd>{current.reason ?? t('unknown')}</dd>
          </>
        ) : null}
        <dt>{t('inForceWeights')}</dt>
        <dd>{weightsText(current.weights)}</dd>
      </dl>
    </Section>
  );
}

/** One number field per part in a fieldset; the fieldset carries the errors about the weights as a whole. */
function WeightFields({ form }: { form: FormState }) {
  const t = useT(management);
  const tm = useT(matchingText);
  const c = useT(common);
  const locale = useLocale();
  const error = form.errors.weights ? translateError(form.errors.weights, locale) : undefined;
  return (
    <fieldset
      className={`utrecht-form-fieldset${error ? ' utrecht-form-fieldset--invalid' : ''}`}
      id="veld-weights"
      tabIndex={-1}
      aria-describedby={error ? 'hint-weights fout-weights' : 'hint-weights'}
    >
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t('weightsFieldset')}</legend>
      <div className="utrecht-form-field-description" id="hint-weights">
        {t('weightsFieldsetHint')}
      </div>
      {error ? (
        <div className="utrecht-form-field-error-message" id="fout-weights">
          <span className="werkregie-visually-hidden">{c('errorPrefix')}: </span>
          {error}
        </div>
      ) : null}
      {weightedParts.map((part) => (
        <TextField
          key={part}
          form={form}
          name={part}
          label={partLabel(part, tm)}
          hint={t(`weightHint_${part}`)}
          inputMode="numeric"
          width="xs"
        />
      ))}
      <div className="utrecht-form-field">
        <p className="utrecht-paragraph">
          <strong>{`${partLabel('ondersteuning', tm)}: 0.`}</strong> {t('weightSupportFixed')}
        </p>
      </div>
    </fieldset>
  );
}

function History({ history }: { history: WeightsVersion[] }) {
  const t = useT(management);
  const weightsText = useWeightsText();
  return (
    <Section id="versies" title={t('weightsHistoryTitle')}>
      <DataTable
        caption={t('weightsHistoryCaption')}
        hiddenCaption
        rows={history}
        rowKey={(version) => String(version.version)}
        columns={[
          { header: t('colVersion'), rowHeader: true, cell: (version) => (version.version === 0 ? t('standardVersion') : version.version) },
          { header: t('colSavedAt'), cell: (version) => (version.createdAt ? <DateText value={version.createdAt} withTime /> : null) },
          { header: t('colSavedBy'), cell: (version) => (version.version === 0 ? null : (version.createdByName ?? t('unknown'))) },
          { header: t('colReason'), cell: (version) => version.reason },
          { header: t('colWeights'), cell: (version) => weightsText(version.weights) },
        ]}
      />
    </Section>
  );
}

function MatchWeightsPage({
  context,
  history,
  form,
  notice,
}: {
  context: ManagementContext;
  history: WeightsVersion[];
  form: FormState;
  notice: string | null;
}) {
  const t = useT(management);
  const current = history[0]!;
  const basedOn = form.values.basedOnVersion;
  return (
    <Layout title={t('weightsTitle')} hasErrors={Object.keys(form.errors).length > 0}>
      <ErrorSummary form={form} />
      {notice ? <Notice type="ok">{notice}</Notice> : null}
      <p className="utrecht-paragraph">
        <a className="utrecht-link" href={employersPath}>
          {t('backToList')}
        </a>
      </p>
      <Heading>{t('weightsTitle')}</Heading>
      <Paragraph lead>{t('weightsIntro', { instantie: context.instantie.name })}</Paragraph>
      <Paragraph>{t('weightsVersions')}</Paragraph>
      <Paragraph>{t('weightsLog')}</Paragraph>
      <Paragraph>
        <a className="utrecht-link" href={matchingInfoPath}>
          {t('weightsInfoLink')}
        </a>
      </Paragraph>

      <InForce context={context} current={current} />

      <Section id="nieuwe-versie" title={t('changeWeightsTitle')}>
        <Paragraph>{t('weightsRelative')}</Paragraph>
        <Form action={matchWeightsPath}>
          <input type="hidden" name="basedOnVersion" value={typeof basedOn === 'string' ? basedOn : String(current.version)} />
          <WeightFields form={form} />
          <TextArea form={form} name="reason" label={t('fieldWeightsReason')} hint={t('weightsReasonHint')} rows={3} />
          <SubmitButton>{t('saveWeightsButton')}</SubmitButton>
        </Form>
      </Section>

      <History history={history} />
    </Layout>
  );
}

/** The form as first shown: the weights in force, based on their version. */
function formFor(current: WeightsVersion): FormState {
  const weights = current.weights;
  return {
    values: {
      ...Object.fromEntries(weightedParts.map((part) => [part, weights ? String(weights[part]) : ''])),
      basedOnVersion: String(current.version),
    },
    errors: {},
  };
}

/** Errors from the domain (`weights.beroep`) under the names of the form (`beroep`), in the order of the form. */
function formErrors(errors: Record<string, string>): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const [key, message] of Object.entries(errors)) byField[key.replace(/^weights\./, '')] ??= message;
  const rank = (name: string) =>
    (fields as readonly string[]).includes(name) ? (fields as readonly string[]).indexOf(name) : fields.length;
  return Object.fromEntries(Object.entries(byField).sort(([a], [b]) => rank(a) - rank(b)));
}

export function registerMatchWeightsPage(app: FastifyInstance, { db }: AppDeps): void {
  app.get(matchWeightsPath, async (request, reply) => {
    const context = await managementContext(db, request, reply);
    if (!context) return reply;
    const history = await weightsHistory(db, context.instantie.id);
    const saved = (request.query as Record<string, unknown>).opgeslagen;
    const notice =
      typeof saved === 'string' && /^\d{1,9}$/.test(saved)
        ? translator(management, request.locale)('weightsSaved', { version: saved })
        : null;
    return sendPage(request, reply, <MatchWeightsPage context={context} history={history} form={formFor(history[0]!)} notice={notice} />);
  });

  app.post(matchWeightsPath, async (request, reply) => {
    const context = await managementContext(db, request, reply);
    if (!context) return reply;
    const body = (request.body ?? {}) as Record<string, unknown>;
    const values: Record<string, string> = Object.fromEntries(
      [...weightedParts, 'reason', 'basedOnVersion'].map((name) => [name, field(body, name)]),
    );
    // A version that cannot be read cannot be the one in force: the save is then answered as "saved meanwhile".
    const basedOnVersion = /^\d{1,9}$/.test(values.basedOnVersion!) ? Number(values.basedOnVersion) : -1;
    const result = await saveWeights(db, context.actor, context.instantie.id, {
      weights: Object.fromEntries(weightedParts.map((part) => [part, values[part]])),
      reason: values.reason,
      basedOnVersion,
    });
    if (result.ok) return reply.redirect(`${matchWeightsPath}?opgeslagen=${result.value.version}`, 303);
    if (!('errors' in result)) return sendPage(request, reply, <ErrorPage status={403} />, 403);
    const history = await weightsHistory(db, context.instantie.id);
    // After "saved meanwhile" the form keeps what was typed, now based on the version shown, so saving again works.
    if (result.reason === 'conflict') values.basedOnVersion = String(history[0]!.version);
    const form = { values, errors: formErrors(result.errors) };
    return sendPage(
      request,
      reply,
      <MatchWeightsPage context={context} history={history} form={form} notice={null} />,
      result.reason === 'conflict' ? 409 : 400,
    );
  });
}
