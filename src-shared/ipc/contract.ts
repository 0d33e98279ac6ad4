/**
 * The kiosk's IPC contract: every operation the renderer may ask of main, declared once.
 * Main's handler table, the preload bridge, the headless host's HTTP routes and the renderer's
 * `api` type are all derived from `operations`; no channel name is written anywhere else.
 */
import { z } from 'zod'
import type { Result } from '../domain/result'
import {
  announcementSchema,
  examSessionSchema,
  genderSchema,
  idTypeSchema,
  isoTime,
  subjectCodeSchema,
} from '../schemas'
import { updateStatusSchema } from './update-status'
import {
  bookingsSectionSchema,
  oralOfferingsPageSchema,
  orderViewSchema,
  paymentConfirmationSchema,
  reasonRefSchema,
  scoreReportChoiceSchema,
  subjectKindSchema,
  writtenOfferingsPageSchema,
} from './booking-views'
import {
  capacityRowSchema,
  cet4TicketSchema,
  cet6ReviewViewSchema,
  waitlistCancelReasonSchema,
  waitlistSectionSchema,
} from './waitlist-views'
import { pendingChangeViewSchema, syncIssueSchema } from './sync-views'
import { importErrorReportSchema, importProgressSchema, importSourceSchema, rosterImportSourceSchema } from './import-views'
export type { ImportProgress } from './import-views'
import { printAnswerSchema, printRequestSchema, receiptViewSchema } from './receipt-views'
import { dayReportCsvSchema, dayReportInputSchema, dayReportSchema } from './day-report-views'

const none = z.object({}).strict()

export const operatorViewSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(['operator', 'supervisor']),
})
export type OperatorView = z.infer<typeof operatorViewSchema>

export const linkStatusSchema = z.object({
  /** demo: the built-in demonstration central service (K7); central: a configured one. */
  mode: z.enum(['demo', 'central']),
  state: z.enum(['online', 'offline']),
  lastSyncAt: isoTime.nullable(),
  /** S5: changes in the outbox not yet answered by the central. */
  pendingChanges: z.number().int().nonnegative(),
  /** S6: final refusals staff have not yet acknowledged (同步异常). */
  syncIssues: z.number().int().nonnegative(),
})
export type LinkStatus = z.infer<typeof linkStatusSchema>

export const deskStatusSchema = z.object({
  operator: operatorViewSchema.nullable(),
  examSession: examSessionSchema.nullable(),
  link: linkStatusSchema,
  now: isoTime,
  /** K2: a visit left idle this long ends by itself (configurable, default 3 minutes). */
  idleTimeoutSeconds: z.number().int().positive(),
})
export type DeskStatus = z.infer<typeof deskStatusSchema>

export const agreementSchema = z.object({
  version: z.string(),
  agreementItems: z.array(z.string()),
  pledgeItems: z.array(z.string()),
})

const codeName = z.object({ code: z.string(), name: z.string() })

/** What the kiosk shows of a roster record (E3). */
export const candidateViewSchema = z.object({
  candidateId: z.string(),
  name: z.string(),
  gender: genderSchema,
  idType: idTypeSchema,
  /** K3: masked (1200****0008); revealCandidateField gives the full value on purpose. */
  idNumber: z.string(),
  phoneMasked: z.string(),
  school: codeName,
  campus: codeName,
  educationLevel: z.string(),
  schoolingYears: z.number().int(),
  enrollmentYear: z.string(),
  grade: z.string(),
  department: z.string(),
  major: z.string(),
  className: z.string(),
  studentNumber: z.string(),
  remarks: z.string(),
  eligibleSubjects: z.array(z.object({ code: subjectCodeSchema, name: z.string() })),
  /** E4: once confirmed the record is locked. */
  confirmedAt: isoTime.nullable(),
})
export type CandidateView = z.infer<typeof candidateViewSchema>

export const ACTION_IDS = ['home', 'cet6Review', 'written', 'scoreReport', 'oral', 'deleteRegistration'] as const
export const registrationActionSchema = z.object({
  id: z.enum(ACTION_IDS),
  label: z.string(),
  enabled: z.boolean(),
  /** Why the action is not available, in one sentence; null when enabled. */
  reason: z.string().nullable(),
  /** The reason as a code (REASON_TEMPLATES), when it has one: the renderer translates it. */
  reasonRef: reasonRefSchema.optional(),
})
export type RegistrationAction = z.infer<typeof registrationActionSchema>

/** The 报名信息 page (I1). Bookings, waitlist and orders join it in later issues. */
export const registrationInfoSchema = z.object({
  candidate: candidateViewSchema,
  examSession: examSessionSchema,
  announcements: z.array(announcementSchema),
  actions: z.array(registrationActionSchema),
  /** B4–B7, P1–P4: the written and oral bookings with their payment state. */
  bookings: bookingsSectionSchema,
  /** W2–W4: 候补信息. */
  waitlist: waitlistSectionSchema,
  /** S4/S5: this candidate's changes still waiting for the central (待同步), oldest first. */
  pendingChanges: z.array(pendingChangeViewSchema),
})
export type RegistrationInfo = z.infer<typeof registrationInfoSchema>

