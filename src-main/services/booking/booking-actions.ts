/**
 * B1–B5: booking the ticked offerings and cancelling an unpaid booking. The shared rules are
 * checked first (a refusal never reaches the network); then the change goes through the outbox
 * (S1, S2, S4): written locally with its entry in one transaction, delivered at once when the
 * link is up, and only the central's answer counts.
 */
import { randomUUID } from 'node:crypto'
import { checkCanBook, checkCanCancel, newUnpaidBooking } from '../../../src-shared/domain/booking-rules'
import { fail, type Result } from '../../../src-shared/domain/result'
import { findSubject } from '../../../src-shared/domain/subjects'
import type { RegistrationInfo } from '../../../src-shared/ipc/contract'
import type { Booking, Offering } from '../../../src-shared/schemas'
import { freeAllotmentSeats } from '../../store/allotment-repository'
import { findBooking, insertProvisionalBookings, listActiveBookings, markBookingsGone, setSyncState } from '../../store/booking-repository'
import { findCampus } from '../../store/catalog-repository'
import { findOfferings } from '../../store/offering-repository'
import { withAllotmentSeats } from '../sync/allotment-seats'
import { deskOutcome, findPendingSame, isOnline, retryAtDesk, submitChange } from '../sync/desk-change'
import { LOCAL_BOOKING_PREFIX } from '../sync/outbox-payload'
import { buildRegistrationInfo } from '../registration-info'
import type { ServiceContext } from '../service-context'
import { requireBookingCandidate } from './booking-candidate'

export const UNKNOWN_OFFERING_MESSAGE = '所选科目已不在可报考列表中，请刷新后重新选择。'
export const MIXED_KINDS_MESSAGE = '笔试科目和口试科目需分别报考，请一次只提交同一类科目。'
export const BOOKING_GONE_MESSAGE = '该报考科目已被取消或已超时删除。'

export const NO_OFFLINE_SEATS_MESSAGE = '当前与报名中心的连接已中断，本机没有该科目的预留名额，请在连接恢复后再报考。'

/** S4: the booking written locally before the central has it (a `local-…` id, unpaid, due in 24 h). */
export function provisionalBooking(
  offering: Pick<Offering, 'id' | 'subjectCode' | 'schoolCode' | 'campusCode' | 'feeCents'>,
  candidateId: string,
  at: Date,
): Booking {
  return newUnpaidBooking(`${LOCAL_BOOKING_PREFIX}${randomUUID()}`, candidateId, offering, at.toISOString())
}

async function subjectSummary(ctx: ServiceContext, prefix: string, offerings: readonly Offering[]): Promise<string> {
  const parts = []
  for (const o of offerings) parts.push(`${findSubject(o.subjectCode)?.name ?? o.subjectCode}（${(await findCampus(ctx.db, o.campusCode))?.name ?? o.campusCode}）`)
  return `${prefix} ${parts.join('、')}`
}

/**
 * B1–B4, S1, S4: the booking is written as provisional local bookings (待同步) only when every
 * offering is backed by a free seat of this kiosk's allotment, so it can never overbook;
 * otherwise nothing local is written before the central's answer, and offline it is refused.
 */
export async function bookOfferings(
  ctx: ServiceContext,
  input: { visitId: string; offeringIds: readonly string[] },
): Promise<Result<RegistrationInfo>> {
  const found = await requireBookingCandidate(ctx, input.visitId)
  if (!found.ok) return found
  const { record, candidateId, operator } = found.value
  const ids = [...new Set(input.offeringIds)]
  const now = ctx.clock()
  const offerings = await withAllotmentSeats(ctx.db, await findOfferings(ctx.db, ids), now)
  if (offerings.length !== ids.length || offerings.some((o) => o.schoolCode !== record.schoolCode))
    return fail('NOT_FOUND', UNKNOWN_OFFERING_MESSAGE)
  if (new Set(offerings.map((o) => findSubject(o.subjectCode)?.kind)).size > 1) return fail('INVALID_INPUT', MIXED_KINDS_MESSAGE)

  const bookings = await listActiveBookings(ctx.db, candidateId)
  const allowed = checkCanBook({
    candidate: { campusCode: record.campusCode, eligibleSubjectCodes: record.eligibleSubjectCodes },
    offerings,
    bookings,
    now,
  })
  if (!allowed.ok) return allowed

  const page = () => buildRegistrationInfo(ctx, candidateId)
  const target = [...ids].sort().join(',')
  // S2: the same booking tried again while its first attempt is unanswered is that entry, sent again.
  const same = await findPendingSame(
    ctx.db,
    candidateId,
    (p) => p.action === 'booking.create' && p.localBookingIds === null && [...p.offeringIds].sort().join(',') === target,
  )
  if (same !== null) return deskOutcome(await retryAtDesk(ctx, same.id, operator), false, page)

  const free = await freeAllotmentSeats(ctx.db, now, ids)
  const provisional = ids.every((id) => (free.get(id) ?? 0) > 0)
  if (!provisional && !isOnline(ctx)) return fail('NO_OFFLINE_SEATS', NO_OFFLINE_SEATS_MESSAGE)
  const local = provisional ? offerings.map((o) => provisionalBooking(o, candidateId, now)) : null
  const row = await submitChange(ctx, {
    payload: { action: 'booking.create', candidateId, offeringIds: ids, localBookingIds: local?.map((b) => b.id) ?? null },
    summary: await subjectSummary(ctx, '报考', offerings),
    operator,
    auditAction: 'booking.create',
    ...(local === null ? {} : { writeLocal: (trx, at) => insertProvisionalBookings(trx, local, at) }),
  })
  return deskOutcome(row, local !== null, page)
}

/** B5, S4: the local row is cancelled with its entry; a refusal restores it. */
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
  if (booking.status !== 'unpaid') return fail('BOOKING_GONE', BOOKING_GONE_MESSAGE)

  const row = await submitChange(ctx, {
    payload: { action: 'booking.cancel', candidateId, bookingId: booking.id, previousStatus: booking.status },
    summary: await subjectSummary(ctx, '取消报考', [offering]),
    operator,
    auditAction: 'booking.cancel',
    async writeLocal(trx, at) {
      await markBookingsGone(trx, [booking.id], 'cancelled', at)
      await setSyncState(trx, [booking.id], 'pending')
    },
  })
  return deskOutcome(row, true, () => buildRegistrationInfo(ctx, candidateId))
}
