import type { FastifyInstance } from 'fastify';
import { userNames } from '#app/domain/accounts/names.js';
import type { ApplicationRow } from '#app/domain/applications/access.js';
import { contactsOfCandidate } from '#app/domain/applications/consultant-queries.js';
import { activeConsent, candidateHistory, type CandidateEvent } from '#app/domain/candidates/history.js';
import { labelsOf } from '#app/domain/candidates/presenter.js';
import { readCandidate, type CandidateRead } from '#app/domain/candidates/queries.js';
import {
  defaultAvailabilityWeeks,
  fieldGroupNames,
  fieldGroups,
  normaliseVisibility,
  type FieldGroup,
} from '#app/domain/candidates/rules.js';
import { getInstantie } from '#app/domain/instanties/queries.js';
import { accessLogFor } from '#app/domain/privacy/access-log.js';
import { DateText, formatDate } from '#app/ui/dates.js';
import { Form, SubmitButton } from '#app/ui/form.js';
import { useLocale, useT } from '#app/ui/i18n.js';
import { Heading, Layout, Notice, Paragraph } from '#app/ui/layout.js';
import { DataTable } from '#app/ui/table.js';
import { Section } from '#app/ui/section.js';
import type { AppDeps } from '../../deps.js';
import { requirePageRole, sendNotFound } from '../../guards.js';
import { sendPage } from '../../plugins/render.js';
import { profileText } from '../profile/messages.js';
import { CandidateLoginBlock, LoginProblemNotice } from '../password.js';
import { ProfileSections, SavedNotice } from '../profile/summary.js';
import { matchListText } from '../matching/list-messages.js';
import { consultantSavedSearchesPath, consultantVacanciesPath } from '../matching/paths.js';
import { savedSearchText } from '../matching/saved-search-messages.js';
import { CandidateContacts, candidateContactsLimit } from '../contact-consultant/candidate-contacts.js';
import { consultant } from './messages.js';
import { AvailabilityText, candidatePath, fullName, useCodeLabel } from './parts.js';

const accessLogLimit = 50;
const historyLimit = 50;

type AccessRow = Awaited<ReturnType<typeof accessLogFor>>[number];
type Notices = { added: boolean; saved: unknown; login: unknown };
type PageData = {
  read: CandidateRead;
  consentSince: Date | null;
  weeks: number;
  accessLog: AccessRow[];
  history: CandidateEvent[];
  names: Map<string, string>;
  notices: Notices;
  contacts: ApplicationRow[];
};

/** The groups of fields one access-log row covers, in the order of the visibility page. */
function groupsIn(fields: readonly string[]): FieldGroup[] {
  return fieldGroupNames.filter((group) => fieldGroups[group].some((field) => fields.includes(field)));
}

function useEventLabel() {
  const t = useT(consultant);
  const profileLabel = useCodeLabel(profileText);
  return (event: CandidateEvent): string => {
    const section = /^profile\.(\w+)\.updated$/.exec(event.action)?.[1];
    if (section) return t('event_section', { section: profileLabel('section', section) });
    const known: Record<string, Parameters<typeof t>[0]> = {
      'candidate.created': 'event_created',
      'visibility.changed': 'event_visibility',
      'consent.given': 'event_consentGiven',
      'consent.withdrawn': 'event_consentWithdrawn',
      'availability.confirmed': 'event_availability',
      'availability.reminder_before': 'event_reminderBefore',
      'availability.reminder_expired': 'event_reminderExpired',
      'availability.consultant_notified': 'event_consultantNotified',
      'saved_search.created': 'event_savedSearchCreated',
      'saved_search.updated': 'event_savedSearchUpdated',
      'saved_search.deleted': 'event_savedSearchDeleted',
      'saved_search.alerted': 'event_savedSearchAlerted',
    };
    const key = known[event.action];
    return key ? t(key) : event.action;
  };
}