const visitRef = z.object({ visitId: z.string().uuid() }).strict()

/** K1: an operator account as the supervisor's 操作员管理 screen lists it. */
export const operatorAccountSchema = operatorViewSchema.extend({
  disabled: z.boolean(),
  lockedUntil: isoTime.nullable(),
  createdAt: isoTime,
})
export type OperatorAccount = z.infer<typeof operatorAccountSchema>

const username = z.string().trim().regex(/^[A-Za-z0-9._-]{2,32}$/)
const newPassword = z.string().min(8).max(256)
const operatorRef = z.object({ operatorId: z.number().int().positive() }).strict()

/** K1: one row of the audit log (审计日志). */
export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: isoTime,
  operatorId: z.number().int().nullable(),
  operatorName: z.string().nullable(),
  candidateId: z.string().nullable(),
  action: z.string(),
  outcome: z.string(),
  detail: z.string().nullable(),
})
export type AuditEntryView = z.infer<typeof auditEntrySchema>

export const auditFilterSchema = z
  .object({
    operatorId: z.number().int().positive().optional(),
    candidateId: z.string().trim().min(1).max(64).optional(),
    action: z.string().trim().min(1).max(64).optional(),
    /** Inclusive bounds on the entry time. */
    from: isoTime.optional(),
    to: isoTime.optional(),
  })
  .strict()
export type AuditFilter = z.infer<typeof auditFilterSchema>

export const auditPageSchema = z.object({
  entries: z.array(auditEntrySchema),
  /** How many entries match the filter; entries holds the newest `limit` of them. */
  total: z.number().int().nonnegative(),
})
export type AuditPage = z.infer<typeof auditPageSchema>

function operation<I extends z.ZodType, O extends z.ZodType>(input: I, output: O): { input: I; output: O } {
  return { input, output }
}

