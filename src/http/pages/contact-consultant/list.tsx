import type { FastifyInstance } from 'fastify';
import { hasRole } from '#app/domain/accounts/actor.js';
import { mayActForInstantie } from '#app/domain/applications/access.js';
import { caseloadContacts, contactsToDo, instantieContacts, type ContactList } from '#app/domain/applications/consultant-queries.js';
import { countText, useT } from '#app/ui/i18n.js';
import { Heading, Layout, Pagination, Paragraph } from '#app/ui/layout.js';
import { Section } from '#app/ui/section.js';
import type { AppDeps } from '../../deps.js';
import { sendPage } from '../../plugins/render.js';
import { listHref, pageParam } from '../../query-params.js';
import { consultantContactText } from './messages.js';
import { candidateNames, ContactTable, requireStaff, type CandidateNames } from './parts.js';
import { contactsPath } from './paths.js';

/** The to-do list and the caseload's contacts are shown whole up to this many; more is a sign to act. */
const listLimit = 100;
const pageSize = 25;

type PageData = {
  toDo: ContactList;
  /** Null for staff without a caseload of their own (beheerder, auditor). */
  mine: ContactList | null;
  others: ContactList;
  page: number;
  names: CandidateNames;
  mayAct: boolean;
};

function LimitedTable({ list, caption, empty, names }: { list: ContactList; caption: string; empty: string; names: CandidateNames }) {
  const t = useT(consultantContactText);
  if (list.total === 0) return <Paragraph>{empty}</Paragraph>;
  return (
    <>
      <Paragraph>
        {list.total > list.items.length
          ? t('firstShown', { shown: list.items.length, total: list.total })
          : countText(t, list.total, 'contactCountOne', 'contactCount')}
      </Paragraph>
      <ContactTable caption={caption} rows={list.items} names={names} />
    </>
  );
}

function ContactsPage({ toDo, mine, others, page, names, mayAct }: PageData) {
  const t = useT(consultantContactText);
  return (
    <Layout title={t('listTitle')}>
      <Heading>{t('listTitle')}</Heading>
      <Paragraph lead>{t('listIntro')}</Paragraph>
      {mayAct ? null : <Paragraph>{t('readOnly')}</Paragraph>}
      <Section id="te-doen" title={t('todoTitle')}>
        <Paragraph>{t('todoIntro')}</Paragraph>
        <LimitedTable list={toDo} caption={t('todoCaption')} empty={t('todoNone')} names={names} />
      </Section>
      {mine ? (
        <Section id="mijn-kandidaten" title={t('mineTitle')}>
          <LimitedTable list={mine} caption={t('mineCaption')} empty={t('mineNone')} names={names} />
        </Section>
      ) : null}
      <Section id="organisatie" title={mine ? t('othersTitle') : t('openTitle')}>
        {others.total === 0 ? (
          <Paragraph>{mine ? t('othersNone') : t('openNone')}</Paragraph>
        ) : (
          <>
            <Paragraph>{countText(t, others.total, 'contactCountOne', 'contactCount')}</Paragraph>
            <ContactTable caption={t('othersCaption')} rows={others.items} names={names} />
            <Pagination page={page} pageSize={pageSize} total={others.total} href={(p) => `${listHref(contactsPath, p)}#organisatie`} />
          </>
        )}
      </Section>
    </Layout>
  );
}

export function registerContactListPage(app: FastifyInstance, { db }: AppDeps): void {
  app.get(contactsPath, async (request, reply) => {
    const staff = requireStaff(request, reply);
    if (!staff) return reply;
    const { actor, instantieIds } = staff;
    const page = pageParam((request.query as Record<string, unknown>).pagina);
    const toDo = await contactsToDo(db, instantieIds, listLimit);
    const mine = hasRole(actor, 'consulent') ? await caseloadContacts(db, instantieIds, actor.userId, listLimit) : null;
    const others = await instantieContacts(db, instantieIds, actor.userId, { page, pageSize });
    const names = await candidateNames(db, actor, [...toDo.items, ...(mine?.items ?? []), ...others.items], 'consulent.contacten');
    const mayAct = instantieIds.some((id) => mayActForInstantie(actor, id));
    return sendPage(request, reply, <ContactsPage toDo={toDo} mine={mine} others={others} page={page} names={names} mayAct={mayAct} />);
  });
}
