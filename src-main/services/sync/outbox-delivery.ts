/**
 * S1, S2, S4, S6: sending one outbox entry to the central with its stored idempotency key, and
 * what its answer means locally. A yes replaces the provisional state with the central's
 * (bookings, seats, allotments); a final refusal undoes the local change. Provisional booking
 * ids are resolved through the id map at delivery time.
 */
import type { Booking, SeatCount } from '../../../src-shared/schemas'
import type { BatchableEndpoint, EndpointResponse } from '../../../src-shared/central/contract'
import type { BatchCall } from '../../central/central-client'
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

/**
 * Writes the answers of one batch share, done once after every answer of the batch was applied
 * (in the same transaction): the bookings the central answered with, and each offering's seat
 * count as the last answer (in the central's order) gave it.
 */
export class SharedWrites {
  private readonly bookings: Booking[] = []
  private readonly seats = new Map<string, number>()

  addBookings(bookings: readonly Booking[]): void {
    this.bookings.push(...bookings)
  }

  addSeats(seats: readonly SeatCount[]): void {
    for (const s of seats) this.seats.set(s.offeringId, s.seatsLeft)
  }

  async flush(trx: KioskDb, at: Date): Promise<void> {
    await upsertBookings(trx, this.bookings, at)
    await applySeatCounts(trx, [...this.seats].map(([offeringId, seatsLeft]) => ({ offeringId, seatsLeft })), at)
  }
}

type Apply = (trx: KioskDb, at: Date, shared: SharedWrites) => Promise<void>

/** What came of sending: an answer to apply, the central's failure, or a refusal decided here. */
export type Sent =
  | { readonly kind: 'answer'; readonly apply: Apply }
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

/** An entry ready to send: its call (with ids resolved now, S4) and what an answer to it means. */
export type Prepared =
  | (Sent & { readonly kind: 'dependent' })
  | { readonly kind: 'call'; readonly call: BatchCall; interpret(result: CentralResult<unknown>): Sent }

function prepared<N extends BatchableEndpoint>(call: BatchCall<N>, onAnswer: (answer: EndpointResponse<N>) => Apply): Prepared {
  return {
    kind: 'call',
    call: call as BatchCall,
    // Sound: the client parsed the answer with the schema of `call.name`.
    interpret: (result) => (result.ok ? { kind: 'answer', apply: onAnswer(result.value as EndpointResponse<N>) } : failed(result)),
  }
}

const dependent: Prepared = { kind: 'dependent', code: DEPENDS_ON_REFUSED, message: DEPENDS_ON_REFUSED_MESSAGE }

function prepareCreate(p: PayloadOf<'booking.create'>, key: string): Prepared {
  const local = p.localBookingIds
  const body = { candidateId: p.candidateId, offeringIds: [...p.offeringIds], ...(local === null ? {} : { fromAllotment: true }) }
  return prepared({ name: 'createBookings', body, idempotencyKey: key }, ({ bookings, seats, allotments }) => async (trx, at, shared) => {
    if (local === null) shared.addBookings(bookings)
    else await replaceProvisional(trx, local, bookings, at)
    shared.addSeats(seats)
    if (allotments.length > 0) await upsertAllotments(trx, allotments, at)
  })
}

async function resolveBooking(ctx: ServiceContext, bookingId: string): Promise<string | null> {
  const id = await centralBookingId(ctx.db, bookingId)
  return id !== null && !isLocalBookingId(id) ? id : null
}

async function prepareCancel(ctx: ServiceContext, p: PayloadOf<'booking.cancel'>, key: string): Promise<Prepared> {
  const bookingId = await resolveBooking(ctx, p.bookingId)
  if (bookingId === null) return dependent
  return prepared({ name: 'cancelBooking', params: { bookingId }, body: { candidateId: p.candidateId }, idempotencyKey: key }, (answer) => async (_trx, _at, shared) => {
    shared.addBookings([answer.booking])
    shared.addSeats(answer.seats)
  })
}

async function prepareScoreReport(ctx: ServiceContext, p: PayloadOf<'booking.score-report'>, key: string): Promise<Prepared> {
  const bookingId = await resolveBooking(ctx, p.bookingId)
  if (bookingId === null) return dependent
  const body = { candidateId: p.candidateId, choice: p.choice }
  return prepared({ name: 'setScoreReport', params: { bookingId }, body, idempotencyKey: key }, (answer) => async (_trx, _at, shared) => {
    shared.addBookings([answer.booking])
  })
}

function prepareConfirm(p: PayloadOf<'registration.confirm'>, key: string): Prepared {
  const body = { candidateId: p.candidateId, agreementVersion: p.agreementVersion, agreementAcceptedAt: p.agreementAcceptedAt }
  return prepared({ name: 'confirmRegistration', body, idempotencyKey: key }, ({ registration: confirmed }) => async (trx) => {
    // The central's session and time stand (S6); the local row was written when the desk confirmed.
    await trx
      .updateTable('registrations')
      .set({ exam_session_id: confirmed.examSessionId, confirmed_at: confirmed.confirmedAt })
      .where('candidate_id', '=', confirmed.candidateId)
      .execute()
  })
}

/** S4: what to send for the entry, its provisional ids resolved through the id map now. */
export async function prepareEntry(ctx: ServiceContext, row: OutboxRow): Promise<Prepared> {
  const payload = parsePayload(row.payload)
  const key = row.idempotency_key
  switch (payload.action) {
    case 'booking.create':
      return prepareCreate(payload, key)
    case 'booking.cancel':
      return prepareCancel(ctx, payload, key)
    case 'booking.score-report':
      return prepareScoreReport(ctx, payload, key)
    case 'registration.confirm':
      return prepareConfirm(payload, key)
  }
}

/** Sends one prepared entry alone, in a request of its own. */
export async function sendPrepared(ctx: ServiceContext, entry: Prepared & { kind: 'call' }): Promise<Sent> {
  const { name, params, body, idempotencyKey } = entry.call
  const result = await ctx.central.call(name, { ...(params === undefined ? {} : { params }), body: body as never, idempotencyKey })
  return entry.interpret(result)
}

/** Sends one entry alone (the desk waiting for it). */
export async function sendEntry(ctx: ServiceContext, row: OutboxRow): Promise<Sent> {
  const entry = await prepareEntry(ctx, row)
  return entry.kind === 'dependent' ? entry : sendPrepared(ctx, entry)
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
