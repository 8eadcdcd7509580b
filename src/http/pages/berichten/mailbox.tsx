import type { FastifyInstance } from 'fastify';
import { hasRole } from '#app/domain/accounts/actor.js';
import { composeMail, listOutbox, maxMailAttempts, type OutboxRow } from '#app/domain/notifications/outbox.js';
import { DateText } from '#app/ui/dates.js';
import { countText, useT } from '#app/ui/i18n.js';
import { Heading, Layout, Pagination, Paragraph } from '#app/ui/layout.js';
import type { AppDeps } from '../../deps.js';
import { requireSignedIn } from '../../guards.js';
import { sendPage } from '../../plugins/render.js';
import { listHref, pageParam } from '../../query-params.js';
import { messagesText } from './messages.js';

const mailboxPath = '/ontwikkeling/mailbox';
const pageSize = 20;

function Status({ row }: { row: OutboxRow }) {
  const t = useT(messagesText);
  if (row.sent_at)
    return (
      <>
        {t('statusSent')} <DateText value={row.sent_at} withTime />
      </>
    );
  if (row.attempts === 0) return <>{t('statusWaiting')}</>;
  const params = { attempts: row.attempts, error: row.last_error ?? '' };
  return <>{row.attempts >= maxMailAttempts ? t('statusGivenUp', params) : t('statusRetrying', params)}</>;
}

function MailCard({ row, baseUrl }: { row: OutboxRow; baseUrl: string }) {
  const t = useT(messagesText);
  // Exactly what the mail job sends (or would send) for this row.
  const mail = composeMail(row, baseUrl);
  const headingId = `mail-${row.id}`;
  return (
    <section aria-labelledby={headingId} className="werkregie-card">
      <h2 className="utrecht-heading-3" id={headingId}>
        {mail.subject}
      </h2>
      <dl className="werkregie-definitions">
        <dt>{t('to')}</dt>
        <dd>{mail.to}</dd>
        <dt>{t('createdAt')}</dt>
        <dd>
          <DateText value={row.created_at} withTime />
        </dd>
        <dt>{t('status')}</dt>
        <dd>
          <Status row={row} />
        </dd>
      </dl>
      <pre className="werkregie-mail-text">{mail.text}</pre>
      {row.link ? (
        <Paragraph>
          <a className="utrecht-link" href={row.link}>
            {t('mailLink')}
          </a>
        </Paragraph>
      ) : null}
    </section>
  );
}

function MailboxPage({
  rows,
  total,
  page,
  all,
  email,
  baseUrl,
}: {
  rows: OutboxRow[];
  total: number;
  page: number;
  all: boolean;
  email: string;
  baseUrl: string;
}) {
  const t = useT(messagesText);
  return (
    <Layout title={t('mailboxTitle')}>
      <Heading>{t('mailboxTitle')}</Heading>
      <Paragraph lead>{t('mailboxIntro')}</Paragraph>
      <Paragraph>{all ? t('mailboxAll') : t('mailboxOwn', { email })}</Paragraph>
      {total === 0 ? (
        <Paragraph>{t('mailboxNone')}</Paragraph>
      ) : (
        <>
          <Paragraph>{countText(t, total, 'mailboxCountOne', 'mailboxCount')}</Paragraph>
          {rows.map((row) => (
            <MailCard key={row.id} row={row} baseUrl={baseUrl} />
          ))}
        </>
      )}
      <Pagination page={page} pageSize={pageSize} total={total} href={(p) => listHref(mailboxPath, p)} />
    </Layout>
  );
}

/**
 * The outbox as a mailbox, for trying Werkregie without a mail server (docs/decisions/015-notifications-and-jobs.md).
 * In production the address does not exist. Elsewhere a signed-in person sees the mail to their
 * own address, a beheerder all mail.
 */
export function registerMailboxPage(app: FastifyInstance, { db, config }: AppDeps): void {
  if (config.production) return;
  app.get(mailboxPath, async (request, reply) => {
    const actor = requireSignedIn(request, reply);
    if (!actor) return reply;
    const page = pageParam((request.query as Record<string, unknown>).pagina);
    const all = hasRole(actor, 'beheerder');
    const { items, total } = await listOutbox(db, { to: all ? null : actor.email, page, pageSize });
    return sendPage(
      request,
      reply,
      <MailboxPage rows={items} total={total} page={page} all={all} email={actor.email} baseUrl={config.baseUrl} />,
    );
  });
}
