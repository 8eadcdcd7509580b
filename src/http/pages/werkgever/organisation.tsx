import type { FastifyInstance } from 'fastify';
import { updateEmployer } from '#app/domain/employers/commands.js';
import { employersOfActor, type EmployerDetails } from '#app/domain/employers/queries.js';
import { employerCategories } from '#app/domain/employers/rules.js';
import { ErrorSummary, Form, SubmitButton, TextField, type FormState } from '#app/ui/form.js';
import { useFormatDate } from '#app/ui/dates.js';
import { useT } from '#app/ui/i18n.js';
import { Heading, Layout, Notice, Paragraph } from '#app/ui/layout.js';
import { DataTable } from '#app/ui/table.js';
import { Section } from '#app/ui/section.js';
import type { AppDeps } from '../../deps.js';
import { requirePageRole, sendNotFound } from '../../guards.js';
import { sendPage } from '../../plugins/render.js';
import { EmployerClaimFields, useEmployerLabels } from '../employer-parts.js';
import { criteriaSearchText } from '../matching/criteria-messages.js';
import { employerCriteriaSearchPath } from '../matching/paths.js';
import { employerText } from './messages.js';

export const organisationPath = '/werkgever';
const editPath = '/werkgever/organisatie';

function Row({ term, value }: { term: string; value: string }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function Organisation({ employer, single }: { employer: EmployerDetails; single: boolean }) {
  const t = useT(employerText);
  const terms = useEmployerLabels();
  const date = useFormatDate();
  const level = single ? 2 : 3;
  const id = (name: string) => `${name}-${employer.id}`;
  return (
    <>
      <Section id={id('gegevens')} title={t('detailsTitle')} level={level}>
        <dl className="werkregie-definitions">
          <Row term={t('name')} value={employer.name} />
          <Row term={t('kvk')} value={employer.kvkNumber} />
          <Row term={t('sector')} value={employer.sector} />
          <Row term={t('pso')} value={terms.pso(employer.psoLevel)} />
          <Row term={t('psoDate')} value={employer.psoEvidenceDate ? date(employer.psoEvidenceDate) : t('unknown')} />
          <Row term={t('cso')} value={employer.codeSocialeOndernemingen ? t('yes') : t('no')} />
        </dl>
        <p className="utrecht-paragraph">
          <a className="utrecht-link" href={single ? editPath : `${editPath}?id=${employer.id}`}>
            {t('editLink', { name: employer.name })}
          </a>
        </p>
      </Section>

      <Section id={id('vestigingen')} title={t('locationsTitle')} level={level}>
        {employer.locations.length === 0 ? (
          <Paragraph>{t('noLocations')}</Paragraph>
        ) : (
          <DataTable
            caption={t('locationsCaption', { name: employer.name })}
            rows={employer.locations}
            rowKey={(location) => location.id}
            columns={[
              { header: t('locationName'), cell: (location) => location.name },
              { header: t('locationPostcode'), cell: (location) => location.postcode },
            ]}
          />
        )}
      </Section>

      <Section id={id('categorie')} title={t('categoriesTitle')} level={level}>
        <Paragraph>{t('categoriesIntro')}</Paragraph>
        {employer.categories.length === 0 ? (
          <Paragraph>{t('noCategories')}</Paragraph>
        ) : (
          <>
            <DataTable
              caption={t('categoriesCaption', { name: employer.name })}
              rows={employer.categories}
              rowKey={(category) => category.instantieId}
              columns={[
                { header: t('colInstantie'), cell: (category) => category.instantieName },
                { header: t('colCategory'), cell: (category) => terms.category(category.category) },
                { header: t('colSince'), cell: (category) => date(category.since) },
              ]}
            />
            <Paragraph>{t('otherInstanties')}</Paragraph>
          </>
        )}
      </Section>
    </>
  );
}

function OrganisationPage({ employers, saved }: { employers: EmployerDetails[]; saved: boolean }) {
  const t = useT(employerText);
  const c = useT(criteriaSearchText);
  const terms = useEmployerLabels();
  const single = employers.length === 1;
  return (
    <Layout title={t('title')}>
      <Heading>{t('title')}</Heading>
      {saved ? <Notice type="ok">{t('savedNotice')}</Notice> : null}
      {employers.length === 0 ? <Paragraph>{t('noEmployer')}</Paragraph> : <Paragraph lead>{t('intro')}</Paragraph>}
      {employers.length === 0 ? null : (
        <Paragraph>
          <a className="utrecht-link" href={employerCriteriaSearchPath}>
            {c('overviewLink')}
          </a>
        </Paragraph>
      )}
      {single ? (
        <Organisation employer={employers[0]!} single />
      ) : (
        employers.map((employer) => (
          <Section key={employer.id} id={`organisatie-${employer.id}`} title={employer.name}>
            <Organisation employer={employer} single={false} />
          </Section>
        ))
      )}
      <Section id="uitleg" title={t('explainTitle')} card>
        <dl className="werkregie-definitions">
          {employerCategories.map((category) => (
            <Row key={category} term={terms.category(category)} value={t(`explain_${category}`)} />
          ))}
        </dl>
        <Paragraph>{t('explainMoves')}</Paragraph>
      </Section>
    </Layout>
  );
}

/** Location rows as the form shows them: the index in the field names, and whether the row is new. */
type LocationRow = { index: number; isNew: boolean };

function EditOrganisationPage({
  employer,
  form,
  rows,
  action,
}: {
  employer: EmployerDetails;
  form: FormState;
  rows: LocationRow[];
  action: string;
}) {
  const t = useT(employerText);
  let number = 0;
  return (
    <Layout title={t('editTitle')} hasErrors={Object.keys(form.errors).length > 0}>
      <ErrorSummary form={form} />
      <p className="utrecht-paragraph">
        <a className="utrecht-link" href={organisationPath}>
          {t('back')}
        </a>
      </p>
      <Heading>{t('editTitle')}</Heading>
      <Paragraph>{t('editIntro')}</Paragraph>
      <Form action={action}>
        <TextField form={form} name="name" label={t('fieldName')} autoComplete="organization" />
        <Paragraph>{t('kvkFixed', { kvk: employer.kvkNumber })}</Paragraph>
        <TextField form={form} name="sector" label={t('fieldSector')} hint={t('sectorHint')} />

        <h2 className="utrecht-heading-2">{t('claimsTitle')}</h2>
        <Paragraph>{t('claimsIntro')}</Paragraph>
        <EmployerClaimFields
          form={form}
          labels={{ pso: t('fieldPso'), psoHint: t('psoHint'), psoDate: t('fieldPsoDate'), cso: t('fieldCso') }}
        />

        <h2 className="utrecht-heading-2">{t('locationsTitle')}</h2>
        <Paragraph>{t('locationsIntro')}</Paragraph>
        {rows.map((row) => {
          const prefix = `locations.${row.index}`;
          const legend = row.isNew ? t('newLocationLegend') : t('locationLegend', { number: ++number });
          return (
            <fieldset key={row.index} className="utrecht-form-fieldset werkregie-card">
              <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{legend}</legend>
              {row.isNew ? null : <input type="hidden" name={`${prefix}.id`} value={String(form.values[`${prefix}.id`] ?? '')} />}
              <TextField
                form={form}
                name={`${prefix}.name`}
                label={t('fieldLocationName')}
                hint={t('locationNameHint')}
                optional={row.isNew}
              />
              <TextField
                form={form}
                name={`${prefix}.postcode`}
                label={t('fieldLocationPostcode')}
                hint={t('postcodeHint')}
                optional={row.isNew}
                width="s"
              />
            </fieldset>
          );
        })}
        <SubmitButton>{t('save')}</SubmitButton>
      </Form>
    </Layout>
  );
}

function formFromEmployer(employer: EmployerDetails): { form: FormState; rows: LocationRow[] } {
  const values: FormState['values'] = {
    name: employer.name,
    sector: employer.sector,
    psoLevel: employer.psoLevel,
    psoEvidenceDate: employer.psoEvidenceDate ?? '',
    codeSocialeOndernemingen: employer.codeSocialeOndernemingen ? 'ja' : 'nee',
  };
  employer.locations.forEach((location, index) => {
    values[`locations.${index}.id`] = location.id;
    values[`locations.${index}.name`] = location.name;
    values[`locations.${index}.postcode`] = location.postcode;
  });
  const rows = [...employer.locations.map((_, index) => ({ index, isNew: false })), { index: employer.locations.length, isNew: true }];
  return { form: { values, errors: {} }, rows };
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/**
 * Reads the flat form fields (`locations.0.name`) into the command's input. Rows left empty are
 * dropped; `indexOf` maps the position in the input back to the row, for the error messages.
 */
function readForm(body: unknown) {
  const fields = (body ?? {}) as Record<string, unknown>;
  const values: FormState['values'] = {};
  for (const name of ['name', 'sector', 'psoLevel', 'psoEvidenceDate', 'codeSocialeOndernemingen']) values[name] = text(fields[name]);
  const indexes = [...new Set(Object.keys(fields).flatMap((key) => /^locations\.(\d{1,2})\.(id|name|postcode)$/.exec(key)?.[1] ?? []))]
    .map(Number)
    .sort((a, b) => a - b);
  const rows: LocationRow[] = [];
  const locations: { id?: string; name: string; postcode: string }[] = [];
  const indexOf: number[] = [];
  for (const index of indexes) {
    const [id, name, postcode] = (['id', 'name', 'postcode'] as const).map((part) => text(fields[`locations.${index}.${part}`]));
    values[`locations.${index}.id`] = id;
    values[`locations.${index}.name`] = name;
    values[`locations.${index}.postcode`] = postcode;
    rows.push({ index, isNew: !id });
    if (name!.trim() === '' && postcode!.trim() === '') continue;
    locations.push({ ...(id ? { id } : {}), name: name!, postcode: postcode! });
    indexOf.push(index);
  }
  const input = { ...values, locations };
  for (const key of Object.keys(input)) if (key.startsWith('locations.')) delete (input as Record<string, unknown>)[key];
  return { input, values, rows, indexOf };
}

export function registerEmployerPages(app: FastifyInstance, { db }: AppDeps): void {
  app.get(organisationPath, async (request, reply) => {
    const actor = requirePageRole(request, reply, 'werkgever');
    if (!actor) return reply;
    const employers = await employersOfActor(db, actor);
    const saved = (request.query as Record<string, unknown>).opgeslagen === '1';
    return sendPage(request, reply, <OrganisationPage employers={employers} saved={saved} />);
  });

  /** The organisation asked for (?id=…), or the only one; null when it is not the actor's. */
  const chosen = (employers: EmployerDetails[], query: unknown) => {
    const id = (query as Record<string, unknown>).id;
    return typeof id === 'string' ? (employers.find((e) => e.id === id) ?? null) : employers.length === 1 ? employers[0]! : null;
  };
  const actionFor = (employers: EmployerDetails[], employer: EmployerDetails) =>
    employers.length === 1 ? editPath : `${editPath}?id=${employer.id}`;

  app.get(editPath, async (request, reply) => {
    const actor = requirePageRole(request, reply, 'werkgever');
    if (!actor) return reply;
    const employers = await employersOfActor(db, actor);
    const employer = chosen(employers, request.query);
    if (!employer) return employers.length > 1 ? reply.redirect(organisationPath, 303) : sendNotFound(request, reply);
    const { form, rows } = formFromEmployer(employer);
    return sendPage(
      request,
      reply,
      <EditOrganisationPage employer={employer} form={form} rows={rows} action={actionFor(employers, employer)} />,
    );
  });

  app.post(editPath, async (request, reply) => {
    const actor = requirePageRole(request, reply, 'werkgever');
    if (!actor) return reply;
    const employers = await employersOfActor(db, actor);
    const employer = chosen(employers, request.query);
    if (!employer) return sendNotFound(request, reply);
    const { input, values, rows, indexOf } = readForm(request.body);
    const result = await updateEmployer(db, actor, employer.id, input);
    if (result.ok) return reply.redirect(`${organisationPath}?opgeslagen=1`, 303);
    if (result.reason === 'not_found') return sendNotFound(request, reply);
    const errors = Object.fromEntries(
      Object.entries(result.errors).map(([key, message]) => [
        key.replace(/^locations\.(\d+)/, (_, i: string) => `locations.${indexOf[Number(i)] ?? i}`),
        message,
      ]),
    );
    if (!rows.some((row) => row.isNew)) rows.push({ index: (rows.at(-1)?.index ?? -1) + 1, isNew: true });
    return sendPage(
      request,
      reply,
      <EditOrganisationPage employer={employer} form={{ values, errors }} rows={rows} action={actionFor(employers, employer)} />,
      400,
    );
  });
}
