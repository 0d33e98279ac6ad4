/** A lean keep-alive HTTP client for the benches (node:http, one socket per client, 127.0.0.1 only). */
import { Agent, request } from 'node:http'

export interface BenchReply {
  readonly status: number
  readonly body: string
}

export interface BenchHttpClient {
  send(method: 'GET' | 'POST', path: string, headers: Readonly<Record<string, string>>, body?: string): Promise<BenchReply>
  close(): void
}

export function benchHttpClient(baseUrl: string): BenchHttpClient {
  const base = new URL(baseUrl)
  const agent = new Agent({ keepAlive: true, maxSockets: 1 })
  return {
    send(method, path, headers, body) {
      return new Promise<BenchReply>((resolve, reject) => {
        const outgoing: Record<string, string | number> = { ...headers }
        if (body !== undefined) {
          outgoing['content-type'] = 'application/json'
          outgoing['content-length'] = Buffer.byteLength(body)
        }
        const req = request({ host: base.hostname, port: base.port, method, path, headers: outgoing, agent }, (res) => {
          const chunks: Buffer[] = []
          res.on('data', (c: Buffer) => chunks.push(c))
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }))
          res.on('error', reject)
        })
        req.on('error', reject)
        req.end(body)
      })
    },
    close: () => agent.destroy(),
  }
}
