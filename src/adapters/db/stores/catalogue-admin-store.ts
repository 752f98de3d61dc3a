import type { FieldSources } from '../../../domain/catalogue/provenance.ts'
import { type Kysely, type SqlBool, sql } from 'kysely'
import type { CustomAttribute, CustomValue } from '../../../domain/catalogue/custom-attributes.ts'
import type { Dereferencing, SoftwareFields } from '../../../domain/catalogue/moderation.ts'
import { slugify } from '../../../domain/shared/slug.ts'
import { withoutInternals } from '../batches.ts'
import type { DB } from '../schema.ts'
import type { SoftwareRecord } from './software-store.ts'

/** A software already in the catalogue that an addition may duplicate, and why it looks like one. */
export interface PossibleDuplicate {
  slug: string
  name: string
  moderation: string
  reasons: ('name' | 'repository' | 'wikidata')[]
}

/** A repository of Socle's registry that an addition may describe. */
export interface RegistryCandidate {
  url: string
  forge_host: string
  owner: string
  name: string
  description: string | null
  /** The licence that applies (SPDX), when the registry knows it. */
  licence: string | null
  homepage: string | null
  stars: number
}

export interface AuditRow {
  id: string
  at: Date
  action: string
  subject_type: string
  subject_id: string | null
  details: unknown
  agent_id: string | null
  agent_name: string | null
  agent_email: string | null
}

/** A software awaiting moderation (or rejected), with who added it. */
export type ModerationItem = SoftwareRecord & { submitter_name: string | null; submitter_email: string | null }

/** Slugs that name pages of the catalogue, not software. */
const RESERVED_SLUGS = ['add']

/** The same repository address, whatever its case, trailing slash or `.git`. */
const bareUrl = (url: string) => url.trim().replace(/\/+$/, '').replace(/\.git$/, '').toLowerCase()
const bareUrlSql = (column: string) => sql<string>`rtrim(regexp_replace(lower(${sql.ref(column)}), '\\.git/?$', ''), '/')`

/** What the catalogue's staff read and write: moderation, dereferencing, merges, edits, custom attributes, the audit log. */
export class CatalogueAdminStore {
  constructor(private readonly db: Kysely<DB>) {}

  /**
   * Software of the catalogue (whatever its moderation) with a close name (trigram similarity on the
   * unaccented name), the same repository address, or the same Wikidata id.
   */
  async possibleDuplicates(probe: { name: string; repositoryUrl?: string | null; wikidataId?: string | null }, limit = 10): Promise<PossibleDuplicate[]> {
    const name = probe.name.trim().slice(0, 200)
    const byName = sql<SqlBool>`(socle_unaccent(lower(name)) % socle_unaccent(lower(${name})) or socle_unaccent(lower(name)) = socle_unaccent(lower(${name})))`
    const byRepository = probe.repositoryUrl ? sql<SqlBool>`(${bareUrlSql('repository_url')} = ${bareUrl(probe.repositoryUrl)})` : sql<SqlBool>`false`
    const byWikidata = probe.wikidataId ? sql<SqlBool>`(wikidata_id = ${probe.wikidataId})` : sql<SqlBool>`false`
    const rows = await this.db
      .selectFrom('software')
      .select(['slug', 'name', 'moderation'])
      .select([byName.as('by_name'), byRepository.as('by_repository'), byWikidata.as('by_wikidata')])
      .where(sql<SqlBool>`(${byName} or ${byRepository} or ${byWikidata})`)
      .orderBy(sql`similarity(socle_unaccent(lower(name)), socle_unaccent(lower(${name})))`, 'desc')
      .limit(limit)
      .execute()
    return rows.map((row) => ({
      slug: row.slug,
      name: row.name,
      moderation: row.moderation,
      reasons: [row.by_name && 'name', row.by_repository && 'repository', row.by_wikidata && 'wikidata'].filter((r): r is PossibleDuplicate['reasons'][number] => Boolean(r)),
    }))
  }

  /** Repositories of the registry whose name is close to `name`, most starred first among the closest. */
  async registryCandidates(name: string, limit = 8): Promise<RegistryCandidate[]> {
    const probe = name.trim().slice(0, 200)
    if (!probe) return []
    return await this.db
      .selectFrom('repository')
      .select(['url', 'forge_host', 'owner', 'name', 'description', 'homepage', 'stars'])
      .select(sql<string | null>`coalesce(effective_licence, licence)`.as('licence'))
      .where(sql<SqlBool>`socle_unaccent(lower(name)) % socle_unaccent(lower(${probe}))`)
      .where('gone_at', 'is', null)
      .where('is_fork', '=', false)
      .orderBy(sql`similarity(socle_unaccent(lower(name)), socle_unaccent(lower(${probe})))`, 'desc')
      .orderBy('stars', 'desc')
      .limit(limit)
      .execute()
  }

  /** The registry's repository at this exact address (a candidate picked from the list). */
  async registryRepository(url: string): Promise<RegistryCandidate | undefined> {
    return await this.db
      .selectFrom('repository')
      .select(['url', 'forge_host', 'owner', 'name', 'description', 'homepage', 'stars'])
      .select(sql<string | null>`coalesce(effective_licence, licence)`.as('licence'))
      .where('url', '=', url)
      .executeTakeFirst()
  }

