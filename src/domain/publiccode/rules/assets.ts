// Files a publiccode.yml points to inside its repository (logo, screenshots, authors file). Absolute
// URLs are the network checker's business (see urls.ts); relative paths are checked here when the
// caller gives access to the repository's files, as the reference does for a local file.
import { LOGO_EXTENSIONS, SCREENSHOT_EXTENSIONS } from '../enums.ts'
import { parseGoRequestUri } from '../go-url.ts'
import type { RepositoryFiles } from '../result.ts'

// The standard asks for 1000px; the reference temporarily accepts 120px and so does Socle.
const MIN_LOGO_WIDTH = 120
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

/** An absolute path or a `file:` URL is refused: the file must be in the repository. */
export function pathOrUrlProblem(value: string): string | null {
  if (value.startsWith('/')) return 'is an absolute path. Only relative paths or HTTP(s) URLs allowed'
  if (value.startsWith('file:')) return 'is a file:// URL. Only relative paths or HTTP(s) URLs allowed'
  return null
}

/** The repository path a value refers to, or null for an absolute URL. */
export function repositoryPath(value: string): string | null {
  if (parseGoRequestUri(value).ok) return null
  const parts: string[] = []
  for (const part of value.split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..' && parts.length > 0 && parts.at(-1) !== '..') parts.pop()
    else parts.push(part)
  }
  return parts.join('/')
}

function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1)
  const dot = name.lastIndexOf('.')
  return dot === -1 ? '' : name.slice(dot).toLowerCase()
}

export function logoProblem(path: string, files: RepositoryFiles): string | null {
  if (!(LOGO_EXTENSIONS as readonly string[]).includes(extensionOf(path))) return `invalid file extension for: ${path}`
  const content = files.read(path)
  if (content === null) return `no such file: ${path}`
  if (extensionOf(path) !== '.png') return null
  const width = pngWidth(content)
  if (typeof width === 'string') return width
  return width < MIN_LOGO_WIDTH ? `invalid image size of ${width} (min ${MIN_LOGO_WIDTH}px of width): ${path}` : null
}

export function screenshotProblem(path: string, files: RepositoryFiles): string | null {
  if (!(SCREENSHOT_EXTENSIONS as readonly string[]).includes(extensionOf(path))) return `invalid file extension for: ${path}`
  return files.read(path) === null ? `no such file: ${path}` : null
}

export function missingFileProblem(path: string, files: RepositoryFiles): string | null {
  return files.read(path) === null ? `no such file: ${path}` : null
}

/** Width from the PNG header, or the error Go's image.DecodeConfig would give. */
function pngWidth(content: Uint8Array): number | string {
  if (content.length < PNG_SIGNATURE.length || PNG_SIGNATURE.some((byte, i) => content[i] !== byte)) {
    return 'image: unknown format'
  }
  // Signature, then the IHDR chunk: length (4 bytes), type (4), width (4), height (4)…
  if (content.length < 24) return 'unexpected EOF'
  if (String.fromCharCode(...content.subarray(12, 16)) !== 'IHDR') return 'png: invalid format: chunk out of order'
  return new DataView(content.buffer, content.byteOffset, content.byteLength).getUint32(16)
}
