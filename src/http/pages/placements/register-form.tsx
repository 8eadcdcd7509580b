import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { EmployerCategory } from '#app/db/schema.js';
import type { Actor } from '#app/domain/accounts/actor.js';
import { findApplication, partyOf, type ApplicationRow } from '#app/domain/applications/access.js';
import { readCandidate } from '#app/domain/candidates/queries.js';
import { categoriesAt } from '#app/domain/employers/queries.js';
import { getInstantie, type Instantie } from '#app/domain/instanties/queries.js';
import { registerPlacement } from '#app/domain/placements/commands.js';
import { placementKinds } from '#app/domain/placements/rules.js';
import { translateError } from '#app/ui/error-messages.js';
import { ErrorSummary, Form, SubmitButton, TextArea, TextField, type FormState } from '#app/ui/form.js';
import { useLocale, useT } from '#app/ui/i18n.js';
import { Heading, Layout, Notice, Paragraph } from '#app/ui/layout.js';
import { common } from '#app/ui/messages.js';
import { Section } from '#app/ui/section.js';
import type { AppDeps } from '../../deps.js';
import { requirePageRole, sendNotFound } from '../../guards.js';
import { sendPage } from '../../plugins/render.js';
import { ErrorPage } from '../error-page.js';
import { placementText } from './messages.js';
import { placementListPaths, placementPath, registerPlacementPath } from './paths.js';

/** The fields of the form, in the domain's names and in the order of the form (and of the error summary). */
const fields = [
  'kind',
  'startDate',
  'endDate',
  'hoursPerWeek',
  'support',
  'conditions',
  'intendedContractMonths',
  'positiveAdviceDate',
  'positiveAdviceReference',
] as const;

type FormContext = {
  application: ApplicationRow;
  instantie: Instantie;
  category: EmployerCategory;
  candidateName: string | null;
  candidateHours: number | null;
  /** The application allows a placement now: new or in conversation, and no invitation still unanswered. */
  open: boolean;
};

const contactPath = (applicationId: string) => `/werkgever/contacten/${applicationId}`;

/** Radio buttons for the kind of placement, each with its plain explanation (described by it). */
function KindChoice({ form, trial }: { form: FormState; trial: { standard: number; extended: number } }) {
  const t = useT(placementText);
  const c = useT(common);
  const locale = useLocale();
  const error = form.errors.kind ? translateError(form.errors.kind, locale) : undefined;
  const chosen = form.values.kind;
  return (
    <fieldset
      className={`utrecht-form-fieldset${error ? ' utrecht-form-fieldset--invalid' : ''}`}
      id="veld-kind"
      tabIndex={-1}
      aria-describedby={error ? 'fout-kind' : undefined}
    >
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t('fieldKind')}</legend>
      {error ? (
        <div className="utrecht-form-field-error-message" id="fout-kind">
          <span className="werkregie-visually-hidden">{c('errorPrefix')}: </span>
          {error}
        </div>
      ) : null}
      {placementKinds.map((kind) => {
        const id = `veld-kind-${kind}`;
        return (
          <div key={kind} className="werkregie-choice-with-hint">
            <div className="utrecht-form-field utrecht-form-field--radio">
              <input
                className="utrecht-radio-button utrecht-radio-button--html-input"
                type="radio"
                id={id}
                name="kind"
                value={kind}
                defaultChecked={chosen === kind}
                aria-describedby={`hint-kind-${kind}`}
              />
              <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={id}>
                {t(`kind_${kind}`)}
              </label>
            </div>
            <div className="utrecht-form-field-description" id={`hint-kind-${kind}`}>
              {t(`kindHint_${kind}`, trial)}
            </div>
          </div>
        );
      })}
    </fieldset>
  );
}

