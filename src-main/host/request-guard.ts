/**
 * Who may talk to the headless host. It listens on 127.0.0.1 only, but any web page the kiosk's
 * browser opens can still aim requests at it: a page on another origin (cross-site request) or a
 * hostile DNS name that resolves to 127.0.0.1 (DNS rebinding). So every request must name the
 * host itself in `Host`, and any `Origin` it carries must be the host's own.
 */
import type { IncomingHttpHeaders } from 'node:http'

export type Refusal = { readonly status: 403 | 415; readonly reason: string }

/** The `host:port` spellings that reach this host: the address it listens on and `localhost`. */
export function ownAuthorities(port: number): ReadonlySet<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`])
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}

/** DNS-rebinding and cross-origin guard, applied to every request. */
export function refuseForeignRequest(headers: IncomingHttpHeaders, port: number): Refusal | null {
  const authorities = ownAuthorities(port)
  const host = single(headers.host)?.toLowerCase()
  if (host === undefined || !authorities.has(host)) {
    return { status: 403, reason: 'The Host header does not name this kiosk host.' }
  }
  const origin = single(headers.origin)?.toLowerCase()
  if (origin !== undefined && !isOwnOrigin(origin, authorities)) {
    return { status: 403, reason: 'Requests from other origins are refused.' }
  }
  return null
}

function isOwnOrigin(origin: string, authorities: ReadonlySet<string>): boolean {
  if (!origin.startsWith('http://')) return false
  return authorities.has(origin.slice('http://'.length))
}

/**
 * Extra conditions for POST /ipc: a JSON body (a plain HTML form cannot send one without a CORS
 * preflight this host never grants) and, where the browser says so, a same-origin request.
 */
export function refuseForeignIpcCall(headers: IncomingHttpHeaders): Refusal | null {
  const fetchSite = single(headers['sec-fetch-site'])?.toLowerCase()
  if (fetchSite === 'cross-site' || fetchSite === 'same-site') {
    return { status: 403, reason: 'Cross-site requests are refused.' }
  }
  const mediaType = single(headers['content-type'])?.split(';')[0]?.trim().toLowerCase()
  if (mediaType !== 'application/json') {
    return { status: 415, reason: 'The request body must be application/json.' }
  }
  return null
}
