/**
 * The fault proxy itself, against a counting upstream on a real socket: each fault does what the
 * S1/S2 tests rely on (whether the request reached the central, and what the client saw).
 */
import { createServer, type Server } from 'node:http'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { randomFaultPlan, startFaultProxy, type FaultKind, type FaultProxy } from '../../support/fault-proxy'
import { seededRandom } from '../../support/seeded-random'

let upstream: Server
let upstreamUrl = ''
let hits: string[] = []
let proxy: FaultProxy | null = null

beforeEach(async () => {
  hits = []
  upstream = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`)
    req.resume()
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ ok: true, padding: 'x'.repeat(2000) }))
    })
  })
  await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', () => r()))
  const address = upstream.address()
  if (typeof address !== 'object' || address === null) throw new Error('no address')
  upstreamUrl = `http://127.0.0.1:${address.port}`
})

afterEach(async () => {
  await proxy?.close()
  proxy = null
  await new Promise<void>((r) => upstream.close(() => r()))
})

async function through(kind: FaultKind, path = '/v1/x', timeoutMs = 400): Promise<{ status: number | null; error: string | null }> {
  proxy ??= await startFaultProxy({ target: upstreamUrl, delayMs: 20, holdMaxMs: 100 })
  proxy.setPlan(() => kind)
  try {
    const res = await fetch(proxy.url + path, { method: 'POST', body: '{}', signal: AbortSignal.timeout(timeoutMs) })
    await res.json()
    return { status: res.status, error: null }
  } catch (error) {
    return { status: null, error: error instanceof Error ? error.name : String(error) }
  }
}

describe('fault proxy (S1/S2 test harness)', () => {
  it('pass and delay forward once and answer', async () => {
    expect(await through('pass')).toEqual({ status: 200, error: null })
    expect(await through('delay')).toEqual({ status: 200, error: null })
    expect(hits).toHaveLength(2)
  })

  it('drop never reaches the central and the client times out', async () => {
    const result = await through('drop')
    expect(result.status).toBeNull()
    expect(hits).toHaveLength(0)
  })

  it('lose reaches the central but the client times out', async () => {
    const result = await through('lose')
    expect(result.status).toBeNull()
    expect(hits).toHaveLength(1)
  })

  it('reset reaches the central and cuts the answer mid-body', async () => {
    const result = await through('reset')
    expect(result.status).toBeNull()
    expect(hits).toHaveLength(1)
  })

  it('error5xx answers 503 without forwarding', async () => {
    expect(await through('error5xx')).toEqual({ status: 503, error: null })
    expect(hits).toHaveLength(0)
  })

  it('duplicate delivers the same request twice', async () => {
    expect(await through('duplicate')).toEqual({ status: 200, error: null })
    await new Promise((r) => setTimeout(r, 50))
    expect(hits).toEqual(['POST /v1/x', 'POST /v1/x'])
  })

  it('reorder holds a request until a later one has been answered', async () => {
    proxy = await startFaultProxy({ target: upstreamUrl, holdMaxMs: 2000 })
    proxy.setPlan((r) => (r.index === 0 ? 'reorder' : 'pass'))
    const first = fetch(proxy.url + '/first', { method: 'POST', body: '{}' })
    await new Promise((r) => setTimeout(r, 50))
    const second = await fetch(proxy.url + '/second', { method: 'POST', body: '{}' })
    await second.json()
    await (await first).json()
    expect(hits).toEqual(['POST /second', 'POST /first'])
  })

  it('down resets every connection until it is up again', async () => {
    proxy = await startFaultProxy({ target: upstreamUrl })
    proxy.setDown(true)
    await expect(fetch(proxy.url + '/x')).rejects.toThrow()
    proxy.setDown(false)
    expect((await fetch(proxy.url + '/x')).status).toBe(200)
    expect(proxy.stats.refusedConnections).toBeGreaterThan(0)
  })

  it('a seeded plan replays the same faults for the same seed', () => {
    const run = (seed: number): FaultKind[] => {
      const plan = randomFaultPlan(seededRandom(seed), { drop: 0.1, reset: 0.1, duplicate: 0.1, error5xx: 0.1 })
      return Array.from({ length: 200 }, (_, index) => plan({ method: 'POST', path: '/v1/bookings', index }))
    }
    expect(run(42)).toEqual(run(42))
    expect(run(42)).not.toEqual(run(43))
    expect(new Set(run(42))).toEqual(new Set(['pass', 'drop', 'reset', 'duplicate', 'error5xx']))
  })
})
