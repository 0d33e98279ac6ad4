/**
 * The typed client of the central service, derived from `endpoints` in the shared contract:
 * every request body is checked before it leaves, every answer is parsed with the endpoint's
 * response schema, every request carries the device token, every mutating one an
 * Idempotency-Key (S2). It reaches the central only through the transport (HTTP).
 */
import { z } from 'zod'
import {
  centralErrorSchema,
  endpoints,
  IDEMPOTENCY_HEADER,
  type BatchableEndpoint,
  type EndpointName,
  type EndpointRequest,
  type EndpointResponse,
} from '../../src-shared/central/contract'
import type { Clock } from '../support/clock'
import type { CentralFailure, CentralResult } from './central-failure'
import type { CentralTransport } from './central-transport'
import { LinkMonitor, type LinkSnapshot } from './link-monitor'

export interface CallOptions<N extends EndpointName> {
  /** Values for `:name` segments of the endpoint's path. */
  readonly params?: Readonly<Record<string, string>>
  readonly query?: Readonly<Record<string, string | number | undefined>>
  readonly body?: EndpointRequest<N>
  /** Required by mutating endpoints. */
  readonly idempotencyKey?: string
}

/** One change of an outbox batch: a mutating call with its own idempotency key (S2). */
export interface BatchCall<N extends BatchableEndpoint = BatchableEndpoint> {
  readonly name: N
  readonly params?: Readonly<Record<string, string>>
  readonly body: EndpointRequest<N>
  readonly idempotencyKey: string
}

/** Each item's answer, parsed and sorted exactly as `call` would have for that request alone. */
export type BatchResults = readonly CentralResult<unknown>[]

export interface CentralClient {
  call<N extends EndpointName>(name: N, options?: CallOptions<N>): Promise<CentralResult<EndpointResponse<N>>>
  /**
   * S1, S2: several mutating calls in one request (POST /v1/batch), answered in order. The outer
   * result fails as one (no answer, 5xx, a refused batch); otherwise each item's result is what
   * `call` gives for it alone (a retryable 5xx, a final refusal, or the parsed answer).
   */
  batch(calls: readonly BatchCall[]): Promise<CentralResult<BatchResults>>
  getExamSession(): Promise<CentralResult<EndpointResponse<'getExamSession'>>>
  getCatalog(): Promise<CentralResult<EndpointResponse<'getCatalog'>>>
  getRosterPage(after: string | null, limit: number): Promise<CentralResult<EndpointResponse<'getRosterPage'>>>
  lookupRoster(request: EndpointRequest<'lookupRoster'>): Promise<CentralResult<EndpointResponse<'lookupRoster'>>>
  confirmRegistration(
    request: EndpointRequest<'confirmRegistration'>,
    idempotencyKey: string,
  ): Promise<CentralResult<EndpointResponse<'confirmRegistration'>>>
  getRegistration(candidateId: string): Promise<CentralResult<EndpointResponse<'getRegistration'>>>
  /** B4–B7 */
  listBookings(candidateId: string): Promise<CentralResult<EndpointResponse<'listBookings'>>>
  /** B1–B4, S2 */
  createBookings(
    request: EndpointRequest<'createBookings'>,
    idempotencyKey: string,
  ): Promise<CentralResult<EndpointResponse<'createBookings'>>>
  /** B5, S2 */
  cancelBooking(
    bookingId: string,
    request: EndpointRequest<'cancelBooking'>,
    idempotencyKey: string,
  ): Promise<CentralResult<EndpointResponse<'cancelBooking'>>>
  /** R1, S2 */
  setScoreReport(
    bookingId: string,
    request: EndpointRequest<'setScoreReport'>,
    idempotencyKey: string,
  ): Promise<CentralResult<EndpointResponse<'setScoreReport'>>>
  /** P1, P2, S2 */
  createOrder(request: EndpointRequest<'createOrder'>, idempotencyKey: string): Promise<CentralResult<EndpointResponse<'createOrder'>>>
  /** P3 */
  getOrder(orderNo: string): Promise<CentralResult<EndpointResponse<'getOrder'>>>
  /** B6, S2 */
  deleteRegistration(candidateId: string, idempotencyKey: string): Promise<CentralResult<EndpointResponse<'deleteRegistration'>>>
  /** S3: the change feed after a cursor (null: from the beginning). */
  listChanges(after: string | null, limit?: number): Promise<CentralResult<EndpointResponse<'listChanges'>>>
  /** S4, S2: grants or tops up this device's allotment on an offering. */
  requestAllotment(
    request: EndpointRequest<'requestAllotment'>,
    idempotencyKey: string,
  ): Promise<CentralResult<EndpointResponse<'requestAllotment'>>>
  /** S4, S2: gives the seats still held back to the offering. */
  returnAllotment(allotmentId: string, idempotencyKey: string): Promise<CentralResult<EndpointResponse<'returnAllotment'>>>
  /** S4: this device's active allotments. */
  listAllotments(): Promise<CentralResult<EndpointResponse<'listAllotments'>>>
  link(): LinkSnapshot
}

