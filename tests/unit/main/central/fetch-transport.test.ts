import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { createCentralClient } from '../../../../src-main/central/central-client'
import { createFetchTransport } from '../../../../src-main/central/central-transport'
import { createTestClock } from '../support/test-clock'

describe('fetch transport', () => {
  let server: Server | undefined
  afterEach(async () => {
    server?.closeAllConnections()
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
    server = undefined
  })

  async function listen(handler: Parameters<typeof createServer>[1]): Promise<string> {
    server = createServer(handler)
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  }

  it('sends JSON with the headers and returns status and parsed body', async () => {
    let seen: { method?: string; url?: string; auth?: string; type?: string; body?: string } = {}
    const url = await listen((req, res) => {
      let body = ''
      req.on('data', (c: Buffer) => (body += c.toString()))
      req.on('end', () => {
        seen = { method: req.method, url: req.url, auth: req.headers.authorization, type: req.headers['content-type'], body }
        res.writeHead(201, { 'content-type': 'application/json' }).end('{"a":1}')
      })
    })
    const transport = createFetchTransport(`${url}/`)
    const response = await transport({ method: 'POST', path: '/v1/x?y=1', headers: { authorization: 'Bearer t' }, body: { b: 2 } })
    expect(response).toEqual({ status: 201, body: { a: 1 } })
    expect(seen).toEqual({ method: 'POST', url: '/v1/x?y=1', auth: 'Bearer t', type: 'application/json', body: '{"b":2}' })
  })

  it('gives up after the timeout: the client reports it as retryable', async () => {
    const url = await listen(() => {
      /* never answers */
    })
    const client = createCentralClient({
      transport: createFetchTransport(url, { timeoutMs: 100 }),
      deviceToken: 't',
      clock: createTestClock(),
    })
    expect(await client.getExamSession()).toMatchObject({ ok: false, failure: { kind: 'retryable', reason: 'timeout' } })
  })

  it('reports a refused connection as a retryable network failure', async () => {
    const client = createCentralClient({
      transport: createFetchTransport('http://127.0.0.1:9', { timeoutMs: 2000 }),
      deviceToken: 't',
      clock: createTestClock(),
    })
    expect(await client.getExamSession()).toMatchObject({ ok: false, failure: { kind: 'retryable', reason: 'network' } })
  })
})
