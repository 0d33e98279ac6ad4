/**
 * S4 delivery at scale: the kiosk was offline and recorded N bookings (one per registered
 * candidate) as outbox entries; the link comes back and the scheduler's pass (drainOutbox)
 * delivers them all to the reference central over loopback. Before that, untimed, the same is
 * done once for other candidates (a warm-up pass): a central serves for days, so its code runs
 * optimized; a freshly started one spends its first thousands of changes compiling it, which is
 * start-up, not throughput. The timed pass: BATCH_SIZE head entries per
 * /v1/batch request (one central transaction each), BATCHES_IN_FLIGHT at a time, each batch's
 * answers applied locally in one transaction; then every entry is checked delivered. Baseline:
 * the same number of bare loopback HTTP round trips to an echo server, ECHO_CONCURRENCY at a
 * time, same client transport (one request per change: what delivery cost before batching);
 * and, for comparison, the same changes echoed in batch-sized bodies. One echo request first
 * starts fetch (its one-time load is in neither figure).
 */
import { createFetchTransport } from '../central/central-transport'
import { createOperator } from '../services/operator-accounts'
import { BATCH_SIZE, BATCHES_IN_FLIGHT, drainOutbox } from '../services/sync/outbox-courier'
import { recordChange } from '../services/sync/desk-change'
import { CONTENDED_OFFERING_ID, type BenchCentral, type SeededCentral } from './bench-central'
import { benchContext, deadTransport } from './bench-kiosk'
import { seedBenchCatalog } from './bench-catalog'
import type { BenchStore } from './bench-store'
import { perSecond } from './bench-stats'
import type { EchoServer } from './echo-server'

/** Bare echo round trips in flight at once, the baseline's concurrency. */
export const ECHO_CONCURRENCY = 8

export interface OutboxFigures {
  readonly changes: number
  /** Changes delivered in the untimed warm-up pass first. */
  readonly warmUpChanges: number
  readonly delivered: number
  readonly changesPerSecond: number
  /** One echo round trip per change, ECHO_CONCURRENCY at a time. */
  readonly echoPerSecond: number
  /** Changes per second echoed BATCH_SIZE to a request, BATCHES_IN_FLIGHT at a time. */
  readonly echoBatchedPerSecond: number
}

export async function benchOutboxDelivery(
  kiosk: BenchStore,
  central: BenchCentral,
  seeded: SeededCentral,
  echo: EchoServer,
  warmUpChanges: number,
): Promise<OutboxFigures> {
  seedBenchCatalog(kiosk, seeded.candidateIds.length, new Date())
  const offline = benchContext(kiosk, deadTransport, seeded.tokens[0]!)
  const account = { username: 'bench', password: 'bench-password-1', displayName: '基准操作员', role: 'operator' } as const
  const operatorId = await createOperator(kiosk.store.db, offline.clock, account, { scryptCost: { N: 1024, r: 8, p: 1 } })
  const operator = { id: operatorId, username: account.username, displayName: account.displayName, role: account.role }
  const recordOffline = async (candidateIds: readonly string[]) => {
    for (const candidateId of candidateIds)
      await recordChange(offline, {
        payload: { action: 'booking.create', candidateId, offeringIds: [CONTENDED_OFFERING_ID], localBookingIds: null },
        summary: '报考 英语四级笔试（南开大学）',
        operator,
        auditAction: 'booking.create',
      })
  }
  const delivered = () => Number(kiosk.store.sqlite.prepare(`select count(*) from outbox where state = 'delivered'`).pluck().get() as number)
  const warmUp = seeded.candidateIds.slice(0, warmUpChanges)
  const timed = seeded.candidateIds.slice(warmUpChanges)

  const online = benchContext(kiosk, createFetchTransport(central.url), seeded.tokens[0]!)
  const echoTransport = createFetchTransport(echo.url)
  // fetch's one-time start (undici loads on a process's first request: ~110 ms of CPU here) is
  // paid before either measurement; a kiosk has talked to the central (catalog, feed) before it drains.
  await echoTransport({ method: 'POST', path: '/echo', headers: {}, body: {} })
  await recordOffline(warmUp)
  await drainOutbox(online, { force: true })
  if (delivered() !== warmUp.length) throw new Error(`bench: ${delivered()} of ${warmUp.length} warm-up outbox entries delivered`)

  await recordOffline(timed)
  let t0 = performance.now()
  await drainOutbox(online, { force: true })
  const changesPerSecond = perSecond(timed.length, performance.now() - t0)
  const deliveredTimed = delivered() - warmUp.length
  if (deliveredTimed !== timed.length) throw new Error(`bench: ${deliveredTimed} of ${timed.length} outbox entries delivered`)

  const bodyOf = (candidateId: string) => ({
    method: 'POST',
    path: '/v1/bookings',
    idempotencyKey: `booking.create:${candidateId}`,
    body: { candidateId, offeringIds: [CONTENDED_OFFERING_ID] },
  })
  let next = 0
  t0 = performance.now()
  await Promise.all(
    Array.from({ length: ECHO_CONCURRENCY }, async () => {
      while (next < timed.length) {
        const candidateId = timed[next++]!
        await echoTransport({ method: 'POST', path: '/echo', headers: {}, body: { candidateId, offeringIds: [CONTENDED_OFFERING_ID] } })
      }
    }),
  )
  const echoPerSecond = perSecond(timed.length, performance.now() - t0)

  next = 0
  t0 = performance.now()
  await Promise.all(
    Array.from({ length: BATCHES_IN_FLIGHT }, async () => {
      while (next < timed.length) {
        const ids = timed.slice(next, next + BATCH_SIZE)
        next += ids.length
        await echoTransport({ method: 'POST', path: '/echo', headers: {}, body: { requests: ids.map(bodyOf) } })
      }
    }),
  )
  const echoBatchedPerSecond = perSecond(timed.length, performance.now() - t0)
  return { changes: timed.length, warmUpChanges: warmUp.length, delivered: deliveredTimed, changesPerSecond, echoPerSecond, echoBatchedPerSecond }
}
