import { formatNumber, type Locale } from '../i18n/index.ts'

export interface Bar {
  label: string
  value: number
  /** Shown in a third column of the table, under `noteHeader`. */
  note?: string
}

const WIDTH = 720
const LABEL_WIDTH = 280
const VALUE_WIDTH = 90
const ROW = 32
const BAR = 22
// Blue France 525: readable on the light and the dark themes. Inline styles are barred by the Content
// Security Policy: SVG presentation attributes carry the colours.
const BAR_COLOUR = '#6a6af4'

/**
 * A horizontal bar chart drawn on the server as SVG, then the same numbers as a table: the image has
 * one accessible name (its title) and its parts are hidden from assistive technologies, which read the
 * table instead.
 */
export function BarChart(props: {
  id: string
  title: string
  bars: Bar[]
  locale: Locale
  labelHeader: string
  valueHeader: string
  noteHeader?: string
  /** Said instead of the chart when there is nothing to draw. */
  empty: string
  headingLevel?: 'h2' | 'h3'
}) {
  const { id, title, bars, locale } = props
  const Heading = props.headingLevel ?? 'h3'
  const max = Math.max(1, ...bars.map((bar) => bar.value))
  const height = Math.max(1, bars.length) * ROW
  const span = WIDTH - LABEL_WIDTH - VALUE_WIDTH
  if (bars.length === 0) {
    return (
      <section class="fr-mb-6w">
        <Heading class="fr-h5">{title}</Heading>
        <p>{props.empty}</p>
      </section>
    )
  }
  return (
    <figure class="fr-mb-6w fr-mx-0" aria-labelledby={`${id}-heading`}>
      <Heading class="fr-h5" id={`${id}-heading`}>{title}</Heading>
      <svg role="img" aria-labelledby={`${id}-title`} viewBox={`0 0 ${WIDTH} ${height}`} width="100%" preserveAspectRatio="xMinYMin meet" class="fr-mb-2w">
        <title id={`${id}-title`}>{title}</title>
        <g aria-hidden="true" font-size="16" fill="currentColor">
          {bars.map((bar, index) => {
            const y = index * ROW
            const length = bar.value > 0 ? Math.max(2, (bar.value / max) * span) : 0
            return (
              <g key={`${index}-${bar.label}`}>
                <text x={LABEL_WIDTH - 8} y={y + ROW / 2 + 5} text-anchor="end">{truncate(bar.label, 32)}</text>
                <rect x={LABEL_WIDTH} y={y + (ROW - BAR) / 2} width={length.toFixed(1)} height={BAR} fill={BAR_COLOUR} rx="2" />
                <text x={LABEL_WIDTH + length + 6} y={y + ROW / 2 + 5}>{formatNumber(locale, bar.value)}</text>
              </g>
            )
          })}
        </g>
      </svg>
      <div class="fr-table fr-table--sm fr-table--no-caption fr-mb-0">
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{props.labelHeader}</th>
              <th scope="col">{props.valueHeader}</th>
              {props.noteHeader ? <th scope="col">{props.noteHeader}</th> : null}
            </tr>
          </thead>
          <tbody>
            {bars.map((bar, index) => (
              <tr key={`${index}-${bar.label}`}>
                <th scope="row">{bar.label}</th>
                <td>{formatNumber(locale, bar.value)}</td>
                {props.noteHeader ? <td>{bar.note ?? ''}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  )
}

function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text
}