export interface CentralClientOptions {
  readonly transport: CentralTransport
  readonly deviceToken: string
  readonly clock: Clock
}

function buildPath(template: string, params: Readonly<Record<string, string>>, query: CallOptions<EndpointName>['query']): string {
  const path = template.replace(/:([A-Za-z]+)/g, (_, key: string) => {
    const value = params[key]
    if (value === undefined) throw new Error(`Missing path parameter ${key} for ${template}`)
    return encodeURIComponent(value)
  })
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined) search.set(key, String(value))
  const qs = search.toString()
  return qs === '' ? path : `${path}?${qs}`
}

function noAnswer(error: unknown): CentralFailure {
  const name = error instanceof Error ? error.name : ''
  const timedOut = name === 'TimeoutError' || name === 'AbortError'
  return {
    kind: 'retryable',
    reason: timedOut ? 'timeout' : 'network',
    detail: error instanceof Error ? `${error.name}: ${error.message}` : 'transport failed',
  }
}

function refusal(status: number, body: unknown): CentralFailure {
  const parsed = centralErrorSchema.safeParse(body)
  if (parsed.success) return { kind: 'final', status, code: parsed.data.error.code, message: parsed.data.error.message }
  return { kind: 'final', status, code: 'BAD_RESPONSE', message: '报名中心返回了无法识别的答复，请联系管理员。' }
}

/** The kiosk refused to send a malformed request itself. */
const notSent: CentralFailure = { kind: 'final', status: 0, code: 'BAD_REQUEST', message: '请求内容不完整，未发送至报名中心。' }

/** What an answer means: 5xx retryable, other non-2xx the central's refusal, 2xx parsed by the endpoint's schema. */
function interpret<T>(schema: z.ZodType, status: number, body: unknown): CentralResult<T> {
  if (status >= 500) return { ok: false, failure: { kind: 'retryable', reason: 'server', detail: `HTTP ${status}` } }
  if (status < 200 || status >= 300) return { ok: false, failure: refusal(status, body) }
  const parsed = schema.safeParse(body)
  if (!parsed.success) return { ok: false, failure: refusal(status, null) }
  return { ok: true, value: parsed.data as T }
}

/** The /v1/batch answer's envelope: the contract's shape, each item's body left for its endpoint's schema. */
const batchEnvelope = z.object({
  serverTime: z.string(),
  results: z.array(z.object({ status: z.number().int(), body: z.unknown(), replayed: z.boolean().optional() })),
})

function serverTimeOf(body: unknown): string | null {
  if (typeof body !== 'object' || body === null) return null
  const value = (body as { serverTime?: unknown }).serverTime
  return typeof value === 'string' ? value : null
}

