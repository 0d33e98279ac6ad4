/**
 * What the renderer is shown of waitlist entries (W1–W4) and the CET6 qualification review (E5).
 * Every yes/no (may this entry be cancelled, may the review be submitted) is main's answer.
 */
import { z } from 'zod'
import { WAITLIST_CANCEL_REASONS } from '../domain/waitlist-rules'
import { isoTime, subjectCodeSchema } from '../schemas'
import { permissionSchema } from './booking-views'

const codeName = z.object({ code: z.string(), name: z.string() })

export { WAITLIST_CANCEL_REASONS, WAITLIST_CANCEL_WARNING, type WaitlistCancelReason } from '../domain/waitlist-rules'
/** W3: the reasons a candidate may give for 取消候补. */
export const waitlistCancelReasonSchema = z.enum(WAITLIST_CANCEL_REASONS)

/** W4: one waitlist entry as the 候补信息 table shows it. */
export const waitlistEntryViewSchema = z.object({
  entryId: z.string(),
  subject: z.object({ code: subjectCodeSchema, name: z.string() }),
  /** 正在候补 / 候补成功 / 考生取消 / 候补失败 … */
  statusLabel: z.string(),
  active: z.boolean(),
  school: codeName,
  campus: codeName,
  submittedAt: isoTime,
  /** W2: how many entries wait before this one ("前面还有 N 人"); null when not waiting. */
  ahead: z.number().int().nonnegative().nullable(),
  /** 候补备注: the cancel reason or the system's ending; null when none. */
  remark: z.string().nullable(),
  /** W3: only waiting entries can be cancelled. */
  cancellable: z.boolean(),
})
export type WaitlistEntryView = z.infer<typeof waitlistEntryViewSchema>

/** The 候补信息 part of the 报名信息 page. */
export const waitlistSectionSchema = z.object({
  active: z.array(waitlistEntryViewSchema),
  finished: z.array(waitlistEntryViewSchema),
  /** Why the list may be stale (offline); null when it is the central's latest answer. */
  staleReason: z.string().nullable(),
})
export type WaitlistSection = z.infer<typeof waitlistSectionSchema>

/** E5: the 准考证号 of a passed CET4, 15 digits. */
export const cet4TicketSchema = z.string().trim().regex(/^\d{15}$/, '准考证号为15位数字。')

/** E5: the review's state for the candidate. */
export const cet6ReviewViewSchema = z.object({
  /** none: not submitted; passed; pending (未复核, the school reviews by hand); refused. */
  status: z.enum(['none', 'passed', 'pending', 'refused']),
  /** The result in one sentence, for the candidate. */
  message: z.string().nullable(),
  submittedAt: isoTime.nullable(),
  /** May the review be submitted now; the reason when not. */
  submit: permissionSchema,
})
export type Cet6ReviewView = z.infer<typeof cet6ReviewViewSchema>

/** A supervisor's 容量管理 row (W2: raising capacity frees seats for the waitlist). */
export const capacityRowSchema = z.object({
  offeringId: z.string(),
  subject: z.object({ code: subjectCodeSchema, name: z.string() }),
  school: codeName,
  campus: codeName,
  capacity: z.number().int().nonnegative(),
  seatsLeft: z.number().int().nonnegative(),
  waiting: z.number().int().nonnegative().nullable(),
})
export type CapacityRow = z.infer<typeof capacityRowSchema>
