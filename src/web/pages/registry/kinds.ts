import { bodyKinds } from '../../../domain/sources/sources-file.ts'
import type { Translate } from '../../i18n/index.ts'

type BodyKind = (typeof bodyKinds)[number]

export function isBodyKind(value: unknown): value is BodyKind {
  return typeof value === 'string' && (bodyKinds as readonly string[]).includes(value)
}

/** A body's kind in words; kinds written by hand in the database show as they are. */
export function kindLabel(t: Translate, kind: string): string {
  return isBodyKind(kind) ? t(`bodies.kind.${kind}`) : kind
}
