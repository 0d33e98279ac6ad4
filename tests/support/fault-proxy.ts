/**
 * A fault-injecting HTTP proxy on 127.0.0.1 between a kiosk and the central (S1/S2 tests): real
 * sockets, and per request one scripted or seeded-random fault:
 *   pass       forward, answer as the central did
 *   delay      wait, then pass
 *   drop       never forward, never answer (the client times out)
 *   lose       forward (the central commits), never answer (the client times out)
 *   reset      forward, send the head and half the body, then reset the connection
 *   error5xx   answer 503 without forwarding
 *   duplicate  forward the same request twice at once, answer with the first to finish
 *   reorder    hold the request until a later one has been answered (or holdMaxMs), then pass
 * `setDown(true)` resets every new connection (the central is unreachable).
 */
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import type { SeededRandom } from './seeded-random'

export const FAULT_KINDS = ['pass', 'delay', 'drop', 'lose', 'reset', 'error5xx', 'duplicate', 'reorder'] as const
export type FaultKind = (typeof FAULT_KINDS)[number]

export interface ProxiedRequest {
  readonly method: string
  readonly path: string
  /** 0-based order of arrival at the proxy. */
  readonly index: number
}

export type FaultPlan = (request: ProxiedRequest) => FaultKind

export interface FaultProxyOptions {
  /** The central's base URL, e.g. http://127.0.0.1:4410 */
  readonly target: string
  readonly plan?: FaultPlan
  readonly delayMs?: number
  readonly holdMaxMs?: number
  /**
   * Called when the central has answered a request, before the proxy relays the answer: the
   * central has committed and the client has not heard yet (the crash tests kill the kiosk here).
   */
  readonly onAnswered?: (request: ProxiedRequest, status: number) => void
}

export interface FaultProxyStats {
  requests: number
  /** Requests sent on to the central (a duplicate counts twice). */
  forwarded: number
  readonly faults: Record<FaultKind, number>
  refusedConnections: number
}

export interface FaultProxy {
  readonly url: string
  readonly stats: FaultProxyStats
  setPlan(plan: FaultPlan): void
  setDown(down: boolean): void
  close(): Promise<void>
}

interface Upstream {
  readonly status: number
  readonly headers: Record<string, string>
  readonly body: Buffer
}

/** Faults on mutating requests (POST) at the given rates; GETs pass, so feeds and polls work. */
export function randomFaultPlan(rng: SeededRandom, rates: Partial<Record<Exclude<FaultKind, 'pass'>, number>>, allMethods = false): FaultPlan {
  const entries = Object.entries(rates) as [FaultKind, number][]
  return (request) => {
    if (!allMethods && request.method !== 'POST') return 'pass'
    let roll = rng.next()
    for (const [kind, rate] of entries) {
      if (roll < rate) return kind
      roll -= rate
    }
    return 'pass'
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

function forward(target: URL, req: IncomingMessage, body: Buffer): Promise<Upstream> {
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === 'string' && name !== 'host' && name !== 'connection' && name !== 'keep-alive') headers[name] = value
  }
  headers['content-length'] = String(body.length)
  return new Promise((resolve, reject) => {
    const upstream = httpRequest(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers, agent: false },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          const out: Record<string, string> = {}
          for (const [name, value] of Object.entries(res.headers)) {
            if (typeof value === 'string' && name !== 'connection' && name !== 'transfer-encoding' && name !== 'keep-alive') out[name] = value
          }
          resolve({ status: res.statusCode ?? 502, headers: out, body: Buffer.concat(chunks) })
        })
        res.on('error', reject)
      },
    )
    upstream.on('error', reject)
    upstream.end(body)
  })
}

function answer(res: ServerResponse, upstream: Upstream): void {
  res.writeHead(upstream.status, { ...upstream.headers, 'content-length': String(upstream.body.length), connection: 'close' })
  res.end(upstream.body)
}

export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const target = new URL(options.target)
  let plan: FaultPlan = options.plan ?? (() => 'pass')
  let down = false
  const delayMs = options.delayMs ?? 30
  const holdMaxMs = options.holdMaxMs ?? 150
  const stats: FaultProxyStats = {
    requests: 0,
    forwarded: 0,
    faults: Object.fromEntries(FAULT_KINDS.map((k) => [k, 0])) as Record<FaultKind, number>,
    refusedConnections: 0,
  }
  const sockets = new Set<Socket>()
  const timers = new Set<ReturnType<typeof setTimeout>>()
  /** Held requests (reorder), released once a later request has been answered. */
  let held: (() => void)[] = []

  const wait = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const t = setTimeout(() => {
        timers.delete(t)
        resolve()
      }, ms)
      timers.add(t)
    })

  const releaseHeld = (): void => {
    const release = held
    held = []
    for (const r of release) r()
  }

  const send = async (req: IncomingMessage, body: Buffer): Promise<Upstream> => {
    stats.forwarded++
    return forward(target, req, body)
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req)
    const index = stats.requests++
    const kind = plan({ method: req.method ?? 'GET', path: req.url ?? '/', index })
    stats.faults[kind]++
    switch (kind) {
      case 'drop':
        return // the socket stays open until the client gives up
      case 'error5xx':
        res.writeHead(503, { 'content-type': 'application/json', connection: 'close' })
        res.end(JSON.stringify({ error: { code: 'UNAVAILABLE', message: 'fault proxy: 503' } }))
        return
      case 'delay':
        await wait(delayMs)
        break
      case 'reorder':
        await Promise.race([new Promise<void>((resolve) => held.push(resolve)), wait(holdMaxMs)])
        break
      default:
        break
    }
    let upstream: Upstream
    try {
      upstream = kind === 'duplicate' ? await Promise.any([send(req, body), send(req, body)]) : await send(req, body)
    } catch {
      res.socket?.destroy()
      return
    }
    if (kind !== 'reorder') releaseHeld()
    options.onAnswered?.({ method: req.method ?? 'GET', path: req.url ?? '/', index }, upstream.status)
    if (kind === 'lose') return
    if (kind === 'reset') {
      res.writeHead(upstream.status, { ...upstream.headers, 'content-length': String(upstream.body.length), connection: 'close' })
      res.write(upstream.body.subarray(0, Math.floor(upstream.body.length / 2)))
      // Let the half body reach the client before the reset.
      setImmediate(() => res.socket?.resetAndDestroy())
      return
    }
    answer(res, upstream)
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.socket?.destroy())
  })
  server.keepAliveTimeout = 1
  server.on('connection', (socket) => {
    if (down) {
      stats.refusedConnections++
      socket.resetAndDestroy()
      return
    }
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const address = server.address()
  if (typeof address !== 'object' || address === null) throw new Error('fault proxy has no address')

  return {
    url: `http://127.0.0.1:${address.port}`,
    stats,
    setPlan: (next) => {
      plan = next
    },
    setDown: (value) => {
      down = value
      if (value) for (const s of sockets) s.resetAndDestroy()
    },
    close: async () => {
      releaseHeld()
      for (const t of timers) clearTimeout(t)
      for (const s of sockets) s.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
