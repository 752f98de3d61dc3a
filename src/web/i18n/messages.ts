import { en as coreEn } from './en.ts'
import { fr as coreFr } from './fr.ts'
import * as account from './messages/account.ts'
import * as adminCrawl from './messages/admin-crawl.ts'
import * as bodies from './messages/bodies.ts'
import * as catalogue from './messages/catalogue.ts'
import * as catalogueAdmin from './messages/catalogue-admin.ts'
import * as catalogueOpenData from './messages/catalogue-open-data.ts'
import * as declarations from './messages/declarations.ts'
import * as enrichment from './messages/enrichment.ts'
import * as registry from './messages/registry.ts'

// Every feature keeps its messages in its own module under ./messages (`fr` first, `en` typed by it),
// merged here: adding a page touches its own file and one line below.
export const fr = { ...coreFr, ...account.fr, ...adminCrawl.fr, ...bodies.fr, ...catalogue.fr, ...catalogueAdmin.fr, ...catalogueOpenData.fr, ...declarations.fr, ...enrichment.fr, ...registry.fr }
export type MessageKey = keyof typeof fr
export const en: Record<MessageKey, string> = { ...coreEn, ...account.en, ...adminCrawl.en, ...bodies.en, ...catalogue.en, ...catalogueAdmin.en, ...catalogueOpenData.en, ...declarations.en, ...enrichment.en, ...registry.en }
