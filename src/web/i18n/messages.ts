import { en as coreEn } from './en.ts'
import { fr as coreFr } from './fr.ts'
import * as account from './messages/account.ts'
import * as bodies from './messages/bodies.ts'
import * as catalogue from './messages/catalogue.ts'
import * as registry from './messages/registry.ts'

// Every feature keeps its messages in its own module under ./messages (`fr` first, `en` typed by it),
// merged here: adding a page touches its own file and one line below.
export const fr = { ...coreFr, ...account.fr, ...bodies.fr, ...catalogue.fr, ...registry.fr }
export type MessageKey = keyof typeof fr
export const en: Record<MessageKey, string> = { ...coreEn, ...account.en, ...bodies.en, ...catalogue.en, ...registry.en }
