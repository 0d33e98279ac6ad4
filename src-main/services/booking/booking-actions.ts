/**
 * B1–B5: booking the ticked offerings and cancelling an unpaid booking. The shared rules are
 * checked first (a refusal never reaches the network); then the central decides (S1), with an
 * idempotency key persisted before sending (S2). Its answer, the seat counts and an audit row
 * are written in one transaction; only then is the page rebuilt.
 */
import { checkCanBook, checkCanCancel } from '../../../src-shared/domain/booking-rules'
import { fail, type Result } from '../../../src-shared/domain/result'
import { findSubject } from '../../../src-shared/domain/subjects'
import type { RegistrationInfo } from '../../../src-shared/ipc/contract'
import { appendAudit } from '../../store/audit-repository'
import { findBooking, listActiveBookings, upsertBookings } from '../../store/booking-repository'
import { applySeatCounts, findOfferings } from '../../store/offering-repository'
import { buildRegistrationInfo } from '../registration-info'
import type { ServiceContext } from '../service-context'
import { requireBookingCandidate } from './booking-candidate'
import { sendChange } from './central-change'

export const UNKNOWN_OFFERING_MESSAGE = '所选科目已不在可报考列表中，请刷新后重新选择。'
export const MIXED_KINDS_MESSAGE = '笔试科目和口试科目需分别报考，请一次只提交同一类科目。'
export const BOOKING_GONE_MESSAGE = '该报考科目已被取消或已超时删除。'

export async function bookOfferings(
  ctx: ServiceContext,
  input: { visitId: string; offeringIds: readonly string[] },
): Promise<Result<RegistrationInfo>> {
  const found = await requireBookingCandidate(ctx, input.visitId)
  if (!found.ok) return found
  const { record, candidateId, operator } = found.value
  const ids = [...new Set(input.offeringIds)]
  const offerings = await findOfferings(ctx.db, ids)
  if (offerings.length !== ids.length || offerings.some((o) => o.schoolCode !== record.schoolCode))
    return fail('NOT_FOUND', UNKNOWN_OFFERING_MESSAGE)
  if (new Set(offerings.map((o) => findSubject(o.subjectCode)?.kind)).size > 1) return fail('INVALID_INPUT', MIXED_KINDS_MESSAGE)

  const bookings = await listActiveBookings(ctx.db, candidateId)
  const allowed = checkCanBook({
    candidate: { campusCode: record.campusCode, eligibleSubjectCodes: record.eligibleSubjectCodes },
    offerings,
    bookings,
    now: ctx.clock(),
  })
  if (!allowed.ok) return allowed

  const target = [...ids].sort().join(',')
  const answer = await sendChange(ctx, { action: 'booking.create', candidateId, target }, { operatorId: operator.id, action: 'booking.create' }, (key) =>
    ctx.central.createBookings({ candidateId, offeringIds: ids }, key),
  )
  if (!answer.ok) return answer
  const at = ctx.clock()
  await ctx.db.transaction().execute(async (trx) => {
    await upsertBookings(trx, answer.value.bookings, at)
    await applySeatCounts(trx, answer.value.seats, at)
    await appendAudit(trx, {
      at,
      operatorId: operator.id,
      candidateId,
      action: 'booking.create',
      outcome: 'ok',
      detail: answer.value.bookings.map((b) => `${b.id} (${b.offeringId})`).join(', '),
    })
  })
  return buildRegistrationInfo(ctx, candidateId)
}

export async function cancelBooking(ctx: ServiceContext, input: { visitId: string; bookingId: string }): Promise<Result<RegistrationInfo>> {
  const found = await requireBookingCandidate(ctx, input.visitId)
  if (!found.ok) return found
  const { candidateId, operator } = found.value
  const booking = await findBooking(ctx.db, input.bookingId)
  if (booking === null || booking.candidateId !== candidateId) return fail('BOOKING_GONE', BOOKING_GONE_MESSAGE)
  const [offering] = await findOfferings(ctx.db, [booking.offeringId])
  if (offering === undefined) return fail('NOT_FOUND', UNKNOWN_OFFERING_MESSAGE)
  const allowed = checkCanCancel({ booking, offering, bookings: await listActiveBookings(ctx.db, candidateId), now: ctx.clock() })
  if (!allowed.ok) return allowed

  const answer = await sendChange(
    ctx,
    { action: 'booking.cancel', candidateId, target: booking.id },
    { operatorId: operator.id, action: 'booking.cancel' },
    (key) => ctx.central.cancelBooking(booking.id, { candidateId }, key),
  )
  if (!answer.ok) return answer
  const at = ctx.clock()
  await ctx.db.transaction().execute(async (trx) => {
    await upsertBookings(trx, [answer.value.booking], at)
    await applySeatCounts(trx, answer.value.seats, at)
    await appendAudit(trx, { at, operatorId: operator.id, candidateId, action: 'booking.cancel', outcome: 'ok', detail: booking.id })
  })
  return buildRegistrationInfo(ctx, candidateId)
}
