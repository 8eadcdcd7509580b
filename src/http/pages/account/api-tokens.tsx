import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '#app/domain/accounts/actor.js';
import { createApiToken, listApiTokens, revokeApiToken, type ApiTokenSummary } from '#app/domain/accounts/api-tokens.js';
import { DateText } from '#app/ui/dates.js';
import { ErrorSummary, Form, SubmitButton, TextField, emptyForm, type FormState } from '#app/ui/form.js';
import { useT } from '#app/ui/i18n.js';
import { Heading, Layout, Notice, Paragraph } from '#app/ui/layout.js';
import { DataTable } from '#app/ui/table.js';
import { Section } from '#app/ui/section.js';
import type { AppDeps } from '../../deps.js';
import { requireSignedIn, sendNotFound } from '../../guards.js';
import { sendPage } from '../../plugins/render.js';
import { ErrorPage } from '../error-page.js';
import { account } from './messages.js';

const tokensPath = '/account/api-sleutels';

type Created = { name: string; token: string };

function ApiTokensPage({
  tokens,
  form,
  created,
  revoked,
}: {
  tokens: ApiTokenSummary[];
  form: FormState;
  created?: Created;
  revoked?: boolean;
}) {
  const t = useT(account);
  return (
    <Layout title={t('apiTitle')} hasErrors={Object.keys(form.errors).length > 0}>
      <ErrorSummary form={form} />
      {revoked ? <Notice type="ok">{t('revoked')}</Notice> : null}
      <Heading>{t('apiTitle')}</Heading>
      {created ? (
        <Section id="nieuwe-sleutel-titel" title={t('createdTitle')} card>
          <Notice type="warning">{t('createdText')}</Notice>
          <div className="utrecht-form-field">
            <div className="utrecht-form-field__label">
              <label className="utrecht-form-label" htmlFor="nieuwe-sleutel">
                {t('tokenLabel', { name: created.name })}
              </label>
            </div>
            <div className="utrecht-form-field__input">
              <input
                className="utrecht-textbox utrecht-textbox--html-input utrecht-textbox--read-only"
                id="nieuwe-sleutel"
                type="text"
                readOnly
                value={created.token}
                spellCheck={false}
                autoComplete="off"
              />
            </div>
          </div>
          <Paragraph>{t('howToUse')}</Paragraph>
        </Section>
      ) : null}
      <Paragraph lead>{t('apiIntro')}</Paragraph>
      <Paragraph>{t('apiWarning')}</Paragraph>

      <h2 className="utrecht-heading-2">{t('listTitle')}</h2>
      {tokens.length === 0 ? (
        <Paragraph>{t('noTokens')}</Paragraph>
      ) : (
        <DataTable
          caption={t('listCaption')}
          hiddenCaption
          rows={tokens}
          rowKey={(token) => token.id}
          columns={[
            { header: t('colName'), rowHeader: true, cell: (token) => token.name },
            { header: t('colCreated'), cell: (token) => <DateText value={token.createdAt} withTime /> },
            {
              header: t('colLastUsed'),
              cell: (token) => (token.lastUsedAt ? <DateText value={token.lastUsedAt} withTime /> : t('neverUsed')),
            },
            {
              header: t('colStatus'),
              cell: (token) =>
                token.revokedAt ? (
                  <>
                    {t('revokedOn')} <DateText value={token.revokedAt} withTime />
                  </>
                ) : (
                  t('active')
                ),
            },
            {
              header: t('colAction'),
              cell: (token) =>
                token.revokedAt ? null : (
                  <Form action={`${tokensPath}/${token.id}/intrekken`} className="werkregie-inline-form">
                    <SubmitButton secondary>
                      {t('revokeButton')}
                      <span className="werkregie-visually-hidden"> {t('revokeHidden', { name: token.name })}</span>
                    </SubmitButton>
                  </Form>
                ),
            },
          ]}
        />
      )}

      <h2 className="utrecht-heading-2">{t('createTitle')}</h2>
      <Form action={tokensPath}>
        <TextField form={form} name="name" label={t('fieldName')} hint={t('nameHint')} autoComplete="off" />
        <SubmitButton>{t('createButton')}</SubmitButton>
      </Form>
    </Layout>
  );
}

/**
 * Making and revoking keys needs a browser session: a leaked key must not be able to mint
 * new keys that outlive its own revocation.
 */
function requireSession(request: FastifyRequest, reply: FastifyReply): Actor | null {
  const actor = requireSignedIn(request, reply);
  if (actor && request.authenticatedBy !== 'session') {
    sendPage(request, reply, <ErrorPage status={403} />, 403);
    return null;
  }
  return actor;
}

export function registerApiTokenPages(app: FastifyInstance, { db }: AppDeps): void {
  app.get(tokensPath, async (request, reply) => {
    const actor = requireSignedIn(request, reply);
    if (!actor) return reply;
    const revoked = (request.query as Record<string, unknown>).ingetrokken === '1';
    return sendPage(request, reply, <ApiTokensPage tokens={await listApiTokens(db, actor)} form={emptyForm} revoked={revoked} />);
  });

  app.post(tokensPath, async (request, reply) => {
    const actor = requireSession(request, reply);
    if (!actor) return reply;
    const body = (request.body ?? {}) as Record<string, unknown>;
    const values = { name: typeof body.name === 'string' ? body.name : '' };
    const result = await createApiToken(db, actor, values);
    const tokens = await listApiTokens(db, actor);
    if (!result.ok) {
      return sendPage(
        request,
        reply,
        <ApiTokensPage tokens={tokens} form={{ values, errors: result.reason === 'invalid' ? result.errors : {} }} />,
        400,
      );
    }
    // The plain token exists only in this answer (never stored, never in a URL), so no redirect here.
    const created = { name: values.name.trim(), token: result.value.token };
    return sendPage(request, reply, <ApiTokensPage tokens={tokens} form={emptyForm} created={created} />, 201);
  });

  app.post(`${tokensPath}/:id/intrekken`, async (request, reply) => {
    const actor = requireSession(request, reply);
    if (!actor) return reply;
    const result = await revokeApiToken(db, actor, (request.params as { id: string }).id);
    if (!result.ok) return sendNotFound(request, reply);
    return reply.redirect(`${tokensPath}?ingetrokken=1`, 303);
  });
}
