import type { ReactNode } from 'react';
import { hasRole } from '#app/domain/accounts/actor.js';
import { useLocale, useT } from './i18n.js';
import { common } from './messages.js';
import { usePage } from './page-context.js';

type NavItem = { href: string; label: string };

function useNavigation(): NavItem[] {
  const t = useT(common);
  const { actor, unreadNotifications = 0 } = usePage();
  const items: NavItem[] = [{ href: '/', label: t('navHome') }];
  if (hasRole(actor, 'kandidaat'))
    items.push(
      { href: '/kandidaat', label: t('navCandidate') },
      { href: '/kandidaat/contacten', label: t('navContacts') },
      { href: '/kandidaat/plaatsingen', label: t('navPlacements') },
    );
  items.push({ href: '/vacatures', label: t('navVacancies') });
  if (hasRole(actor, 'consulent')) items.push({ href: '/consulent', label: t('navCaseload') });
  if (hasRole(actor, 'consulent') || hasRole(actor, 'beheerder') || hasRole(actor, 'auditor'))
    items.push(
      { href: '/consulent/contacten', label: t('navContacts') },
      { href: '/consulent/plaatsingen', label: t('navPlacements') },
      { href: '/consulent/ondersteuning', label: t('navSupport') },
    );
  if (hasRole(actor, 'werkgever')) {
    items.push(
      { href: '/werkgever', label: t('navEmployer') },
      { href: '/werkgever/vacatures', label: t('navEmployerVacancies') },
      { href: '/werkgever/kandidaten-zoeken', label: t('navEmployerSearch') },
      { href: '/werkgever/contacten', label: t('navContacts') },
      { href: '/werkgever/plaatsingen', label: t('navPlacements') },
    );
  }
  if (hasRole(actor, 'beheerder'))
    items.push({ href: '/beheer/werkgevers', label: t('navEmployers') }, { href: '/beheer/budgetten', label: t('navBudgets') });
  if (actor) {
    items.push({
      href: '/berichten',
      label: unreadNotifications > 0 ? t('navMessagesUnread', { count: unreadNotifications }) : t('navMessages'),
    });
    items.push({ href: '/account/api-sleutels', label: t('navApi') });
  }
  return items;
}

/** The frame of every page: skip link, header with menu and language, main content, footer. */
export function Layout({ title, children, hasErrors }: { title: string; children: ReactNode; hasErrors?: boolean }) {
  const t = useT(common);
  const locale = useLocale();
  const { actor, path, csrfToken } = usePage();
  const navigation = useNavigation();
  const otherLocale = locale === 'nl' ? 'en' : 'nl';
  return (
    <html lang={locale} className="utrecht-html">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${hasErrors ? `${t('errorPrefix')}: ` : ''}${title} – ${t('siteName')}`}</title>
        <link rel="stylesheet" href="/assets/utrecht.css" />
        <link rel="stylesheet" href="/assets/theme.css" />
      </head>
      <body className="utrecht-body werkregie-theme">
        <a className="utrecht-link werkregie-skip-link" href="#inhoud">
          {t('skipLink')}
        </a>
        <header className="utrecht-page-header werkregie-header">
          <div className="werkregie-header__inner">
            <a className="werkregie-logo" href="/">
              {t('siteName')}
            </a>
            <div className="werkregie-header__tools">
              <a className="utrecht-link" href={`${path}${path.includes('?') ? '&' : '?'}taal=${otherLocale}`} lang={otherLocale}>
                {t('switchLanguage')}
              </a>
              {actor ? (
                <form method="post" action="/uitloggen" className="werkregie-inline-form">
                  <input type="hidden" name="_csrf" value={csrfToken} />
                  <span className="werkregie-user">{t('loggedInAs', { name: actor.name })}</span>{' '}
                  <button type="submit" className="utrecht-button utrecht-button--secondary-action">
                    {t('logOut')}
                  </button>
                </form>
              ) : (
                <a className="utrecht-link" href="/inloggen">
                  {t('logIn')}
                </a>
              )}
            </div>
          </div>
          <nav aria-label={t('mainNav')} className="werkregie-nav">
            <ul className="werkregie-nav__list">
              {navigation.map((item) => (
                <li key={item.href}>
                  <a
                    className="utrecht-link werkregie-nav__link"
                    href={item.href}
                    aria-current={item.href === path.split('?')[0] ? 'page' : undefined}
                  >
                    {item.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="inhoud" className="utrecht-page-content werkregie-main" tabIndex={-1}>
          {children}
        </main>
        <footer className="utrecht-page-footer werkregie-footer">
          <p className="utrecht-paragraph">{t('footer')}</p>
          <p className="utrecht-paragraph">
            <a className="utrecht-link" href="/hoe-werkt-het-matchen">
              {t('footerMatching')}
            </a>
          </p>
        </footer>
      </body>
    </html>
  );
}

export function Heading({ children, level = 1 }: { children: ReactNode; level?: 1 | 2 | 3 }) {
  const Tag = `h${level}` as const;
  return <Tag className={`utrecht-heading-${level}`}>{children}</Tag>;
}

export function Paragraph({ children, lead }: { children: ReactNode; lead?: boolean }) {
  return <p className={`utrecht-paragraph${lead ? ' utrecht-paragraph--lead' : ''}`}>{children}</p>;
}

export function Notice({ children, type = 'info' }: { children: ReactNode; type?: 'info' | 'ok' | 'warning' | 'error' }) {
  return (
    <div className={`utrecht-alert utrecht-alert--${type}`} role="status">
      <div className="utrecht-alert__message">{children}</div>
    </div>
  );
}

export function Pagination({
  page,
  pageSize,
  total,
  href,
}: {
  page: number;
  pageSize: number;
  total: number;
  href: (page: number) => string;
}) {
  const t = useT(common);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <nav aria-label={t('pageOf', { page, pages })} className="werkregie-pagination">
      {page > 1 ? (
        <a className="utrecht-link" href={href(page - 1)} rel="prev">
          {t('previous')}
        </a>
      ) : null}
      <span>{t('pageOf', { page, pages })}</span>
      {page < pages ? (
        <a className="utrecht-link" href={href(page + 1)} rel="next">
          {t('next')}
        </a>
      ) : null}
    </nav>
  );
}
