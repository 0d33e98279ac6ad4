/**
 * The reference central under contention: 8 kiosks (8 device tokens) book one offering at once
 * for many candidates, each candidate once, through the central's HTTP contract with an
 * Idempotency-Key per booking. The capacity is below the number of candidates, so the last
 * requests race for the last seats; afterwards the central's own database must show no
 * overbooking: active bookings ≤ capacity, seats left = capacity − active bookings, and every
 * 200 answered is a booking there.
 */
import Database from 'better-sqlite3'
import { CENTRAL_API_PREFIX, endpoints, IDEMPOTENCY_HEADER } from '../../src-shared/central/contract'
import { CONTENDED_OFFERING_ID, type BenchCentral, type SeededCentral } from './bench-central'
import { benchHttpClient } from './bench-http'
import { perSecond } from './bench-stats'
import type { EchoServer } from './echo-server'

export interface ContentionFigures {
  readonly clients: number
  readonly attempts: number
  readonly booked: number
  readonly refusedNoSeats: number
  readonly otherAnswers: number
  readonly seconds: number
  readonly bookingsPerMinute: number
  readonly capacity: number
  readonly activeBookings: number
  readonly seatsLeft: number
  /** Active bookings beyond capacity, plus any mismatch between the counter, the rows and the 200s. */
  readonly overbooked: number
  /** Baseline: the same clients and requests against a bare echo server, round trips a minute. */
  readonly echoPerMinute: number
}

/** Each client sends its share of the candidates' bookings, one after another; all clients at once. */
async function eachClientBooks(
  url: string,
  tokens: readonly string[],
  candidateIds: readonly string[],
  onReply: (status: number, body: string) => void,
): Promise<number> {
  const t0 = performance.now()
  await Promise.all(
    tokens.map(async (token, k) => {
      const http = benchHttpClient(url)
      try {
        for (let i = k; i < candidateIds.length; i += tokens.length) {
          const candidateId = candidateIds[i]!
          const body = JSON.stringify({ candidateId, offeringIds: [CONTENDED_OFFERING_ID] })
          const reply = await http.send('POST', bookingPath, { authorization: `Bearer ${token}`, [IDEMPOTENCY_HEADER]: `bench-${candidateId}` }, body)
          onReply(reply.status, reply.body)
        }
      } finally {
        http.close()
      }
    }),
  )
  return performance.now() - t0
}

const bookingPath = endpoints.createBookings.path
if (!bookingPath.startsWith(CENTRAL_API_PREFIX)) throw new Error('bench: unexpected booking path')

export async function benchCentralContention(
  central: BenchCentral,
  seeded: SeededCentral,
  capacity: number,
  echo: EchoServer,
): Promise<ContentionFigures> {
  const clients = seeded.tokens.length
  let booked = 0
  let refusedNoSeats = 0
  let otherAnswers = 0
  const elapsedMs = await eachClientBooks(central.url, seeded.tokens, seeded.candidateIds, (status, body) => {
    if (status === 200) booked++
    else if (status === 409 && body.includes('"NO_SEATS"')) refusedNoSeats++
    else otherAnswers++
  })
  const seconds = elapsedMs / 1000
  let echoed = 0
  const echoMs = await eachClientBooks(echo.url, seeded.tokens, seeded.candidateIds, (status) => {
    if (status === 200) echoed++
  })
  const echoPerMinute = perSecond(echoed, echoMs) * 60
  const db = new Database(seeded.dbPath, { readonly: true })
  try {
    const activeBookings = db
      .prepare(`SELECT count(*) FROM bookings WHERE offering_id = ? AND status IN ('unpaid', 'paid')`)
      .pluck()
      .get(CONTENDED_OFFERING_ID) as number
    const { seats_left: seatsLeft, capacity: stored } = db
      .prepare('SELECT seats_left, capacity FROM offerings WHERE id = ?')
      .get(CONTENDED_OFFERING_ID) as { seats_left: number; capacity: number }
    if (stored !== capacity) throw new Error(`bench: capacity ${stored}, expected ${capacity}`)
    const overbooked =
      Math.max(0, activeBookings - capacity) + Math.abs(seatsLeft - (capacity - activeBookings)) + Math.abs(activeBookings - booked)
    return {
      clients,
      attempts: seeded.candidateIds.length,
      booked,
      refusedNoSeats,
      otherAnswers,
      seconds,
      bookingsPerMinute: perSecond(booked, elapsedMs) * 60,
      capacity,
      activeBookings,
      seatsLeft,
      overbooked,
      echoPerMinute,
    }
  } finally {
    db.close()
  }
}
