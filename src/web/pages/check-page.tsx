import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Context } from '../../context.ts'
import type { RuleResult } from '../../domain/compliance/index.ts'
import { CheckError, checkRemoteRepository, type CheckReport } from '../../usecases/opening/check-repository.ts'
import { formatNumber, type Locale } from '../i18n/index.ts'
import { sendPage } from '../render.ts'
import { Badge } from '../views/components.tsx'
import { Layout } from '../views/layout.tsx'
import { href, type PageContext } from '../views/page-context.ts'
import { pageContext } from './routes.tsx'

/** The page's own texts (the shared catalogues in i18n/ are not this feature's to edit). */
const TEXTS = {
  fr: {
    title: 'Vérifier un dépôt',
    lead: 'Vérifiez qu’un dépôt de code public suit la politique de contribution de l’État : licence autorisée, fichiers attendus, aucun secret publié.',
    urlLabel: 'Adresse du dépôt git',
    urlHint: 'Adresse https:// d’un dépôt public, celle que l’on donne à git clone.',
    submit: 'Vérifier',
    local: 'Pour vérifier un dossier sur votre poste :',
    localCommand: 'npx socle check DOSSIER',
    result: 'Résultat',
    score: 'Score : {score}/100',
    scanned: '{files} fichiers examinés.',
    truncated: 'Le dépôt a plus de fichiers que la limite : seuls les {files} premiers ont été examinés.',
    compliant: 'Toutes les règles obligatoires sont respectées.',
    notCompliant: 'Des règles obligatoires ne sont pas respectées.',
    required: 'Obligatoire',
    recommended: 'Recommandée',
    pass: 'Conforme',
    fail: 'Non conforme',
    'not-applicable': 'Sans objet',
    points: '{points} points',
    evidence: 'Constaté dans',
    fix: 'Pour corriger',
    errorTitle: 'Vérification impossible',
    refused: 'Cette adresse n’est pas vérifiée : seules les adresses https:// ou http:// de dépôts publics le sont.',
    failed: 'Le dépôt n’a pas pu être récupéré.',
    busy: 'Trop de vérifications sont en cours. Réessayez dans une minute.',
  },
  en: {
    title: 'Check a repository',
    lead: 'Check that a public code repository follows the State’s contribution policy: an authorised licence, the expected files, no published secret.',
    urlLabel: 'Git repository address',
    urlHint: 'The https:// address of a public repository, the one given to git clone.',
    submit: 'Check',
    local: 'To check a folder on your computer:',
    localCommand: 'npx socle check FOLDER',
    result: 'Result',
    score: 'Score: {score}/100',
    scanned: '{files} files checked.',
    truncated: 'The repository has more files than the limit: only the first {files} were checked.',
    compliant: 'Every required rule is followed.',
    notCompliant: 'Some required rules are not followed.',
    required: 'Required',
    recommended: 'Recommended',
    pass: 'Passes',
    fail: 'Fails',
    'not-applicable': 'Not applicable',
    points: '{points} points',
    evidence: 'Found in',
    fix: 'How to fix',
    errorTitle: 'The check could not be made',
    refused: 'This address is not checked: only https:// or http:// addresses of public repositories are.',
    failed: 'The repository could not be fetched.',
    busy: 'Too many checks are running. Try again in a minute.',
  },
} satisfies Record<Locale, Record<string, string>>

type TextKey = keyof (typeof TEXTS)['fr']

