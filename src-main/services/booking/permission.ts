/**
 * B1–B5, W1, P1: main's yes/no for a view, with the reason's sentence and, when the rule gave
 * one, its code (REASON_TEMPLATES), so the renderer can say it in English.
 */
import { reasonText, type ReasonRef } from '../../../src-shared/domain/reasons'
import type { Result } from '../../../src-shared/domain/result'
import type { Permission } from '../../../src-shared/ipc/booking-views'

export const ALLOWED: Permission = { allowed: true, reason: null }

/** A refusal for a reason main states itself. */
export function refusedFor(reason: ReasonRef): Permission {
  return { allowed: false, reason: reasonText(reason), reasonRef: reason }
}

/** A rule's answer as a permission. */
export function permissionFrom(result: Result<unknown>): Permission {
  if (result.ok) return ALLOWED
  const { message, reason } = result.error
  return reason === undefined ? { allowed: false, reason: message } : { allowed: false, reason: message, reasonRef: reason }
}
