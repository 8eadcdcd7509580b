import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { createCandidatePasswordLink } from '#app/domain/accounts/password-link.js';
import { readCandidate } from '#app/domain/candidates/queries.js';
import { ErrorSummary, Form, SubmitButton, TextField, type FormState } from '#app/ui/form.js';
import { useLocale, useT } from '#app/ui/i18n.js';
import { Heading, Layout, Notice, Paragraph } from '#app/ui/layout.js';
import { Section } from '#app/ui/section.js';
import type { AppDeps } from '../deps.js';
import { requirePageRole, sendNotFound } from '../guards.js';
import { sendPage } from '../plugins/render.js';
import { parseInput } from '../validation.js';
import { passwordText } from './password-messages.js';

/** On the consultant's candidate page: can the candidate log in, and a button to make a password link. */
export function CandidateLoginBlock({
  candidateId,
  email,
  hasAccount,
}: {
  candidateId: string;
  email: string | null;
  hasAccount: boolean;
}) {
  const t = useT(passwordText);
  return (
    <Section id="kop-inloggen" title={t('loginHeading')} card>
      <Paragraph>{hasAccount ? t('loginHasAccount') : email ? t('loginNoAccount') : t('loginNeedsEmail')}</Paragraph>
      {email ? (
        <Form action={`/consulent/kandidaten/${candidateId}/wachtwoordlink`}>
          <SubmitButton secondary>{t('makeLink')}</SubmitButton>
        </Form>
      ) : null}
    </Section>
  );
}

/** Why no link could be made, after the redirect back to the candidate page. */
export function LoginProblemNotice({ value }: { value: unknown }) {
  const t = useT(passwordText);
  if (value === 'no_email') return <Notice type="warning">{t('loginNeedsEmail')}</Notice>;
  if (value === 'email_taken') return <Notice type="warning">{t('emailTaken')}</Notice>;
  return null;
}

function LinkPage({ link, email, validUntil, candidateId }: { link: string; email: string; validUntil: Date; candidateId: string }) {
  const t = useT(passwordText);
  const locale = useLocale();
  const date = validUntil.toLocaleString(locale === 'nl' ? 'nl-NL' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Amsterdam',
  });
  return (
    <Layout title={t('linkTitle')}>
      <Heading>{t('linkTitle')}</Heading>
      <Paragraph>{t('linkIntro')}</Paragraph>
      <p className="utrecht-paragraph werkregie-card">
        <code>{link}</code>
      </p>
      <Paragraph>{t('linkUsername', { email })}</Paragraph>
      <Paragraph>{t('linkValidUntil', { date })}</Paragraph>
      <Paragraph>
        <a className="utrecht-link" href={`/consulent/kandidaten/${candidateId}`}>
          {t('linkBack')}
        </a>
      </Paragraph>
    </Layout>
  );
}

function SetPasswordPage({ form, token, invalidLink }: { form: FormState; token: string; invalidLink?: boolean }) {
  const t = useT(passwordText);
  return (
    <Layout title={t('setTitle')} hasErrors={Object.keys(form.errors).length > 0}>
      <ErrorSummary form={form} />
      <Heading>{t('setTitle')}</Heading>
      {invalidLink ? (
        <Notice type="error">{t('invalidLink')}</Notice>
      ) : (
        <>
          <Paragraph>{t('setIntro')}</Paragraph>
          <Form action="/wachtwoord-instellen">
            <input type="hidden" name="token" value={token} />
            <TextField form={form} name="password" type="password" label={t('newPassword')} autoComplete="new-password" />
            <TextField form={form} name="repeat" type="password" label={t('repeatPassword')} autoComplete="new-password" />
            <SubmitButton>{t('save')}</SubmitButton>
          </Form>
        </>
      )}
    </Layout>
  );
}

const newPasswordSchema = z
  .object({
    token: z.string().min(1),
    password: z
      .string({ error: 'Kies een wachtwoord van minstens 10 tekens.' })
      .min(10, 'Kies een wachtwoord van minstens 10 tekens.')
      .max(128, 'Kies een wachtwoord van hoogstens 128 tekens.'),
    repeat: z.string({ error: 'Herhaal het wachtwoord.' }),
  })
  .refine((value) => value.password === value.repeat, { path: ['repeat'], message: 'De twee wachtwoorden zijn niet hetzelfde.' });

export function registerPasswordPages(app: FastifyInstance, { db, auth }: AppDeps): void {
  app.post('/consulent/kandidaten/:id/wachtwoordlink', async (request, reply) => {
    const actor = requirePageRole(request, reply, 'consulent');
    if (!actor) return reply;
    const id = (request.params as { id: string }).id;
    const result = await createCandidatePasswordLink(db, auth, actor, id);
    if (!result.ok && result.reason === 'not_found') return sendNotFound(request, reply);
    if (!result.ok) return reply.redirect(`/consulent/kandidaten/${id}?inloggen=${result.reason}`, 303);
    const read = await readCandidate(db, actor, id, 'consulent.wachtwoordlink');
    const link = `${request.protocol}://${request.host}/wachtwoord-instellen?token=${encodeURIComponent(result.token)}`;
    return sendPage(
      request,
      reply,
      <LinkPage
        link={link}
        email={(read && read !== 'limit' ? read.candidate.email : null) ?? ''}
        validUntil={result.validUntil}
        candidateId={id}
      />,
    );
  });

  app.get('/wachtwoord-instellen', async (request, reply) => {
    const token = (request.query as Record<string, unknown>).token;
    const valid = typeof token === 'string' && token.length > 0;
    return sendPage(
      request,
      reply,
      <SetPasswordPage form={{ values: {}, errors: {} }} token={valid ? token : ''} invalidLink={!valid} />,
      valid ? 200 : 400,
    );
  });

  app.post('/wachtwoord-instellen', async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const token = typeof body.token === 'string' ? body.token : '';
    const parsed = parseInput(newPasswordSchema, body);
    if (!parsed.ok)
      return sendPage(
        request,
        reply,
        <SetPasswordPage form={{ values: {}, errors: parsed.errors }} token={token} invalidLink={!token} />,
        400,
      );
    try {
      await auth.api.resetPassword({ body: { token: parsed.value.token, newPassword: parsed.value.password } });
    } catch {
      return sendPage(request, reply, <SetPasswordPage form={{ values: {}, errors: {} }} token="" invalidLink />, 400);
    }
    return reply.redirect('/inloggen?wachtwoord=1', 303);
  });
}
