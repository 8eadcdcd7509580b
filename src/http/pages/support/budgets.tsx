import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Provision } from '#app/db/schema.js';
import { staffInstantie, type Actor } from '#app/domain/accounts/actor.js';
import { getInstantie } from '#app/domain/instanties/queries.js';
import { defaultPlanningRates } from '#app/domain/instanties/settings.js';
import { setBudgets } from '#app/domain/support/commands.js';
import { budgetLines, type BudgetLine } from '#app/domain/support/queries.js';
import { budgetYear, provisions, yearField, yearMessage, type PlanningRates } from '#app/domain/support/rules.js';
import { DateText } from '#app/ui/dates.js';
import { ErrorSummary, Form, SubmitButton, TextField, emptyForm, type FormState } from '#app/ui/form.js';
import { translator, useT } from '#app/ui/i18n.js';
import { Heading, Layout, Notice, Paragraph } from '#app/ui/layout.js';
import { Section } from '#app/ui/section.js';
import { DataTable } from '#app/ui/table.js';
import type { AppDeps } from '../../deps.js';
import { requirePageRole } from '../../guards.js';
import { sendPage } from '../../plugins/render.js';
import { ErrorPage } from '../error-page.js';
import { supportText } from './messages.js';
import { ProvisionExplanations, budgetsPath, field, useEuros, useProvisionName } from './parts.js';

/** Per provision: budget, committed, spent, left and waiting. Left below zero is said in words too. */
export function BudgetTable({ lines, year, withChanges }: { lines: BudgetLine[]; year: number; withChanges?: boolean }) {
  const t = useT(supportText);
  const euros = useEuros();
  const name = useProvisionName();
  return (
    <DataTable
      caption={t('overviewCaption', { year: String(year) })}
      hiddenCaption
      contained
      rows={lines}
      rowKey={(line) => line.provision}
      columns={[
        { header: t('colProvision'), rowHeader: true, cell: (line) => name(line.provision) },
        { header: t('colBudget'), cell: (line) => (line.budgetEuros === null ? t('noBudget') : euros(line.budgetEuros)) },
        { header: t('colCommitted'), cell: (line) => euros(line.committedEuros) },
        { header: t('colSpent'), cell: (line) => euros(line.spentEuros) },
        {
          header: t('colLeft'),
          cell: (line) =>
            line.leftEuros === null ? (
              '–'
            ) : line.leftEuros < 0 ? (
              <strong>
                {euros(line.leftEuros)} {t('aboveMark')}
              </strong>
            ) : (
              euros(line.leftEuros)
            ),
        },
        { header: t('colWaiting'), cell: (line) => euros(line.waitingEuros) },
        withChanges
          ? {
              header: t('colChanged'),
              cell: (line) =>
                line.updatedAt ? (
                  <>
                    <DateText value={line.updatedAt} withTime />
                    {line.updatedByName ? `, ${line.updatedByName}` : null}
                  </>
                ) : null,
            }
          : false,
      ]}
    />
  );
}

type PageData = { instantieName: string; planningRates: PlanningRates; year: number; lines: BudgetLine[] };

function BudgetsPage({
  data,
  yearForm = emptyForm,
  form,
  notice,
}: {
  data: PageData;
  yearForm?: FormState;
  form: FormState;
  notice?: string | null;
}) {
  const t = useT(supportText);
  const euros = useEuros();
  const name = useProvisionName();
  const year = String(data.year);
  const shownErrors = Object.keys(form.errors).length > 0 ? form : yearForm;
  return (
    <Layout title={t('budgetsTitle')} hasErrors={Object.keys(shownErrors.errors).length > 0}>
      <ErrorSummary form={shownErrors} />
      {notice ? <Notice type="ok">{notice}</Notice> : null}
      <Heading>{t('budgetsTitle')}</Heading>
      <Paragraph lead>{t('budgetsIntro', { instantie: data.instantieName })}</Paragraph>
      <Paragraph>{t('budgetsTerms')}</Paragraph>
      <Paragraph>
        {t('planningNote', {
          jobcoach: euros(data.planningRates.jobcoachHourEuros),
          loonwaardebepaling: euros(data.planningRates.loonwaardebepalingEuros),
        })}
      </Paragraph>

      <Section id="overzicht" title={t('overviewTitle', { year })}>
        <BudgetTable lines={data.lines} year={data.year} withChanges />
      </Section>

      <Section id="ander-jaar" title={t('yearFormTitle')} level={3}>
        <form method="get" action={budgetsPath} noValidate>
          <TextField
            form={yearForm.values.jaar === undefined ? { ...yearForm, values: { jaar: year } } : yearForm}
            name="jaar"
            label={t('fieldYear')}
            inputMode="numeric"
            width="xs"
          />
          <SubmitButton secondary>{t('showYear')}</SubmitButton>
        </form>
      </Section>

      <Section id="vastleggen" title={t('setTitle', { year })}>
        <Form action={budgetsPath}>
          <input type="hidden" name="year" value={year} />
          {provisions.map((provision) => (
            <TextField
              key={provision}
              form={form}
              name={provision}
              label={name(provision)}
              hint={t('hintBudget')}
              inputMode="numeric"
              width="s"
              optional
            />
          ))}
          <SubmitButton>{t('saveBudgets')}</SubmitButton>
        </Form>
      </Section>

      <ProvisionExplanations id="soorten" />
    </Layout>
  );
}

