/** Shortcuts for the waitlist (W1–W4) and CET6 review (E5) tests of the reference central. */
import type { WaitlistCancelReason } from '../../../src-shared/domain/waitlist-rules'
import type { WaitlistEntry } from '../../../src-shared/schemas'
import { call, expectAnswer, type CallResult, type Harness } from './central-harness'
import { key } from './booking-harness'

export const LANG = 'C99301-00037' // 郎璐依珊, campus 993010: 1, 3, 5, 7, F (all offerings full)
export const XU = 'C99301-00038' // 郎晓旭, campus 993010: 1, 3
export const CHEN = 'C12001-2310301' // 陈嘉欣, campus 120010: 1, F
export const ZHAO = 'C12001-2310203' // 赵一凡, no eligible subjects
export const EN4_FULL = '993010-1'
export const ORAL4_FULL = '993010-F'
export const DAY = 24 * 3_600_000

export function waitCall(h: Harness, candidateId: string, offeringId: string, idempotencyKey = key()): Promise<CallResult> {
  return call(h, '/v1/waitlist', { body: { candidateId, offeringId }, idempotencyKey })
}

export async function wait(h: Harness, candidateId: string, offeringId: string): Promise<WaitlistEntry> {
  return expectAnswer(await waitCall(h, candidateId, offeringId), 'submitWaitlistEntry').entry
}

export function cancelWaitCall(h: Harness, candidateId: string, entryId: string, reason: WaitlistCancelReason | string): Promise<CallResult> {
  return call(h, `/v1/waitlist/${entryId}/cancel`, { body: { candidateId, reason }, idempotencyKey: key() })
}

export async function entriesOf(h: Harness, candidateId: string): Promise<WaitlistEntry[]> {
  return expectAnswer(await call(h, `/v1/candidates/${candidateId}/waitlist`), 'listWaitlist').entries
}

export function raiseCall(h: Harness, offeringId: string, capacity: number): Promise<CallResult> {
  return call(h, `/v1/offerings/${offeringId}/capacity`, { body: { capacity }, idempotencyKey: key() })
}

export async function raise(h: Harness, offeringId: string, capacity: number) {
  return expectAnswer(await raiseCall(h, offeringId, capacity), 'raiseCapacity')
}

export function reviewCall(h: Harness, candidateId: string, ticketNumber: string, idempotencyKey = key()): Promise<CallResult> {
  return call(h, `/v1/candidates/${candidateId}/cet6-review`, { body: { ticketNumber }, idempotencyKey })
}