function AvailabilityBlock({ read, weeks }: { read: CandidateRead; weeks: number }) {
  const t = useT(consultant);
  const base = candidatePath(read.view.id);
  return (
    <Section id="kop-beschikbaarheid" title={t('availabilityHeading')} card>
      <Paragraph>
        <AvailabilityText view={read.view} />
      </Paragraph>
      <Paragraph>{t('availabilityExplain', { weeks })}</Paragraph>
      <Form action={`${base}/beschikbaarheid/bevestigen`}>
        <SubmitButton>{t('confirmAvailability')}</SubmitButton>
      </Form>
    </Section>
  );
}

function ConsentAndVisibility({ read, consentSince }: { read: CandidateRead; consentSince: Date | null }) {
  const t = useT(consultant);
  const locale = useLocale();
  const label = useCodeLabel(consultant);
  const profileLabel = useCodeLabel(profileText);
  const visibility = normaliseVisibility(read.candidate.visibility);
  return (
    <Section id="kop-zichtbaarheid" title={t('visibilityHeading')} card>
      <h3 className="utrecht-heading-3">{t('consentHeading')}</h3>
      <Paragraph>
        <strong>{consentSince ? t('consentSince', { date: formatDate(consentSince, locale) }) : t('consentNo')}</strong>{' '}
        {consentSince ? t('consentGiven') : t('consentMissing')}
      </Paragraph>
      <h3 className="utrecht-heading-3">{t('whoSeesWhat')}</h3>
      <Paragraph>{t('visibilityText')}</Paragraph>
      <dl className="werkregie-definitions">
        {fieldGroupNames.map((group) => (
          <div key={group}>
            <dt>{profileLabel('groupShort', group)}</dt>
            <dd>{label('level', visibility[group])}</dd>
          </div>
        ))}
      </dl>
      <Paragraph>{read.candidate.anonymous ? t('anonymousYes') : t('anonymousNo')}</Paragraph>
      <Paragraph>
        <a className="utrecht-link" href={`${candidatePath(read.view.id)}/zichtbaarheid`}>
          {t('toVisibility')}
        </a>
      </Paragraph>
    </Section>
  );
}

function AccessLog({ rows, names }: { rows: AccessRow[]; names: Map<string, string> }) {
  const t = useT(consultant);
  const label = useCodeLabel(consultant);
  const profileLabel = useCodeLabel(profileText);
  const fieldsText = (fields: readonly string[]) => {
    const groups = groupsIn(fields);
    return groups.length === fieldGroupNames.length
      ? t('wholeProfile')
      : groups.map((group) => profileLabel('groupShort', group)).join(', ');
  };
  return (
    <Section id="kop-inzage" title={t('accessHeading')}>
      {rows.length === 0 ? (
        <Paragraph>{t('accessNone')}</Paragraph>
      ) : (
        <>
          <Paragraph>{t('accessIntro', { count: rows.length })}</Paragraph>
          <DataTable
            caption={t('accessCaption')}
            hiddenCaption
            contained
            rows={rows}
            rowKey={(row) => String(row.id)}
            columns={[
              { header: t('colWhen'), cell: (row) => <DateText value={row.at} withTime /> },
              { header: t('colWho'), cell: (row) => names.get(row.viewer_user_id) ?? t('unknownUser') },
              { header: t('colRole'), cell: (row) => label('role', row.viewer_role) },
              { header: t('colFields'), cell: (row) => fieldsText(row.fields) },
            ]}
          />
        </>
      )}
    </Section>
  );
}

function History({ events, names }: { events: CandidateEvent[]; names: Map<string, string> }) {
  const t = useT(consultant);
  const label = useEventLabel();
  return (
    <Section id="kop-geschiedenis" title={t('historyHeading')}>
      {events.length === 0 ? (
        <Paragraph>{t('historyNone')}</Paragraph>
      ) : (
        <>
          <Paragraph>{t('historyIntro')}</Paragraph>
          <DataTable
            caption={t('historyCaption')}
            hiddenCaption
            contained
            rows={events}
            rowKey={(event) => String(event.id)}
            columns={[
              { header: t('colWhen'), cell: (event) => <DateText value={event.at} withTime /> },
              {
                header: t('colWho'),
                cell: (event) => (event.actor_user_id ? (names.get(event.actor_user_id) ?? t('unknownUser')) : t('systemUser')),
              },
              { header: t('colWhat'), cell: (event) => label(event) },
            ]}
          />
        </>
      )}
    </Section>
  );
}

