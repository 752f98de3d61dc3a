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

export function formatDate(locale: Locale, date: Date): string {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeZone: 'Europe/Paris' }).format(date)
}

export function formatNumber(locale: Locale, value: number): string {
  return new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB').format(value)
}
