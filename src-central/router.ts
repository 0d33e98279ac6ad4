/**
 * Turns one HTTP request into one reply, synchronously: authentication, route matching, body
 * validation and, for mutating endpoints, the idempotent transaction (S2). Being synchronous,
 * no two requests ever interleave inside a transaction.
 */
import type { Database } from 'better-sqlite3'
import { BATCHABLE_ENDPOINTS, CENTRAL_API_PREFIX, endpoints, IDEMPOTENCY_HEADER, type EndpointRequest } from '../src-shared/central/contract'
import type { StampChanges } from './change-stamp'
import type { OwnTransaction } from './commit-batch'
import { isSavepointFree, SavepointNeeded, withoutSavepoints } from './atomically'
import { deviceAuthenticator, type Device } from './devices'
import { idempotencyStore, MAX_IDEMPOTENCY_KEY_LENGTH, requestHash } from './idempotency'
import {
  badRequest,
  failureReply,
  internalError,
  notFound,
  outcomeReply,
  refuse,
  unauthorized,
  type HttpReply,
  type RouteOutcome,
} from './reply'
import type { Route } from './route'
import { formatZodError } from './zod-message'

export interface IncomingCall {
  readonly method: string
  /** Path and query, as in the request line. */
  readonly url: string
  readonly headers: Readonly<Record<string, string | string[] | undefined>>
  readonly body: string
}

/**
 * `own`: the request runs alone in its transaction (commit-batch.ts, submitAlone): a batch then
 * takes no savepoint at all on its first pass.
 */
export type Dispatch = (call: IncomingCall, now: Date, own?: OwnTransaction) => HttpReply

interface CompiledRoute {
  readonly route: Route
  readonly pattern: RegExp
}

