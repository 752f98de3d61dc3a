// The publiccode.yml validation page, and what it shares with the editor's page. Both work without
// JavaScript; /assets/publiccode-editor.js only adds the choice of a file from the computer.
import type { Issue, ValidationResult } from '../../domain/publiccode/index.ts'
import { Badge } from '../views/components.tsx'
import { Layout } from '../views/layout.tsx'
import { href, type PageContext } from '../views/page-context.ts'
import { publiccodeTexts, type Texts } from './publiccode-text.ts'

export const VALIDATE_PATH = '/opening/publiccode/validate'
export const EDITOR_PATH = '/opening/publiccode/editor'
export const DOWNLOAD_PATH = '/opening/publiccode/editor/download'

/** The largest file the pages take, as the validator does. */
const MAX_FILE_BYTES = 1024 * 1024

export function Breadcrumb(props: { page: PageContext; text: Texts; title: string }) {
  const { page } = props
  return (
    <nav role="navigation" class="fr-breadcrumb" aria-label={props.text('breadcrumb')}>
      <ol class="fr-breadcrumb__list">
        <li><a class="fr-breadcrumb__link" href={href(page, '/')}>{page.t('nav.home')}</a></li>
        <li><a class="fr-breadcrumb__link" href={href(page, '/opening')}>{page.t('nav.opening')}</a></li>
        <li><a class="fr-breadcrumb__link" aria-current="page">{props.title}</a></li>
      </ol>
    </nav>
  )
}

/**
 * A multi-line field of the DSFR. The line break written after the opening tag is dropped by every
 * HTML reader: without it, a value starting with a line break would lose it.
 */
export function TextArea(props: {
  id: string
  name?: string
  value: string
  rows: number
  lang?: string | undefined
  describedBy?: string | undefined
  invalid?: boolean
  readOnly?: boolean
}) {
  return (
    <textarea
      class={`fr-input${props.invalid ? ' fr-input--error' : ''}`}
      id={props.id}
      name={props.name}
      rows={props.rows}
      lang={props.lang}
      spellcheck={props.lang !== undefined}
      readOnly={props.readOnly}
      aria-describedby={props.describedBy}
      aria-invalid={props.invalid ? 'true' : undefined}
      value={`\n${props.value}`}
    />
  )
}

/** A file input that fills the textarea `target`: hidden until the script shows it (it needs JavaScript). */
export function FileLoader(props: { text: Texts; target: string }) {
  const id = `${props.target}-file`
  return (
    <div class="fr-upload-group fr-mb-3w" hidden data-fills={props.target} data-max-bytes={MAX_FILE_BYTES} data-too-large={props.text('fileTooLarge')}>
      <label class="fr-label" for={id}>
        {props.text('fileLabel')}
        <span class="fr-hint-text">{props.text('fileHint')}</span>
      </label>
      <input class="fr-upload" type="file" id={id} accept=".yml,.yaml,application/yaml,text/yaml" />
    </div>
  )
}

export const EnhancementScript = () => <script src="/assets/publiccode-editor.js" defer />

/** The validator's messages are English: screen readers are told so on the French pages. */
export const Message = (props: { issue: Issue }) => <span lang="en">{props.issue.message}</span>

function IssueItem(props: { text: Texts; issue: Issue; severity: 'error' | 'warning' }) {
  const { text, issue } = props
  const position = issue.line === null ? null : issue.column === null ? text('line', { line: issue.line }) : text('position', { line: issue.line, column: issue.column })
  return (
    <li class="fr-mb-2w">
      <Badge kind={props.severity} small>{text(props.severity)}</Badge>{' '}
      {issue.key ? <code>{issue.key}</code> : <span>{text('wholeFile')}</span>}
      {position ? <span class="fr-text--sm"> ({position})</span> : null}
      <br />
      <Message issue={issue} />
    </li>
  )
}

function Report(props: { text: Texts; result: ValidationResult }) {
  const { text, result } = props
  return (
    <section aria-labelledby="validate-result" class="fr-mb-4w">
      <h2 id="validate-result">{text('result')}</h2>
      <div class={`fr-alert fr-alert--${result.valid ? 'success' : 'error'} fr-mb-3w`}>
        <h3 class="fr-alert__title">{text(result.valid ? 'valid' : 'invalid')}</h3>
        <p>
          {result.version ? `${text('version', { version: result.version })} ` : ''}
          {text('counts', { errors: result.errors.length, warnings: result.warnings.length })}
        </p>
      </div>
      <ul class="socle-plain-list">
        {result.errors.map((issue, index) => <IssueItem key={`e${index}`} text={text} issue={issue} severity="error" />)}
        {result.warnings.map((issue, index) => <IssueItem key={`w${index}`} text={text} issue={issue} severity="warning" />)}
      </ul>
    </section>
  )
}

/** GET: an empty form; POST: the form with the text given, and the verdict above it. */
export function ValidatePage(props: { page: PageContext; yaml: string; result: ValidationResult | null }) {
  const { page, result } = props
  const text = publiccodeTexts(page.locale)
  const title = text('validateTitle')
  const problems = result ? result.errors.length : 0
  return (
    <Layout page={page} title={problems ? `${text('errorsInTitle', { count: problems })} · ${title}` : title} section="opening">
      <div class="fr-container fr-mt-4w">
        <Breadcrumb page={page} text={text} title={title} />
        <h1>{title}</h1>
        <p class="fr-text--lead">{text('validateLead')}</p>
        {result ? <Report text={text} result={result} /> : null}
        <form method="post" action={href(page, VALIDATE_PATH)} class="fr-mb-4w">
          <div class="fr-input-group">
            <label class="fr-label" for="publiccode-yaml">
              {text('yamlLabel')}
              <span class="fr-hint-text">{text('yamlHint')}</span>
            </label>
            <TextArea id="publiccode-yaml" name="yaml" value={props.yaml} rows={20} />
          </div>
          <FileLoader text={text} target="publiccode-yaml" />
          <button class="fr-btn" type="submit">{text('validateSubmit')}</button>
        </form>
        <p>
          <a class="fr-link fr-icon-arrow-right-line fr-link--icon-right" href={href(page, EDITOR_PATH)}>{text('toEditor')}</a>
        </p>
        <EnhancementScript />
      </div>
    </Layout>
  )
}
