/**
 * S1, S2, S4, S6: sending one outbox entry to the central with its stored idempotency key, and
 * what its answer means locally. A yes replaces the provisional state with the central's
 * (bookings, seats, allotments); a final refusal undoes the local change. Provisional booking
 * ids are resolved through the id map at delivery time.
 */
import type { Booking } from '../../../src-shared/schemas'
import type { CentralResult } from '../../central/central-failure'
import { upsertAllotments } from '../../store/allotment-repository'
import {
  centralBookingId,
  deleteBookings,
  findBooking,
  mapLocalBooking,
  markBookingsGone,
  restoreBooking,
  setSyncState,
  upsertBookings,
} from '../../store/booking-repository'
import { applySeatCounts } from '../../store/offering-repository'
import type { KioskDb, OutboxRow } from '../../store/schema'
import type { ServiceContext } from '../service-context'
import { isLocalBookingId, parsePayload, type OutboxPayload, type PayloadOf } from './outbox-payload'

/** What came of sending: an answer to apply, the central's failure, or a refusal decided here. */
export type Sent =
  | { readonly kind: 'answer'; apply(trx: KioskDb, at: Date): Promise<void> }
  | { readonly kind: 'failure'; readonly result: CentralResult<never> & { ok: false } }
  | { readonly kind: 'dependent'; readonly code: string; readonly message: string }

export const DEPENDS_ON_REFUSED = 'DEPENDS_ON_REFUSED'
export const DEPENDS_ON_REFUSED_MESSAGE = '该报考科目未被报名中心接受，此项变更随之取消。'

function failed(result: CentralResult<unknown>): Sent {
  return { kind: 'failure', result: result as CentralResult<never> & { ok: false } }
}

/** S4: a provisional booking replaced by the central's keeps the local changes still queued after it. */
async function replaceProvisional(trx: KioskDb, localIds: readonly string[], bookings: readonly Booking[], at: Date): Promise<void> {
  const locals = []
  for (const id of localIds) locals.push(await findBooking(trx, id))
  await deleteBookings(trx, localIds)
  await upsertBookings(trx, bookings, at)
  for (const local of locals) {
    if (local === null) continue
    const central = bookings.find((b) => b.offeringId === local.offeringId)
    if (central === undefined) continue
    await mapLocalBooking(trx, local.id, central.id)
    const changed = local.status === 'cancelled' || local.scoreReport !== central.scoreReport
    if (local.status === 'cancelled') await markBookingsGone(trx, [central.id], 'cancelled', at)
    if (local.scoreReport !== central.scoreReport) await restoreBooking(trx, central.id, { scoreReport: local.scoreReport }, at)
    if (changed) await setSyncState(trx, [central.id], 'pending')
  }
}

async function sendCreate(ctx: ServiceContext, p: PayloadOf<'booking.create'>, key: string): Promise<Sent> {
  const local = p.localBookingIds
  const answer = await ctx.central.createBookings(
    { candidateId: p.candidateId, offeringIds: [...p.offeringIds], ...(local === null ? {} : { fromAllotment: true }) },
    key,
  )
  if (!answer.ok) return failed(answer)
  const { bookings, seats, allotments } = answer.value
  return {
    kind: 'answer',
    async apply(trx, at) {
      if (local === null) await upsertBookings(trx, bookings, at)
      else await replaceProvisional(trx, local, bookings, at)
      await applySeatCounts(trx, seats, at)
      await upsertAllotments(trx, allotments, at)
    },
  }
}

async function resolveBooking(ctx: ServiceContext, bookingId: string): Promise<string | null> {
  const id = await centralBookingId(ctx.db, bookingId)
  return id !== null && !isLocalBookingId(id) ? id : null
}

async function sendCancel(ctx: ServiceContext, p: PayloadOf<'booking.cancel'>, key: string): Promise<Sent> {
  const id = await resolveBooking(ctx, p.bookingId)
  if (id === null) return { kind: 'dependent', code: DEPENDS_ON_REFUSED, message: DEPENDS_ON_REFUSED_MESSAGE }
  const answer = await ctx.central.cancelBooking(id, { candidateId: p.candidateId }, key)
  if (!answer.ok) return failed(answer)
  return {
    kind: 'answer',
    async apply(trx, at) {
      await upsertBookings(trx, [answer.value.booking], at)
      await applySeatCounts(trx, answer.value.seats, at)
    },
  }
}

async function sendScoreReport(ctx: ServiceContext, p: PayloadOf<'booking.score-report'>, key: string): Promise<Sent> {
  const id = await resolveBooking(ctx, p.bookingId)
  if (id === null) return { kind: 'dependent', code: DEPENDS_ON_REFUSED, message: DEPENDS_ON_REFUSED_MESSAGE }
  const answer = await ctx.central.setScoreReport(id, { candidateId: p.candidateId, choice: p.choice }, key)
  if (!answer.ok) return failed(answer)
  return { kind: 'answer', apply: (trx, at) => upsertBookings(trx, [answer.value.booking], at) }
}

async function sendConfirm(ctx: ServiceContext, p: PayloadOf<'registration.confirm'>, key: string): Promise<Sent> {
  const answer = await ctx.central.confirmRegistration(
    { candidateId: p.candidateId, agreementVersion: p.agreementVersion, agreementAcceptedAt: p.agreementAcceptedAt },
    key,
  )
  if (!answer.ok) return failed(answer)
  const confirmed = answer.value.registration
  return {
    kind: 'answer',
    async apply(trx) {
      // The central's session and time stand (S6); the local row was written when the desk confirmed.
      await trx
        .updateTable('registrations')
        .set({ exam_session_id: confirmed.examSessionId, confirmed_at: confirmed.confirmedAt })
        .where('candidate_id', '=', confirmed.candidateId)
        .execute()
    },
  }
}

export function sendEntry(ctx: ServiceContext, row: OutboxRow): Promise<Sent> {
  const payload = parsePayload(row.payload)
  const key = row.idempotency_key
  switch (payload.action) {
    case 'booking.create':
      return sendCreate(ctx, payload, key)
    case 'booking.cancel':
      return sendCancel(ctx, payload, key)
    case 'booking.score-report':
      return sendScoreReport(ctx, payload, key)
    case 'registration.confirm':
      return sendConfirm(ctx, payload, key)
  }
}

/** S6: the central refused for good: the local change is undone (in the caller's transaction). */
export async function undoLocalChange(trx: KioskDb, payload: OutboxPayload, at: Date): Promise<void> {
  switch (payload.action) {
    case 'booking.create':
      await deleteBookings(trx, payload.localBookingIds ?? [])
      return
    case 'booking.cancel': {
      const id = (await centralBookingId(trx, payload.bookingId)) ?? payload.bookingId
      await restoreBooking(trx, id, { status: payload.previousStatus }, at)
      return
    }
    case 'booking.score-report': {
      const id = (await centralBookingId(trx, payload.bookingId)) ?? payload.bookingId
      await restoreBooking(trx, id, { scoreReport: payload.previous }, at)
      return
    }
    case 'registration.confirm':
      await trx.deleteFrom('registrations').where('candidate_id', '=', payload.candidateId).execute()
      return
  }
}

/** Rows of the entry that are in sync once it is settled. */
export async function settleBookingRows(trx: KioskDb, payload: OutboxPayload): Promise<void> {
  if (payload.action === 'booking.cancel' || payload.action === 'booking.score-report') {
    const id = (await centralBookingId(trx, payload.bookingId)) ?? payload.bookingId
    await setSyncState(trx, [id], 'synced')
  }
}