function RegisterPage({ context, form, conflict }: { context: FormContext; form: FormState; conflict?: string }) {
  const t = useT(placementText);
  const { application, instantie, category } = context;
  const trial = instantie.settings.trialPlacementMonths;
  const params = { instantie: instantie.name, days: instantie.settings.committedStartWorkingDays };
  return (
    <Layout title={t('formTitle')} hasErrors={Object.keys(form.errors).length > 0}>
      <ErrorSummary form={form} />
      {conflict ? <Notice type="error">{conflict}</Notice> : null}
      <Paragraph>
        <a className="utrecht-link" href={contactPath(application.id)}>
          {t('formBack')}
        </a>
      </Paragraph>
      <Heading>{t('formTitle')}</Heading>
      <Paragraph lead>{t('formIntro', { vacancy: application.vacancy_title, instantie: instantie.name })}</Paragraph>
      <Paragraph>
        {context.candidateName ? t('formCandidate', { name: context.candidateName }) : t('candidateHidden')}
        {context.candidateHours !== null ? ` ${t('formHoursKnown', { hours: context.candidateHours })}` : null}
      </Paragraph>
      <Section id="wat-er-gebeurt" title={t('formRouteHeading')} card>
        <Paragraph>{t(`formRoute_${category}`, params)}</Paragraph>
        <Paragraph>{t('formConfirmNote')}</Paragraph>
      </Section>
      {context.open ? (
        <Form action={registerPlacementPath(application.id)}>
          <KindChoice form={form} trial={trial} />
          <TextField form={form} name="startDate" type="date" label={t('fieldStartDate')} hint={t('fieldStartDateHint')} width="m" />
          <TextField form={form} name="endDate" type="date" label={t('fieldEndDate')} hint={t('fieldEndDateHint')} width="m" optional />
          <TextField form={form} name="hoursPerWeek" label={t('fieldHours')} hint={t('fieldHoursHint')} inputMode="numeric" width="xs" />
          <TextArea form={form} name="support" label={t('fieldSupport')} hint={t('fieldSupportHint')} optional rows={4} />
          <TextArea form={form} name="conditions" label={t('fieldConditions')} hint={t('fieldConditionsHint')} optional rows={4} />
          <TextField
            form={form}
            name="intendedContractMonths"
            label={t('fieldIntendedContract')}
            hint={t('fieldIntendedContractHint', { extended: trial.extended })}
            inputMode="numeric"
            width="xs"
            optional
          />
          <Section id="advies" title={t('adviceHeading')} level={3}>
            <TextField
              form={form}
              name="positiveAdviceDate"
              type="date"
              label={t('fieldAdviceDate')}
              hint={t('fieldAdviceDateHint')}
              width="m"
              optional
            />
            <TextField form={form} name="positiveAdviceReference" label={t('fieldAdviceReference')} width="m" optional />
          </Section>
          <SubmitButton>{t('formSubmit')}</SubmitButton>
        </Form>
      ) : (
        <>
          {conflict ? null : <Notice type="warning">{t('formNotPossible')}</Notice>}
          <Paragraph>
            <a className="utrecht-link" href={placementListPaths.employer}>
              {t('formToPlacements')}
            </a>
          </Paragraph>
        </>
      )}
    </Layout>
  );
}

function valuesOf(body: Record<string, unknown>): FormState['values'] {
  return Object.fromEntries(fields.map((name) => [name, typeof body[name] === 'string' ? body[name] : undefined]));
}

/**
 * The employer registers a placement from a contact: /werkgever/contacten/:id/plaatsing. The page
 * says first what happens for this employer's category; registering is `registerPlacement`.
 */
export function registerPlacementFormPages(app: FastifyInstance, { db }: AppDeps): void {
  async function formContext(actor: Actor, applicationId: string): Promise<FormContext | null> {
    const application = await findApplication(db, applicationId);
    if (!application || partyOf(actor, application) !== 'employer') return null;
    const instantie = await getInstantie(db, application.instantie_id);
    if (!instantie) return null;
    const category = (await categoriesAt(db, [application.employer_id]))(application.employer_id, application.instantie_id);
    const read = await readCandidate(db, actor, application.candidate_id, 'werkgever.plaatsing.vastleggen');
    const view = read && read !== 'limit' ? read.view : null;
    return {
      application,
      instantie,
      category,
      candidateName: view?.firstName ? `${view.firstName} ${view.lastName ?? ''}`.trim() : null,
      candidateHours: typeof view?.hoursPerWeek === 'number' ? view.hoursPerWeek : null,
      open:
        (application.state === 'new' || application.state === 'in_conversation') &&
        application.invitation !== 'with_consultant' &&
        application.invitation !== 'with_candidate',
    };
  }

  const idOf = (request: FastifyRequest) => (request.params as { id: string }).id;

  app.get('/werkgever/contacten/:id/plaatsing', async (request, reply) => {
    const actor = requirePageRole(request, reply, 'werkgever');
    if (!actor) return reply;
    const context = await formContext(actor, idOf(request));
    if (!context) return sendNotFound(request, reply);
    return sendPage(request, reply, <RegisterPage context={context} form={{ values: {}, errors: {} }} />);
  });

  app.post('/werkgever/contacten/:id/plaatsing', async (request, reply) => {
    const actor = requirePageRole(request, reply, 'werkgever');
    if (!actor) return reply;
    const body = (request.body ?? {}) as Record<string, unknown>;
    const input = Object.fromEntries(fields.map((name) => [name, body[name]]));
    const result = await registerPlacement(db, actor, idOf(request), input);
    if (result.ok) return reply.redirect(`${placementPath('employer', result.value.id)}?vastgelegd=1`, 303);
    if (result.reason === 'not_found') return sendNotFound(request, reply);
    if (result.reason === 'forbidden') return sendPage(request, reply, <ErrorPage status={403} />, 403);
    const context = await formContext(actor, idOf(request));
    if (!context) return sendNotFound(request, reply);
    const values = valuesOf(body);
    if (result.reason === 'invalid') {
      // In the order of the form, so the summary reads from top to bottom.
      const order = (name: string) => {
        const index = (fields as readonly string[]).indexOf(name);
        return index === -1 ? fields.length : index;
      };
      const errors = Object.fromEntries(Object.entries(result.errors).sort(([a], [b]) => order(a) - order(b)));
      return sendPage(request, reply, <RegisterPage context={context} form={{ values, errors }} />, 400);
    }
    if (result.reason !== 'conflict') return sendNotFound(request, reply);
    return sendPage(request, reply, <RegisterPage context={context} form={{ values, errors: {} }} conflict={result.detail} />, 409);
  });
}