  /**
   * Adds a software awaiting moderation, under a slug of its name not taken by a software, an alias
   * or a page of the catalogue (`add`). Two additions of one name at once: the second takes the next slug.
   */
  async addPending(fields: SoftwareFields, submittedBy: string): Promise<{ id: string; slug: string }> {
    const base = slugify(fields.name) || 'logiciel'
    for (let attempt = 0; ; attempt++) {
      const taken = new Set([
        ...RESERVED_SLUGS,
        ...(
          await sql<{ slug: string }>`
            select slug from software where slug = ${base} or slug like ${`${base}-%`}
            union select slug from software_slug_alias where slug = ${base} or slug like ${`${base}-%`}
          `.execute(this.db)
        ).rows.map((row) => row.slug),
      ])
      let slug = base
      for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`
      try {
        return await this.db
          .insertInto('software')
          .values({ ...fields, slug, moderation: 'pending', submitted_by: submittedBy })
          .returning(['id', 'slug'])
          .executeTakeFirstOrThrow()
      } catch (error) {
        if (attempt >= 3 || (error as { constraint?: string }).constraint !== 'software_slug_key') throw error
      }
    }
  }

  async byId(id: string): Promise<SoftwareRecord | undefined> {
    if (!isUuid(id)) return undefined
    const row = await this.db.selectFrom('software').selectAll().where('id', '=', id).executeTakeFirst()
    return row ? withoutInternals(row) : undefined
  }

  /** Software awaiting a decision, oldest first, then the latest rejected. */
  async moderationQueue(limit = 200): Promise<ModerationItem[]> {
    const rows = await this.db
      .selectFrom('software as s')
      .leftJoin('agent as a', 'a.id', 's.submitted_by')
      .selectAll('s')
      .select(['a.name as submitter_name', 'a.email as submitter_email'])
      .where('s.moderation', '<>', 'accepted')
      .orderBy(sql`s.moderation = 'pending'`, 'desc')
      .orderBy('s.created_at')
      .limit(limit)
      .execute()
    return rows.map(withoutInternals)
  }

  /** Records a decision if the software is still in one of the `from` states; answers whether it was. */
  async decide(id: string, from: readonly string[], decision: 'accepted' | 'rejected', by: string | null, reason: string | null): Promise<boolean> {
    const row = await this.db
      .updateTable('software')
      .set({ moderation: decision, moderated_by: by, moderated_at: sql`now()`, rejection_reason: reason, updated_at: sql`now()`, version: sql`version + 1` })
      .where('id', '=', id)
      .where('moderation', 'in', [...from])
      .returning('id')
      .executeTakeFirst()
    return row !== undefined
  }

  async dereference(id: string, dereferencing: Dereferencing): Promise<{ previousStatus: string } | undefined> {
    return await this.db.transaction().execute(async (trx) => {
      const before = await trx.selectFrom('software').select('status').where('id', '=', id).forUpdate().executeTakeFirst()
      if (!before) return undefined
      await trx
        .updateTable('software')
        .set({
          status: 'dereferenced',
          dereferenced_on: dereferencing.on,
          dereferenced_reason: dereferencing.reason,
          last_recommended_version: dereferencing.last_recommended_version,
          updated_at: sql`now()`,
          version: sql`version + 1`,
        })
        .where('id', '=', id)
        .execute()
      return { previousStatus: before.status }
    })
  }

  /** Lists a dereferenced software again, under `status`; the last recommended version stays as history. */
  async reinstate(id: string, status: 'recommended' | 'observation'): Promise<boolean> {
    const row = await this.db
      .updateTable('software')
      .set({ status, dereferenced_on: null, dereferenced_reason: null, updated_at: sql`now()`, version: sql`version + 1` })
      .where('id', '=', id)
      .where('status', '=', 'dereferenced')
      .returning('id')
      .executeTakeFirst()
    return row !== undefined
  }

  /**
   * Writes the fields if the software is still at `expectedVersion` (optimistic versioning: the
   * version is compared and bumped in the one statement, so two edits started from the same version
   * cannot both pass). Answers the new row, or undefined when it changed since (or is gone).
   */
  async edit(id: string, expectedVersion: number, fields: SoftwareFields, customValues: Record<string, CustomValue>, fieldSources: FieldSources): Promise<SoftwareRecord | undefined> {
    const row = await this.db
      .updateTable('software')
      .set({ ...fields, custom_attributes: JSON.stringify(customValues), field_sources: JSON.stringify(fieldSources), updated_at: sql`now()`, version: sql`version + 1` })
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .returningAll()
      .executeTakeFirst()
    return row ? withoutInternals(row) : undefined
  }

  /**
   * Merges `mergedId` into `keptId` in one transaction: users, instances and referents move (an agent
   * already referent of the kept one keeps that declaration only), similar links, children and the
   * change log follow, the merged one's addresses become aliases of the kept one, and it is deleted.
   */
  async merge(keptId: string, mergedId: string): Promise<{ moved: { users: number; referents: number; instances: number }; mergedSlug: string } | undefined> {
    return await this.db.transaction().execute(async (trx) => {
      const both = await trx.selectFrom('software').select(['id', 'slug']).where('id', 'in', [keptId, mergedId]).forUpdate().execute()
      const merged = both.find((row) => row.id === mergedId)
      if (both.length !== 2 || !merged) return undefined
      const users = await trx.updateTable('software_user').set({ software_id: keptId }).where('software_id', '=', mergedId).executeTakeFirst()
      const instances = await trx.updateTable('software_instance').set({ software_id: keptId }).where('software_id', '=', mergedId).executeTakeFirst()
      await trx
        .deleteFrom('software_referent')
        .where('software_id', '=', mergedId)
        .where('agent_id', 'in', (eb) => eb.selectFrom('software_referent').select('agent_id').where('software_id', '=', keptId).where('agent_id', 'is not', null))
        .execute()
      const referents = await trx.updateTable('software_referent').set({ software_id: keptId }).where('software_id', '=', mergedId).executeTakeFirst()
      await sql`
        insert into software_similar (software_id, similar_id, source)
        select ${keptId}::uuid, similar_id, source from software_similar where software_id = ${mergedId}::uuid and similar_id <> ${keptId}::uuid
        union all
        select software_id, ${keptId}::uuid, source from software_similar where similar_id = ${mergedId}::uuid and software_id <> ${keptId}::uuid
        on conflict do nothing
      `.execute(trx)
      await trx.updateTable('software').set({ parent_id: keptId }).where('parent_id', '=', mergedId).where('id', '<>', keptId).execute()
      await trx.updateTable('software').set({ parent_id: null }).where('id', '=', keptId).where('parent_id', '=', mergedId).execute()
      await trx.updateTable('software_change').set({ software_id: keptId }).where('software_id', '=', mergedId).execute()
      await trx.updateTable('software_slug_alias').set({ software_id: keptId }).where('software_id', '=', mergedId).execute()
      await trx.deleteFrom('software').where('id', '=', mergedId).execute()
      await trx.insertInto('software_slug_alias').values({ slug: merged.slug, software_id: keptId }).onConflict((oc) => oc.column('slug').doUpdateSet({ software_id: keptId })).execute()
      await trx.updateTable('software').set({ updated_at: sql`now()`, version: sql`version + 1` }).where('id', '=', keptId).execute()
      return {
        mergedSlug: merged.slug,
        moved: { users: Number(users.numUpdatedRows), referents: Number(referents.numUpdatedRows), instances: Number(instances.numUpdatedRows) },
      }
    })
  }

  /** The slug a merged software's old slug now leads to. */
  async aliasTarget(slug: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('software_slug_alias as a')
      .innerJoin('software as s', 's.id', 'a.software_id')
      .select('s.slug')
      .where('a.slug', '=', slug)
      .executeTakeFirst()
    return row?.slug
  }

  async customAttributes(): Promise<CustomAttribute[]> {
    const rows = await this.db.selectFrom('custom_attribute').select(['key', 'label_fr', 'label_en', 'kind', 'position']).orderBy('position').orderBy('key').execute()
    return rows as CustomAttribute[]
  }

  /** Defines an attribute, or changes its labels, kind and position. */
  async saveCustomAttribute(attribute: CustomAttribute): Promise<void> {
    await this.db
      .insertInto('custom_attribute')
      .values(attribute)
      .onConflict((oc) => oc.column('key').doUpdateSet({ label_fr: attribute.label_fr, label_en: attribute.label_en, kind: attribute.kind, position: attribute.position }))
      .execute()
  }

  /** Removes an attribute and its values; answers whether it existed. */
  async deleteCustomAttribute(key: string): Promise<boolean> {
    return await this.db.transaction().execute(async (trx) => {
      const row = await trx.deleteFrom('custom_attribute').where('key', '=', key).returning('key').executeTakeFirst()
      if (row) await sql`update software set custom_attributes = custom_attributes - ${key}::text where custom_attributes ? ${key}::text`.execute(trx)
      return row !== undefined
    })
  }

  /** The catalogue's audit entries (software and custom attributes), latest first; of one software when asked. */
  async auditLog(filter: { softwareId?: string | undefined }, limit = 200): Promise<AuditRow[]> {
    return await this.db
      .selectFrom('audit_log as l')
      .leftJoin('agent as a', 'a.id', 'l.agent_id')
      .select(['l.id', 'l.at', 'l.action', 'l.subject_type', 'l.subject_id', 'l.details', 'l.agent_id', 'a.name as agent_name', 'a.email as agent_email'])
      .$if(filter.softwareId !== undefined, (q) => q.where('l.subject_type', '=', 'software').where('l.subject_id', '=', filter.softwareId!))
      .$if(filter.softwareId === undefined, (q) => q.where('l.subject_type', 'in', ['software', 'custom_attribute']))
      .orderBy('l.at', 'desc')
      .limit(limit)
      .execute()
  }
}

export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)
}
