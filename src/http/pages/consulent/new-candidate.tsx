import type { FastifyInstance } from 'fastify';
import { createCandidate } from '#app/domain/candidates/commands.js';
import { emptyForm, ErrorSummary, Form, SubmitButton, TextField, type FormState } from '#app/ui/form.js';
import { useT } from '#app/ui/i18n.js';
import { Heading, Layout, Paragraph } from '#app/ui/layout.js';
import type { AppDeps } from '../../deps.js';
import { requirePageRole } from '../../guards.js';
import { sendPage } from '../../plugins/render.js';
import { ErrorPage } from '../error-page.js';
import { consultant } from './messages.js';
import { candidatePath } from './parts.js';

const path = '/consulent/kandidaten/nieuw';

function NewCandidatePage({ form }: { form: FormState }) {
  const t = useT(consultant);
  return (
    <Layout title={t('newTitle')} hasErrors={Object.keys(form.errors).length > 0}>
      <ErrorSummary form={form} />
      <Heading>{t('newTitle')}</Heading>
      <Paragraph>{t('newIntro')}</Paragraph>
      <Form action={path}>
        <TextField form={form} name="firstName" label={t('firstName')} autoComplete="off" width="m" />
        <TextField form={form} name="lastName" label={t('lastName')} autoComplete="off" width="m" />
        <TextField form={form} name="email" type="email" label={t('email')} hint={t('emailHint')} autoComplete="off" optional />
        <div className="werkregie-actions">
          <SubmitButton>{t('createButton')}</SubmitButton>
          <a className="utrecht-link" href="/consulent">
            {t('cancel')}
          </a>
        </div>
      </Form>
    </Layout>
  );
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

export function registerNewCandidatePage(app: FastifyInstance, { db }: AppDeps): void {
  app.get(path, async (request, reply) => {
    if (!requirePageRole(request, reply, 'consulent')) return reply;
    return sendPage(request, reply, <NewCandidatePage form={emptyForm} />);
  });

  app.post(path, async (request, reply) => {
    const actor = requirePageRole(request, reply, 'consulent');
    if (!actor) return reply;
    const body = (request.body ?? {}) as Record<string, unknown>;
    const values = { firstName: text(body.firstName), lastName: text(body.lastName), email: text(body.email) };
    const result = await createCandidate(db, actor, values);
    if (result.ok) return reply.redirect(`${candidatePath(result.value.id)}?toegevoegd=1`, 303);
    if (result.reason === 'invalid') return sendPage(request, reply, <NewCandidatePage form={{ values, errors: result.errors }} />, 400);
    return sendPage(request, reply, <ErrorPage status={403} />, 403);
  });
}
