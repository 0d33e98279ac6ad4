/**
 * The HTTP/JSON contract between kiosks and the central service, version 1 (SPEC §5).
 * Every answer carries `serverTime` so kiosks compute a clock offset instead of trusting their own.
 * Every mutating request carries an `Idempotency-Key` header (S2) and every request a device
 * token (`Authorization: Bearer …`).
 */
import { z } from 'zod'
import { BOOKING_REFUSAL_CODES } from '../domain/booking-refusals'
import {
  announcementSchema,
  bookingSchema,
  examSessionSchema,
  idTypeSchema,
  isoTime,
  offeringSchema,
  orderSchema,
  registrationSchema,
  rosterRecordSchema,
  schoolSchema,
  scoreReportChoiceSchema,
  seatCountSchema,
  subjectSchema,
} from '../schemas'

export const CENTRAL_API_PREFIX = '/v1'
export const IDEMPOTENCY_HEADER = 'idempotency-key'
/**
 * P3: the demo payment page a phone opens from the QR code: GET shows the order, POST pays it.
 * Outside /v1 and without device authentication (the phone has no token).
 */
export const PAY_PAGE_PREFIX = '/pay'

export const CENTRAL_ERROR_CODES = [
  'BAD_REQUEST',
  'UNAUTHORIZED',
  'NOT_FOUND',
  'CONFLICT',
  'IDEMPOTENCY_MISMATCH',
  'NOT_ELIGIBLE',
  'INTERNAL',
  // B1–B7, R1, P1–P4: 409 or 422 as BOOKING_REFUSAL_STATUS says.
  ...BOOKING_REFUSAL_CODES,
] as const
export const centralErrorSchema = z.object({
  serverTime: isoTime,
  error: z.object({ code: z.enum(CENTRAL_ERROR_CODES), message: z.string() }),
})
export type CentralError = z.infer<typeof centralErrorSchema>

const answer = <T extends z.ZodRawShape>(shape: T) => z.object({ serverTime: isoTime, ...shape })

interface Endpoint<Req extends z.ZodType | null, Res extends z.ZodType> {
  readonly method: 'GET' | 'POST'
  readonly path: string
  readonly request: Req
  readonly response: Res
  readonly mutating: boolean
}

function endpoint<Req extends z.ZodType | null, Res extends z.ZodType>(e: Endpoint<Req, Res>): Endpoint<Req, Res> {
  return e
}

export const rosterPageQuerySchema = z.object({
  after: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
})

