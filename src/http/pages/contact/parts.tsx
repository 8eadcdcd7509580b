import type { FastifyReply, FastifyRequest } from 'fastify';
import { isShielded, type ApplicationMessage, type ApplicationRow } from '#app/domain/applications/access.js';
import type { ContactSide } from '#app/domain/applications/queries.js';
import { isOpen } from '#app/domain/applications/states.js';
import { DateText } from '#app/ui/dates.js';
import { translateError } from '#app/ui/error-messages.js';
import { Form, SubmitButton, TextArea, type FormState } from '#app/ui/form.js';
import { useLocale, useT } from '#app/ui/i18n.js';
import { Notice, Paragraph } from '#app/ui/layout.js';
import { Section } from '#app/ui/section.js';
import { sendNotFound } from '../../guards.js';
import { sendPage } from '../../plugins/render.js';
import { ErrorPage } from '../error-page.js';
import { Paragraphs } from '../vacatures/parts.js';
import { contactText, type ContactTextKey } from './messages.js';

/** The pieces both sides' contact pages share: the state in words, the conversation, the write form, notices. */

export const candidateContactsPath = '/kandidaat/contacten';
export const employerContactsPath = '/werkgever/contacten';
export const contactsPageSize = 20;

type Row = Pick<ApplicationRow, 'state' | 'invitation' | 'started_by' | 'closed_by' | 'closed_reason' | 'decline_told_at'> &
  Pick<ApplicationRow, 'candidate_regie_level' | 'candidate_user_id'>;

/** How a contact stands, in one sentence for the reader's side. */
export function stateKey(side: ContactSide, application: Row): ContactTextKey {
  const { state, invitation, started_by: startedBy, closed_by: closedBy } = application;
  const c = side === 'candidate';
  if (isOpen(state) && invitation === 'with_candidate') return c ? 'cState_invited' : 'eState_invited';
  if (isOpen(state) && invitation === 'with_consultant') return c ? 'cState_new' : 'eState_withConsultant';
  switch (state) {
    case 'new':
      if (startedBy === 'candidate') return c ? 'cState_interest' : 'eState_interest';
      if (startedBy === 'consultant') return c ? 'cState_proposed' : 'eState_proposed';
      if (startedBy === 'waiting_list') return c ? 'cState_waitingList' : 'eState_waitingList';
      return c ? 'cState_new' : 'eState_new';
    case 'in_conversation':
      return c ? 'cState_talking' : 'eState_talking';
    case 'offer':
      return c ? 'cState_offer' : 'eState_offer';
    case 'placed':
      return c ? 'cState_placed' : 'eState_placed';
    case 'declined':
      if (closedBy === 'candidate') return c ? 'cState_declinedByYou' : 'eState_declinedByCandidate';
      if (closedBy === 'consultant') return c ? 'cState_declinedByConsultant' : 'eState_declinedByConsultant';
      return c ? 'cState_declinedByEmployer' : 'eState_declinedByYou';
    case 'withdrawn':
      if (closedBy === 'candidate') return c ? 'cState_withdrawnByYou' : 'eState_withdrawnByCandidate';
      if (closedBy === 'employer') return c ? 'cState_invitationWithdrawn' : 'eState_withdrawnByYou';
      if (closedBy === 'consultant') return c ? 'cState_withdrawnByConsultant' : 'eState_withdrawnByConsultant';
      return c ? 'cState_placedElsewhere' : 'eState_placedElsewhere';
    case 'expired':
      return c ? 'cState_expired' : 'eState_expired';
  }
}

export function StateText({ side, application }: { side: ContactSide; application: Row }) {
  const t = useT(contactText);
  return <>{t(stateKey(side, application))}</>;
}

/** Who said the words a person closed with, as the reader's side says it; null for the system's own closing. */
const reasonIntro: Record<ContactSide, Record<string, ContactTextKey>> = {
  candidate: { employer: 'reasonByEmployerToCandidate', candidate: 'reasonByYouCandidate', consultant: 'reasonByConsultantToCandidate' },
  employer: { employer: 'reasonByYouEmployer', candidate: 'reasonByCandidateToEmployer', consultant: 'reasonByConsultantToEmployer' },
};

/**
 * Why a contact closed, in the words of the person who closed it. A shielded candidate ('begeleid')
 * never reads the employer's bare no: until their consultant has talked it through they read that
 * the consultant will contact them.
 */
