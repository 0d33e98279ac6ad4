/**
 * Waitlist rules W1–W4 (SPEC §3), free of any runtime. W1's "may this candidate submit" lives
 * beside B1–B3 in booking-rules (`checkCanSubmitWaitlist`), since B2 counts entries and bookings
 * together; this file holds the entry's life: its statuses and words, the first-come-first-served
 * order (W2), the re-check when a seat frees, and cancelling (W3).
 */
import { checkCanSubmitWaitlist, type AvailabilityInput } from './booking-rules'
import { fail, ok, type Result } from './result'

/** W4: waiting (正在候补), promoted (候补成功), cancelled by the candidate (考生取消), failed (the system ended it). */
export const WAITLIST_STATUSES = ['waiting', 'promoted', 'cancelled', 'failed'] as const
export type WaitlistStatus = (typeof WAITLIST_STATUSES)[number]

/** W3: the reasons a candidate may give for 取消候补; the chosen one becomes the entry's remark. */
export const WAITLIST_CANCEL_REASONS = ['放弃科目报考及候补', '已在其他校区报考', '时间冲突', '其他'] as const
export type WaitlistCancelReason = (typeof WAITLIST_CANCEL_REASONS)[number]

/** W3: the warning shown before 取消候补. */
export const WAITLIST_CANCEL_WARNING = '取消再重新提交候补，将重新排队，可能降低候补成功概率。确定继续？'

/** W4: the system's remark when the registration window closes on a waiting entry. */
export const WINDOW_CLOSED_REMARK = '报名结束'
/** W2: the remark of a promoted entry. */
export const PROMOTED_REMARK = '候补成功，已生成未支付的报考科目，请在24小时内支付。'

/** W4: the 候补状态 cell, in the seeds' words. */
export function waitlistStatusLabel(status: WaitlistStatus): string {
  switch (status) {
    case 'waiting':
      return '正在候补'
    case 'promoted':
      return '候补成功'
    case 'cancelled':
      return '考生取消'
    case 'failed':
      return '候补失败'
  }
}

/** What the queue rules need to know about an entry. */
export interface WaitlistEntryFacts {
  readonly id: string
  readonly offeringId: string
  readonly status: WaitlistStatus
  /**
   * W2: the central's receive order (a strictly increasing sequence number): the queue order.
   * Receive time alone can tie within a millisecond; the sequence never does.
   */
  readonly sequence: number
}

/** W2: the waiting entries of one offering, first come first served. */
export function queueOf<E extends WaitlistEntryFacts>(entries: readonly E[], offeringId: string): E[] {
  return entries
    .filter((e) => e.offeringId === offeringId && e.status === 'waiting')
    .sort((a, b) => a.sequence - b.sequence)
}

/** W2: how many entries wait before this one ("前面还有 N 人"); null when it is not waiting. */
export function aheadOf(entries: readonly WaitlistEntryFacts[], entry: WaitlistEntryFacts): number | null {
  if (entry.status !== 'waiting') return null
  return queueOf(entries, entry.offeringId).filter((e) => e.sequence < entry.sequence).length
}

/** W2: "前面还有 N 人". */
export function aheadLabel(ahead: number): string {
  return `前面还有 ${ahead} 人`
}

/**
 * W2: whether the first waiting entry can be turned into a booking now that a seat is free: the
 * W1 conditions still hold (eligible, window open, no booking at that level, for oral the written
 * subject still booked), ignoring the seats (one was just freed) and the entry itself. When not,
 * the entry fails with the reason as its remark and the seat goes to the next in line.
 */
export function checkCanPromote(input: AvailabilityInput): Result<void> {
  const others = [...(input.activeWaitlistSubjectCodes ?? [])]
  const own = others.indexOf(input.offering.subjectCode)
  if (own >= 0) others.splice(own, 1)
  return checkCanSubmitWaitlist({ ...input, offering: { ...input.offering, seatsLeft: 0 }, activeWaitlistSubjectCodes: others })
}

/** W3: only a waiting entry can be cancelled, and only with a reason from the list. */
export function checkCanCancelWaitlist(entry: Pick<WaitlistEntryFacts, 'status'>, reason: string): Result<void> {
  if (entry.status !== 'waiting') return fail('WAITLIST_GONE', '该候补已结束，不能取消。')
  if (!(WAITLIST_CANCEL_REASONS as readonly string[]).includes(reason))
    return fail('INVALID_INPUT', '请从列表中选择取消候补的原因。')
  return ok(undefined)
}