export const endpoints = {
  getExamSession: endpoint({
    method: 'GET',
    path: '/v1/exam-session',
    request: null,
    response: answer({ examSession: examSessionSchema }),
    mutating: false,
  }),
  getCatalog: endpoint({
    method: 'GET',
    path: '/v1/catalog',
    request: null,
    response: answer({
      subjects: z.array(subjectSchema),
      schools: z.array(schoolSchema),
      offerings: z.array(offeringSchema),
      announcements: z.array(announcementSchema),
    }),
    mutating: false,
  }),
  /** Paged by candidateId for the device's schools: GET /v1/roster?after=…&limit=… */
  getRosterPage: endpoint({
    method: 'GET',
    path: '/v1/roster',
    request: null,
    response: answer({ records: z.array(rosterRecordSchema), nextAfter: z.string().nullable() }),
    mutating: false,
  }),
  lookupRoster: endpoint({
    method: 'POST',
    path: '/v1/roster/lookup',
    request: z.object({ idType: idTypeSchema, idNumber: z.string().min(1).max(40), name: z.string().min(1).max(60) }).strict(),
    response: answer({ record: rosterRecordSchema }),
    mutating: false,
  }),
  /** E4: the candidate's confirmed registration. Confirming again returns the first one. */
  confirmRegistration: endpoint({
    method: 'POST',
    path: '/v1/registrations',
    request: z
      .object({ candidateId: z.string().min(1), agreementVersion: z.string().min(1), agreementAcceptedAt: isoTime })
      .strict(),
    response: answer({ registration: registrationSchema }),
    mutating: true,
  }),
  /** GET /v1/registrations/:candidateId */
  getRegistration: endpoint({
    method: 'GET',
    path: '/v1/registrations/:candidateId',
    request: null,
    response: answer({ registration: registrationSchema }),
    mutating: false,
  }),

  /**
   * B4–B7: the candidate's active bookings (unpaid and paid, in subject order) and all their orders,
   * newest first. The central expires what is due before answering (B4), so nothing listed is past
   * its expiry.
   */
  listBookings: endpoint({
    method: 'GET',
    path: '/v1/candidates/:candidateId/bookings',
    request: null,
    response: answer({ bookings: z.array(bookingSchema), orders: z.array(orderSchema) }),
    mutating: false,
  }),
  /**
   * B1–B4: books the offerings of one submission, all or nothing, each seat taken atomically.
   * Refusals: 409/422 with a BOOKING_REFUSAL_CODES code (NO_SEATS, LEVEL_TAKEN, …); 404 for an
   * unknown candidate or offering; 422 NOT_ELIGIBLE.
   */
  createBookings: endpoint({
    method: 'POST',
    path: '/v1/bookings',
    request: z
      .object({ candidateId: z.string().min(1), offeringIds: z.array(z.string().min(1)).min(1).max(12) })
      .strict(),
    response: answer({ bookings: z.array(bookingSchema), seats: z.array(seatCountSchema) }),
    mutating: true,
  }),
  /** B5: cancels an unpaid booking and returns its seat. */
  cancelBooking: endpoint({
    method: 'POST',
    path: '/v1/bookings/:bookingId/cancel',
    request: z.object({ candidateId: z.string().min(1) }).strict(),
    response: answer({ booking: bookingSchema, seats: z.array(seatCountSchema) }),
    mutating: true,
  }),
  /** R1: the score-report choice of a written booking (the kiosk asked both confirmations). */
  setScoreReport: endpoint({
    method: 'POST',
    path: '/v1/bookings/:bookingId/score-report',
    request: z.object({ candidateId: z.string().min(1), choice: scoreReportChoiceSchema }).strict(),
    response: answer({ booking: bookingSchema }),
    mutating: true,
  }),
  /**
   * P1/P2: an order over every active unpaid booking of one kind. While a pending order covers
   * exactly those bookings it is returned again; otherwise earlier pending orders of the
   * candidate that share a booking are closed and a new one is made.
   */
  createOrder: endpoint({
    method: 'POST',
    path: '/v1/orders',
    request: z.object({ candidateId: z.string().min(1), kind: z.enum(['written', 'oral']) }).strict(),
    response: answer({ order: orderSchema }),
    mutating: true,
  }),
  /** P3: the order's live status (更新). GET /v1/orders/:orderNo */
  getOrder: endpoint({
    method: 'GET',
    path: '/v1/orders/:orderNo',
    request: null,
    response: answer({ order: orderSchema }),
    mutating: false,
  }),
  /** P4: orders of the device's schools whose payment needs a refund, for staff. */
  listRefunds: endpoint({
    method: 'GET',
    path: '/v1/refunds',
    request: null,
    response: answer({ orders: z.array(orderSchema) }),
    mutating: false,
  }),
  /** B6: staff delete a registration with nothing paid; its unpaid bookings go, seats return. */
  deleteRegistration: endpoint({
    method: 'POST',
    path: '/v1/registrations/:candidateId/delete',
    request: z.object({}).strict(),
    response: answer({ candidateId: z.string(), deletedAt: isoTime, seats: z.array(seatCountSchema) }),
    mutating: true,
  }),
}

export type Endpoints = typeof endpoints
export type EndpointName = keyof Endpoints
export type EndpointResponse<N extends EndpointName> = z.infer<Endpoints[N]['response']>
export type EndpointRequest<N extends EndpointName> = Endpoints[N]['request'] extends z.ZodType
  ? z.infer<Endpoints[N]['request']>
  : never
