/**
 * What the renderer is shown of bookings, offerings, score-report choices and orders (B1–B7,
 * R1, P1–P4). Every decision (may this row be booked, may this booking be cancelled, why not)
 * is main's: the views carry the answer and its one-sentence reason, the renderer only shows it.
 * Money is integer fen.
 */
import { z } from 'zod'
import { REASON_CODES } from '../domain/reasons'
import { isoTime, scoreReportChoiceSchema, subjectCodeSchema } from '../schemas'

const codeName = z.object({ code: z.string(), name: z.string() })

export const subjectKindSchema = z.enum(['written', 'oral'])
export type SubjectKindView = z.infer<typeof subjectKindSchema>

/** R1: 纸质 (paper, collected at school) or 电子 (electronic only). */
export { scoreReportChoiceSchema }
export type ScoreReportChoice = z.infer<typeof scoreReportChoiceSchema>

/**
 * Main's reason as a code (REASON_TEMPLATES) with the subject codes it names, next to its Chinese
 * sentence: the renderer says it in the staff's language from the code, or shows the sentence.
 */
export const reasonRefSchema = z.object({
  code: z.enum(REASON_CODES),
  /** The row's own subject. */
  subject: subjectCodeSchema.optional(),
  /** Another subject the reason names (the one booked or waited for at the same level, …). */
  other: subjectCodeSchema.optional(),
})
export type ReasonRefView = z.infer<typeof reasonRefSchema>

/** A yes/no answer from main with the reason when it is no (and its code when it has one). */
export const permissionSchema = z.object({ allowed: z.boolean(), reason: z.string().nullable(), reasonRef: reasonRefSchema.optional() })
export type Permission = z.infer<typeof permissionSchema>

/** B7: one booking as the 笔试/口试报考科目信息 tables show it. */
export const bookingViewSchema = z.object({
  bookingId: z.string(),
  subject: z.object({ code: subjectCodeSchema, name: z.string() }),
  kind: subjectKindSchema,
  feeCents: z.number().int().nonnegative(),
  paymentStatus: z.enum(['unpaid', 'paid']),
  /** B4: unpaid bookings are deleted by the system after this instant. */
  expiresAt: isoTime.nullable(),
  arrangementStatus: z.enum(['unarranged', 'arranged']),
  /** 考生注册 or collective (集体报名). */
  bookedVia: z.enum(['candidate', 'collective']),
  school: codeName,
  campus: codeName,
  /** R1: written bookings only; null until chosen. */
  scoreReport: scoreReportChoiceSchema.nullable(),
  /** B5 */
  cancel: permissionSchema,
  createdAt: isoTime,
  /** S4: booked against this kiosk's allotment while offline, not yet confirmed by the central (待同步). */
  pendingSync: z.boolean(),
})
export type BookingView = z.infer<typeof bookingViewSchema>

/** The 支付状态 summary over one kind's bookings, and whether 支付 is possible now (P1). */
export const bookingSummarySchema = z.object({
  paidCents: z.number().int().nonnegative(),
  unpaidCents: z.number().int().nonnegative(),
  /** 全未支付 / 部分未支付 / 全已支付; null when there is nothing booked. */
  statusLabel: z.string().nullable(),
  pay: permissionSchema,
})
export type BookingSummary = z.infer<typeof bookingSummarySchema>

/** P4: a payment that reached the central for a booking that had gone: staff must refund it. */
export const refundNoticeSchema = z.object({
  orderNo: z.string(),
  amountCents: z.number().int().nonnegative(),
  reason: z.string(),
  at: isoTime,
})

/** The booking part of the 报名信息 page (I1, B7). */
export const bookingsSectionSchema = z.object({
  written: z.array(bookingViewSchema),
  oral: z.array(bookingViewSchema),
  writtenSummary: bookingSummarySchema,
  oralSummary: bookingSummarySchema,
  /** The order being paid, if any, so the page can go back to its QR code. */
  openOrderNo: z.string().nullable(),
  refunds: z.array(refundNoticeSchema),
})
export type BookingsSection = z.infer<typeof bookingsSectionSchema>

/** One row of the 笔试/口试科目报考 tables: an offering and whether this candidate may book it. */
export const offeringOptionSchema = z.object({
  offeringId: z.string(),
  subject: z.object({ code: subjectCodeSchema, name: z.string() }),
  school: codeName,
  campus: codeName,
  feeCents: z.number().int().nonnegative(),
  /** 剩余容量: 有 / 无 */
  seatsLabel: z.enum(['有', '无']),
  /** 候补状态: 可以候补 when full, 正在候补 when this candidate waits for it, else —. */
  waitlistLabel: z.string(),
  registrationStart: isoTime,
  registrationEnd: isoTime,
  /** Already booked by this candidate. */
  booked: z.boolean(),
  /** B1/B2/B3: may be ticked; the reason when not. */
  book: permissionSchema,
  /** W1: 提交候补 is offered on full rows; allowed or the reason (B2, oral needs written). */
  waitlist: permissionSchema.nullable(),
  /** W1: the candidate already waits for this offering. */
  waiting: z.boolean(),
})
export type OfferingOption = z.infer<typeof offeringOptionSchema>

export const writtenOfferingsPageSchema = z.object({
  groups: z.array(z.object({ title: z.enum(['英语笔试', '小语种笔试']), options: z.array(offeringOptionSchema) })),
})
export type WrittenOfferingsPage = z.infer<typeof writtenOfferingsPageSchema>

export const oralOfferingsPageSchema = z.object({
  subjects: z.array(
    z.object({
      subject: z.object({ code: subjectCodeSchema, name: z.string() }),
      /** B3: why this oral subject cannot be booked at all (e.g. written not paid); null if it can. */
      reason: z.string().nullable(),
      reasonRef: reasonRefSchema.optional(),
      /** The campuses the school allows for the candidate's campus (选择). */
      campuses: z.array(codeName),
      options: z.array(offeringOptionSchema),
    }),
  ),
})
export type OralOfferingsPage = z.infer<typeof oralOfferingsPageSchema>

/** P2: 确认报考信息 before paying. */
export const paymentConfirmationSchema = z.object({
  name: z.string(),
  /** As main decides to show it (masked where it is not needed, K3). */
  idNumber: z.string(),
  kind: subjectKindSchema,
  rows: z.array(
    z.object({
      bookingId: z.string(),
      campus: codeName,
      subjectName: z.string(),
      feeCents: z.number().int().nonnegative(),
      /** 纸质 / 电子 for written subjects, — for oral. */
      scoreReportLabel: z.string(),
    }),
  ),
  totalCents: z.number().int().nonnegative(),
})
export type PaymentConfirmation = z.infer<typeof paymentConfirmationSchema>

/** P3: an order and its payment status, as the payment screen shows it. */
export const orderViewSchema = z.object({
  /** The payment platform's order number (NEEA ID style). */
  orderNo: z.string(),
  kind: subjectKindSchema,
  /** 支付用途 */
  purpose: z.string(),
  amountCents: z.number().int().nonnegative(),
  /** What the QR code encodes: the payment platform's page for this order. */
  payUrl: z.string(),
  /** pending until paid or closed; refund_required when a payment came for bookings that had gone (P4). */
  status: z.enum(['pending', 'paid', 'closed', 'refund_required']),
  expiresAt: isoTime,
  paidAt: isoTime.nullable(),
  subjectNames: z.array(z.string()),
  /** When main last heard the status from the central. */
  checkedAt: isoTime,
})
export type OrderView = z.infer<typeof orderViewSchema>
