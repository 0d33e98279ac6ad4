/** K1: the audit log's action and outcome codes in the words staff read on 审计日志 (`audit.*`). */
import { hasMessage, t } from './i18n'

/** The action codes 审计日志 can filter by, in the order the filter lists them. */
export const AUDIT_ACTIONS = [
  'operator.sign-in',
  'operator.sign-out',
  'agreement.accept',
  'eligibility.lookup',
  'registration.confirm',
  'visit.end',
  'candidate.reveal',
  'operator.create',
  'operator.disable',
  'operator.enable',
  'operator.password-reset',
  'audit.export',
  'roster.import',
  'offerings.import',
  'waitlist.submit',
  'waitlist.cancel',
  'cet6.review',
  'offering.capacity',
  'booking.create',
  'booking.cancel',
  'booking.expire',
  'score-report.save',
  'order.create',
  'order.paid',
  'order.refund-required',
  'registration.delete',
  'waitlist.promoted',
  'sync.acknowledge',
  'sync.feed-reset',
  'day-report.export',
  'document.print',
] as const

/** A code this screen does not know yet (added by a later release) shows as itself. */
export function auditActionLabel(action: string): string {
  const key = `audit.action.${action}`
  return hasMessage(key) ? t(key) : action
}

export function auditOutcomeLabel(outcome: string): string {
  const key = `audit.outcome.${outcome}`
  return hasMessage(key) ? t(key) : outcome
}