export const operations = {
  getDeskStatus: operation(none, deskStatusSchema),
  /** K1 */
  signIn: operation(
    z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(256) }).strict(),
    operatorViewSchema,
  ),
  signOut: operation(none, none),
  getAgreement: operation(none, agreementSchema),
  /** E1: starts a candidate's visit. */
  acceptAgreement: operation(z.object({ version: z.string().min(1).max(40), accepted: z.literal(true) }).strict(), visitRef),
  /** E2, E3 */
  lookupEligibility: operation(
    visitRef.extend({
      idType: idTypeSchema,
      idNumber: z.string().trim().min(1).max(40),
      name: z.string().trim().min(1).max(60),
    }),
    candidateViewSchema,
  ),
  /** E3, E4 */
  confirmRegistration: operation(
    visitRef.extend({ phoneConfirmed: z.literal(true), recordConfirmed: z.literal(true) }),
    registrationInfoSchema,
  ),
  /** I1 */
  getRegistrationInfo: operation(visitRef, registrationInfoSchema),
  /** K2: ends the visit; main forgets the candidate for this desk. */
  endVisit: operation(visitRef, none),
  /** K3: the full ID number or phone of the visit's candidate, on purpose; audited. */
  revealCandidateField: operation(
    visitRef.extend({ field: z.enum(['idNumber', 'phone']) }),
    z.object({ field: z.enum(['idNumber', 'phone']), value: z.string() }),
  ),
  /** K1, supervisor only: 操作员管理. */
  listOperators: operation(none, z.array(operatorAccountSchema)),
  createOperator: operation(
    z
      .object({
        username,
        displayName: z.string().trim().min(1).max(40),
        role: z.enum(['operator', 'supervisor']),
        password: newPassword,
      })
      .strict(),
    operatorAccountSchema,
  ),
  setOperatorDisabled: operation(operatorRef.extend({ disabled: z.boolean() }), operatorAccountSchema),
  resetOperatorPassword: operation(operatorRef.extend({ password: newPassword }), operatorAccountSchema),
  /** K1, supervisor only: 审计日志, newest first, and its CSV export. */
  listAuditLog: operation(auditFilterSchema.extend({ limit: z.number().int().min(1).max(1000).optional() }), auditPageSchema),
  exportAuditLog: operation(auditFilterSchema, z.object({ fileName: z.string(), csv: z.string(), rows: z.number().int() })),
  /** 数据导入, supervisor only: a roster CSV (or the central's roster download) imported by a worker, all rows or none. */
  startRosterImport: operation(z.object({ source: rosterImportSourceSchema }).strict(), importProgressSchema),
  /** 数据导入, supervisor only: a 报考科目信息 (offerings) CSV, the same way. */
  startOfferingImport: operation(z.object({ source: importSourceSchema }).strict(), importProgressSchema),
  getRosterImportProgress: operation(none, importProgressSchema),
  /** The refused rows of the last import as CSV: 行号, 原因. */
  getRosterImportErrorReport: operation(none, importErrorReportSchema),
  /** K6: the automatic update's state, for the staff header. */
  getUpdateStatus: operation(none, updateStatusSchema),
  /** B1, B2: the 笔试科目报考 table, each row with main's yes/no and reason. */
  getWrittenOfferings: operation(visitRef, writtenOfferingsPageSchema),
  /** B3: the 口试科目报考 page, per oral subject its allowed campuses and rows. */
  getOralOfferings: operation(visitRef, oralOfferingsPageSchema),
  /** B1–B4: books the ticked offerings (all of one kind) at the central; all or nothing. */
  bookOfferings: operation(
    visitRef.extend({ offeringIds: z.array(z.string().min(1).max(64)).min(1).max(4) }),
    registrationInfoSchema,
  ),
  /** B5 */
  cancelBooking: operation(visitRef.extend({ bookingId: z.string().min(1).max(64) }), registrationInfoSchema),
  /** R1: both confirmations were given in the dialog. */
  saveScoreReportChoices: operation(
    visitRef.extend({
      choices: z
        .array(z.object({ bookingId: z.string().min(1).max(64), choice: scoreReportChoiceSchema }).strict())
        .min(1)
        .max(4),
      confirmed: z.literal(true),
    }),
    registrationInfoSchema,
  ),
  /** P1, P2: 确认报考信息 for the unpaid bookings of one kind. */
  getPaymentConfirmation: operation(visitRef.extend({ kind: subjectKindSchema }), paymentConfirmationSchema),
  /** P1, P3, P4: opens (or reuses) the order for the unpaid bookings of one kind. */
  startPayment: operation(visitRef.extend({ kind: subjectKindSchema }), orderViewSchema),
  /** P3: the order's status as the central knows it now (更新 forces the same). */
  getPaymentStatus: operation(visitRef.extend({ orderNo: z.string().regex(/^[0-9A-F]{32}$/) }), orderViewSchema),
  /** B6: 删除报名信息, refused while anything is paid. */
  deleteRegistration: operation(visitRef.extend({ confirmed: z.literal(true) }), none),
  /** W1, W2: 提交候补 for a full offering, after the confirmation. */
  submitWaitlist: operation(
    visitRef.extend({ offeringId: z.string().min(1).max(64), confirmed: z.literal(true) }),
    registrationInfoSchema,
  ),
  /** W3: 取消候补 with the reason chosen after the warning. */
  cancelWaitlist: operation(
    visitRef.extend({ entryId: z.string().min(1).max(64), reason: waitlistCancelReasonSchema }),
    registrationInfoSchema,
  ),
  /** E5: the CET6资格复核 state of the visit's candidate (before or after confirmation). */
  getCet6Review: operation(visitRef, cet6ReviewViewSchema),
  /** E5: submits the 15-digit CET4 准考证号; the answer is immediate. */
  submitCet6Review: operation(
    visitRef.extend({ ticketNumber: cet4TicketSchema }),
    z.object({ review: cet6ReviewViewSchema, candidate: candidateViewSchema }),
  ),
  /** W2, supervisor only: 容量管理, the offerings of the kiosk's schools. */
  listOfferingCapacity: operation(none, z.array(capacityRowSchema)),
  /** W2, supervisor only: raises an offering's capacity; the central promotes waiting entries. */
  raiseOfferingCapacity: operation(
    z.object({ offeringId: z.string().min(1).max(64), capacity: z.number().int().min(1).max(100000) }).strict(),
    capacityRowSchema,
  ),
  /** S6: changes the central refused after they left the desk, newest first (any signed-in staff). */
  listSyncIssues: operation(z.object({ includeAcknowledged: z.boolean().optional() }).strict(), z.array(syncIssueSchema)),
  /** S6: staff have dealt with it (知道了); audited. */
  acknowledgeSyncIssue: operation(z.object({ id: z.number().int().positive() }).strict(), syncIssueSchema),
  /** 报名回执: the visit's candidate's one-page receipt (K3 masked); rules and words are main's. */
  getReceipt: operation(visitRef, receiptViewSchema),
  /** Prints the page on screen: Electron's printing in the app; the browser's in the headless host. Audited. */
  printDocument: operation(printRequestSchema, printAnswerSchema),
  /** K1, supervisor only: 日报表, the office's day (today in UTC+8 by default), and its CSV. */
  getDayReport: operation(dayReportInputSchema, dayReportSchema),
  exportDayReport: operation(dayReportInputSchema, dayReportCsvSchema),
}

export type Operations = typeof operations
export type OperationName = keyof Operations
export type OperationInput<N extends OperationName> = z.input<Operations[N]['input']>
export type OperationOutput<N extends OperationName> = z.output<Operations[N]['output']>

/** The API the renderer sees, in Electron through the preload and in a browser over HTTP. */
export type KioskApi = {
  [N in OperationName]: (input: OperationInput<N>) => Promise<Result<OperationOutput<N>>>
}

export const OPERATION_NAMES = Object.keys(operations) as OperationName[]

export function channelOf(name: OperationName): string {
  return `kiosk:${name}`
}

/** The headless host carries operation N as POST /ipc/N. */
export function httpPathOf(name: OperationName): string {
  return `/ipc/${name}`
}
