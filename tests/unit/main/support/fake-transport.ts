/**
 * A scripted central for tests: routes answer with status and body, every request is recorded,
 * and faults (no answer, timeout, 5xx) can be switched on.
 */
import type { CentralRequest, CentralResponse, CentralTransport } from '../../../../src-main/central/central-transport'

export type Fault = 'network' | 'timeout' | 'server-error' | null

export type Route = (request: CentralRequest) => CentralResponse | Promise<CentralResponse>

export interface FakeCentral {
  readonly transport: CentralTransport
  readonly requests: CentralRequest[]
  fault: Fault
  /** Keyed "METHOD /path" (path without query); `*` in the key matches one segment. */
  route(key: string, answer: Route): void
  pathsCalled(): string[]
}

export const SERVER_TIME = '2026-09-10T02:00:00.000Z'

export function answer(status: number, body: Record<string, unknown>): CentralResponse {
  return { status, body: { serverTime: SERVER_TIME, ...body } }
}

export function refusal(status: number, code: string, message: string): CentralResponse {
  return { status, body: { serverTime: SERVER_TIME, error: { code, message } } }
}

function matches(key: string, method: string, path: string): boolean {
  const [keyMethod, keyPath = ''] = key.split(' ')
  if (keyMethod !== method) return false
  const a = keyPath.split('/')
  const b = path.split('/')
  return a.length === b.length && a.every((seg, i) => seg === '*' || seg === b[i])
}

export function createFakeCentral(): FakeCentral {
  const routes: [string, Route][] = []
  const fake: FakeCentral = {
    requests: [],
    fault: null,
    route(key, answerFn) {
      routes.unshift([key, answerFn])
    },
    pathsCalled() {
      return fake.requests.map((r) => `${r.method} ${r.path.split('?')[0]}`)
    },
    transport: async (request) => {
      fake.requests.push(request)
      if (fake.fault === 'network') throw new TypeError('fetch failed')
      if (fake.fault === 'timeout') throw new DOMException('The operation was aborted due to timeout', 'TimeoutError')
      if (fake.fault === 'server-error') return { status: 503, body: null }
      const path = request.path.split('?')[0] ?? ''
      const found = routes.find(([key]) => matches(key, request.method, path))
      if (found === undefined) return refusal(404, 'NOT_FOUND', '未找到。')
      return found[1](request)
    },
  }
  return fake
}
