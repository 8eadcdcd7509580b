import type { FastifyInstance } from 'fastify';
import type { EmployerCategory } from '#app/db/schema.js';
import {
  defaultSettings,
  fieldRange,
  flagPercent,
  numberKnobs,
  saveSettings,
  settingsVersion,
  type NumberField,
} from '#app/domain/instanties/commands.js';
import { getInstantie, settingsHistory, type SettingsChange } from '#app/domain/instanties/queries.js';
import type { InstantieSettings } from '#app/domain/instanties/settings.js';
import { employerCategories } from '#app/domain/employers/rules.js';
import { DateText } from '#app/ui/dates.js';
import { translateError } from '#app/ui/error-messages.js';
import { ChoiceGroup, ErrorSummary, Form, SubmitButton, TextArea, TextField, type FormState } from '#app/ui/form.js';
import { translator, useLocale, useT } from '#app/ui/i18n.js';
import { Heading, Layout, Notice, Paragraph } from '#app/ui/layout.js';
import { common } from '#app/ui/messages.js';
import { Section } from '#app/ui/section.js';
import { DataTable } from '#app/ui/table.js';
import type { AppDeps } from '../../deps.js';
import { sendPage } from '../../plugins/render.js';
import { asList } from '../../validation.js';
import { useEmployerLabels } from '../employer-parts.js';
import { ErrorPage } from '../error-page.js';
import { management, settingsText } from './messages.js';
import { employersPath, field, managementContext, type ManagementContext } from './parts.js';

/** Where a beheerder sets the policy knobs of their instantie (src/domain/instanties/commands.ts, decision 024). */
export const settingsPath = '/beheer/instellingen';

type ChoiceField = 'expiredProfiles' | 'poolSearch';
type FormField = NumberField | ChoiceField;
/** The message key of a field: "dailyProfileViews.preferred" is "dailyProfileViews_preferred". */
type Keyed<S extends string> = S extends `${infer A}.${infer B}` ? `${A}_${B}` : S;
const keyOf = <F extends FormField>(name: F) => name.replace('.', '_') as Keyed<F>;

/** The sections of the form and their fields, in order. */
const groups = [
  { id: 'beschikbaarheid', fields: ['availabilityWeeks', 'availabilityReminderDays', 'expiredProfiles'] },
  { id: 'zoeken', fields: ['poolSearch'] },
  {
    id: 'inzage',
    fields: ['dailyProfileViews.preferred', 'dailyProfileViews.committed', 'dailyProfileViews.business_as_usual', 'flagAtPercent'],
  },
  { id: 'contacten', fields: ['applicationExpiryDays'] },
  {
    id: 'plaatsingen',
    fields: ['committedStartWorkingDays', 'trialPlacementMonths.standard', 'trialPlacementMonths.extended', 'placementEndNoticeDays'],
  },
  {
    id: 'ondersteuning',
    fields: ['supportDueWorkingDays', 'planningRates.jobcoachHourEuros', 'planningRates.loonwaardebepalingEuros'],
  },
] as const satisfies readonly { id: string; fields: readonly FormField[] }[];

/** The order of the error summary: "nothing changed" first, then the fields as the form shows them. */
const fieldOrder: string[] = ['settings', ...groups.flatMap((group) => group.fields), 'reason'];
const numberFields: NumberField[] = ['flagAtPercent', ...numberKnobs];

const valueAt = (settings: InstantieSettings, name: NumberField): number =>
  name === 'flagAtPercent'
    ? flagPercent(settings)
    : (name.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], settings) as number);

function NumberInput({ form, name }: { form: FormState; name: NumberField }) {
  const t = useT(settingsText);
  const { min, max } = fieldRange(name);
  const hint = `${t(`what_${keyOf(name)}`)} ${t('rangeHint', { default: valueAt(defaultSettings, name), min, max })}`;
  return <TextField form={form} name={name} label={t(`label_${keyOf(name)}`)} hint={hint} inputMode="numeric" width="xs" />;
}