function compile(route: Route): CompiledRoute {
  const source = route.path
    .split('/')
    .map((part) => (part.startsWith(':') ? `(?<${part.slice(1)}>[^/]+)` : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/')
  return { route, pattern: new RegExp(`^${source}$`) }
}

function header(headers: IncomingCall['headers'], name: string): string | undefined {
  const value = headers[name]
  return Array.isArray(value) ? value[0] : value
}

function decodeParams(groups: Record<string, string> | undefined): Record<string, string> | null {
  const params: Record<string, string> = {}
  try {
    for (const [k, v] of Object.entries(groups ?? {})) params[k] = decodeURIComponent(v)
  } catch {
    return null
  }
  return params
}

export function createRouter(db: Database, routes: readonly Route[], stampChanges: StampChanges): Dispatch {
  const compiled = routes.map(compile)
  const authenticate = deviceAuthenticator(db)
  const idempotency = idempotencyStore(db)

  // The stored answer is written in the same transaction as the change the route made (S2).
  // `stamped`: the batch stamps the feed entries of all its items at once (they share one instant).
  function answerOnce(kioskId: string, key: string, hash: string, now: Date, run: () => HttpReply, stamped = false): HttpReply {
    const stored = idempotency.find(kioskId, key)
    if (stored) {
      if (stored.requestHash !== hash)
        return failureReply(now, refuse(409, 'IDEMPOTENCY_MISMATCH', '同一个 Idempotency-Key 已用于另一个不同的请求。').failure)
      const replay: HttpReply = { status: stored.status, body: stored.body, headers: { 'idempotent-replayed': 'true' } }
      return replay
    }
    const reply = stamped ? run() : stampChanges(now, run)
    idempotency.save(kioskId, key, hash, reply, now)
    return reply
  }
  const idempotent = db.transaction(answerOnce)

  function authenticated(call: IncomingCall): { ok: true; device: Device } | ReturnType<typeof unauthorized> {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header(call.headers, 'authorization') ?? '')
    if (!match?.[1]) return unauthorized('缺少设备令牌，请先登记本机。')
    const result = authenticate(match[1])
    if (result.ok) return result
    return unauthorized(result.reason === 'revoked' ? '本机已被停用，请联系考试院管理员。' : '设备令牌无效，请联系考试院管理员重新登记本机。')
  }

  function parseBody(route: Route, raw: string): RouteOutcome<unknown> {
    if (route.request === null) return { ok: true, value: undefined }
    let json: unknown
    try {
      json = JSON.parse(raw)
    } catch {
      return badRequest('请求内容不是有效的 JSON。')
    }
    return checkBody(route, json)
  }

  function checkBody(route: Route, json: unknown): RouteOutcome<unknown> {
    if (route.request === null) return { ok: true, value: undefined }
    const parsed = route.request.safeParse(json)
    return parsed.success ? { ok: true, value: parsed.data } : badRequest(`请求内容不正确：${formatZodError(parsed.error)}`)
  }

  function match(method: string, pathname: string, among: readonly CompiledRoute[]): { route: Route; params: Record<string, string> | null } | undefined {
    for (const c of among) {
      if (c.route.method !== method) continue
      const m = c.pattern.exec(pathname)
      if (m) return { route: c.route, params: decodeParams(m.groups) }
    }
    return undefined
  }

  /** A mutating request with its key and its body as JSON: the idempotent transaction (S2). */
  function mutate(device: Device, route: Route, params: Record<string, string>, query: URLSearchParams, key: string, hash: string, json: unknown, now: Date, stamped = false): HttpReply {
    const body = checkBody(route, json)
    if (!body.ok) return failureReply(now, body.failure)
    const run = () => outcomeReply(now, route.handle({ device, params, query, body: body.value, now }))
    // A batch's first pass (withoutSavepoints): its own savepoint undoes everything on a refusal.
    if (isSavepointFree(db)) return answerOnce(device.kioskId, key, hash, now, run, stamped)
    return idempotent.immediate(device.kioskId, key, hash, now, run, stamped)
  }

  const batchable = compiled.filter((c) => (BATCHABLE_ENDPOINTS as readonly string[]).includes(c.route.name))
  const batchRequest = endpoints.deliverBatch.request
  type BatchItem = EndpointRequest<'deliverBatch'>['requests'][number]
  const noQuery = new URLSearchParams()

  /**
   * POST /v1/batch (S1, S2): each item exactly as if sent alone, in order, each as in its own
   * savepoint: first all together with none (allAnswered), and when any is refused, all undone
   * and again one savepoint each. A malformed batch, or an item for an endpoint that cannot be
   * batched, is refused whole before any item ran.
   */
  function batch(device: Device, raw: string, now: Date, own: OwnTransaction | undefined): HttpReply {
    let json: unknown
    try {
      json = JSON.parse(raw)
    } catch {
      return failureReply(now, badRequest('批量请求内容不是有效的 JSON。').failure)
    }
    const parsed = batchRequest.safeParse(json)
    if (!parsed.success) return failureReply(now, badRequest(`批量请求内容不正确：${formatZodError(parsed.error)}`).failure)
    const items = parsed.data.requests
    const routed: { route: Route; params: Record<string, string> }[] = []
    for (const [i, item] of items.entries()) {
      const found = match(item.method, item.path, batchable)
      if (found?.params == null) return failureReply(now, badRequest(`批量请求第 ${i + 1} 项的接口不能批量发送：${item.path}`).failure)
      if (item.idempotencyKey.trim() === '') return failureReply(now, badRequest(`批量请求第 ${i + 1} 项缺少 Idempotency-Key。`).failure)
      routed.push({ route: found.route, params: found.params })
    }
    let parts: string[] = []
    stampChanges(now, () => {
      try {
        parts = own === undefined ? firstPass(() => allAnswered(device, items, routed, now)) : allAnswered(device, items, routed, now)
      } catch (error) {
        // SQLite may have ended the whole transaction (e.g. disk full): then nothing stands.
        if (!db.inTransaction) throw error
        // Alone in its transaction, the pass is undone by beginning that again.
        own?.restart()
        parts = items.map((item, i) => batchItem(device, item, routed[i]!, now))
      }
    })
    return { status: 200, body: `{"serverTime":${JSON.stringify(now.toISOString())},"results":[${parts.join(',')}]}` }
  }

  /**
   * The batch's first pass (#8): every item without a savepoint of its own (a savepoint copies
   * every page its item first writes, about a third of an item's cost). It stands only when every
   * item was answered 2xx; a refusal or a failure anywhere throws, the caller undoes the whole
   * pass (its transaction begun again when the batch runs alone, else one savepoint around the
   * pass: firstPass) and runs the items again one savepoint each, so what is answered and stored
   * is exactly what that alone gives (S2). Stored replays write nothing and may stay.
   */
  const firstPass = db.transaction((run: () => string[]) => run())
  function allAnswered(device: Device, items: readonly BatchItem[], routed: readonly { route: Route; params: Record<string, string> }[], now: Date): string[] {
    return withoutSavepoints(db, () =>
      items.map((item, i) => {
        const reply = mutate(device, routed[i]!.route, routed[i]!.params, noQuery, item.idempotencyKey.trim(), itemHash(item), item.body, now, true)
        if (reply.status >= 300 && reply.headers?.['idempotent-replayed'] !== 'true') throw new SavepointNeeded()
        return itemPart(reply)
      }),
    )
  }

  const itemHash = (item: BatchItem) => requestHash(item.method, item.path, JSON.stringify(item.body))
  function itemPart(reply: HttpReply): string {
    const replayed = reply.headers?.['idempotent-replayed'] === 'true' ? ',"replayed":true' : ''
    return `{"status":${reply.status},"body":${reply.body}${replayed}}`
  }

  /** One item of a batch, as its request alone (in the batch's savepoint; its feed entries stamped by the batch). */
  function batchItem(device: Device, item: BatchItem, { route, params }: { route: Route; params: Record<string, string> }, now: Date): string {
    let reply: HttpReply
    try {
      reply = mutate(device, route, params, noQuery, item.idempotencyKey.trim(), itemHash(item), item.body, now, true)
    } catch (error) {
      // SQLite may have ended the whole transaction (e.g. disk full): then nothing stands.
      if (!db.inTransaction) throw error
      console.error('[central] batch item failed:', error instanceof Error ? error.stack : error)
      reply = failureReply(now, internalError().failure)
    }
    return itemPart(reply)
  }

  return (call, now, own) => {
    const url = new URL(call.url, 'http://central.invalid')
    if (!url.pathname.startsWith(`${CENTRAL_API_PREFIX}/`)) return failureReply(now, notFound('没有这个接口。').failure)
    const auth = authenticated(call)
    if (!auth.ok) return failureReply(now, auth.failure)
    const device = auth.device
    if (call.method === endpoints.deliverBatch.method && url.pathname === endpoints.deliverBatch.path) return batch(device, call.body, now, own)

    const found = match(call.method, url.pathname, compiled)
    if (!found) return failureReply(now, notFound('没有这个接口。').failure)
    const { route, params } = found
    if (params === null) return failureReply(now, badRequest('请求路径编码不正确。').failure)

    const key = route.mutating ? header(call.headers, IDEMPOTENCY_HEADER)?.trim() : undefined
    if (route.mutating && !key) return failureReply(now, badRequest('缺少 Idempotency-Key 请求头。').failure)
    if (key !== undefined && key.length > MAX_IDEMPOTENCY_KEY_LENGTH)
      return failureReply(now, badRequest(`Idempotency-Key 不能超过 ${MAX_IDEMPOTENCY_KEY_LENGTH} 个字符。`).failure)

    if (key !== undefined) {
      let json: unknown
      try {
        json = route.request === null ? undefined : JSON.parse(call.body)
      } catch {
        return failureReply(now, badRequest('请求内容不是有效的 JSON。').failure)
      }
      return mutate(device, route, params, url.searchParams, key, requestHash(call.method, url.pathname + url.search, call.body), json, now)
    }
    const body = parseBody(route, call.body)
    if (!body.ok) return failureReply(now, body.failure)
    return outcomeReply(now, route.handle({ device, params, query: url.searchParams, body: body.value, now }))
  }
}
