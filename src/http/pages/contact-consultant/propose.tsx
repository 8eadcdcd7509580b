import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '#app/domain/accounts/actor.js';
import { mayActForInstantie } from '#app/domain/applications/access.js';
import { proposeCandidate } from '#app/domain/applications/commands.js';
import { openContactFor } from '#app/domain/applications/consultant-queries.js';
import { readCandidate } from '#app/domain/candidates/queries.js';
import { readVacancy } from '#app/domain/vacancies/queries.js';
import { ChoiceGroup, emptyForm, ErrorSummary, Form, SubmitButton, TextArea, type FormState } from '#app/ui/form.js';
import { useT } from '#app/ui/i18n.js';
import { Heading, Layout, Notice, Paragraph } from '#app/ui/layout.js';
import type { AppDeps } from '../../deps.js';
import { sendNotFound } from '../../guards.js';
import { sendPage } from '../../plugins/render.js';
import { ErrorPage } from '../error-page.js';
import { candidatePath, fullName } from '../consulent/parts.js';
import { consultantContactText } from './messages.js';
import { requireStaff } from './parts.js';
import { contactPath, proposePath } from './paths.js';

type ProposeData = {
  vacancyId: string;
  candidateId: string;
  candidateName: string;
  vacancyTitle: string;
  employerName: string;
  backHref: string;
  /** The open contact about this vacancy, when there is one already: then there is nothing to propose. */
  existing: string | null;
};

function ProposePage({ data, form, conflict }: { data: ProposeData; form: FormState; conflict?: string }) {
  const t = useT(consultantContactText);
  return (
    <Layout title={t('proposeTitle')} hasErrors={Object.keys(form.errors).length > 0}>
      <ErrorSummary form={form} />
      {conflict ? <Notice type="warning">{conflict}</Notice> : null}
      <Paragraph>
        <a className="utrecht-link" href={data.backHref}>
          {t('proposeCancel')}
        </a>
      </Paragraph>
      <Heading>{t('proposeTitle')}</Heading>
      <Paragraph lead>{t('proposeIntro', { name: data.candidateName, employer: data.employerName, vacancy: data.vacancyTitle })}</Paragraph>
      {data.existing ? (
        <>
          <Paragraph>{t('alreadyInContact')}</Paragraph>
          <Paragraph>
            <a className="utrecht-link" href={contactPath(data.existing)}>
              {t('toContact')}
            </a>
          </Paragraph>
        </>
      ) : (
        <Form action={proposePath(data.vacancyId, data.candidateId)}>
          <TextArea form={form} name="message" label={t('proposeMessage')} hint={t('proposeMessageHint')} rows={6} />
          <ChoiceGroup
            form={form}
            name="candidateAgrees"
            label={t('proposeAgreement')}
            options={[{ value: 'ja', label: t('proposeAgrees') }]}
            multiple
          />
          <SubmitButton>{t('proposeButton')}</SubmitButton>
        </Form>
      )}
    </Layout>
  );
}

type Params = { id: string; candidateId: string };

/**
 * What the form shows, or the status to answer: 404 for a candidate or vacancy the actor may not
 * see (a candidate of another instantie), 403 for staff who only read (the auditor).
 */
async function loadProposal(db: AppDeps['db'], actor: Actor, params: Params): Promise<ProposeData | 403 | 404> {
  const read = await readCandidate(db, actor, params.candidateId, 'consulent.voorstellen');
  if (!read || read === 'limit' || read.access.role === 'werkgever' || read.access.role === 'kandidaat') return 404;
  if (!mayActForInstantie(actor, read.candidate.instantie_id)) return 403;
  const vacancy = await readVacancy(db, actor, params.id);
  if (!vacancy) return 404;
  return {
    vacancyId: vacancy.vacancy.id,
    candidateId: read.candidate.id,
    candidateName: fullName(read.view),
    vacancyTitle: vacancy.vacancy.title,
    employerName: vacancy.vacancy.employerName,
    backHref: read.access.role === 'consulent' ? candidatePath(read.candidate.id) : `/vacatures/${vacancy.vacancy.id}`,
    existing: await openContactFor(db, read.candidate.id, vacancy.vacancy.id),
  };
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

export function registerProposePage(app: FastifyInstance, { db }: AppDeps): void {
  async function load(request: FastifyRequest, reply: FastifyReply): Promise<{ actor: Actor; data: ProposeData } | null> {
    const staff = requireStaff(request, reply);
    if (!staff) return null;
    const data = await loadProposal(db, staff.actor, request.params as Params);
    if (data === 404) {
      sendNotFound(request, reply);
      return null;
    }
    if (data === 403) {
      sendPage(request, reply, <ErrorPage status={403} />, 403);
      return null;
    }
    return { actor: staff.actor, data };
  }

  app.get(proposePath(':id', ':candidateId'), async (request, reply) => {
    const loaded = await load(request, reply);
    if (!loaded) return reply;
    return sendPage(request, reply, <ProposePage data={loaded.data} form={emptyForm} />);
  });

  app.post(proposePath(':id', ':candidateId'), async (request, reply) => {
    const loaded = await load(request, reply);
    if (!loaded) return reply;
    const { actor, data } = loaded;
    const body = (request.body ?? {}) as Record<string, unknown>;
    const agrees = body.candidateAgrees === 'ja';
    const values = { message: text(body.message), candidateAgrees: agrees ? 'ja' : undefined };
    const result = await proposeCandidate(db, actor, data.vacancyId, data.candidateId, {
      message: values.message,
      candidateAgrees: agrees || undefined,
    });
    if (result.ok) return reply.redirect(`${contactPath(result.value.id)}?gedaan=voorgesteld`, 303);
    if (result.reason === 'invalid')
      return sendPage(request, reply, <ProposePage data={data} form={{ values, errors: result.errors }} />, 400);
    if (result.reason === 'conflict')
      return sendPage(request, reply, <ProposePage data={data} form={{ values, errors: {} }} conflict={result.detail} />, 409);
    if (result.reason === 'forbidden') return sendPage(request, reply, <ErrorPage status={403} />, 403);
    return sendNotFound(request, reply);
  });
}
