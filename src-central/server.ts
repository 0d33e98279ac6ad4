/**
 * The reference central service (SPEC §5): one process, one SQLite connection, node:http on
 * 127.0.0.1. Request handling is synchronous once the body is read, so transactions never
 * interleave and no locking beyond SQLite's is needed.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { currentExamSessionReader } from './current-exam-session'
import { openCentralDatabase } from './database'
import { seedDemoData } from './demo-data'
import { issueDeviceToken, revokeDevice } from './devices'
import { readBody, writeReply } from './http-io'
import { badRequest, failureReply, internalError } from './reply'
import { createRouter } from './router'
import { catalogRoutes } from './routes/catalog'
import { examSessionRoutes } from './routes/exam-session'
import { registrationRoutes } from './routes/registrations'
import { rosterRoutes } from './routes/roster'

export interface CentralServerOptions {
  /** SQLite file (':memory:' allowed in tests). */
  dbPath: string
  /** 0 = ephemeral (default 0). */
  port?: number
  /** Default and only sensible value '127.0.0.1'. */
  host?: string
  /** Injectable clock, default () => new Date(). */
  now?: () => Date
  /** Seed the demo data (SPEC K7) when the database is new; default true. */
  seedDemo?: boolean
}

export interface RunningCentral {
  /** e.g. 'http://127.0.0.1:43123' */
  readonly url: string
  readonly port: number
  /** Returns a fresh bearer token for a kiosk (replacing any earlier one). */
  issueDeviceToken(kioskId: string, schoolCodes: readonly string[]): string
  revokeDevice(kioskId: string): void
  close(): Promise<void>
}

export async function startCentralServer(options: CentralServerOptions): Promise<RunningCentral> {
  const now = options.now ?? (() => new Date())
  const host = options.host ?? '127.0.0.1'
  const seedDemo = options.seedDemo ?? true
  const { db } = openCentralDatabase(options.dbPath, {
    onCreate: (created) => {
      if (seedDemo) seedDemoData(created, now())
    },
  })

  const currentExamSession = currentExamSessionReader(db)
  const dispatch = createRouter(db, [
    ...examSessionRoutes(currentExamSession),
    ...catalogRoutes(db, currentExamSession),
    ...rosterRoutes(db, currentExamSession),
    ...registrationRoutes(db),
  ])

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req)
    const at = now()
    if (!body.ok) {
      writeReply(res, failureReply(at, { ...badRequest('请求内容超过 1 MiB 的上限。').failure, status: 413 }))
      return
    }
    writeReply(res, dispatch({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body: body.text }, at))
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // Log the failure, never the request: bodies carry personal data (K3).
      console.error('[central] request failed:', error instanceof Error ? error.stack : error)
      if (!res.headersSent) writeReply(res, failureReply(now(), internalError().failure))
      else res.destroy()
    })
  })
  server.keepAliveTimeout = 5_000

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(options.port ?? 0, host, () => {
        server.off('error', reject)
        resolve()
      })
    })
  } catch (error) {
    db.close()
    throw error
  }

  const port = (server.address() as AddressInfo).port
  let closing: Promise<void> | undefined
  return {
    url: `http://${host}:${port}`,
    port,
    issueDeviceToken: (kioskId, schoolCodes) => issueDeviceToken(db, kioskId, schoolCodes, now()),
    revokeDevice: (kioskId) => {
      revokeDevice(db, kioskId, now())
    },
    close: () => {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => {
          db.close()
          if (error) reject(error)
          else resolve()
        })
        server.closeIdleConnections()
      })
      return closing
    },
  }
}
