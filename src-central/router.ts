/**
 * Turns one HTTP request into one reply, synchronously: authentication, route matching, body
 * validation and, for mutating endpoints, the idempotent transaction (S2). Being synchronous,
 * no two requests ever interleave inside a transaction.
 */
import type { Database } from 'better-sqlite3'
import { CENTRAL_API_PREFIX, IDEMPOTENCY_HEADER } from '../src-shared/central/contract'
import type { StampChanges } from './change-stamp'
import { deviceAuthenticator, type Device } from './devices'
import { idempotencyStore, MAX_IDEMPOTENCY_KEY_LENGTH, requestHash } from './idempotency'
import {
  badRequest,
  failureReply,
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

export type Dispatch = (call: IncomingCall, now: Date) => HttpReply

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
  const idempotent = db.transaction((kioskId: string, key: string, hash: string, now: Date, run: () => HttpReply) => {
    const stored = idempotency.find(kioskId, key)
    if (stored) {
      if (stored.requestHash !== hash)
        return failureReply(now, refuse(409, 'IDEMPOTENCY_MISMATCH', '同一个 Idempotency-Key 已用于另一个不同的请求。').failure)
      const replay: HttpReply = { status: stored.status, body: stored.body, headers: { 'idempotent-replayed': 'true' } }
      return replay
    }
    const reply = stampChanges(now, run)
    idempotency.save(kioskId, key, hash, reply, now)
    return reply
  })

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
    const parsed = route.request.safeParse(json)
    return parsed.success ? { ok: true, value: parsed.data } : badRequest(`请求内容不正确：${formatZodError(parsed.error)}`)
  }

  return (call, now) => {
    const url = new URL(call.url, 'http://central.invalid')
    if (!url.pathname.startsWith(`${CENTRAL_API_PREFIX}/`)) return failureReply(now, notFound('没有这个接口。').failure)
    const auth = authenticated(call)
    if (!auth.ok) return failureReply(now, auth.failure)
    const device = auth.device

    let found: { route: Route; params: Record<string, string> | null } | undefined
    for (const c of compiled) {
      if (c.route.method !== call.method) continue
      const m = c.pattern.exec(url.pathname)
      if (m) {
        found = { route: c.route, params: decodeParams(m.groups) }
        break
      }
    }
    if (!found) return failureReply(now, notFound('没有这个接口。').failure)
    const { route, params } = found
    if (params === null) return failureReply(now, badRequest('请求路径编码不正确。').failure)

    const key = route.mutating ? header(call.headers, IDEMPOTENCY_HEADER)?.trim() : undefined
    if (route.mutating && !key) return failureReply(now, badRequest('缺少 Idempotency-Key 请求头。').failure)
    if (key !== undefined && key.length > MAX_IDEMPOTENCY_KEY_LENGTH)
      return failureReply(now, badRequest(`Idempotency-Key 不能超过 ${MAX_IDEMPOTENCY_KEY_LENGTH} 个字符。`).failure)

    const body = parseBody(route, call.body)
    if (!body.ok) return failureReply(now, body.failure)
    const run = () => outcomeReply(now, route.handle({ device, params, query: url.searchParams, body: body.value, now }))
    if (key === undefined) return run()

    const hash = requestHash(call.method, url.pathname + url.search, call.body)
    return idempotent.immediate(device.kioskId, key, hash, now, run)
  }
}