function CandidatePage({ read, consentSince, weeks, accessLog, history, names, notices, contacts }: PageData) {
  const t = useT(consultant);
  const m = useT(matchListText);
  const s = useT(savedSearchText);
  const name = fullName(read.view);
  return (
    <Layout title={name}>
      {notices.added ? <Notice type="ok">{t('created')}</Notice> : null}
      {/* The shared notice speaks to the candidate; a confirmation by the consultant gets its own words. */}
      {notices.saved === 'beschikbaarheid-bevestigd' ? <Notice type="ok">{t('confirmed')}</Notice> : <SavedNotice value={notices.saved} />}
      <Paragraph>
        <a className="utrecht-link" href="/consulent">
          {t('backToCaseload')}
        </a>
      </Paragraph>
      <LoginProblemNotice value={notices.login} />
      <Heading>{name}</Heading>
      <Paragraph lead>
        {t('colPseudonym')}: {read.view.pseudonym}
      </Paragraph>
      <Paragraph>{t('candidateIntro')}</Paragraph>
      <ul className="utrecht-unordered-list">
        <li className="utrecht-unordered-list__item">
          <a className="utrecht-link" href={consultantVacanciesPath(read.view.id)}>
            {m('linkCandidateVacancies')}
          </a>
        </li>
        <li className="utrecht-unordered-list__item">
          <a className="utrecht-link" href={consultantSavedSearchesPath(read.view.id)}>
            {s('toSavedSearchesConsultant')}
          </a>
        </li>
      </ul>
      <AvailabilityBlock read={read} weeks={weeks} />
      <CandidateContacts candidateId={read.view.id} rows={contacts} />
      <ConsentAndVisibility read={read} consentSince={consentSince} />
      <CandidateLoginBlock candidateId={read.candidate.id} email={read.candidate.email} hasAccount={read.candidate.user_id !== null} />
      <Section id="kop-profiel" title={t('profileHeading')}>
        <ProfileSections
          candidate={read.candidate}
          labels={labelsOf(read.view)}
          basePath={candidatePath(read.view.id)}
          editor="consulent"
          headingLevel={3}
        />
      </Section>
      <AccessLog rows={accessLog} names={names} />
      <History events={history} names={names} />
    </Layout>
  );
}

export function registerCandidatePage(app: FastifyInstance, { db }: AppDeps): void {
  app.get('/consulent/kandidaten/:id', async (request, reply) => {
    const actor = requirePageRole(request, reply, 'consulent');
    if (!actor) return reply;
    const read = await readCandidate(db, actor, (request.params as { id: string }).id, 'consulent.kandidaat');
    // Only as the consultant of the candidate's own instantie; anything else looks like "not there".
    if (!read || read === 'limit' || read.access.role !== 'consulent') return sendNotFound(request, reply);
    const id = read.candidate.id;
    const [consent, instantie, accessLog, history] = [
      await activeConsent(db, id),
      await getInstantie(db, read.candidate.instantie_id),
      await accessLogFor(db, id, accessLogLimit),
      await candidateHistory(db, id, historyLimit),
    ];
    const names = await userNames(db, [...accessLog.map((row) => row.viewer_user_id), ...history.map((event) => event.actor_user_id)]);
    const query = request.query as Record<string, unknown>;
    return sendPage(
      request,
      reply,
      <CandidatePage
        read={read}
        consentSince={consent?.givenAt ?? null}
        weeks={instantie?.settings.availabilityWeeks ?? defaultAvailabilityWeeks}
        accessLog={accessLog}
        history={history}
        names={names}
        notices={{ added: query.toegevoegd === '1', saved: query.opgeslagen, login: query.inloggen }}
        contacts={await contactsOfCandidate(db, id, candidateContactsLimit)}
      />,
    );
  });
}
