/**
 * Data shapes shared by the kiosk's IPC contract and the central service's HTTP contract.
 * Times cross as ISO 8601 strings with offset; money crosses as integer fen (cents).
 */
import { z } from 'zod'
import { CET6_REVIEW_STATUSES } from './domain/cet6-review'
import { ID_TYPES } from './domain/id-documents'
import { SUBJECT_CODES } from './domain/subjects'
import { WAITLIST_CANCEL_REASONS, WAITLIST_STATUSES } from './domain/waitlist-rules'

export const isoTime = z.iso.datetime({ offset: true })
export const idTypeSchema = z.enum(ID_TYPES)
export const subjectCodeSchema = z.enum(SUBJECT_CODES as [string, ...string[]])
export const genderSchema = z.enum(['男', '女'])

export const examSessionSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  registrationStart: isoTime,
  registrationEnd: isoTime,
})
export type ExamSession = z.infer<typeof examSessionSchema>

export const subjectSchema = z.object({
  code: subjectCodeSchema,
  name: z.string(),
  language: z.enum(['en', 'ja', 'de', 'ru', 'fr']),
  level: z.union([z.literal(4), z.literal(6)]),
  kind: z.enum(['written', 'oral']),
})

export const campusSchema = z.object({ code: z.string().min(1), name: z.string().min(1) })
export type Campus = z.infer<typeof campusSchema>

export const schoolSchema = z.object({
  code: z.string().min(1),
  name: z.string().min(1),
  provinceCode: z.string().min(1),
  provinceName: z.string().min(1),
  campuses: z.array(campusSchema),
})
export type School = z.infer<typeof schoolSchema>

export const offeringSchema = z.object({
  id: z.string().min(1),
  subjectCode: subjectCodeSchema,
  schoolCode: z.string().min(1),
  campusCode: z.string().min(1),
  /** Fee in fen; 0 means "not set" and blocks booking (B1). */
  feeCents: z.number().int().nonnegative(),
  capacity: z.number().int().nonnegative(),
  seatsLeft: z.number().int().nonnegative(),
  registrationStart: isoTime,
  registrationEnd: isoTime,
  examStart: isoTime.nullable(),
  examEnd: isoTime.nullable(),
  /** Oral subjects: the candidate campuses whose students may book this offering (B3). */
  oralAllowedCampusCodes: z.array(z.string()),
})
export type Offering = z.infer<typeof offeringSchema>

export const announcementSchema = z.object({
  id: z.string().min(1),
  scope: z.enum(['province', 'school']),
  /** e.g. "(99)测试省" or "(12001)南开大学", as the seeds head each notice. */
  issuer: z.string(),
  schoolCode: z.string().nullable(),
  /**
   * The province the notice belongs to (for a school notice, the school's province), so a kiosk
   * serving several provinces shows each candidate only their own province's notices (I1).
   * Optional: a central that omits it leaves the kiosk to read the code from `issuer`.
   */
  provinceCode: z.string().min(1).optional(),
  title: z.string(),
  body: z.string(),
  publishedAt: isoTime,
})
export type Announcement = z.infer<typeof announcementSchema>

/** A roster record: the student record (学籍) and eligibility of one candidate (E3). */
export const rosterRecordSchema = z.object({
  candidateId: z.string().min(1),
  idType: idTypeSchema,
  idNumber: z.string().min(1).max(40),
  name: z.string().min(1).max(60),
  gender: genderSchema,
  phone: z.string().max(20),
  schoolCode: z.string().min(1),
  campusCode: z.string().min(1),
  educationLevel: z.string(),
  schoolingYears: z.number().int().min(1).max(10),
  enrollmentYear: z.string(),
  grade: z.string(),
  department: z.string(),
  major: z.string(),
  className: z.string(),
  studentNumber: z.string(),
  remarks: z.string(),
  eligibleSubjectCodes: z.array(subjectCodeSchema),
  updatedAt: isoTime,
})
export type RosterRecord = z.infer<typeof rosterRecordSchema>

export const registrationSchema = z.object({
  candidateId: z.string().min(1),
  examSessionId: z.string().min(1),
  agreementVersion: z.string().min(1),
  agreementAcceptedAt: isoTime,
  confirmedAt: isoTime,
})
export type Registration = z.infer<typeof registrationSchema>

