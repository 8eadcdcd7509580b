import type { FastifyInstance } from 'fastify';
import { registerEmployerAt } from '#app/domain/employers/commands.js';
import { ErrorSummary, Form, SubmitButton, TextField, type FormState } from '#app/ui/form.js';
import { useT } from '#app/ui/i18n.js';
import { Heading, Layout, Paragraph } from '#app/ui/layout.js';
import type { AppDeps } from '../../deps.js';
import { EmployerClaimFields } from '../employer-parts.js';
import { ErrorPage } from '../error-page.js';
import { sendPage } from '../../plugins/render.js';
import { blankToUndefined } from '../../validation.js';
import { management } from './messages.js';
import { employerPath, employersPath, field, managementContext } from './parts.js';

const newEmployerPath = `${employersPath}/nieuw`;
/** The fields in the order of the form, which is also the order of the error summary. */
const fields = [
  'kvkNumber',
  'name',
  'sector',
  'psoLevel',
  'psoEvidenceDate',
  'codeSocialeOndernemingen',
  'locationName',
  'locationPostcode',
] as const;

/** The one location on the form is the first of the employer's locations. */
const errorFieldFor: Record<string, string> = {
  'locations.0.name': 'locationName',
  'locations.0.postcode': 'locationPostcode',
  locations: 'locationName',
};

function NewEmployerPage({ form }: { form: FormState }) {
  const t = useT(management);
  return (
    <Layout title={t('newTitle')} hasErrors={Object.keys(form.errors).length > 0}>
      <ErrorSummary form={form} />
      <p className="utrecht-paragraph">
        <a className="utrecht-link" href={employersPath}>
          {t('backToList')}
        </a>
      </p>
      <Heading>{t('newTitle')}</Heading>
      <Paragraph>{t('newIntro')}</Paragraph>
      <Form action={newEmployerPath}>
        <TextField form={form} name="kvkNumber" label={t('fieldKvk')} hint={t('kvkHint')} inputMode="numeric" width="s" />
        <TextField form={form} name="name" label={t('fieldName')} autoComplete="organization" />
        <TextField form={form} name="sector" label={t('fieldSector')} hint={t('sectorHint')} width="m" />
        <EmployerClaimFields
          form={form}
          labels={{
            pso: t('fieldPso'),
            psoHint: t('psoHint'),
            psoDate: t('fieldPsoDate'),
            psoDateHint: t('psoDateHint'),
            cso: t('fieldCso'),
          }}
        />
        <h2 className="utrecht-heading-2">{t('locationTitle')}</h2>
        <Paragraph>{t('locationIntro')}</Paragraph>
        <TextField form={form} name="locationName" label={t('fieldLocationName')} hint={t('locationNameHint')} optional width="m" />
        <TextField
          form={form}
          name="locationPostcode"
          label={t('fieldLocationPostcode')}
          hint={t('postcodeHint')}
          optional
          autoComplete="postal-code"
          width="s"
        />
        <SubmitButton>{t('registerButton')}</SubmitButton>
      </Form>
    </Layout>
  );
}

export function registerNewEmployerPage(app: FastifyInstance, { db }: AppDeps): void {
  app.get(newEmployerPath, async (request, reply) => {
    const context = await managementContext(db, request, reply);
    if (!context) return reply;
    return sendPage(
      request,
      reply,
      <NewEmployerPage form={{ values: { psoLevel: 'geen', codeSocialeOndernemingen: 'nee' }, errors: {} }} />,
    );
  });

  app.post(newEmployerPath, async (request, reply) => {
    const context = await managementContext(db, request, reply);
    if (!context) return reply;
    const body = (request.body ?? {}) as Record<string, unknown>;
    const values = Object.fromEntries(fields.map((name) => [name, field(body, name)])) as Record<(typeof fields)[number], string>;
    const hasLocation = values.locationName.trim() !== '' || values.locationPostcode.trim() !== '';
    const result = await registerEmployerAt(db, context.actor, {
      name: values.name,
      // Blank means "not filled in", which has its own message.
      kvkNumber: blankToUndefined(values.kvkNumber),
      sector: values.sector,
      psoLevel: values.psoLevel,
      psoEvidenceDate: values.psoEvidenceDate,
      codeSocialeOndernemingen: values.codeSocialeOndernemingen,
      locations: hasLocation ? [{ name: values.locationName, postcode: values.locationPostcode }] : [],
    });
    if (result.ok) return reply.redirect(`${employerPath(result.employerId)}?melding=${result.outcome}`, 303);
    if (result.reason === 'forbidden') return sendPage(request, reply, <ErrorPage status={403} />, 403);
    const byField: Record<string, string> = {};
    for (const [key, message] of Object.entries(result.errors)) byField[errorFieldFor[key] ?? key] ??= message;
    const errors = Object.fromEntries(Object.entries(byField).sort(([a], [b]) => rank(a) - rank(b)));
    return sendPage(request, reply, <NewEmployerPage form={{ values, errors }} />, 400);
  });
}

const rank = (name: string) => ((fields as readonly string[]).includes(name) ? (fields as readonly string[]).indexOf(name) : fields.length);