function SettingField({ form, name }: { form: FormState; name: FormField }) {
  const t = useT(settingsText);
  const category = useEmployerLabels().category;
  if (name === 'poolSearch')
    return (
      <ChoiceGroup
        form={form}
        name={name}
        label={t('label_poolSearch')}
        hint={t('what_poolSearch')}
        options={employerCategories.map((value) => ({ value, label: category(value) }))}
        multiple
      />
    );
  if (name === 'expiredProfiles')
    return (
      <ChoiceGroup
        form={form}
        name={name}
        label={t('label_expiredProfiles')}
        hint={t('what_expiredProfiles')}
        options={(['last', 'hidden'] as const).map((value) => ({ value, label: t(`expired_${value}`) }))}
      />
    );
  return <NumberInput form={form} name={name} />;
}

/** "Nothing changed" is about the form as a whole: it is shown above the first section, where the error summary links to. */
function FormError({ form }: { form: FormState }) {
  const c = useT(common);
  const locale = useLocale();
  const error = form.errors.settings;
  return (
    <div id="veld-settings" tabIndex={-1}>
      {error ? (
        <p className="utrecht-form-field-error-message">
          <span className="werkregie-visually-hidden">{c('errorPrefix')}: </span>
          {translateError(error, locale)}
        </p>
      ) : null}
    </div>
  );
}

/** One change as a sentence: "Dagen tot een contact verloopt: van 60 naar 45". */
function useChangeText(): (path: string, change: { old: unknown; new: unknown }) => string {
  const t = useT(settingsText);
  const category = useEmployerLabels().category;
  return (path, change) => {
    const pool = /^poolSearch\.(.+)$/.exec(path)?.[1];
    const show = (value: unknown): string => {
      if (pool) return value ? t('mayYes') : t('mayNo');
      if (path === 'expiredProfiles' && (value === 'last' || value === 'hidden')) return t(`expired_${value}`);
      if (path === 'flagAtFraction' && typeof value === 'number') return t('percent', { percent: Math.round(value * 100) });
      return value === null || value === undefined ? t('unknown') : String(value);
    };
    const label =
      pool && (employerCategories as readonly string[]).includes(pool)
        ? t('poolSearchChange', { category: category(pool as EmployerCategory) })
        : path === 'flagAtFraction'
          ? t('label_flagAtPercent')
          : path === 'expiredProfiles' || (numberKnobs as readonly string[]).includes(path)
            ? t(`label_${keyOf(path as NumberField | 'expiredProfiles')}`)
            : path;
    return t('changeLine', { label, old: show(change.old), new: show(change.new) });
  };
}

const historyLimit = 50;

function History({ history }: { history: SettingsChange[] }) {
  const t = useT(settingsText);
  const changeText = useChangeText();
  return (
    <Section id="geschiedenis" title={t('historyTitle')}>
      {history.length === 0 ? (
        <Paragraph>{t('noHistory')}</Paragraph>
      ) : (
        <>
          {history.length === historyLimit ? <Paragraph>{t('historyLimit', { count: historyLimit })}</Paragraph> : null}
          <DataTable
            caption={t('historyCaption')}
            hiddenCaption
            rows={history}
            rowKey={(change) => change.id}
            columns={[
              { header: t('colDate'), rowHeader: true, cell: (change) => <DateText value={change.at} withTime /> },
              { header: t('colBy'), cell: (change) => change.byName ?? t('unknown') },
              { header: t('colReason'), cell: (change) => change.reason },
              {
                header: t('colChanges'),
                cell: (change) => (
                  <ul className="utrecht-unordered-list">
                    {Object.entries(change.changes).map(([path, values]) => (
                      <li key={path} className="utrecht-unordered-list__item">
                        {changeText(path, values)}
                      </li>
                    ))}
                  </ul>
                ),
              },
            ]}
          />
        </>
      )}
    </Section>
  );
}

