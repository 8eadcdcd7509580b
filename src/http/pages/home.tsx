import { fromNodeHeaders } from 'better-auth/node';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { loadActor, type Actor } from '#app/domain/accounts/actor.js';
import { ErrorSummary, Form, SubmitButton, TextField, type FormState } from '#app/ui/form.js';
import { useT } from '#app/ui/i18n.js';
import { Heading, Layout, Notice, Paragraph } from '#app/ui/layout.js';
import type { AppDeps } from '../deps.js';
import { safeReturnPath } from '../guards.js';
import { sendPage } from '../plugins/render.js';
import { parseInput } from '../validation.js';
import { general } from './messages.js';

function HomePage() {
  const t = useT(general);
  const blocks = [
    ['homeCandidate', 'homeCandidateText'],
    ['homeEmployer', 'homeEmployerText'],
    ['homeStaff', 'homeStaffText'],
  ] as const;
  return (
    <Layout title={t('homeTitle')}>
      <Heading>{t('homeTitle')}</Heading>
      <Paragraph lead>{t('homeIntro')}</Paragraph>
      {blocks.map(([title, text]) => (
        <section key={title} className="werkregie-card">
          <Heading level={2}>{t(title)}</Heading>
          <Paragraph>{t(text)}</Paragraph>
        </section>
      ))}
      <Paragraph>
        <a className="utrecht-link" href="/inloggen">
          {t('loginButton')}
        </a>
      </Paragraph>
    </Layout>
  );
}

function LoginPage({ form, returnTo, notice }: { form: FormState; returnTo: string | null; notice?: 'loggedOut' | 'passwordSet' }) {
  const t = useT(general);
  return (
    <Layout title={t('loginTitle')} hasErrors={Object.keys(form.errors).length > 0}>
      <ErrorSummary form={form} />
      {notice ? <Notice type="ok">{t(notice)}</Notice> : null}
      <Heading>{t('loginTitle')}</Heading>
      <Paragraph>{t('loginIntro')}</Paragraph>
      <Form action={returnTo ? `/inloggen?terug=${encodeURIComponent(returnTo)}` : '/inloggen'}>
        <TextField form={form} name="email" type="email" label={t('email')} autoComplete="username" />
        <TextField form={form} name="password" type="password" label={t('password')} autoComplete="current-password" />
        <SubmitButton>{t('loginButton')}</SubmitButton>
      </Form>
    </Layout>
  );
}

/** Where each role starts after logging in. */
export function homeFor(actor: Actor): string {
  const roles = new Set(actor.memberships.map((m) => m.role));
  if (roles.has('consulent')) return '/consulent';
  if (roles.has('beheerder')) return '/beheer/werkgevers';
  if (roles.has('werkgever')) return '/werkgever';
  if (roles.has('kandidaat')) return '/kandidaat';
  return '/';
}

const loginSchema = z.object({
  email: z.string({ error: 'Vul je e-mailadres en wachtwoord in.' }).trim().min(1, 'Vul je e-mailadres en wachtwoord in.'),
  password: z.string({ error: 'Vul je e-mailadres en wachtwoord in.' }).min(1, 'Vul je e-mailadres en wachtwoord in.'),
});

export function registerHomePages(app: FastifyInstance, { auth, db }: AppDeps): void {
  app.get('/', async (request, reply) => sendPage(request, reply, <HomePage />));

  app.get('/inloggen', async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    if (request.actor) return reply.redirect(safeReturnPath(query.terug) ?? homeFor(request.actor), 303);
    return sendPage(
      request,
      reply,
      <LoginPage
        form={{ values: {}, errors: {} }}
        returnTo={safeReturnPath(query.terug)}
        notice={query.uitgelogd === '1' ? 'loggedOut' : query.wachtwoord === '1' ? 'passwordSet' : undefined}
      />,
    );
  });

  app.post('/inloggen', async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const returnTo = safeReturnPath((request.query as Record<string, unknown>).terug);
    const values = { email: typeof body.email === 'string' ? body.email : '' };
    const parsed = parseInput(loginSchema, body);
    const fail = (message: string) =>
      sendPage(request, reply, <LoginPage form={{ values, errors: { email: message } }} returnTo={returnTo} />, 400);
    if (!parsed.ok) return fail('Vul je e-mailadres en wachtwoord in.');
    const response = await auth.api.signInEmail({
      body: { email: parsed.value.email, password: parsed.value.password },
      headers: fromNodeHeaders(request.headers),
      asResponse: true,
    });
    if (!response.ok) return fail('Dit e-mailadres of wachtwoord klopt niet.');
    for (const cookie of response.headers.getSetCookie()) reply.header('set-cookie', cookie);
    const { user } = (await response.json()) as { user: { id: string } };
    const actor = await loadActor(db, user.id);
    return reply.redirect(returnTo ?? (actor ? homeFor(actor) : '/'), 303);
  });

  app.post('/uitloggen', async (request, reply) => {
    const response = await auth.api.signOut({ headers: fromNodeHeaders(request.headers), asResponse: true });
    for (const cookie of response.headers.getSetCookie()) reply.header('set-cookie', cookie);
    return reply.redirect('/inloggen?uitgelogd=1', 303);
  });
}