/** The form as first shown: the budgets that are set, empty where none is. */
function formFor(lines: BudgetLine[]): FormState {
  return {
    values: Object.fromEntries(lines.map((line) => [line.provision, line.budgetEuros === null ? '' : String(line.budgetEuros)])),
    errors: {},
  };
}

function beheerderOf(request: FastifyRequest, reply: FastifyReply): { actor: Actor; instantieId: string } | null {
  const actor = requirePageRole(request, reply, 'beheerder');
  if (!actor) return null;
  const instantieId = staffInstantie(actor, 'beheerder');
  if (!instantieId) {
    sendPage(request, reply, <ErrorPage status={403} />, 403);
    return null;
  }
  return { actor, instantieId };
}

async function loadPage(deps: AppDeps, instantieId: string, year: number): Promise<PageData> {
  const [instantie, lines] = await Promise.all([getInstantie(deps.db, instantieId), budgetLines(deps.db, instantieId, year)]);
  return {
    instantieName: instantie?.name ?? instantieId,
    planningRates: instantie?.settings.planningRates ?? defaultPlanningRates,
    year,
    lines,
  };
}

/** The beheerder's budgets per provision per year, with what is committed, spent and left; and the form to set them. */
export function registerBudgetPage(app: FastifyInstance, deps: AppDeps): void {
  app.get(budgetsPath, async (request, reply) => {
    const beheerder = beheerderOf(request, reply);
    if (!beheerder) return reply;
    const query = request.query as Record<string, unknown>;
    const asked = typeof query.jaar === 'string' ? query.jaar.trim() : undefined;
    const parsed = asked === undefined || asked === '' ? null : yearField.safeParse(asked);
    const year = parsed?.success ? parsed.data : budgetYear();
    const data = await loadPage(deps, beheerder.instantieId, year);
    if (parsed && !parsed.success) {
      const yearForm = { values: { jaar: asked!.slice(0, 20) }, errors: { jaar: yearMessage } };
      return sendPage(request, reply, <BudgetsPage data={data} yearForm={yearForm} form={formFor(data.lines)} />, 400);
    }
    const notice = query.opgeslagen === '1' ? translator(supportText, request.locale)('savedNotice', { year: String(year) }) : null;
    return sendPage(request, reply, <BudgetsPage data={data} form={formFor(data.lines)} notice={notice} />);
  });

  app.post(budgetsPath, async (request, reply) => {
    const beheerder = beheerderOf(request, reply);
    if (!beheerder) return reply;
    const body = (request.body ?? {}) as Record<string, unknown>;
    const values = Object.fromEntries(provisions.map((provision) => [provision, field(body, provision)])) as Record<Provision, string>;
    const result = await setBudgets(deps.db, beheerder.actor, field(body, 'year'), values);
    if (result.ok) return reply.redirect(`${budgetsPath}?jaar=${result.value.year}&opgeslagen=1`, 303);
    if (result.reason !== 'invalid') return sendPage(request, reply, <ErrorPage status={403} />, 403);
    if (result.errors.year) return sendPage(request, reply, <ErrorPage status={400} />, 400);
    const year = Number(field(body, 'year'));
    const data = await loadPage(deps, beheerder.instantieId, year);
    const errors = Object.fromEntries(provisions.filter((p) => result.errors[p]).map((p) => [p, result.errors[p]!]));
    return sendPage(request, reply, <BudgetsPage data={data} form={{ values, errors }} />, 400);
  });
}
