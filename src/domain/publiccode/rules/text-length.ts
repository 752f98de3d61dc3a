// Lengths of descriptions are counted in grapheme clusters (what a reader sees as one character),
// as the reference does with rivo/uniseg: "é" written with a combining accent counts once.
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' })

function graphemeCount(value: string): number {
  // Segmenting is slow; in ASCII text, only CR LF forms a cluster of more than one character.
  if (!/[^\u0000-\u007F]/.test(value)) return value.length - (value.match(/\r\n/g)?.length ?? 0)
  let count = 0
  for (const _ of segmenter.segment(value)) count++
  return count
}

/** A text never has more clusters than UTF-16 code units, which spares counting most texts. */
export function hasAtMost(value: string, max: number): boolean {
  return value.length <= max || graphemeCount(value) <= max
}

export function hasAtLeast(value: string, min: number): boolean {
  return value.length >= min && graphemeCount(value) >= min
}
