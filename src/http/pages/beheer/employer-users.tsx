import type { FastifyInstance } from 'fastify';
import { employerAt } from '#app/domain/employers/at-instantie.js';
import { addEmployerUser, employerUsers, type EmployerUser } from '#app/domain/employers/employer-users.js';
import { ErrorSummary, Form, SubmitButton, TextField, emptyForm, type FormState } from '#app/ui/form.js';
import { useT } from '#app/ui/i18n.js';
import { Heading, Layout, Notice, Paragraph } from '#app/ui/layout.js';
import { DataTable } from '#app/ui/table.js';
import type { AppDeps } from '../../deps.js';
import { sendNotFound } from '../../guards.js';
import { sendPage } from '../../plugins/render.js';
import { management } from './messages.js';
import { employerPath, employersPath, field, managementContext } from './parts.js';

const usersPath = (id: string) => `${employerPath(id)}/gebruikers`;

function EmployerUsersPage({
  employer,
  users,
  form,
  added,
}: {
  employer: { id: string; name: string };
  users: EmployerUser[];
  form: FormState;
  added: 'nieuw' | 'bestaand' | null;
}) {
  const t = useT(management);
  const title = t('usersTitle', { employer: employer.name });
  return (
    <Layout title={title} hasErrors={Object.keys(form.errors).length > 0}>
      <ErrorSummary form={form} />
      {added ? <Notice type="ok">{t(`userAdded_${added}`)}</Notice> : null}
      <p className="utrecht-paragraph">
        <a className="utrecht-link" href={employerPath(employer.id)}>
          {t('backToEmployer', { employer: employer.name })}
        </a>
      </p>
      <Heading>{title}</Heading>
      <Paragraph>{t('usersIntro')}</Paragraph>
      {users.length === 0 ? (
        <Paragraph>{t('noUsers')}</Paragraph>
      ) : (
        <DataTable
          caption={t('usersCaption')}
          hiddenCaption
          rows={users}
          rowKey={(user) => user.userId}
          columns={[
            { header: t('fieldUserName'), cell: (user) => user.name },
            { header: t('colEmail'), cell: (user) => user.email },
          ]}
        />
      )}

      <h2 className="utrecht-heading-2">{t('addUserTitle')}</h2>
      <Paragraph>{t('addUserIntro')}</Paragraph>
      <Form action={usersPath(employer.id)}>
        <TextField form={form} name="name" label={t('fieldUserName')} autoComplete="off" />
        <TextField form={form} name="email" type="email" label={t('fieldEmail')} autoComplete="off" />
        <TextField
          form={form}
          name="password"
          type="password"
          label={t('fieldPassword')}
          hint={t('passwordHint')}
          autoComplete="new-password"
        />
        <SubmitButton>{t('addUserButton')}</SubmitButton>
      </Form>
    </Layout>
  );
}

export function registerEmployerUsersPage(app: FastifyInstance, { db, auth }: AppDeps): void {
  app.get(`${employersPath}/:id/gebruikers`, async (request, reply) => {
    const context = await managementContext(db, request, reply);
    if (!context) return reply;
    const employer = await employerAt(db, (request.params as { id: string }).id, context.instantie.id);
    if (!employer) return sendNotFound(request, reply);
    const shown = (request.query as Record<string, unknown>).toegevoegd;
    const added = shown === 'nieuw' || shown === 'bestaand' ? shown : null;
    return sendPage(
      request,
      reply,
      <EmployerUsersPage employer={employer} users={await employerUsers(db, employer.id)} form={emptyForm} added={added} />,
    );
  });

  app.post(`${employersPath}/:id/gebruikers`, async (request, reply) => {
    const context = await managementContext(db, request, reply);
    if (!context) return reply;
    const employer = await employerAt(db, (request.params as { id: string }).id, context.instantie.id);
    if (!employer) return sendNotFound(request, reply);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const input = { name: field(body, 'name'), email: field(body, 'email'), password: field(body, 'password') };
    const result = await addEmployerUser(db, auth, context.actor, employer.id, input);
    if (result.ok) return reply.redirect(`${usersPath(employer.id)}?toegevoegd=${result.existingAccount ? 'bestaand' : 'nieuw'}`, 303);
    if (result.reason === 'not_found') return sendNotFound(request, reply);
    // The password is never sent back to the browser.
    const form = { values: { name: input.name, email: input.email }, errors: result.errors };
    const users = await employerUsers(db, employer.id);
    return sendPage(request, reply, <EmployerUsersPage employer={employer} users={users} form={form} added={null} />, 400);
  });
}
