import type { FastifyInstance } from 'fastify';
import { renderNotification } from '#app/domain/notifications/kinds.js';
import { listNotifications, markNotificationRead, type NotificationRow } from '#app/domain/notifications/queries.js';
import { DateText } from '#app/ui/dates.js';
import { Form, SubmitButton } from '#app/ui/form.js';
import { countText, useLocale, useT } from '#app/ui/i18n.js';
import { Heading, Layout, Notice, Pagination, Paragraph } from '#app/ui/layout.js';
import { usePage } from '#app/ui/page-context.js';
import type { AppDeps } from '../../deps.js';
import { requireSignedIn, sendNotFound } from '../../guards.js';
import { sendPage } from '../../plugins/render.js';
import { listHref, pageParam } from '../../query-params.js';
import { registerMailboxPage } from './mailbox.js';
import { messagesText } from './messages.js';

const messagesPath = '/berichten';
const pageSize = 20;

function MessageCard({ notification }: { notification: NotificationRow }) {
  const t = useT(messagesText);
  const text = renderNotification(notification.kind, notification.params, useLocale());
  const headingId = `bericht-${notification.id}`;
  return (
    <section aria-labelledby={headingId} className="werkregie-card">
      <h2 className="utrecht-heading-3" id={headingId}>
        {notification.readAt ? null : <span className="werkregie-badge">{t('new')}</span>} {text.title}
      </h2>
      <Paragraph>
        {t('received')} <DateText value={notification.createdAt} withTime />
        {notification.readAt ? (
          <>
            {'. '}
            {t('readOn')} <DateText value={notification.readAt} withTime />
          </>
        ) : null}
      </Paragraph>
      <Paragraph>{text.body}</Paragraph>
      <div className="werkregie-actions">
        {notification.link ? (
          <a className="utrecht-link" href={notification.link}>
            {text.linkText}
          </a>
        ) : null}
        {notification.readAt ? null : (
          <Form action={`${messagesPath}/${notification.id}/gelezen`} className="werkregie-inline-form">
            <SubmitButton secondary>
              {t('markRead')}
              <span className="werkregie-visually-hidden">{t('markReadHidden', { title: text.title })}</span>
            </SubmitButton>
          </Form>
        )}
      </div>
    </section>
  );
}

function MessagesPage({ items, total, page, marked }: { items: NotificationRow[]; total: number; page: number; marked: boolean }) {
  const t = useT(messagesText);
  const unread = usePage().unreadNotifications ?? 0;
  return (
    <Layout title={t('title')}>
      {marked ? <Notice type="ok">{t('marked')}</Notice> : null}
      <Heading>{t('title')}</Heading>
      <Paragraph lead>{t('intro')}</Paragraph>
      {total === 0 ? (
        <Paragraph>{t('none')}</Paragraph>
      ) : (
        <>
          <Paragraph>{unread > 0 ? countText(t, unread, 'unreadCountOne', 'unreadCount') : t('unreadNone')}</Paragraph>
          {items.map((notification) => (
            <MessageCard key={notification.id} notification={notification} />
          ))}
        </>
      )}
      <Pagination page={page} pageSize={pageSize} total={total} href={(p) => listHref(messagesPath, p)} />
    </Layout>
  );
}

/** "Berichten": every signed-in person's own notifications, and the development mailbox beside it. */
export function registerNotificationPages(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;

  app.get(messagesPath, async (request, reply) => {
    const actor = requireSignedIn(request, reply);
    if (!actor) return reply;
    const query = request.query as Record<string, unknown>;
    const page = pageParam(query.pagina);
    const { items, total } = await listNotifications(db, actor.userId, { page, pageSize });
    return sendPage(request, reply, <MessagesPage items={items} total={total} page={page} marked={query.gelezen === '1'} />);
  });

  // Only one's own notification: another's is "not found", like an id that does not exist.
  app.post(`${messagesPath}/:id/gelezen`, async (request, reply) => {
    const actor = requireSignedIn(request, reply);
    if (!actor) return reply;
    const marked = await markNotificationRead(db, actor.userId, (request.params as { id: string }).id);
    if (!marked) return sendNotFound(request, reply);
    return reply.redirect(`${messagesPath}?gelezen=1`, 303);
  });

  registerMailboxPage(app, deps);
}
