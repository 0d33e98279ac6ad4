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
  pendingChanges: z.number().int().nonnegative(),
})
export type LinkStatus = z.infer<typeof linkStatusSchema>

export const deskStatusSchema = z.object({
  operator: operatorViewSchema.nullable(),
  examSession: examSessionSchema.nullable(),
  link: linkStatusSchema,
  now: isoTime,
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
})
export type RegistrationAction = z.infer<typeof registrationActionSchema>

/** The 报名信息 page (I1). Bookings, waitlist and orders join it in later issues. */
export const registrationInfoSchema = z.object({
  candidate: candidateViewSchema,
  examSession: examSessionSchema,
  announcements: z.array(announcementSchema),
  actions: z.array(registrationActionSchema),
})
export type RegistrationInfo = z.infer<typeof registrationInfoSchema>

const visitRef = z.object({ visitId: z.string().uuid() }).strict()

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
