/**
 * S4: keeps seats allotted to this kiosk in advance, online only: for every cached offering
 * that can be booked now (window open, fee and exam time set), `held` is topped up to the
 * configured target and the lease renewed before it runs out; allotments of offerings no longer
 * bookable are returned. The central grants what it can (never seats entries wait for, W2).
 */
import { randomUUID } from 'node:crypto'
import { ALLOTMENT_LEASE_MS, ALLOTMENT_MAX_SEATS, type Allotment } from '../../../src-shared/central/contract'
import type { SeatCount } from '../../../src-shared/schemas'
import { isWindowOpen } from '../../../src-shared/domain/booking-rules'
import { listActiveAllotments, upsertAllotments } from '../../store/allotment-repository'
import { applySeatCounts, listAllOfferings } from '../../store/offering-repository'
import type { ServiceContext } from '../service-context'
import { isOnline } from './desk-change'

export const DEFAULT_ALLOTMENT_SEATS = 2

export interface AllotmentReport {
  readonly requested: number
  readonly returned: number
}

export async function keepAllotments(ctx: ServiceContext, targetSeats: number): Promise<AllotmentReport> {
  if (!isOnline(ctx)) return { requested: 0, returned: 0 }
  const now = ctx.clock()
  const target = Math.min(Math.max(0, targetSeats), ALLOTMENT_MAX_SEATS)
  const active = await listActiveAllotments(ctx.db, now)
  const byOffering = new Map(active.map((a) => [a.offering_id, a]))
  let requested = 0
  let returned = 0
  for (const offering of await listAllOfferings(ctx.db)) {
    const bookable = target > 0 && isWindowOpen(offering, now) && offering.feeCents > 0 && offering.examStart !== null
    const held = byOffering.get(offering.id)
    if (!bookable) {
      if (held === undefined) continue
      const answer = await ctx.central.returnAllotment(held.id, `allotment.return:${randomUUID()}`)
      if (!answer.ok) {
        if (answer.failure.kind === 'retryable') break
        continue
      }
      await saveAllotmentAnswer(ctx, answer.value)
      returned++
      continue
    }
    // Topped up when below target (and seats may be free), renewed in the last half of the lease.
    const renewDue = held !== undefined && Date.parse(held.expires_at) - now.getTime() < ALLOTMENT_LEASE_MS / 2
    const short = held === undefined ? offering.seatsLeft > 0 : held.held < target && offering.seatsLeft > 0
    if (!renewDue && !short) continue
    const answer = await ctx.central.requestAllotment({ offeringId: offering.id, seats: target }, `allotment.request:${randomUUID()}`)
    if (!answer.ok) {
      if (answer.failure.kind === 'retryable') break
      continue
    }
    await saveAllotmentAnswer(ctx, answer.value)
    requested++
  }
  return { requested, returned }
}

/** The central's allotment and the seat counts it changed, in one transaction. */
async function saveAllotmentAnswer(ctx: ServiceContext, answer: { allotment: Allotment; seats: readonly SeatCount[] }): Promise<void> {
  const at = ctx.clock()
  await ctx.db.transaction().execute(async (trx) => {
    await upsertAllotments(trx, [answer.allotment], at)
    await applySeatCounts(trx, answer.seats, at)
  })
}