export function ClosedWords({ side, application }: { side: ContactSide; application: Row }) {
  const t = useT(contactText);
  if (isOpen(application.state) || application.state === 'placed') return null;
  if (application.state === 'expired') return side === 'candidate' ? <Paragraph>{t('expiredAgain')}</Paragraph> : null;
  const byEmployer = application.closed_by === 'employer';
  if (side === 'candidate' && byEmployer && isShielded(application)) {
    if (application.decline_told_at === null) return <Paragraph>{t('shieldedDecline')}</Paragraph>;
  }
  const intro = application.closed_by ? reasonIntro[side][application.closed_by] : undefined;
  if (!intro || !application.closed_reason) return null;
  return (
    <>
      {side === 'candidate' && byEmployer && isShielded(application) ? <Paragraph>{t('toldDecline')}</Paragraph> : null}
      <Paragraph>{t(intro)}</Paragraph>
      <blockquote className="werkregie-card">
        <Paragraphs text={application.closed_reason} />
      </blockquote>
    </>
  );
}

/** The conversation of a contact, oldest first, each message with who wrote it and when. */
export function Conversation({
  side,
  messages,
  employerName,
  candidateName,
}: {
  side: ContactSide;
  messages: readonly ApplicationMessage[];
  employerName: string;
  /** How the employer's page names the candidate (their name once shown, else the pseudonym). */
  candidateName?: string;
}) {
  const t = useT(contactText);
  const author = (message: ApplicationMessage): string => {
    if (message.author_role === 'employer') return side === 'employer' ? t('authorEmployerYou', { employer: employerName }) : employerName;
    if (message.author_role === 'candidate') return side === 'candidate' ? t('authorYou') : (candidateName ?? t('authorCandidate'));
    return side === 'candidate' ? t('authorYourConsultant') : t('authorConsultant');
  };
  return (
    <Section id="gesprek" title={t('conversationTitle')}>
      {messages.length === 0 ? (
        <Paragraph>{side === 'candidate' ? t('conversationEmpty') : t('conversationEmptyEmployer')}</Paragraph>
      ) : (
        messages.map((message) => (
          <article key={message.id} className="werkregie-card">
            <p className="utrecht-paragraph">
              <strong>{author(message)}</strong> · <DateText value={message.created_at} withTime />
            </p>
            <Paragraphs text={message.body} />
          </article>
        ))
      )}
    </Section>
  );
}

/** The form to write in the conversation, or why one cannot (yet). */
export function WriteForm({
  side,
  application,
  allowed,
  action,
  form,
}: {
  side: ContactSide;
  application: Row;
  allowed: boolean;
  action: string;
  form: FormState;
}) {
  const t = useT(contactText);
  const employer = side === 'employer';
  if (!allowed) {
    const waiting = isOpen(application.state) && application.invitation !== null && application.invitation !== 'accepted';
    if (waiting) return <Paragraph>{employer ? t('writeAfterAnswerEmployer') : t('writeAfterAnswer')}</Paragraph>;
    return <Paragraph>{employer ? t('writeClosedEmployer') : t('writeClosed')}</Paragraph>;
  }
  return (
    <Section id="schrijven" title={employer ? t('writeTitleEmployer') : t('writeTitle')}>
      <Form action={action}>
        <input type="hidden" name="actie" value="bericht" />
        <TextArea
          form={form}
          name="bericht"
          label={employer ? t('writeFieldEmployer') : t('writeField')}
          hint={employer ? t('writeHintEmployer') : t('writeHint')}
          rows={4}
        />
        <SubmitButton>{t('writeButton')}</SubmitButton>
      </Form>
    </Section>
  );
}

/** The "done" notice after a step (post/redirect/get): `?klaar=` names it; anything else shows nothing. */
export function DoneNotice({ done, keys }: { done: string | null; keys: Readonly<Record<string, ContactTextKey>> }) {
  const t = useT(contactText);
  const key = done && Object.hasOwn(keys, done) ? keys[done] : undefined;
  return key ? <Notice type="ok">{t(key)}</Notice> : null;
}

/** A conflict the domain explained (in Dutch; English from the error catalog): the state changed meanwhile. */
export function ConflictNotice({ detail }: { detail: string | null }) {
  const locale = useLocale();
  return detail ? <Notice type="warning">{translateError(detail, locale)}</Notice> : null;
}

export const doneParam = (request: FastifyRequest): string | null => {
  const value = (request.query as Record<string, unknown> | undefined)?.klaar;
  return typeof value === 'string' ? value : null;
};

export const bodyOf = (request: FastifyRequest): Record<string, unknown> => (request.body ?? {}) as Record<string, unknown>;
export const textOf = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** A command refused the actor: 403 when they may see the contact but not do this, else "not found". */
export function refused(request: FastifyRequest, reply: FastifyReply, reason: 'forbidden' | 'not_found'): FastifyReply {
  return reason === 'forbidden' ? sendPage(request, reply, <ErrorPage status={403} />, 403) : sendNotFound(request, reply);
}

/** The domain's field errors under the form's own field names (`names`: domain name → form name). */
export function formErrors(errors: Record<string, string>, names: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([field, message]) => [names[field] ?? field, message]));
}
