/**
 * S4–S6: what the renderer is shown of the sync engine: changes waiting in the outbox, and the
 * central's final refusals of changes delivered late (conflicts resolve to the central's answer,
 * and staff see what changed).
 */
import { z } from 'zod'
import { isoTime } from '../schemas'

/** The changes that travel through the durable outbox (S4); payment and waitlist are online only. */
export const OUTBOX_ACTIONS = ['registration.confirm', 'booking.create', 'booking.cancel', 'booking.score-report'] as const
export const outboxActionSchema = z.enum(OUTBOX_ACTIONS)
export type OutboxAction = z.infer<typeof outboxActionSchema>

/** One change not yet answered by the central, as the 报名信息 page lists it (待同步). */
export const pendingChangeViewSchema = z.object({
  id: z.number().int(),
  action: outboxActionSchema,
  /** One line a candidate understands, e.g. 报考 英语四级笔试（南开大学八里台校区）. */
  summary: z.string(),
  createdAt: isoTime,
  attempts: z.number().int().nonnegative(),
  /** The last retryable failure, for staff (e.g. 网络中断); null before the first attempt. */
  lastError: z.string().nullable(),
})
export type PendingChangeView = z.infer<typeof pendingChangeViewSchema>

/** S6: a change the central refused for good after it left the desk, for staff to act on. */
export const syncIssueSchema = z.object({
  id: z.number().int(),
  candidateId: z.string(),
  /** K3: masked like every candidate name on lists. */
  candidateName: z.string(),
  action: outboxActionSchema,
  summary: z.string(),
  /** The central's code and one-sentence reason, e.g. NO_SEATS 所选科目已无剩余名额。 */
  code: z.string(),
  reason: z.string(),
  createdAt: isoTime,
  refusedAt: isoTime,
  acknowledgedAt: isoTime.nullable(),
  acknowledgedBy: z.string().nullable(),
})
export type SyncIssue = z.infer<typeof syncIssueSchema>
