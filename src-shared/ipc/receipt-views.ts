/**
 * 报名回执: the one-page receipt a candidate takes home, and the print request for it and the
 * day report. Main builds every line (masking K3, totals, statuses, what to do next); the
 * renderer only lays it out. Money is integer fen.
 */
import { z } from 'zod'
import { idTypeSchema, isoTime, scoreReportChoiceSchema, subjectCodeSchema } from '../schemas'

const codeName = z.object({ code: z.string(), name: z.string() })

/** One booked subject on the receipt (B7, R1, P3). */
export const receiptBookingSchema = z.object({
  kind: z.enum(['written', 'oral']),
  subject: z.object({ code: subjectCodeSchema, name: z.string() }),
  school: codeName,
  campus: codeName,
  feeCents: z.number().int().nonnegative(),
  paymentStatus: z.enum(['unpaid', 'paid']),
  /** B4: an unpaid booking is deleted by the system after this instant; null when paid. */
  expiresAt: isoTime.nullable(),
  /** R1: written bookings only; null for oral or not chosen yet. */
  scoreReport: scoreReportChoiceSchema.nullable(),
  /** The payment platform's order number; null until an order covers the booking. */
  orderNo: z.string().nullable(),
  /** S4: booked offline against this kiosk's allotment, not yet confirmed by the central. */
  pendingSync: z.boolean(),
})
export type ReceiptBooking = z.infer<typeof receiptBookingSchema>

/** W4: one waitlist entry on the receipt. */
export const receiptWaitlistEntrySchema = z.object({
  subject: z.object({ code: subjectCodeSchema, name: z.string() }),
  school: codeName,
  campus: codeName,
  statusLabel: z.string(),
  /** 正在候补 */
  active: z.boolean(),
  submittedAt: isoTime,
  /** 前面还有 N 人 while waiting; null otherwise. */
  ahead: z.number().int().nonnegative().nullable(),
})
export type ReceiptWaitlistEntry = z.infer<typeof receiptWaitlistEntrySchema>

/**
 * 下一步 lines: unpaid (pay within 24 h, only 已支付 counts), pendingSync (待同步 to check),
 * waitlist (a promotion must be paid), admissionTicket (准考证打印), examPlace (时间地点以准考证为准),
 * paperReport (collect the 纸质成绩报告单 of subjectName at school), electronicReport (电子成绩报告单
 * online), noBooking (nothing booked yet).
 */
export const NEXT_STEP_IDS = [
  'noBooking',
  'unpaid',
  'pendingSync',
  'waitlist',
  'admissionTicket',
  'examPlace',
  'paperReport',
  'electronicReport',
] as const
export type NextStepId = (typeof NEXT_STEP_IDS)[number]
/** subjectName: for paperReport, the report's subject as the seeds name it (英语四级); else null. */
export const receiptNextStepSchema = z.object({ id: z.enum(NEXT_STEP_IDS), subjectName: z.string().nullable() })
export type ReceiptNextStep = z.infer<typeof receiptNextStepSchema>

export const receiptViewSchema = z.object({
  examSessionName: z.string(),
  candidate: z.object({
    name: z.string(),
    idType: idTypeSchema,
    /** K3: always masked on paper. */
    idNumberMasked: z.string(),
    school: codeName,
    campus: codeName,
    studentNumber: z.string(),
  }),
  bookings: z.array(receiptBookingSchema),
  totals: z.object({
    paidCents: z.number().int().nonnegative(),
    unpaidCents: z.number().int().nonnegative(),
    totalCents: z.number().int().nonnegative(),
  }),
  /** Every order number on the receipt, once each, in booking order. */
  orderNos: z.array(z.string()),
  waitlist: z.array(receiptWaitlistEntrySchema),
  /** Why the waitlist may be stale (offline); null when it is the central's latest answer. */
  waitlistNote: z.string().nullable(),
  /** 下一步: which of the seeds' instructions apply (main decides; the locale words them). */
  nextSteps: z.array(receiptNextStepSchema),
  issuedAt: isoTime,
  operatorName: z.string(),
})
export type ReceiptView = z.infer<typeof receiptViewSchema>

export const PRINTABLE_DOCUMENTS = ['receipt', 'dayReport'] as const
export const printRequestSchema = z.object({ document: z.enum(PRINTABLE_DOCUMENTS) }).strict()
export type PrintableDocument = (typeof PRINTABLE_DOCUMENTS)[number]

/**
 * app: Electron's printing opened the print dialog for the window; browser: the headless host
 * cannot print, the page calls window.print() itself.
 */
export const printAnswerSchema = z.object({ printedBy: z.enum(['app', 'browser']) })
export type PrintAnswer = z.infer<typeof printAnswerSchema>