/** B4–B7, R1: a booking of one offering by one candidate, as the central service keeps it. */
export const bookingStatusSchema = z.enum(['unpaid', 'paid', 'cancelled', 'expired'])
export const scoreReportChoiceSchema = z.enum(['paper', 'electronic'])
export const bookingSchema = z.object({
  id: z.string().min(1),
  candidateId: z.string().min(1),
  offeringId: z.string().min(1),
  subjectCode: subjectCodeSchema,
  schoolCode: z.string().min(1),
  campusCode: z.string().min(1),
  /** Fee in fen at the moment of booking. */
  feeCents: z.number().int().nonnegative(),
  status: bookingStatusSchema,
  createdAt: isoTime,
  /** B4: createdAt + 24 h; an unpaid booking is deleted from this instant on. */
  expiresAt: isoTime,
  paidAt: isoTime.nullable(),
  /** When it was cancelled or expired; null while active. */
  endedAt: isoTime.nullable(),
  /** R1: null until chosen (written only; oral bookings stay null). */
  scoreReport: scoreReportChoiceSchema.nullable(),
  /** B7 编排状态: 未编排 / 已编排. */
  arrangement: z.enum(['unarranged', 'arranged']),
  /** B7 科目报考方式: 考生注册 / 集体报名. */
  bookedVia: z.enum(['candidate', 'collective']),
  /** B5: 集体缴费锁定, set by the school. */
  collectiveLocked: z.boolean(),
  /** The order that paid it (P3). */
  orderNo: z.string().nullable(),
})
export type Booking = z.infer<typeof bookingSchema>

/**
 * P1–P4: an order of one kind over the candidate's unpaid bookings. `pending` until paid or
 * closed (expired on the platform, or replaced by a newer order); `refund_required` when a
 * payment arrived that could not be applied (P4), with the reason.
 */
export const orderStatusSchema = z.enum(['pending', 'paid', 'closed', 'refund_required'])
export const orderSchema = z.object({
  /** NEEA ID style: 32 upper-case hex digits. */
  orderNo: z.string().regex(/^[0-9A-F]{32}$/),
  candidateId: z.string().min(1),
  kind: z.enum(['written', 'oral']),
  bookingIds: z.array(z.string().min(1)).min(1),
  amountCents: z.number().int().positive(),
  status: orderStatusSchema,
  /** 支付用途, e.g. "2026下半年CET考试报名费". */
  purpose: z.string(),
  createdAt: isoTime,
  /** When the platform stops accepting payment for it (the kiosk's countdown). */
  expiresAt: isoTime,
  paidAt: isoTime.nullable(),
  /** The payment page the QR code points to (opened on a phone: no device token). */
  payUrl: z.url(),
  refundReason: z.string().nullable(),
})
export type Order = z.infer<typeof orderSchema>

/** Seats left of one offering after a change, so kiosks update their cached catalog. */
export const seatCountSchema = z.object({ offeringId: z.string().min(1), seatsLeft: z.number().int().nonnegative() })
export type SeatCount = z.infer<typeof seatCountSchema>

/**
 * W1–W4: a waitlist entry (候补) of one candidate for one full offering, as the central keeps it.
 * The queue is per offering, in the order the central received the entries (W2).
 */
export const waitlistStatusSchema = z.enum(WAITLIST_STATUSES)
export const waitlistCancelReasonSchema = z.enum(WAITLIST_CANCEL_REASONS)
export const waitlistEntrySchema = z.object({
  id: z.string().min(1),
  candidateId: z.string().min(1),
  offeringId: z.string().min(1),
  subjectCode: subjectCodeSchema,
  schoolCode: z.string().min(1),
  campusCode: z.string().min(1),
  /** waiting 正在候补 / promoted 候补成功 / cancelled 考生取消 / failed 候补失败 (e.g. 报名结束). */
  status: waitlistStatusSchema,
  /** 候补时间: when the central received it (W2's order). */
  submittedAt: isoTime,
  /** When it was promoted, cancelled or ended; null while waiting. */
  endedAt: isoTime.nullable(),
  /** 候补备注: the cancel reason (W3), the system's ending (报名结束) or the promotion note; null while waiting. */
  remark: z.string().nullable(),
  /** W2: entries waiting before this one for the same offering ("前面还有 N 人"); null unless waiting. */
  ahead: z.number().int().nonnegative().nullable(),
  /** W2: the unpaid booking made for it when promoted; null otherwise. */
  bookingId: z.string().nullable(),
})
export type WaitlistEntry = z.infer<typeof waitlistEntrySchema>

/** E5: the candidate's one CET6 qualification review and its immediate result. */
export const cet6ReviewSchema = z.object({
  candidateId: z.string().min(1),
  /** The CET4 准考证号 submitted (15 digits). */
  ticketNumber: z.string(),
  /** passed (英语六级笔试 now eligible) / pending (未复核, the school reviews by hand) / refused. */
  status: z.enum(CET6_REVIEW_STATUSES),
  /** The result in one sentence for the candidate. */
  message: z.string(),
  submittedAt: isoTime,
})
export type Cet6Review = z.infer<typeof cet6ReviewSchema>
