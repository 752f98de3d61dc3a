import { en as coreEn } from './en.ts'
import { fr as coreFr } from './fr.ts'

// Every feature keeps its messages in its own module under ./messages (`fr` first, `en` typed by it),
// merged here: adding a page touches its own file and one line below.
export const fr = { ...coreFr }
export type MessageKey = keyof typeof fr
export const en: Record<MessageKey, string> = { ...coreEn }
