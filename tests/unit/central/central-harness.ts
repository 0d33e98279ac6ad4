/** Starts a reference central on an ephemeral port with a settable clock, and talks to it. */
import { expect } from 'vitest'
import { centralErrorSchema, endpoints, type CentralError, type EndpointName, type EndpointResponse } from '../../../src-shared/central/contract'
import { startCentralServer, type CentralServerOptions, type RunningCentral } from '../../../src-central/server'

export const T0 = new Date('2026-09-01T02:00:00.000Z')

export interface Harness {
  readonly central: RunningCentral
  readonly clock: { now: Date }
  /** Token of kiosk 'K-NANKAI' serving school 12001 only. */
  readonly nankaiToken: string
  /** Token of kiosk 'K-BOTH' serving 12001 and 99301. */
  readonly bothToken: string
}

export async function startHarness(options: Partial<CentralServerOptions> = {}): Promise<Harness> {
  const clock = { now: T0 }
  const central = await startCentralServer({ dbPath: ':memory:', now: () => clock.now, ...options })
  return {
    central,
    clock,
    nankaiToken: central.issueDeviceToken('K-NANKAI', ['12001']),
    bothToken: central.issueDeviceToken('K-BOTH', ['12001', '99301']),
  }
}

export interface CallOptions {
  readonly token?: string | null
  readonly method?: 'GET' | 'POST'
  readonly body?: unknown
  /** Sent as-is instead of JSON.stringify(body). */
  readonly rawBody?: string
  readonly idempotencyKey?: string
}

export interface CallResult {
  readonly status: number
  readonly text: string
  readonly json: unknown
  readonly headers: Headers
}

export async function call(h: Harness, path: string, options: CallOptions = {}): Promise<CallResult> {
  const headers: Record<string, string> = {}
  const token = options.token === undefined ? h.bothToken : options.token
  if (token !== null) headers.authorization = `Bearer ${token}`
  if (options.idempotencyKey !== undefined) headers['idempotency-key'] = options.idempotencyKey
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body))
  if (body !== undefined) headers['content-type'] = 'application/json'
  const res = await fetch(h.central.url + path, {
    method: options.method ?? (body === undefined ? 'GET' : 'POST'),
    headers,
    body,
  })
  const text = await res.text()
  return { status: res.status, text, json: JSON.parse(text) as unknown, headers: res.headers }
}

/** Asserts a 200 answer that conforms to the endpoint's response schema, and returns it typed. */
export function expectAnswer<N extends EndpointName>(result: CallResult, name: N): EndpointResponse<N> {
  expect(result.status, result.text).toBe(200)
  return endpoints[name].response.parse(result.json) as EndpointResponse<N>
}

/** Asserts an error answer of the given status and code, and returns its error. */
export function expectError(result: CallResult, status: number, code: CentralError['error']['code']): CentralError['error'] {
  expect(result.status, result.text).toBe(status)
  const parsed = centralErrorSchema.parse(result.json)
  expect(parsed.error.code).toBe(code)
  return parsed.error
}
