/**
 * The one way the kiosk reaches the central service: a request in, a status and a JSON body
 * out. Tests swap in a fake to script answers and inject faults; a transport rejects only when
 * no answer arrived (network error, timeout).
 */
export interface CentralRequest {
  readonly method: 'GET' | 'POST'
  /** Path and query, e.g. /v1/roster?limit=1000 */
  readonly path: string
  readonly headers: Readonly<Record<string, string>>
  readonly body?: unknown
}

export interface CentralResponse {
  readonly status: number
  /** The parsed JSON body, or null when the body was empty or not JSON. */
  readonly body: unknown
}

export type CentralTransport = (request: CentralRequest) => Promise<CentralResponse>

export interface FetchTransportOptions {
  readonly timeoutMs?: number
  readonly fetch?: typeof fetch
}

export const DEFAULT_CENTRAL_TIMEOUT_MS = 8000

/** The production transport: global fetch, with the whole exchange bounded by a timeout. */
export function createFetchTransport(baseUrl: string, options: FetchTransportOptions = {}): CentralTransport {
  const base = baseUrl.replace(/\/+$/, '')
  const timeoutMs = options.timeoutMs ?? DEFAULT_CENTRAL_TIMEOUT_MS
  const doFetch = options.fetch ?? fetch
  return async (request) => {
    const headers: Record<string, string> = { accept: 'application/json', ...request.headers }
    const init: RequestInit = { method: request.method, headers, signal: AbortSignal.timeout(timeoutMs) }
    if (request.body !== undefined) {
      headers['content-type'] = 'application/json'
      init.body = JSON.stringify(request.body)
    }
    const response = await doFetch(base + request.path, init)
    const text = await response.text()
    return { status: response.status, body: parseJson(text) }
  }
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return null
  try {
    return JSON.parse(text) as unknown
  } catch {
    return null
  }
}
