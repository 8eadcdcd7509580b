import type { Provision } from '#app/db/schema.js';
import { countText, defineMessages, formatDate, translator, type Locale, type Translate } from '#app/i18n.js';

/**
 * The words of every notification, in the app and by e-mail. Dutch at B1 level ("je"), English beside it.
 * A new kind adds its texts here and a renderer below.
 */
export const notificationText = defineMessages({
  nl: {
    expiringTitle: 'Je beschikbaarheid verloopt op {date}',
    expiringBody:
      'Werkgevers zien tot {date} dat je beschikbaar bent voor werk. Zoek je nog werk? Bevestig dan je beschikbaarheid. Dat is één klik.',
    expiredTitle: 'Je beschikbaarheid is verlopen',
    expiredBody:
      'Je beschikbaarheid liep af op {date}. Werkgevers vinden je profiel nu minder snel. Zoek je nog werk? Bevestig dan je beschikbaarheid. Dat is één klik.',
    confirmLink: 'Bevestig je beschikbaarheid',
    summaryTitleOne: '1 kandidaat heeft een verlopen beschikbaarheid',
    summaryTitle: '{count} kandidaten hebben een verlopen beschikbaarheid',
    summaryBodyOne: 'Bij 1 kandidaat van jou is de beschikbaarheid verlopen. Vraag of de kandidaat nog werk zoekt, en bevestig het dan.',
    summaryBody: 'Bij {count} kandidaten van jou is de beschikbaarheid verlopen. Vraag of zij nog werk zoeken, en bevestig het dan.',
    summaryLink: 'Bekijk de kandidaten met een verlopen beschikbaarheid',
    newMatchesTitle: 'Nieuw werk voor je zoekopdracht "{name}"',
    newMatchesBodyOne: 'Er is deze week 1 nieuwe vacature die past bij je zoekopdracht "{name}".',
    newMatchesBody: 'Er zijn deze week {count} nieuwe vacatures die passen bij je zoekopdracht "{name}".',
    newMatchesLink: 'Bekijk je zoekopdrachten',
    interestTitle: 'Interesse in de vacature "{vacancyTitle}"',
    interestBody: 'Een kandidaat heeft interesse in de vacature "{vacancyTitle}". Bekijk het profiel en laat weten of u wilt praten.',
    contactLink: 'Bekijk het contact',
    consultantInvitationTitle: 'Uitnodiging voor een kandidaat van jou',
    consultantInvitationBody:
      '{employerName} nodigt een kandidaat van jou uit voor de vacature "{vacancyTitle}". Bespreek het met de kandidaat. Stuur de uitnodiging daarna door, of zeg vriendelijk nee.',
    invitationTitle: '{employerName} nodigt je uit',
    invitationBody: '{employerName} wil graag met je praten over het werk "{vacancyTitle}". Lees de uitnodiging en zeg ja of nee.',
    invitationLink: 'Lees de uitnodiging',
    proposedTitle: 'Een kandidaat voor "{vacancyTitle}"',
    proposedBody: 'De consulent stelt een kandidaat voor voor de vacature "{vacancyTitle}". De kandidaat weet ervan en vindt het goed.',
    proposedToYouTitle: 'Je consulent heeft je voorgesteld',
    proposedToYouBody: 'Je consulent heeft je voorgesteld voor het werk "{vacancyTitle}". De werkgever ziet nu je naam en je profiel.',
    acceptedTitle: 'De kandidaat wil graag praten',
    acceptedBody: 'De kandidaat zegt ja op uw uitnodiging voor "{vacancyTitle}". U ziet nu de naam. Stuur een bericht.',
    employerAcceptedTitle: 'De werkgever wil met je praten',
    employerAcceptedBody: 'De werkgever van het werk "{vacancyTitle}" wil graag met je praten. Lees de berichten.',
    messageTitle: 'Nieuw bericht over "{vacancyTitle}"',
    messageBody: 'Er is een nieuw bericht over "{vacancyTitle}".',
    messageLink: 'Lees het bericht',
    closedDeclinedTitle: 'Het contact over "{vacancyTitle}" is gestopt',
    closedDeclinedBody: 'Het contact over "{vacancyTitle}" is gestopt. Bij het contact staat waarom.',
    closedWithdrawnTitle: 'Het contact over "{vacancyTitle}" is ingetrokken',
    closedWithdrawnBody: 'Het contact over "{vacancyTitle}" is ingetrokken. Niemand hoeft nog iets te doen.',
    closedExpiredTitle: 'Het contact over "{vacancyTitle}" is verlopen',
    closedExpiredBody:
      'Er gebeurde lang niets in het contact over "{vacancyTitle}". Daarom is het gesloten. Je kunt altijd opnieuw contact zoeken.',
    closedPlacedTitle: 'Het contact over "{vacancyTitle}" is gesloten',
    closedPlacedBody: 'De kandidaat heeft werk gevonden. Daarom is het contact over "{vacancyTitle}" gesloten. Bedankt voor het meedenken.',
    placementRegisteredTitle: 'Plaatsing gestart bij {employerName}',
    placementRegisteredBody:
      '{employerName} heeft een kandidaat van jullie geplaatst voor "{vacancyTitle}". De plaatsing is meteen begonnen. Jullie kunnen hem later controleren.',
    placementAwaitingTitle: 'Plaatsing wacht op de instantie',
    placementAwaitingBody: '{employerName} wil een kandidaat van jullie plaatsen voor "{vacancyTitle}". Bekijk de afspraken en beslis.',
    placementAutoBody:
      '{employerName} wil een kandidaat van jullie plaatsen voor "{vacancyTitle}". Zonder bezwaar begint de plaatsing vanzelf op {date}.',
    placementLink: 'Bekijk de plaatsing',
    placementStartedTitle: 'De plaatsing voor "{vacancyTitle}" is begonnen',
    placementStartedBody: 'De plaatsing voor "{vacancyTitle}" is begonnen. Het werk start op {date}. Bekijk en bevestig de afspraken.',
    placementRejectedTitle: 'De plaatsing voor "{vacancyTitle}" gaat niet door',
    placementRejectedBody:
      'De instantie heeft de plaatsing voor "{vacancyTitle}" niet goedgekeurd. Bij de plaatsing staat waarom. Het gesprek kan verder.',
    placementEndedTitle: 'De plaatsing voor "{vacancyTitle}" is afgelopen',
    placementEndedBody: 'De plaatsing voor "{vacancyTitle}" is afgelopen. Bij de plaatsing staat hoe het verder gaat.',
    placementEndingTitle: 'De plaatsing voor "{vacancyTitle}" stopt op {date}',
    placementEndingBody:
      'De plaatsing voor "{vacancyTitle}" stopt op {date}. Praat met elkaar over hoe het ging. Schrijf daarna bij de plaatsing op hoe het verder gaat: een contract, een verlenging of stoppen.',
    placementOverdueTitle: 'De plaatsing voor "{vacancyTitle}" had op {date} moeten stoppen',
    placementOverdueBody:
      'De plaatsing voor "{vacancyTitle}" had op {date} moeten stoppen, maar staat nog open. Schrijf bij de plaatsing op hoe het verder gaat: een contract, een verlenging of stoppen.',
    support_loonwaardebepaling: 'een loonwaardebepaling',
    support_loonkostensubsidie: 'loonkostensubsidie',
    support_jobcoach: 'een jobcoach',
    support_werkplekaanpassing: 'een werkplekaanpassing',
    support_no_riskpolis: 'een no-riskpolis',
    supportWaitingTitle: 'Aanvraag voor ondersteuning van {employerName}',
    supportWaitingBody:
      '{employerName} vraagt {provision} aan voor de plaatsing "{vacancyTitle}". Bekijk de aanvraag en beslis uiterlijk op {date}.',
    supportAutoTitle: 'Ondersteuning goedgekeurd binnen het budget',
    supportAutoBody:
      '{employerName} is voorkeurspartner en vraagt {provision} aan voor de plaatsing "{vacancyTitle}". Het past in het budget. Daarom is de aanvraag meteen goedgekeurd. Jullie kunnen haar later controleren.',
    supportApprovedTitle: 'Uw aanvraag voor {provision} is goedgekeurd',
    supportApprovedBody: 'De instantie heeft uw aanvraag voor {provision} bij de plaatsing "{vacancyTitle}" goedgekeurd.',
    supportRejectedTitle: 'Uw aanvraag voor {provision} is afgewezen',
    supportRejectedBody:
      'De instantie heeft uw aanvraag voor {provision} bij de plaatsing "{vacancyTitle}" afgewezen. Bij de aanvraag staat waarom.',
    supportLink: 'Bekijk de aanvraag',
    waitingListTurnTitle: 'Je bent aan de beurt bij {employerName}',
    waitingListTurnBody:
      'Je bent aan de beurt voor het werk "{vacancyTitle}". Je stond op de wachtlijst. {employerName} ziet nu je naam en neemt contact met je op.',
    unknownTitle: 'Bericht',
    unknownBody: 'Je hebt een bericht van Werkregie.',
    openLink: 'Open Werkregie',
    mailGreeting: 'Hallo {name},',
    mailFooter: 'Je krijgt deze e-mail van Werkregie. Je vindt al je berichten ook in Werkregie, onder Berichten.',
  },
  en: {
    expiringTitle: 'Your availability ends on {date}',
    expiringBody:
      'Until {date}, employers see that you are available for work. Still looking for work? Then confirm your availability. It takes one click.',
    expiredTitle: 'Your availability has ended',
    expiredBody:
      'Your availability ended on {date}. Employers now find your profile less easily. Still looking for work? Then confirm your availability. It takes one click.',
    confirmLink: 'Confirm your availability',
    summaryTitleOne: '1 candidate has an expired availability',
    summaryTitle: '{count} candidates have an expired availability',
    summaryBodyOne: 'The availability of 1 of your candidates has ended. Ask whether they are still looking for work, and then confirm it.',
    summaryBody:
      'The availability of {count} of your candidates has ended. Ask whether they are still looking for work, and then confirm it.',
    summaryLink: 'See the candidates with an expired availability',
    newMatchesTitle: 'New work for your search "{name}"',
    newMatchesBodyOne: 'This week there is 1 new vacancy that fits your search "{name}".',
    newMatchesBody: 'This week there are {count} new vacancies that fit your search "{name}".',
    newMatchesLink: 'See your searches',
    interestTitle: 'Interest in the vacancy "{vacancyTitle}"',
    interestBody:
      'A candidate is interested in the vacancy "{vacancyTitle}". Look at the profile and let them know whether you want to talk.',
    contactLink: 'See the contact',
    consultantInvitationTitle: 'An invitation for one of your candidates',
    consultantInvitationBody:
      '{employerName} invites one of your candidates for the vacancy "{vacancyTitle}". Talk it over with the candidate. Then pass the invitation on, or kindly say no.',
    invitationTitle: '{employerName} invites you',
    invitationBody: '{employerName} would like to talk with you about the work "{vacancyTitle}". Read the invitation and say yes or no.',
    invitationLink: 'Read the invitation',
    proposedTitle: 'A candidate for "{vacancyTitle}"',
    proposedBody: 'The consultant proposes a candidate for the vacancy "{vacancyTitle}". The candidate knows and agrees.',
    proposedToYouTitle: 'Your consultant has proposed you',
    proposedToYouBody: 'Your consultant has proposed you for the work "{vacancyTitle}". The employer now sees your name and your profile.',
    acceptedTitle: 'The candidate would like to talk',
    acceptedBody: 'The candidate says yes to your invitation for "{vacancyTitle}". You now see their name. Send a message.',
    employerAcceptedTitle: 'The employer wants to talk with you',
    employerAcceptedBody: 'The employer of the work "{vacancyTitle}" would like to talk with you. Read the messages.',
    messageTitle: 'New message about "{vacancyTitle}"',
    messageBody: 'There is a new message about "{vacancyTitle}".',
    messageLink: 'Read the message',
    closedDeclinedTitle: 'The contact about "{vacancyTitle}" has stopped',
    closedDeclinedBody: 'The contact about "{vacancyTitle}" has stopped. The contact says why.',
    closedWithdrawnTitle: 'The contact about "{vacancyTitle}" was withdrawn',
    closedWithdrawnBody: 'The contact about "{vacancyTitle}" was withdrawn. Nobody needs to do anything.',
    closedExpiredTitle: 'The contact about "{vacancyTitle}" has expired',
    closedExpiredBody:
      'Nothing happened for a long time in the contact about "{vacancyTitle}". So it was closed. You can always get in touch again.',
    closedPlacedTitle: 'The contact about "{vacancyTitle}" was closed',
    closedPlacedBody: 'The candidate found work. So the contact about "{vacancyTitle}" was closed. Thank you for thinking along.',
    placementRegisteredTitle: 'Placement started at {employerName}',
    placementRegisteredBody:
      '{employerName} placed one of your candidates for "{vacancyTitle}". The placement started at once. You can check it later.',
    placementAwaitingTitle: 'A placement waits for the instantie',
    placementAwaitingBody: '{employerName} wants to place one of your candidates for "{vacancyTitle}". Look at the agreement and decide.',
    placementAutoBody:
      '{employerName} wants to place one of your candidates for "{vacancyTitle}". Without objection the placement starts by itself on {date}.',
    placementLink: 'See the placement',
    placementStartedTitle: 'The placement for "{vacancyTitle}" has started',
    placementStartedBody:
      'The placement for "{vacancyTitle}" has started. The work starts on {date}. Look at the agreement and confirm it.',
    placementRejectedTitle: 'The placement for "{vacancyTitle}" will not go ahead',
    placementRejectedBody:
      'The instantie did not approve the placement for "{vacancyTitle}". The placement says why. The conversation can go on.',
    placementEndedTitle: 'The placement for "{vacancyTitle}" has ended',
    placementEndedBody: 'The placement for "{vacancyTitle}" has ended. The placement says what happens next.',
    placementEndingTitle: 'The placement for "{vacancyTitle}" ends on {date}',
    placementEndingBody:
      'The placement for "{vacancyTitle}" ends on {date}. Talk together about how it went. Then record at the placement what happens next: a contract, an extension or stopping.',
    placementOverdueTitle: 'The placement for "{vacancyTitle}" should have ended on {date}',
    placementOverdueBody:
      'The placement for "{vacancyTitle}" should have ended on {date}, but it is still open. Record at the placement what happens next: a contract, an extension or stopping.',
    support_loonwaardebepaling: 'a wage value assessment',
    support_loonkostensubsidie: 'wage cost subsidy',
    support_jobcoach: 'a job coach',
    support_werkplekaanpassing: 'a workplace adjustment',
    support_no_riskpolis: 'a no-risk policy',
    supportWaitingTitle: 'Request for support from {employerName}',
    supportWaitingBody: '{employerName} asks for {provision} for the placement "{vacancyTitle}". Look at the request and decide by {date}.',
    supportAutoTitle: 'Support approved within the budget',
    supportAutoBody:
      '{employerName} is a preferred partner and asks for {provision} for the placement "{vacancyTitle}". It fits in the budget. So the request was approved at once. You can check it later.',
    supportApprovedTitle: 'Your request for {provision} has been approved',
    supportApprovedBody: 'The instantie approved your request for {provision} for the placement "{vacancyTitle}".',
    supportRejectedTitle: 'Your request for {provision} has been turned down',
    supportRejectedBody: 'The instantie turned down your request for {provision} for the placement "{vacancyTitle}". The request says why.',
    supportLink: 'See the request',
    waitingListTurnTitle: 'It is your turn at {employerName}',
    waitingListTurnBody:
      'It is your turn for the work "{vacancyTitle}". You were on the waiting list. {employerName} now sees your name and will contact you.',
    unknownTitle: 'Message',
    unknownBody: 'You have a message from Werkregie.',
    openLink: 'Open Werkregie',
    mailGreeting: 'Hello {name},',
    mailFooter: 'You get this e-mail from Werkregie. You will also find all your messages in Werkregie, under Messages.',
  },
});

