/**
 * The reference central service (SPEC §5): one process, one SQLite connection, node:http on
 * 127.0.0.1. Request handling is synchronous once the body is read, so transactions never
 * interleave and no locking beyond SQLite's is needed.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { endpoints } from '../src-shared/central/contract'
import { REGISTRATION_GRACE_MS } from '../src-shared/domain/booking-rules'
import { allotmentStore } from './allotment-store'
import { bookingStore } from './booking-store'
import { changeFeed } from './change-feed'
import { changeStamper } from './change-stamp'
import { commitBatcher } from './commit-batch'
import { currentExamSessionReader } from './current-exam-session'
import { openCentralDatabase } from './database'
import { seedDemoData } from './demo-data'
import { issueDeviceToken, revokeDevice } from './devices'
import { expirySweep, startSweepTimer, type ExpirySweep } from './expiry-sweep'
import { readBody, writeReply } from './http-io'
import { orderStore } from './order-store'
import { payPage } from './pay-page'
import { paymentReceiver } from './payment'
import { badRequest, failureReply, internalError, type HttpReply } from './reply'
import { createRouter } from './router'
import { allotmentRoutes } from './routes/allotments'
import { bookingRoutes } from './routes/bookings'
import { changeRoutes } from './routes/changes'
import { catalogRoutes } from './routes/catalog'
import { examSessionRoutes } from './routes/exam-session'
import { orderRoutes } from './routes/orders'
import { registrationRoutes } from './routes/registrations'
import { rosterRoutes } from './routes/roster'
import { cet6ReviewRoutes } from './routes/cet6-review'
import { waitlistRoutes } from './routes/waitlist'
import { waitlistPromotion } from './waitlist-promotion'
import { waitlistStore } from './waitlist-store'

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
  /** Base URL the payment page's QR code uses (a phone must reach it); default the listening URL. */
  publicUrl?: string
  /** B6 grace for a registration left with nothing; default 24 hours. */
  registrationGraceMs?: number
  /** How often the B4/B6 expiry sweep runs on its timer; default 30 s (it also runs before every request). */
  sweepIntervalMs?: number
  /** close(): how long a request in flight may still finish before every connection is cut; default 1 s. */
  closeGraceMs?: number
  /** S3: how long the change feed keeps a change (pruned on the sweep's timer); default 30 days. */
  feedRetentionMs?: number
}

/** S3: a kiosk off the network longer than this starts again from a snapshot (410 FEED_RESET). */
export const FEED_RETENTION_MS = 30 * 24 * 3_600_000

export interface RunningCentral {
  /** e.g. 'http://127.0.0.1:43123' */
  readonly url: string
  readonly port: number
  /** Returns a fresh bearer token for a kiosk (replacing any earlier one). */
  issueDeviceToken(kioskId: string, schoolCodes: readonly string[]): string
  revokeDevice(kioskId: string): void
  /** B4/B6: runs the expiry sweep now with the injected clock (the timer runs it too). */
  sweepExpired: () => ReturnType<ExpirySweep>
  /** S3: runs the feed's retention now with the injected clock (the timer runs it too); returns how many changes went. */
  pruneFeed: () => number
  /**
   * Stops listening, closes idle keep-alive connections at once, cuts whatever is still open after
   * `closeGraceMs` (a polling kiosk, a connection that never sent a request), then closes the
   * database. Never waits on a client.
   */
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

