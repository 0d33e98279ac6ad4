/**
 * K6: the renderer is served from `app://kiosk/`, a privileged standard + secure scheme, rather
 * than file:// (which would give the page the file system's origin and privileges). The handler
 * serves only files inside out/renderer (no traversal, no dot-files), with the CSP and the same
 * security headers the headless host sends.
 */
import type { CustomScheme, Protocol } from 'electron'
import { loadStaticFile } from '../host/static-files'
import { SECURITY_HEADERS } from '../host/security-headers'

export const RENDERER_SCHEME = 'app'
export const RENDERER_HOST = 'kiosk'
export const RENDERER_ORIGIN = `${RENDERER_SCHEME}://${RENDERER_HOST}`
export const RENDERER_INDEX_URL = `${RENDERER_ORIGIN}/index.html`

export const RENDERER_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: RENDERER_SCHEME,
  // standard: real origin and relative URLs; secure: treated like https (no mixed content).
  // corsEnabled only lets the scheme take part in CORS; nothing answers another origin.
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true },
}

/** Must run before the app is ready. */
export function registerRendererScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([RENDERER_SCHEME_PRIVILEGES])
}

function refuse(status: number): Response {
  return new Response(null, { status, headers: { ...SECURITY_HEADERS } })
}

export function createRendererRequestHandler(rendererRoot: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405)
    let url: URL
    try {
      url = new URL(request.url)
    } catch {
      return refuse(400)
    }
    if (url.protocol !== `${RENDERER_SCHEME}:` || url.host !== RENDERER_HOST) return refuse(404)
    const file = await loadStaticFile(rendererRoot, url.pathname)
    if (file === null) return refuse(404)
    const headers = {
      ...SECURITY_HEADERS,
      'Content-Type': file.contentType,
      'Cache-Control': file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(file.body), { status: 200, headers })
  }
}

/** Serves the renderer on the session the window uses. */
export function handleRendererScheme(protocol: Pick<Protocol, 'handle'>, rendererRoot: string): void {
  protocol.handle(RENDERER_SCHEME, createRendererRequestHandler(rendererRoot))
}
