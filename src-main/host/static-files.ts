/**
 * Serves the built renderer (out/renderer) read-only: `/` is index.html, everything else must
 * name a file inside the directory. Traversal (`..`, encoded or not), backslashes, NUL bytes and
 * dot-files are refused before the file system is touched.
 */
import { readFile, stat } from 'node:fs/promises'
import { extname, resolve, sep } from 'node:path'

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
}

export function contentTypeOf(filePath: string): string {
  return CONTENT_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream'
}

/** Maps a request path (without query) to a file under `root`, or null when it may not be served. */
export function resolveStaticPath(root: string, requestPath: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(requestPath)
  } catch {
    return null
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) return null
  const relative = decoded === '/' ? 'index.html' : decoded.slice(1)
  const segments = relative.split('/')
  if (segments.some((s) => s === '' || s === '.' || s === '..' || s.startsWith('.'))) return null
  const base = resolve(root)
  const file = resolve(base, ...segments)
  return file.startsWith(base + sep) ? file : null
}

export interface StaticFile {
  readonly body: Buffer
  readonly contentType: string
  /** Vite names bundled assets by content hash: they never change under the same name. */
  readonly immutable: boolean
}

export async function loadStaticFile(root: string, requestPath: string): Promise<StaticFile | null> {
  const file = resolveStaticPath(root, requestPath)
  if (file === null) return null
  try {
    if (!(await stat(file)).isFile()) return null
    return {
      body: await readFile(file),
      contentType: contentTypeOf(file),
      immutable: requestPath.startsWith('/assets/'),
    }
  } catch {
    return null
  }
}
