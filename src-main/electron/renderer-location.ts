/**
 * Where the renderer is loaded from and how to recognise it: the built index.html as a file://
 * URL in production, or electron-vite's dev server (ELECTRON_RENDERER_URL) while developing.
 * The same answer decides which frames main trusts with IPC.
 */
import { pathToFileURL } from 'node:url'

export type RendererTarget = { readonly kind: 'file'; readonly path: string } | { readonly kind: 'url'; readonly url: string }

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

export function rendererLocation(options: { indexHtml: string; devServerUrl?: string | undefined }): RendererLocation {
  const dev = options.devServerUrl ? parse(options.devServerUrl) : null
  if (dev !== null && (dev.protocol === 'http:' || dev.protocol === 'https:')) {
    return {
      target: { kind: 'url', url: dev.href },
      isRendererUrl: (url) => parse(url)?.origin === dev.origin,
    }
  }
  const page = pathToFileURL(options.indexHtml)
  return {
    target: { kind: 'file', path: options.indexHtml },
    isRendererUrl: (url) => {
      const candidate = parse(url)
      return candidate !== null && candidate.protocol === 'file:' && candidate.pathname === page.pathname && candidate.host === page.host
    },
  }
}
