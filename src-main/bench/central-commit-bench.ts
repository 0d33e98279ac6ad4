/**
 * Booking commit through the reference central over loopback, as one kiosk makes them: the
 * kiosk's central client (zod-checked request and answer, fetch, device token, Idempotency-Key)
 * books one offering for one candidate after another and waits for each answer, which the
 * central gives only once the booking is durable (synchronous=FULL). Baseline: the same client
 * transport's round trip to a bare echo server with the same body.
 */
import { createCentralClient } from '../central/central-client'
import { createFetchTransport } from '../central/central-transport'
import { CONTENDED_OFFERING_ID, type BenchCentral, type SeededCentral } from './bench-central'
import { perSecond } from './bench-stats'
import type { EchoServer } from './echo-server'

export interface CentralCommitFigures {
  readonly bookings: number
  readonly bookingsPerSecond: number
  readonly echoRoundTripsPerSecond: number
}

export async function benchCentralCommit(central: BenchCentral, seeded: SeededCentral, echo: EchoServer, count: number): Promise<CentralCommitFigures> {
  const client = createCentralClient({ transport: createFetchTransport(central.url), deviceToken: seeded.tokens[0]!, clock: () => new Date() })
  const candidates = seeded.candidateIds.slice(0, count)
  let t0 = performance.now()
  for (const candidateId of candidates) {
    const answer = await client.createBookings({ candidateId, offeringIds: [CONTENDED_OFFERING_ID] }, `bench-commit-${candidateId}`)
    if (!answer.ok) throw new Error(`bench: booking refused: ${JSON.stringify(answer.failure)}`)
  }
  const bookingsPerSecond = perSecond(candidates.length, performance.now() - t0)

  const echoTransport = createFetchTransport(echo.url)
  t0 = performance.now()
  for (const candidateId of candidates) {
    const reply = await echoTransport({ method: 'POST', path: '/echo', headers: {}, body: { candidateId, offeringIds: [CONTENDED_OFFERING_ID] } })
    if (reply.status !== 200) throw new Error(`bench: echo answered ${reply.status}`)
  }
  const echoRoundTripsPerSecond = perSecond(candidates.length, performance.now() - t0)
  return { bookings: candidates.length, bookingsPerSecond, echoRoundTripsPerSecond }
}
