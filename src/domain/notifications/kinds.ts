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
    unknownTitle: 'Message',
    unknownBody: 'You have a message from Werkregie.',
    openLink: 'Open Werkregie',
    mailGreeting: 'Hello {name},',
    mailFooter: 'You get this e-mail from Werkregie. You will also find all your messages in Werkregie, under Messages.',
  },
});

type Key = keyof (typeof notificationText)['nl'];
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
