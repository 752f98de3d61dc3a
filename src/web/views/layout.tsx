import type { ComponentChildren } from 'preact'
import type { Locale } from '../i18n/index.ts'
import { href, type PageContext } from './page-context.ts'

export type Section = 'home' | 'catalogue' | 'code' | 'opening' | 'community' | 'other'

const sections: { id: Exclude<Section, 'home' | 'other'>; path: string; label: 'nav.catalogue' | 'nav.code' | 'nav.opening' | 'nav.community' }[] = [
  { id: 'catalogue', path: '/catalogue', label: 'nav.catalogue' },
  { id: 'code', path: '/code', label: 'nav.code' },
  { id: 'opening', path: '/opening', label: 'nav.opening' },
  { id: 'community', path: '/community', label: 'nav.community' },
]

/** The page frame of the State design system (DSFR): skip links, header, navigation, footer. */
export function Layout(props: { page: PageContext; title: string; section: Section; children: ComponentChildren; feed?: { href: string; title: string } }) {
  const { page, title, section } = props
  const { t, locale } = page
  const other: Locale = locale === 'fr' ? 'en' : 'fr'
  const fullTitle = section === 'home' ? `${t('site.name')} · ${t('site.tagline')}` : `${title} · ${t('site.name')}`
  const alternate = (l: Locale) => `${page.publicUrl}/${l}${page.path}${page.search}`
  return (
    <html lang={locale} data-fr-scheme="system">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1, shrink-to-fit=no" />
        <meta name="format-detection" content="telephone=no" />
        <title>{fullTitle}</title>
        <link rel="stylesheet" href="/dsfr/dsfr.min.css" />
        <link rel="stylesheet" href="/dsfr/utility/icons/icons.min.css" />
        <link rel="stylesheet" href="/assets/socle.css" />
        <link rel="icon" href="/dsfr/favicon/favicon.svg" type="image/svg+xml" />
        <link rel="alternate" hreflang="fr" href={alternate('fr')} />
        <link rel="alternate" hreflang="en" href={alternate('en')} />
        <link rel="alternate" hreflang="x-default" href={alternate('fr')} />
        {props.feed ? <link rel="alternate" type="application/atom+xml" title={props.feed.title} href={props.feed.href} /> : null}
      </head>
      <body>
        <div class="fr-skiplinks">
          <nav class="fr-container" role="navigation" aria-label={t('skip.content')}>
            <ul class="fr-skiplinks__list">
              <li><a class="fr-link" href="#content">{t('skip.content')}</a></li>
              <li><a class="fr-link" href="#header-navigation">{t('skip.nav')}</a></li>
              <li><a class="fr-link" href="#footer">{t('skip.footer')}</a></li>
            </ul>
          </nav>
        </div>
        <header role="banner" class="fr-header">
          <div class="fr-header__body">
            <div class="fr-container">
              <div class="fr-header__body-row">
                <div class="fr-header__brand fr-enlarge-link">
                  <div class="fr-header__brand-top">
                    <div class="fr-header__logo">
                      <p class="fr-logo">République<br />Française</p>
                    </div>
                  </div>
                  <div class="fr-header__service">
                    <a href={href(page, '/')} title={`${t('nav.home')} · ${t('site.name')}`}>
                      <p class="fr-header__service-title">{t('site.name')}</p>
                    </a>
                    <p class="fr-header__service-tagline">{t('site.tagline')}</p>
                  </div>
                </div>
                <div class="fr-header__tools">
                  <div class="fr-header__tools-links">
                    <ul class="fr-btns-group">
                      <li>
                        {page.signedInAs ? (
                          <a class="fr-btn fr-icon-account-circle-line" href={href(page, '/compte')} title={`${page.signedInAs} · ${t('account.myAccount')}`}>{page.signedInAs}</a>
                        ) : (
                          <a class="fr-btn fr-icon-lock-line" href={href(page, '/connexion')}>{t('account.signIn')}</a>
                        )}
                      </li>
                      <li>
                        <a
                          class="fr-btn fr-icon-translate-2"
                          lang={other}
                          hreflang={other}
                          href={`/${other}${page.path}${page.search}`}
                          title={`${t('lang.switch')} : ${t('lang.other')}`}
                        >
                          {t('lang.other')}
                        </a>
                      </li>
                    </ul>
                  </div>
                </div>
              </div>
            </div>
          </div>
          <div class="fr-header__menu" id="header-navigation">
            <div class="fr-container">
              <nav class="fr-nav" role="navigation" aria-label={t('nav.label')}>
                <ul class="fr-nav__list">
                  {sections.map((s) => (
                    <li class="fr-nav__item" key={s.id}>
                      <a class="fr-nav__link" href={href(page, s.path)} aria-current={section === s.id ? 'page' : undefined}>
                        {t(s.label)}
                      </a>
                    </li>
                  ))}
                </ul>
              </nav>
            </div>
          </div>
        </header>
        <main role="main" id="content" class="fr-pb-6w" tabIndex={-1}>
          {props.children}
        </main>
        <footer class="fr-footer" role="contentinfo" id="footer">
          <div class="fr-container">
            <div class="fr-footer__body">
              <div class="fr-footer__brand fr-enlarge-link">
                <a href={href(page, '/')} title={`${t('nav.home')} · ${t('site.name')}`}>
                  <p class="fr-logo">République<br />Française</p>
                </a>
              </div>
              <div class="fr-footer__content">
                <p class="fr-footer__content-desc">{t('footer.description')}</p>
              </div>
            </div>
            <div class="fr-footer__bottom">
              <ul class="fr-footer__bottom-list">
                <li class="fr-footer__bottom-item">
                  <a class="fr-footer__bottom-link" href={href(page, '/accessibility')}>{t('footer.accessibility')}</a>
                </li>
                <li class="fr-footer__bottom-item">
                  <a class="fr-footer__bottom-link" href={href(page, '/api')}>{t('footer.api')}</a>
                </li>
              </ul>
              <div class="fr-footer__bottom-copy">
                <p>
                  {t('footer.licence')}{' '}
                  <a href="https://github.com/etalab/licence-ouverte/blob/master/LO.md" target="_blank" rel="noopener noreferrer" title="etalab-2.0 (nouvelle fenêtre)">
                    etalab-2.0
                  </a>
                </p>
              </div>
            </div>
          </div>
        </footer>
      </body>
    </html>
  )
}
