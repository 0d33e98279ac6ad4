/**
 * RunningCentral.close() with kiosks still connected (S3: they poll the change feed every 2 s over
 * keep-alive connections): it never waits on a client. Idle keep-alive connections close at once,
 * whatever is still open after the grace is cut, the database closes and the port is free again.
 * Without the cut-off, a connection that never finished a request held close() forever.
 */
import { request, Agent } from 'node:http'
import { connect, type Socket } from 'node:net'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startCentralServer } from '../../../src-central/server'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function tempDb(): string {
  const dir = mkdtempSync(join(tmpdir(), 'central-close-'))
  dirs.push(dir)
  return join(dir, 'central.sqlite')
}

function getOver(agent: Agent, url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent }, (res) => {
      res.resume()
      res.on('end', () => resolve(res.statusCode ?? 0))
    })
    req.on('error', reject)
    req.end()
  })
}

async function openSocket(port: number): Promise<{ socket: Socket; closed: Promise<void> }> {
  const socket = connect(port, '127.0.0.1')
  socket.on('error', () => undefined)
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()))
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()))
  return { socket, closed }
}

describe('central close() while kiosks are connected (S3 polling)', () => {
  it('S3: an idle keep-alive connection, a polling client, a silent connection and a half-sent request do not hold close()', async () => {
    const dbPath = tempDb()
    const central = await startCentralServer({ dbPath, closeGraceMs: 100 })
    const feedUrl = `${central.url}/v1/changes?after=0`

    // A client that made one request and keeps its connection open (keep-alive).
    const idleAgent = new Agent({ keepAlive: true, maxSockets: 1 })
    expect(await getOver(idleAgent, feedUrl)).toBe(401)
    // A client polling as fast as it can over fetch's keep-alive pool.
    let polling = true
    let answered = 0
    const poller = (async () => {
      while (polling) {
        try {
          await (await fetch(feedUrl)).text()
          answered++
        } catch {
          await new Promise((resolve) => setTimeout(resolve, 10))
        }
      }
    })()
    // A connection that never sends a request, and one that stops in the middle of its body.
    const silent = await openSocket(central.port)
    const halfSent = await openSocket(central.port)
    halfSent.socket.write('POST /v1/allotments HTTP/1.1\r\nHost: central\r\nContent-Length: 100\r\n\r\n{')
    while (answered < 3) await new Promise((resolve) => setTimeout(resolve, 10))

    await central.close()

    polling = false
    await poller
    await Promise.all([silent.closed, halfSent.closed])
    idleAgent.destroy()
    // The port is free and the database closed cleanly: the central starts again on both.
    const again = await startCentralServer({ dbPath, port: central.port })
    expect(await (await fetch(`${again.url}/v1/exam-session`)).json()).toMatchObject({ error: { code: 'UNAUTHORIZED' } })
    await again.close()
  })

  it('S1: a request in flight when close() is called still gets its answer', async () => {
    const central = await startCentralServer({ dbPath: ':memory:', closeGraceMs: 5_000 })
    const token = central.issueDeviceToken('K-CLOSE', ['12001'])
    const body = JSON.stringify({ offeringId: 'no-such-offering', seats: 1 })
    // The request's headers and half its body have arrived when close() is called.
    const req = request(`${central.url}/v1/allotments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    })
    const started = new Promise<void>((resolve) => req.once('socket', (s) => s.once('connect', () => resolve())))
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      req.on('response', (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (text += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }))
      })
      req.on('error', reject)
    })
    req.write(body.slice(0, 10))
    await started
    await new Promise((resolve) => setTimeout(resolve, 50))
    const closed = central.close()
    req.end(body.slice(10))
    const { status, text } = await answer
    // The central's own answer (the offering is unknown), not a cut connection.
    expect(status).toBe(400)
    expect(JSON.parse(text)).toMatchObject({ error: { code: 'BAD_REQUEST' } })
    await closed
  })
})