function SettingsPage({
  context,
  history,
  form,
  notice,
}: {
  context: ManagementContext;
  history: SettingsChange[];
  form: FormState;
  notice: { type: 'ok' | 'warning'; text: string } | null;
}) {
  const t = useT(settingsText);
  const tm = useT(management);
  return (
    <Layout title={t('settingsTitle')} hasErrors={Object.keys(form.errors).length > 0}>
      <ErrorSummary form={form} />
      {notice ? <Notice type={notice.type}>{notice.text}</Notice> : null}
      <p className="utrecht-paragraph">
        <a className="utrecht-link" href={employersPath}>
          {tm('backToList')}
        </a>
      </p>
      <Heading>{t('settingsTitle')}</Heading>
      <Paragraph lead>{t('settingsIntro', { instantie: context.instantie.name })}</Paragraph>
      <Paragraph>{t('settingsHowTo')}</Paragraph>

      <Form action={settingsPath}>
        <input type="hidden" name="basedOn" value={String(form.values.basedOn ?? '')} />
        <FormError form={form} />
        {groups.map((group) => (
          <Section key={group.id} id={group.id} title={t(`group_${group.id}`)}>
            <Paragraph>{t(`groupIntro_${group.id}`)}</Paragraph>
            {group.fields.map((name) => (
              <SettingField key={name} form={form} name={name} />
            ))}
          </Section>
        ))}
        <TextArea form={form} name="reason" label={t('fieldReason')} hint={t('reasonHint')} rows={3} />
        <SubmitButton>{t('saveButton')}</SubmitButton>
      </Form>

      <History history={history} />
    </Layout>
  );
}

/** The form filled with the settings in force, based on their version. */
function formFor(settings: InstantieSettings, reason = ''): FormState {
  return {
    values: {
      ...Object.fromEntries(numberFields.map((name) => [name, String(valueAt(settings, name))])),
      poolSearch: employerCategories.filter((category) => settings.poolSearch[category]),
      expiredProfiles: settings.expiredProfiles,
      reason,
      basedOn: settingsVersion(settings),
    },
    errors: {},
  };
}

/** The errors in the order of the form. */
function ordered(errors: Record<string, string>): Record<string, string> {
  const rank = (name: string) => (fieldOrder.includes(name) ? fieldOrder.indexOf(name) : fieldOrder.length);
  return Object.fromEntries(Object.entries(errors).sort(([a], [b]) => rank(a) - rank(b)));
}

export function registerSettingsPage(app: FastifyInstance, { db }: AppDeps): void {
  app.get(settingsPath, async (request, reply) => {
    const context = await managementContext(db, request, reply);
    if (!context) return reply;
    const history = await settingsHistory(db, context.instantie.id, historyLimit);
    const saved = (request.query as Record<string, unknown>).opgeslagen !== undefined;
    const notice = saved ? { type: 'ok' as const, text: translator(settingsText, request.locale)('settingsSaved') } : null;
    return sendPage(
      request,
      reply,
      <SettingsPage context={context} history={history} form={formFor(context.instantie.settings)} notice={notice} />,
    );
  });

  app.post(settingsPath, async (request, reply) => {
    const context = await managementContext(db, request, reply);
    if (!context) return reply;
    const body = (request.body ?? {}) as Record<string, unknown>;
    const values: FormState['values'] = {
      ...Object.fromEntries([...numberFields, 'expiredProfiles', 'reason', 'basedOn'].map((name) => [name, field(body, name)])),
      // Check boxes that are not ticked send nothing: no ticks means no employer may search.
      poolSearch: asList(body.poolSearch),
    };
    const result = await saveSettings(db, context.actor, context.instantie.id, values);
    if (result.ok) return reply.redirect(`${settingsPath}?opgeslagen=1`, 303);
    const history = () => settingsHistory(db, context.instantie.id, historyLimit);
    if (result.reason === 'invalid') {
      const form = { values, errors: ordered(result.errors) };
      return sendPage(request, reply, <SettingsPage context={context} history={await history()} form={form} notice={null} />, 400);
    }
    if (result.reason === 'conflict') {
      // Someone saved in between: show the settings as they are now, keep the reason typed.
      const current = (await getInstantie(db, context.instantie.id))?.settings ?? context.instantie.settings;
      const form = formFor(current, String(values.reason));
      const notice = { type: 'warning' as const, text: translateError(result.detail, request.locale) };
      return sendPage(request, reply, <SettingsPage context={context} history={await history()} form={form} notice={notice} />, 409);
    }
    // The page is about the beheerder's own instantie, so this does not happen.
    const status = result.reason === 'forbidden' ? 403 : 404;
    return sendPage(request, reply, <ErrorPage status={status} />, status);
  });
}
