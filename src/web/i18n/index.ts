import { en, fr, type MessageKey } from './messages.ts'

export type Locale = 'fr' | 'en'
export const locales: readonly Locale[] = ['fr', 'en']
export type { MessageKey }

const catalogues: Record<Locale, Record<MessageKey, string>> = { fr, en }

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string

/** Messages of one locale, with `{name}` placeholders filled in. */
export function translator(locale: Locale): Translate {
  const messages = catalogues[locale]
  return (key, values) => {
    const text = messages[key]
    return values ? text.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`)) : text
  }
}

export function isLocale(value: unknown): value is Locale {
  return value === 'fr' || value === 'en'
}

/** The visitor's language when the URL does not say: cookie first, then Accept-Language, French by default. */
export function preferredLocale(cookie: string | undefined, acceptLanguage: string | undefined): Locale {
  if (isLocale(cookie)) return cookie
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';')
      const q = params.find((p) => p.trim().startsWith('q='))
      return { lang: tag.split('-')[0], q: q ? Number(q.split('=')[1]) : 1 }
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q)
  for (const { lang } of ranked) if (isLocale(lang)) return lang
  return 'fr'
}

// Formatters are made once per locale: making one costs far more than formatting (a result page formats hundreds of numbers).
const formats = <T>(make: (tag: string) => T): Record<Locale, T> => ({ fr: make('fr-FR'), en: make('en-GB') })
const dateFormats = formats((tag) => new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: 'Europe/Paris' }))
const dateTimeFormats = formats((tag) => new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Paris' }))
const numberFormats = formats((tag) => new Intl.NumberFormat(tag))
const percentFormats = formats((tag) => new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 1 }))

export function formatDate(locale: Locale, date: Date): string {
  return dateFormats[locale].format(date)
}

/** Date and time in Paris, to the minute. */
export function formatDateTime(locale: Locale, date: Date): string {
  return dateTimeFormats[locale].format(date)
}

export function formatNumber(locale: Locale, value: number): string {
  return numberFormats[locale].format(value)
}

/** A fraction as a percentage, to a tenth. */
export function formatPercent(locale: Locale, fraction: number): string {
  return percentFormats[locale].format(fraction)
}
