/**
 * The headless host: the kiosk's services and the built renderer over HTTP on 127.0.0.1, for
 * development, the Playwright suite, and machines without Electron. The renderer's `api` module
 * calls POST /ipc/<name> here where it would call the preload bridge in Electron.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { KioskServices } from '../app/kiosk-services'
import type { Dispatch } from '../ipc/dispatch'
import { IPC_PATH_PREFIX, handleIpcRequest } from './ipc-route'
import { refuseForeignRequest } from './request-guard'
import { setSecurityHeaders } from './security-headers'
import { loadStaticFile } from './static-files'
import type { TestClockControl } from '../app/test-clock'
import { handleTestClock, TEST_CLOCK_PATH, TEST_LINK_PATH } from './test-clock-route'

export type StartHostOptions = ({ readonly services: Pick<KioskServices, 'dispatch'> } | { readonly dispatch: Dispatch }) & {
  /** The built renderer, normally out/renderer. */
  readonly staticDir: string
  /** 0 picks a free port. */
  readonly port: number
  /** Loopback only: the host carries personal data and has no authentication of its own. */
  readonly host: '127.0.0.1'
  /** End-to-end tests only: serves POST /test/clock; absent or null, that path is 404. */
  readonly testClock?: TestClockControl | null
}

export interface RunningHost {
  readonly url: string
  readonly port: number
  close(): Promise<void>
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.statusCode = status
  response.setHeader('Content-Type', 'text/plain; charset=utf-8')
  response.setHeader('Cache-Control', 'no-store')
  response.end(text)
}

async function serveStatic(request: IncomingMessage, response: ServerResponse, path: string, staticDir: string): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('Allow', 'GET, HEAD')
    return sendText(response, 405, 'Method Not Allowed')
  }
  const file = await loadStaticFile(staticDir, path)
  if (file === null) return sendText(response, 404, 'Not Found')
  response.statusCode = 200
  response.setHeader('Content-Type', file.contentType)
  response.setHeader('Content-Length', file.body.length)
  response.setHeader('Cache-Control', file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache')
  response.end(request.method === 'HEAD' ? undefined : file.body)
}

export function startHost(options: StartHostOptions): Promise<RunningHost> {
  const dispatch: Dispatch =
    'services' in options ? (name, input) => options.services.dispatch(name, input) : options.dispatch
  let port = options.port

  const server = createServer((request, response) => {
    setSecurityHeaders(response)
    const refusal = refuseForeignRequest(request.headers, port)
    if (refusal !== null) return sendText(response, refusal.status, refusal.reason)
    const rawUrl = request.url ?? '/'
    if (!rawUrl.startsWith('/')) return sendText(response, 400, 'Bad Request')
    const path = rawUrl.split('?', 1)[0]!
    const handled = path.startsWith(IPC_PATH_PREFIX)
      ? handleIpcRequest(request, response, path, dispatch)
      : path === TEST_CLOCK_PATH || path === TEST_LINK_PATH
        ? handleTestClock(request, response, options.testClock ?? null, path)
        : serveStatic(request, response, path, options.staticDir)
    handled.catch(() => {
      if (!response.headersSent) sendText(response, 500, 'Internal Server Error')
      else response.destroy()
    })
  })

  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, options.host, () => {
      server.off('error', reject)
      port = (server.address() as AddressInfo).port
      resolve({
        url: `http://${options.host}:${port}`,
        port,
        close: () => closeServer(server),
      })
    })
  })
}

function closeServer(server: ReturnType<typeof createServer>): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()))
    server.closeIdleConnections()
    // A request still running after a grace period is cut off rather than holding up shutdown.
    setTimeout(() => server.closeAllConnections(), 2000).unref()
  })
}
