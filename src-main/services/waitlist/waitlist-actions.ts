/**
 * W1: 提交候补 and W3: 取消候补. The shared rules are checked first (a refusal never reaches the
 * network); then the central decides (S1) with an idempotency key persisted before sending (S2).
 * Its answer replaces the visit's copy of the entry, and an audit row is written.
 */
import { checkCanSubmitWaitlist } from '../../../src-shared/domain/booking-rules'
import { fail, type Result } from '../../../src-shared/domain/result'
import { checkCanCancelWaitlist, type WaitlistCancelReason } from '../../../src-shared/domain/waitlist-rules'
import type { RegistrationInfo } from '../../../src-shared/ipc/contract'
import { appendAudit } from '../../store/audit-repository'
import { listActiveBookings } from '../../store/booking-repository'
import { findOfferings } from '../../store/offering-repository'
import { UNKNOWN_OFFERING_MESSAGE } from '../booking/booking-actions'
import { requireBookingCandidate } from '../booking/booking-candidate'
import { requireLink } from '../sync/online-only'
import { sendChange } from '../booking/central-change'
import { buildRegistrationInfo } from '../registration-info'
import type { ServiceContext } from '../service-context'
import { cachedWaitlist, rememberEntry, waitingSubjectCodes } from './waitlist-cache'
import { noteWaitlistEntries } from './waitlist-promotions'
import { refreshWaitlist } from './waitlist-sync'

export const WAITLIST_ENTRY_GONE_MESSAGE = '该候补已结束，不能取消。'

export async function submitWaitlist(ctx: ServiceContext, input: { visitId: string; offeringId: string }): Promise<Result<RegistrationInfo>> {
  const found = await requireBookingCandidate(ctx, input.visitId)
  if (!found.ok) return found
  const { record, candidateId, operator, visit } = found.value
  const link = requireLink(ctx, 'waitlist')
  if (!link.ok) return link
  const [offering] = await findOfferings(ctx.db, [input.offeringId])
  if (offering === undefined || offering.schoolCode !== record.schoolCode) return fail('NOT_FOUND', UNKNOWN_OFFERING_MESSAGE)
  const snapshot = (await refreshWaitlist(ctx, visit, candidateId)) ?? cachedWaitlist(visit, candidateId)
  // W1 with B2: one booking or active entry per level; oral needs the written subject booked.
  const allowed = checkCanSubmitWaitlist({
    candidate: { campusCode: record.campusCode, eligibleSubjectCodes: record.eligibleSubjectCodes },
    offering,
    bookings: await listActiveBookings(ctx.db, candidateId),
    now: ctx.clock(),
    activeWaitlistSubjectCodes: waitingSubjectCodes(snapshot),
  })
  if (!allowed.ok) return allowed

  const answer = await sendChange(
    ctx,
    { action: 'waitlist.submit', candidateId, target: offering.id },
    { operatorId: operator.id, action: 'waitlist.submit' },
    (key) => ctx.central.call('submitWaitlistEntry', { body: { candidateId, offeringId: offering.id }, idempotencyKey: key }),
  )
  if (!answer.ok) return answer
  rememberEntry(visit, answer.value.entry)
  await noteWaitlistEntries(ctx.db, [answer.value.entry], { at: ctx.clock(), operatorId: operator.id, addNew: true })
  await appendAudit(ctx.db, {
    at: ctx.clock(),
    operatorId: operator.id,
    candidateId,
    action: 'waitlist.submit',
    outcome: 'ok',
    detail: `${answer.value.entry.id} (${offering.id})`,
  })
  return buildRegistrationInfo(ctx, candidateId)
}

export async function cancelWaitlist(
  ctx: ServiceContext,
  input: { visitId: string; entryId: string; reason: WaitlistCancelReason },
): Promise<Result<RegistrationInfo>> {
  const found = await requireBookingCandidate(ctx, input.visitId)
  if (!found.ok) return found
  const { candidateId, operator, visit } = found.value
  const link = requireLink(ctx, 'waitlist')
  if (!link.ok) return link
  const snapshot = (await refreshWaitlist(ctx, visit, candidateId)) ?? cachedWaitlist(visit, candidateId)
  const entry = snapshot?.entries.find((e) => e.id === input.entryId)
  if (entry === undefined) return fail('WAITLIST_GONE', WAITLIST_ENTRY_GONE_MESSAGE)
  const allowed = checkCanCancelWaitlist(entry, input.reason)
  if (!allowed.ok) return allowed

  const answer = await sendChange(
    ctx,
    // S2: a cancel with another reason is another change.
    { action: 'waitlist.cancel', candidateId, target: `${entry.id}:${input.reason}` },
    { operatorId: operator.id, action: 'waitlist.cancel' },
    (key) =>
      ctx.central.call('cancelWaitlistEntry', {
        params: { entryId: entry.id },
        body: { candidateId, reason: input.reason },
        idempotencyKey: key,
      }),
  )
  if (!answer.ok) return answer
  rememberEntry(visit, answer.value.entry)
  await noteWaitlistEntries(ctx.db, [answer.value.entry], { at: ctx.clock(), operatorId: operator.id, addNew: true })
  await appendAudit(ctx.db, {
    at: ctx.clock(),
    operatorId: operator.id,
    candidateId,
    action: 'waitlist.cancel',
    outcome: 'ok',
    detail: `${entry.id}: ${input.reason}`,
  })
  return buildRegistrationInfo(ctx, candidateId)
}
