/**
 * Where the renderer is loaded from and how to recognise it: `app://kiosk/index.html` (served
 * by app-protocol.ts) in production, or electron-vite's dev server (ELECTRON_RENDERER_URL) while
 * developing an unpackaged build. The same answer decides which frames main trusts with IPC.
 */
import { RENDERER_HOST, RENDERER_INDEX_URL, RENDERER_SCHEME } from './app-protocol'

export interface RendererTarget {
  readonly kind: 'app' | 'dev-server'
  readonly url: string
}

export interface RendererLocation {
  readonly target: RendererTarget
  /** True when `url` is our renderer's page (any hash or query), and nothing else. */
  isRendererUrl(url: string): boolean
}

function parse(url: string): URL | null {
  try {
    return new URL(url)
  } catch {
    return null
  }
}

export function rendererLocation(options: { devServerUrl?: string | undefined }): RendererLocation {
  const dev = options.devServerUrl ? parse(options.devServerUrl) : null
  if (dev !== null && (dev.protocol === 'http:' || dev.protocol === 'https:')) {
    return {
      target: { kind: 'dev-server', url: dev.href },
      isRendererUrl: (url) => parse(url)?.origin === dev.origin,
    }
  }
  return {
    target: { kind: 'app', url: RENDERER_INDEX_URL },
    isRendererUrl: (url) => {
      const candidate = parse(url)
      return (
        candidate !== null &&
        candidate.protocol === `${RENDERER_SCHEME}:` &&
        candidate.host === RENDERER_HOST &&
        candidate.username === '' &&
        candidate.password === '' &&
        (candidate.pathname === '/index.html' || candidate.pathname === '/')
      )
    },
  }
}