  let publicUrl = options.publicUrl?.replace(/\/+$/, '') ?? ''
  const currentExamSession = currentExamSessionReader(db)
  const bookings = bookingStore(db, options.registrationGraceMs ?? REGISTRATION_GRACE_MS)
  const orders = orderStore(db, () => publicUrl)
  const waitlist = waitlistStore(db)
  const promotion = waitlistPromotion(bookings, waitlist)
  const allotments = allotmentStore(db)
  const feed = changeFeed(db, { bookings, orders, waitlist, allotments })
  const stampChanges = changeStamper(db)
  const sweep = expirySweep(db, bookings, orders, promotion, allotments, stampChanges)
  const pay = payPage(bookings, orders, paymentReceiver(db, bookings, orders, stampChanges))
  const dispatch = createRouter(db, [
    ...examSessionRoutes(currentExamSession),
    ...catalogRoutes(db, currentExamSession, feed),
    ...rosterRoutes(db, currentExamSession),
    ...registrationRoutes(db, bookings, options.registrationGraceMs ?? REGISTRATION_GRACE_MS, waitlist, promotion),
    ...bookingRoutes(db, bookings, orders, waitlist, promotion, allotments),
    ...waitlistRoutes(db, bookings, waitlist, promotion),
    ...cet6ReviewRoutes(db),
    ...orderRoutes(db, bookings, orders, currentExamSession),
    ...changeRoutes(feed),
    ...allotmentRoutes(db, bookings, allotments, waitlist, promotion),
  ], stampChanges)

  // B4/B6: the sweep runs before each batch, at the batch's instant: nothing answered may show a
  // booking past its expiry, whatever the timer's phase.
  const batches = commitBatcher(db, now, (at) => {
    sweep(at)
  })

  let closing: Promise<void> | undefined
  /** While closing, an answer ends its keep-alive connection, so a polling kiosk cannot hold close() open. */
  function reply(res: ServerResponse, answer: HttpReply): void {
    if (closing !== undefined) res.setHeader('connection', 'close')
    writeReply(res, answer)
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req)
    const at = now()
    if (!body.ok) {
      reply(res, failureReply(at, { ...badRequest('请求内容超过 1 MiB 的上限。').failure, status: 413 }))
      return
    }
    const pathname = new URL(req.url ?? '/', 'http://central.invalid').pathname
    const call = { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body: body.text }
    // Group commit: handled in the next batch's transaction, answered once it is durable; a
    // /v1/batch, already many requests, in a transaction of its own without a savepoint (#8).
    const answer =
      call.method === endpoints.deliverBatch.method && pathname === endpoints.deliverBatch.path
        ? await batches.submitAlone((batchAt, own) => dispatch(call, batchAt, own))
        : await batches.submit((batchAt) => pay.handle(call.method, pathname, batchAt) ?? dispatch(call, batchAt))
    reply(res, answer)
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // Log the failure, never the request: bodies carry personal data (K3).
      console.error('[central] request failed:', error instanceof Error ? error.stack : error)
      if (!res.headersSent) reply(res, failureReply(now(), internalError().failure))
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
  const url = `http://${host}:${port}`
  if (publicUrl === '') publicUrl = url
  sweep(now())
  const retentionMs = options.feedRetentionMs ?? FEED_RETENTION_MS
  const pruneFeed = (at: Date): number => feed.prune(new Date(at.getTime() - retentionMs))
  const sweepAndPrune: ExpirySweep = (at) => {
    const swept = sweep(at)
    pruneFeed(at)
    return swept
  }
  const timer = startSweepTimer(sweepAndPrune, now, options.sweepIntervalMs ?? 30_000)
  return {
    url,
    port,
    sweepExpired: () => sweep(now()),
    pruneFeed: () => pruneFeed(now()),
    issueDeviceToken: (kioskId, schoolCodes) => issueDeviceToken(db, kioskId, schoolCodes, now()),
    revokeDevice: (kioskId) => {
      revokeDevice(db, kioskId, now())
    },
    close: () => {
      closing ??= new Promise<void>((resolve, reject) => {
        timer.dispose()
        // Kiosks poll with keep-alive connections: server.close() alone waits for every one of them.
        const cutOff = setTimeout(() => server.closeAllConnections(), options.closeGraceMs ?? 1000)
        server.close((error) => {
          clearTimeout(cutOff)
          // A batch already queued by a request cut off runs first (setImmediate), then the database goes.
          setImmediate(() => {
            db.close()
            if (error) reject(error)
            else resolve()
          })
        })
        server.closeIdleConnections()
      })
      return closing
    },
  }
}