export function createCentralClient(options: CentralClientOptions): CentralClient {
  const { transport, deviceToken, clock } = options
  const monitor = new LinkMonitor(clock)

  function call<N extends EndpointName>(name: N, callOptions: CallOptions<N> = {}): Promise<CentralResult<EndpointResponse<N>>> {
    return send(name, callOptions, endpoints[name].response as z.ZodType)
  }

  async function send<N extends EndpointName>(
    name: N,
    callOptions: CallOptions<N>,
    responseSchema: z.ZodType,
  ): Promise<CentralResult<EndpointResponse<N>>> {
    const endpoint = endpoints[name]
    if (endpoint.mutating && callOptions.idempotencyKey === undefined)
      throw new Error(`The central endpoint ${name} changes data and needs an idempotency key (S2).`)
    const headers: Record<string, string> = { authorization: `Bearer ${deviceToken}` }
    if (callOptions.idempotencyKey !== undefined) headers[IDEMPOTENCY_HEADER] = callOptions.idempotencyKey

    let body: unknown
    if (endpoint.request !== null) {
      const checked = (endpoint.request as z.ZodType).safeParse(callOptions.body)
      if (!checked.success) return { ok: false, failure: notSent }
      body = checked.data
    }

    const path = buildPath(endpoint.path, callOptions.params ?? {}, callOptions.query)
    const sentAt = clock().getTime()
    let response
    try {
      response = await transport({ method: endpoint.method, path, headers, ...(body === undefined ? {} : { body }) })
    } catch (error) {
      monitor.recordNoAnswer()
      return { ok: false, failure: noAnswer(error) }
    }
    const serverTime = serverTimeOf(response.body)
    if (serverTime !== null) monitor.recordServerTime(serverTime, sentAt, clock().getTime())

    if (response.status >= 500) monitor.recordNoAnswer()
    else monitor.recordAnswer()
    return interpret(responseSchema, response.status, response.body)
  }

  async function batch(calls: readonly BatchCall[]): Promise<CentralResult<BatchResults>> {
    const results: (CentralResult<unknown> | undefined)[] = []
    const requests: EndpointRequest<'deliverBatch'>['requests'] = []
    const sentIndex: number[] = []
    for (const [i, c] of calls.entries()) {
      const endpoint = endpoints[c.name]
      const checked = (endpoint.request as z.ZodType).safeParse(c.body)
      if (!checked.success) {
        results.push({ ok: false, failure: notSent })
        continue
      }
      results.push(undefined)
      sentIndex.push(i)
      requests.push({
        method: 'POST',
        path: buildPath(endpoint.path, c.params ?? {}, undefined),
        idempotencyKey: c.idempotencyKey,
        body: checked.data as Record<string, unknown>,
      })
    }
    if (requests.length > 0) {
      // Each item's body is checked below with its own endpoint's schema, so only the envelope here.
      const answered = await send('deliverBatch', { body: { requests } }, batchEnvelope)
      if (!answered.ok) return answered
      const answers = answered.value.results
      if (answers.length !== requests.length) return { ok: false, failure: refusal(200, null) }
      answers.forEach((a, k) => {
        const i = sentIndex[k]!
        results[i] = interpret(endpoints[calls[i]!.name].response, a.status, a.body)
      })
    }
    return { ok: true, value: results as CentralResult<unknown>[] }
  }

  return {
    call,
    batch,
    getExamSession: () => call('getExamSession'),
    getCatalog: () => call('getCatalog'),
    getRosterPage: (after, limit) => call('getRosterPage', { query: { after: after ?? undefined, limit } }),
    lookupRoster: (request) => call('lookupRoster', { body: request }),
    confirmRegistration: (request, idempotencyKey) => call('confirmRegistration', { body: request, idempotencyKey }),
    getRegistration: (candidateId) => call('getRegistration', { params: { candidateId } }),
    listBookings: (candidateId) => call('listBookings', { params: { candidateId } }),
    createBookings: (request, idempotencyKey) => call('createBookings', { body: request, idempotencyKey }),
    cancelBooking: (bookingId, request, idempotencyKey) =>
      call('cancelBooking', { params: { bookingId }, body: request, idempotencyKey }),
    setScoreReport: (bookingId, request, idempotencyKey) =>
      call('setScoreReport', { params: { bookingId }, body: request, idempotencyKey }),
    createOrder: (request, idempotencyKey) => call('createOrder', { body: request, idempotencyKey }),
    getOrder: (orderNo) => call('getOrder', { params: { orderNo } }),
    deleteRegistration: (candidateId, idempotencyKey) =>
      call('deleteRegistration', { params: { candidateId }, body: {}, idempotencyKey }),
    listChanges: (after, limit) => call('listChanges', { query: { after: after ?? undefined, limit } }),
    requestAllotment: (request, idempotencyKey) => call('requestAllotment', { body: request, idempotencyKey }),
    returnAllotment: (allotmentId, idempotencyKey) =>
      call('returnAllotment', { params: { allotmentId }, body: {}, idempotencyKey }),
    listAllotments: () => call('listAllotments'),
    link: () => monitor.snapshot(),
  }
}
