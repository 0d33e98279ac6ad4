/**
 * S4: what cannot happen offline says so plainly: payment, the waitlist and the CET6 review
 * need the central's answer at once, so they are refused while the link is down, and payment
 * also waits until the candidate's changes have reached the central (the order covers them).
 */
import { fail, ok, type Result } from '../../../src-shared/domain/result'
import { listPendingForCandidate } from '../../store/outbox-repository'
import type { ServiceContext } from '../service-context'
import { isOnline } from './desk-change'

export const OFFLINE_MESSAGES = {
  payment: '离线状态下无法缴费，请在与报名中心的连接恢复后再缴费。',
  waitlist: '离线状态下无法提交或取消候补，请在与报名中心的连接恢复后再试。',
  cet6: '离线状态下无法进行CET6资格复核，请在与报名中心的连接恢复后再试。',
} as const

export const PAY_AFTER_SYNC_MESSAGE = '考生有报考变更尚待同步至报名中心，请待同步完成后再缴费。'

export function requireLink(ctx: ServiceContext, what: keyof typeof OFFLINE_MESSAGES): Result<void> {
  return isOnline(ctx) ? ok(undefined) : fail('OFFLINE_UNAVAILABLE', OFFLINE_MESSAGES[what])
}

export async function requireSyncedForPayment(ctx: ServiceContext, candidateId: string): Promise<Result<void>> {
  const link = requireLink(ctx, 'payment')
  if (!link.ok) return link
  return (await listPendingForCandidate(ctx.db, candidateId)).length === 0 ? ok(undefined) : fail('SYNC_PENDING', PAY_AFTER_SYNC_MESSAGE)
}