type Key = keyof (typeof notificationText)['nl'];
type SupportParams = { provision: Provision; employerName: string; vacancyTitle: string; dueDate: string };
type RenderedNotification = { title: string; body: string; linkText: string };
type Renderer<P> = (params: P, t: Translate<Key>, locale: Locale) => RenderedNotification;

/** Each kind of notification, with the parameters it is stored with (plain JSON: strings and numbers). */
const renderers = {
  /** To a candidate, some days before their availability expires. */
  availability_expiring: ((p, t, locale) => {
    const date = formatDate(p.expiresAt, locale);
    return { title: t('expiringTitle', { date }), body: t('expiringBody', { date }), linkText: t('confirmLink') };
  }) as Renderer<{ expiresAt: string }>,
  /** To a candidate, when their availability has expired. */
  availability_expired: ((p, t, locale) => {
    const date = formatDate(p.expiresAt, locale);
    return { title: t('expiredTitle', { date }), body: t('expiredBody', { date }), linkText: t('confirmLink') };
  }) as Renderer<{ expiresAt: string }>,
  /** To a consultant, once a day: how many of their candidates' availability expired. */
  availability_expired_summary: ((p, t) => ({
    title: countText(t, p.count, 'summaryTitleOne', 'summaryTitle'),
    body: countText(t, p.count, 'summaryBodyOne', 'summaryBody'),
    linkText: t('summaryLink'),
  })) as Renderer<{ count: number }>,
  /** To a candidate, once a week per saved search with its weekly alert on: how many new vacancies fit. */
  new_matches: ((p, t) => ({
    title: t('newMatchesTitle', { name: p.name }),
    body: p.count === 1 ? t('newMatchesBodyOne', { name: p.name }) : t('newMatchesBody', { count: p.count, name: p.name }),
    linkText: t('newMatchesLink'),
  })) as Renderer<{ name: string; count: number }>,
  /** To the employer's users and the consultant: a candidate showed interest in a vacancy. */
  application_interest: ((p, t) => ({
    title: t('interestTitle', p),
    body: t('interestBody', p),
    linkText: t('contactLink'),
  })) as Renderer<{ vacancyTitle: string }>,
  /** To the consultant of a 'begeleid' candidate: an employer invites them; talk it over first. */
  invitation_for_consultant: ((p, t) => ({
    title: t('consultantInvitationTitle'),
    body: t('consultantInvitationBody', p),
    linkText: t('contactLink'),
  })) as Renderer<{ vacancyTitle: string; employerName: string }>,
  /** To a candidate: an employer invites them. */
  application_invitation: ((p, t) => ({
    title: t('invitationTitle', p),
    body: t('invitationBody', p),
    linkText: t('invitationLink'),
  })) as Renderer<{ vacancyTitle: string; employerName: string }>,
  /** To the employer's users: a consultant proposes a candidate. */
  application_proposed: ((p, t) => ({
    title: t('proposedTitle', p),
    body: t('proposedBody', p),
    linkText: t('contactLink'),
  })) as Renderer<{ vacancyTitle: string }>,
  /** To the candidate: their consultant proposed them. */
  application_proposed_to_you: ((p, t) => ({
    title: t('proposedToYouTitle'),
    body: t('proposedToYouBody', p),
    linkText: t('contactLink'),
  })) as Renderer<{ vacancyTitle: string }>,
  /** To the employer's users: the candidate accepted their invitation. */
  application_accepted: ((p, t) => ({
    title: t('acceptedTitle'),
    body: t('acceptedBody', p),
    linkText: t('contactLink'),
  })) as Renderer<{ vacancyTitle: string }>,
  /** To the candidate: the employer answered their interest with "let's talk". */
  application_accepted_by_employer: ((p, t) => ({
    title: t('employerAcceptedTitle'),
    body: t('employerAcceptedBody', p),
    linkText: t('contactLink'),
  })) as Renderer<{ vacancyTitle: string }>,
  /** To the other side of a conversation: a new message (never its text: that is read in the app). */
  application_message: ((p, t) => ({
    title: t('messageTitle', p),
    body: t('messageBody', p),
    linkText: t('messageLink'),
  })) as Renderer<{ vacancyTitle: string }>,
  /** An application closed: a person said no, it was withdrawn, it expired, or the candidate found work. */
  application_closed: ((p, t) => {
    const words = {
      declined: ['closedDeclinedTitle', 'closedDeclinedBody'],
      withdrawn: ['closedWithdrawnTitle', 'closedWithdrawnBody'],
      expired: ['closedExpiredTitle', 'closedExpiredBody'],
      placed_elsewhere: ['closedPlacedTitle', 'closedPlacedBody'],
    } as const;
    const [title, body] = words[p.how] ?? words.withdrawn;
    return { title: t(title, p), body: t(body, p), linkText: t('contactLink') };
  }) as Renderer<{ vacancyTitle: string; employerName: string; how: 'declined' | 'withdrawn' | 'expired' | 'placed_elsewhere' }>,
  /** To the instantie's consultant: an employer registered a placement (started, waiting for objection, or for approval). */
  placement_registered: ((p, t, locale) => {
    if (p.route === 'preferred')
      return { title: t('placementRegisteredTitle', p), body: t('placementRegisteredBody', p), linkText: t('placementLink') };
    const body =
      p.route === 'committed' && p.startsAt
        ? t('placementAutoBody', { ...p, date: formatDate(p.startsAt, locale) })
        : t('placementAwaitingBody', p);
    return { title: t('placementAwaitingTitle'), body, linkText: t('placementLink') };
  }) as Renderer<{ vacancyTitle: string; employerName: string; route: string; startsAt?: string }>,
  /** To the candidate and the employer: the placement started. */
  placement_started: ((p, t, locale) => ({
    title: t('placementStartedTitle', p),
    body: t('placementStartedBody', { ...p, date: formatDate(p.startDate, locale) }),
    linkText: t('placementLink'),
  })) as Renderer<{ vacancyTitle: string; startDate: string }>,
  /** To the employer and the candidate: the instantie turned the placement down. */
  placement_rejected: ((p, t) => ({
    title: t('placementRejectedTitle', p),
    body: t('placementRejectedBody', p),
    linkText: t('placementLink'),
  })) as Renderer<{ vacancyTitle: string }>,
  /** To the parties: the placement ended and was evaluated. */
  placement_ended: ((p, t) => ({
    title: t('placementEndedTitle', p),
    body: t('placementEndedBody', p),
    linkText: t('placementLink'),
  })) as Renderer<{ vacancyTitle: string }>,
  /** To the employer and the consultant: a running placement's end date is near, or has passed (placements/end-reminders.ts). */
  placement_ending: ((p, t, locale) => {
    const words = { vacancyTitle: p.vacancyTitle, date: formatDate(p.endDate, locale) };
    return p.moment === 'passed'
      ? { title: t('placementOverdueTitle', words), body: t('placementOverdueBody', words), linkText: t('placementLink') }
      : { title: t('placementEndingTitle', words), body: t('placementEndingBody', words), linkText: t('placementLink') };
  }) as Renderer<{ vacancyTitle: string; endDate: string; moment: 'near' | 'passed' }>,
  /** To the instantie's consultants: a request for support waits for a person, with its due date. */
  support_waiting: ((p, t, locale) => {
    const words = { ...p, provision: t(`support_${p.provision}`), date: formatDate(p.dueDate, locale) };
    return { title: t('supportWaitingTitle', words), body: t('supportWaitingBody', words), linkText: t('supportLink') };
  }) as Renderer<SupportParams>,
  /** To the instantie's consultants: a preferred partner's request was approved by default within the budget. */
  support_approved_by_default: ((p, t) => {
    const words = { ...p, provision: t(`support_${p.provision}`) };
    return { title: t('supportAutoTitle'), body: t('supportAutoBody', words), linkText: t('supportLink') };
  }) as Renderer<SupportParams>,
  /** To the employer's users: a person approved or turned down their request for support. */
  support_decided: ((p, t) => {
    const words = { ...p, provision: t(`support_${p.provision}`) };
    return p.decision === 'approved'
      ? { title: t('supportApprovedTitle', words), body: t('supportApprovedBody', words), linkText: t('supportLink') }
      : { title: t('supportRejectedTitle', words), body: t('supportRejectedBody', words), linkText: t('supportLink') };
  }) as Renderer<{ provision: Provision; vacancyTitle: string; decision: 'approved' | 'rejected' }>,
  /** To the candidate: the employer took them from an open-hiring waiting list; the contact is open. */
  waiting_list_turn: ((p, t) => ({
    title: t('waitingListTurnTitle', p),
    body: t('waitingListTurnBody', p),
    linkText: t('contactLink'),
  })) as Renderer<{ vacancyTitle: string; employerName: string }>,
};

export type NotificationKind = keyof typeof renderers;
export type NotificationParams = { [K in NotificationKind]: Parameters<(typeof renderers)[K]>[0] };

function isNotificationKind(kind: string): kind is NotificationKind {
  return Object.hasOwn(renderers, kind);
}

/** The title, text and link words of a stored notification in `locale`; a kind no longer known gets general words. */
export function renderNotification(kind: string, params: Record<string, unknown>, locale: Locale): RenderedNotification {
  const t = translator(notificationText, locale);
  if (!isNotificationKind(kind)) return { title: t('unknownTitle'), body: t('unknownBody'), linkText: t('openLink') };
  return (renderers[kind] as Renderer<Record<string, unknown>>)(params, t, locale);
}

/** The words around every e-mail: the greeting and the closing line. */
export function mailWords(locale: Locale): { greeting: (name: string) => string; footer: string } {
  const t = translator(notificationText, locale);
  return { greeting: (name) => t('mailGreeting', { name }), footer: t('mailFooter') };
}