function texts(locale: Locale) {
  return (key: TextKey, values: Record<string, string | number> = {}) =>
    TEXTS[locale][key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`))
}

const STATUS_BADGE = { pass: 'success', fail: 'error', 'not-applicable': undefined } as const
const STATUS_CODE: Record<CheckError['kind'], number> = { refused: 400, 'not-found': 400, failed: 422, busy: 503 }

type Outcome = { report: CheckReport } | { error: CheckError } | null

/** A text with `code` spans (commands, file names), as the rules write them for the terminal too. */
function WithCode(props: { text: string }) {
  return <>{props.text.split('`').map((part, index) => (index % 2 === 1 ? <code key={index}>{part}</code> : part))}</>
}

function RuleItem(props: { page: PageContext; rule: RuleResult }) {
  const { rule, page } = props
  const text = texts(page.locale)
  const { locale } = page
  // A recommendation that fails is a warning; a requirement that fails, an error.
  const kind = rule.status === 'fail' && rule.level === 'recommended' ? 'warning' : STATUS_BADGE[rule.status]
  return (
    <li class="fr-mb-4w" id={`rule-${rule.id}`}>
      <h3 class="fr-h5 fr-mb-1w">{rule.title[locale]}</h3>
      <ul class="fr-badges-group fr-mb-1w">
        <li><Badge kind={kind} small>{text(rule.status)}</Badge></li>
        <li><Badge small>{text(rule.level)}</Badge></li>
        <li><Badge small>{text('points', { points: rule.weight })}</Badge></li>
      </ul>
      <p class="fr-mb-1w"><WithCode text={rule.message[locale]} /></p>
      {rule.evidence.length > 0 ? (
        <>
          <p class="fr-text--sm fr-text--bold fr-mb-0">{text('evidence')}</p>
          <ul class="fr-text--sm fr-mb-1w">
            {rule.evidence.map((evidence, index) => (
              <li key={index}>
                <code>{evidence.line === undefined ? evidence.file : `${evidence.file}:${evidence.line}`}</code>
                {evidence.excerpt ? <> · {evidence.excerpt}</> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {rule.fix ? (
        <div class="fr-highlight">
          <p class="fr-text--sm fr-text--bold fr-mb-0">{text('fix')}</p>
          <p class="fr-text--sm"><WithCode text={rule.fix[locale]} /></p>
        </div>
      ) : null}
    </li>
  )
}

function Report(props: { page: PageContext; report: CheckReport }) {
  const { page, report } = props
  const text = texts(page.locale)
  const files = formatNumber(page.locale, report.scanned.files)
  return (
    <section aria-labelledby="check-result">
      <h2 id="check-result">{text('result')} · <span class="fr-text--regular">{report.target}</span></h2>
      <div class={`fr-alert fr-alert--${report.compliant ? 'success' : 'error'} fr-mb-4w`}>
        <p class="fr-alert__title">{text('score', { score: report.score })}</p>
        <p>{text(report.compliant ? 'compliant' : 'notCompliant')} {text(report.scanned.truncated ? 'truncated' : 'scanned', { files })}</p>
      </div>
      <ul class="socle-plain-list">
        {report.rules.map((rule) => <RuleItem key={rule.id} page={page} rule={rule} />)}
      </ul>
    </section>
  )
}

function CheckPage(props: { page: PageContext; url: string; outcome: Outcome }) {
  const { page, url, outcome } = props
  const { t } = page
  const text = texts(page.locale)
  const error = outcome && 'error' in outcome ? outcome.error : null
  // The field is wrong when the address is refused; a clone that fails may be the server's fault.
  const fieldError = error && (error.kind === 'refused' || error.kind === 'not-found') ? text('refused') : null
  return (
    <Layout page={page} title={text('title')} section="opening">
      <div class="fr-container fr-mt-4w">
        <nav role="navigation" class="fr-breadcrumb" aria-label="breadcrumb">
          <ol class="fr-breadcrumb__list">
            <li><a class="fr-breadcrumb__link" href={href(page, '/')}>{t('nav.home')}</a></li>
            <li><a class="fr-breadcrumb__link" href={href(page, '/opening')}>{t('nav.opening')}</a></li>
            <li><a class="fr-breadcrumb__link" aria-current="page">{text('title')}</a></li>
          </ol>
        </nav>
        <h1>{text('title')}</h1>
        <p class="fr-text--lead">{text('lead')}</p>
        <form method="get" action={href(page, '/opening/check')} class="fr-mb-4w">
          <div class={`fr-input-group${fieldError ? ' fr-input-group--error' : ''}`}>
            <label class="fr-label" for="check-url">
              {text('urlLabel')}
              <span class="fr-hint-text">{text('urlHint')}</span>
            </label>
            <input class="fr-input" type="url" id="check-url" name="url" value={url} required maxLength={2000} aria-describedby={fieldError ? 'check-url-error' : undefined} />
            {fieldError ? <p class="fr-error-text" id="check-url-error">{fieldError}</p> : null}
          </div>
          <button class="fr-btn" type="submit">{text('submit')}</button>
        </form>
        {error ? (
          <div class="fr-alert fr-alert--error fr-mb-4w" role="alert">
            <h2 class="fr-alert__title">{text('errorTitle')}</h2>
            <p>{text(error.kind === 'not-found' ? 'refused' : error.kind)} {error.message}</p>
          </div>
        ) : null}
        {outcome && 'report' in outcome ? <Report page={page} report={outcome.report} /> : null}
        <p class="fr-text--sm">
          {text('local')} <code>{text('localCommand')}</code>
        </p>
      </div>
    </Layout>
  )
}

/**
 * GET /:locale/opening/check: a form, and with `?url=` the report of that repository. A plain GET
 * form, so that it works without JavaScript and a report's address can be shared. Only URLs are
 * checked: a visitor can never have a folder of the server read.
 */
export function registerCheckPage(app: FastifyInstance, context: Pick<Context, 'config'>, options: { allowedAddresses?: readonly string[] } = {}): void {
  app.get('/:locale/opening/check', async (request: FastifyRequest, reply: FastifyReply) => {
    const page = pageContext(request, reply, context.config.publicUrl)
    if (!page) {
      reply.callNotFound()
      return reply
    }
    const query = request.query as Record<string, unknown>
    const url = typeof query.url === 'string' ? query.url.trim().slice(0, 2000) : ''
    if (!url) return sendPage(reply, <CheckPage page={page} url="" outcome={null} />)
    try {
      const report = await checkRemoteRepository(url, { allowedAddresses: options.allowedAddresses })
      return sendPage(reply, <CheckPage page={page} url={url} outcome={{ report }} />)
    } catch (error) {
      if (!(error instanceof CheckError)) throw error
      return sendPage(reply, <CheckPage page={page} url={url} outcome={{ error }} />, STATUS_CODE[error.kind])
    }
  })
}
