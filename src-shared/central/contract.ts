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
  cet6ReviewSchema,
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
  subjectCodeSchema,
  subjectSchema,
  waitlistCancelReasonSchema,
  waitlistEntrySchema,
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
  // S3: 410, the changes after the cursor are no longer kept (retention) or the cursor is another database's.
  'FEED_RESET',
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

/**
 * S4: seats the central holds for one device on one offering, so the kiosk can book them while
 * the link is down without ever overbooking. `held` seats are out of the offering's public
 * `seatsLeft`; a booking sent with `fromAllotment` takes its seat from here first (`used` + 1,
 * `held` − 1). At `expiresAt` (or on return) the seats still held go back to the offering, where
 * waiting entries get them first (W2). Requesting again tops the allotment up and extends it.
 */
export const ALLOTMENT_STATUSES = ['active', 'returned', 'expired'] as const
export const allotmentSchema = z.object({
  id: z.string().min(1),
  offeringId: z.string().min(1),
  held: z.number().int().nonnegative(),
  used: z.number().int().nonnegative(),
  expiresAt: isoTime,
  status: z.enum(ALLOTMENT_STATUSES),
})
export type Allotment = z.infer<typeof allotmentSchema>
/** How long a granted or topped-up allotment is held. */
export const ALLOTMENT_LEASE_MS = 2 * 60 * 60 * 1000
/** The most seats one device may hold on one offering. */
export const ALLOTMENT_MAX_SEATS = 20

/**
 * S3: a feed position, `<epoch>.<seq>`: the epoch names the central database that wrote the feed
 * (a recreated central has another), seq the last change read. Opaque to kiosks.
 */
export const FEED_CURSOR_PATTERN = /^[0-9a-f]{16}\.\d{1,15}$/
/** seq: the entry's own feed position (a cursor: reading after it goes on with the next entry). */
const feedBase = { seq: z.string().regex(FEED_CURSOR_PATTERN), at: isoTime }
/**
 * S3: one entry of the change feed, for the device's schools, in the central's commit order.
 * Each entry carries the entity's state as it is when the feed is read (state, not delta), so
 * applying an entry twice, or an older entry after a newer one of the same entity, changes
 * nothing wrong: the kiosk upserts by id.
 */
export const feedChangeSchema = z.discriminatedUnion('kind', [
  z.object({ ...feedBase, kind: z.literal('seats'), offeringId: z.string().min(1), seatsLeft: z.number().int().nonnegative(), capacity: z.number().int().nonnegative() }),
  z.object({ ...feedBase, kind: z.literal('booking'), booking: bookingSchema }),
  z.object({ ...feedBase, kind: z.literal('order'), order: orderSchema }),
  z.object({ ...feedBase, kind: z.literal('waitlist'), entry: waitlistEntrySchema }),
  /** registration null: deleted (B6). */
  z.object({ ...feedBase, kind: z.literal('registration'), candidateId: z.string().min(1), registration: registrationSchema.nullable() }),
  /** E5: the candidate's eligible subjects changed (a CET6 review passed). */
  z.object({ ...feedBase, kind: z.literal('eligibility'), candidateId: z.string().min(1), eligibleSubjectCodes: z.array(subjectCodeSchema) }),
  /** Only the reading device's own allotments. */
  z.object({ ...feedBase, kind: z.literal('allotment'), allotment: allotmentSchema }),
])
export type FeedChange = z.infer<typeof feedChangeSchema>
export const changesQuerySchema = z.object({
  /**
   * Omitted: from the beginning. A cursor that is not this database's (another epoch, or an older
   * form), or older than the feed's retention, is answered 410 FEED_RESET: start again from a snapshot.
   */
  after: z.string().regex(/^(?:[0-9a-f]{16}\.)?\d{1,15}$/).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
})

/** Items of one /v1/batch request at most. */
export const MAX_BATCH_REQUESTS = 500
/** The endpoints an outbox batch may carry (the kiosk's offline changes). */
export const BATCHABLE_ENDPOINTS = ['createBookings', 'cancelBooking', 'setScoreReport', 'confirmRegistration'] as const
export type BatchableEndpoint = (typeof BATCHABLE_ENDPOINTS)[number]

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
      /** S3: the change feed's position as of this snapshot: pull /v1/changes after it. */
      feedCursor: z.string().regex(FEED_CURSOR_PATTERN),
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
      .object({
        candidateId: z.string().min(1),
        offeringIds: z.array(z.string().min(1)).min(1).max(12),
        /** S4: take each seat from this device's active allotment for the offering when it holds one. */
        fromAllotment: z.boolean().optional(),
      })
      .strict(),
    response: answer({
      bookings: z.array(bookingSchema),
      seats: z.array(seatCountSchema),
      /** The device's allotments this booking drew from, as they are now (empty when none). */
      allotments: z.array(allotmentSchema),
    }),
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

  /**
   * W1/W2: submits a waitlist entry (提交候补) for a full offering; it joins the back of that
   * offering's queue in the order the central receives it. Refusals as createBookings, plus
   * SEATS_AVAILABLE (book it instead), LEVEL_TAKEN (a booking or entry at that level, B2) and
   * WRITTEN_NOT_BOOKED (oral: the same-level written subject is not booked).
   */
  submitWaitlistEntry: endpoint({
    method: 'POST',
    path: '/v1/waitlist',
    request: z.object({ candidateId: z.string().min(1), offeringId: z.string().min(1) }).strict(),
    response: answer({ entry: waitlistEntrySchema }),
    mutating: true,
  }),
  /** W3: 取消候补 with a reason from the list; the entry becomes 考生取消 with the reason as remark. WAITLIST_GONE when no longer waiting. */
  cancelWaitlistEntry: endpoint({
    method: 'POST',
    path: '/v1/waitlist/:entryId/cancel',
    request: z.object({ candidateId: z.string().min(1), reason: waitlistCancelReasonSchema }).strict(),
    response: answer({ entry: waitlistEntrySchema }),
    mutating: true,
  }),
  /**
   * W4: all the candidate's entries of the current session, oldest first: waiting ones with their
   * queue position (`ahead`), finished ones with their remark. The central promotes and ends what
   * is due before answering, so a 候补成功 shows here (and its booking in listBookings) at once.
   */
  listWaitlist: endpoint({
    method: 'GET',
    path: '/v1/candidates/:candidateId/waitlist',
    request: null,
    response: answer({ entries: z.array(waitlistEntrySchema) }),
    mutating: false,
  }),
  /**
   * W2 (demo/staff): raises an offering's capacity to `capacity` (never lowers it); the new seats
   * go to the offering's waiting entries first (each becomes 候补成功 with an unpaid booking).
   * The kiosk lets only a supervisor call it. 400 BAD_REQUEST when `capacity` is not higher.
   */
  raiseCapacity: endpoint({
    method: 'POST',
    path: '/v1/offerings/:offeringId/capacity',
    request: z.object({ capacity: z.number().int().positive().max(100000) }).strict(),
    response: answer({
      offeringId: z.string(),
      capacity: z.number().int().nonnegative(),
      seats: z.array(seatCountSchema),
      promoted: z.array(waitlistEntrySchema),
    }),
    mutating: true,
  }),
  /**
   * E5: submits the candidate's one CET6 qualification review (CET6资格复核) with a CET4 准考证号.
   * The answer is the immediate result (passed / pending 未复核 / refused, with its message) and the
   * candidate's eligible subjects after it (passed adds 2 英语六级笔试). 422 TICKET_FORMAT when not
   * 15 digits (not counted as a submission); 409 REVIEW_ALREADY_SUBMITTED / ALREADY_CET6_ELIGIBLE.
   */
  submitCet6Review: endpoint({
    method: 'POST',
    path: '/v1/candidates/:candidateId/cet6-review',
    request: z.object({ ticketNumber: z.string().min(1).max(40) }).strict(),
    response: answer({ review: cet6ReviewSchema, eligibleSubjectCodes: z.array(subjectCodeSchema) }),
    mutating: true,
  }),
  /** W2 (staff): how many entries wait per offering of the device's schools (offerings with none are omitted). */
  listWaitlistCounts: endpoint({
    method: 'GET',
    path: '/v1/waitlist/counts',
    request: null,
    response: answer({ counts: z.array(z.object({ offeringId: z.string(), waiting: z.number().int().positive() })) }),
    mutating: false,
  }),
  /** E5: the candidate's review, or null when none was submitted, and their eligible subjects. */
  getCet6Review: endpoint({
    method: 'GET',
    path: '/v1/candidates/:candidateId/cet6-review',
    request: null,
    response: answer({ review: cet6ReviewSchema.nullable(), eligibleSubjectCodes: z.array(subjectCodeSchema) }),
    mutating: false,
  }),

  /** S3: the change feed after a cursor: GET /v1/changes?after=…&limit=… (410 FEED_RESET: see changesQuerySchema). */
  listChanges: endpoint({
    method: 'GET',
    path: '/v1/changes',
    request: null,
    response: answer({ changes: z.array(feedChangeSchema), nextAfter: z.string(), hasMore: z.boolean() }),
    mutating: false,
  }),
  /**
   * S4: grants (or tops up to) `seats` held seats for this device on an offering, as many as the
   * offering has free (none while entries wait for it, W2), and extends the lease to now +
   * ALLOTMENT_LEASE_MS. Never lowers what is held. 404 unknown offering; 422 WINDOW_CLOSED.
   */
  requestAllotment: endpoint({
    method: 'POST',
    path: '/v1/allotments',
    request: z.object({ offeringId: z.string().min(1), seats: z.number().int().min(1).max(ALLOTMENT_MAX_SEATS) }).strict(),
    response: answer({ allotment: allotmentSchema, seats: z.array(seatCountSchema) }),
    mutating: true,
  }),
  /** S4: the seats still held go back to the offering (waiting entries first). Returning twice is a no-op. */
  returnAllotment: endpoint({
    method: 'POST',
    path: '/v1/allotments/:allotmentId/return',
    request: z.object({}).strict(),
    response: answer({ allotment: allotmentSchema, seats: z.array(seatCountSchema) }),
    mutating: true,
  }),
  /** S4: this device's active allotments. */
  listAllotments: endpoint({
    method: 'GET',
    path: '/v1/allotments',
    request: null,
    response: answer({ allotments: z.array(allotmentSchema) }),
    mutating: false,
  }),
  /**
   * S1, S2: several of the outbox's changes in one request (BATCHABLE_ENDPOINTS only), handled in
   * order inside ONE central transaction and answered only after it committed. Each item carries
   * its own Idempotency-Key and gets EXACTLY the answer it would get alone (status and body,
   * stored for replay; `replayed` when it was a stored answer), each in its own savepoint: an
   * item refused rolls back alone. The batch itself needs no Idempotency-Key: sending it again
   * replays each item's stored answer. A malformed batch is refused whole (400) and changes nothing.
   */
  deliverBatch: endpoint({
    method: 'POST',
    path: '/v1/batch',
    request: z
      .object({
        requests: z
          .array(
            z
              .object({
                method: z.literal('POST'),
                /** Path of one of BATCHABLE_ENDPOINTS, e.g. /v1/bookings/B1/cancel */
                path: z.string().min(1).max(300),
                idempotencyKey: z.string().min(1).max(200),
                body: z.record(z.string(), z.unknown()),
              })
              .strict(),
          )
          .min(1)
          .max(MAX_BATCH_REQUESTS),
      })
      .strict(),
    response: answer({
      results: z.array(
        z.object({
          status: z.number().int(),
          /** The item's answer body, as the endpoint alone answers it (its success or CentralError schema). */
          body: z.record(z.string(), z.unknown()),
          /** The stored answer of an earlier attempt with the same key (S2). */
          replayed: z.boolean().optional(),
        }),
      ),
    }),
    mutating: false,
  }),
}

export type Endpoints = typeof endpoints
export type EndpointName = keyof Endpoints
export type EndpointResponse<N extends EndpointName> = z.infer<Endpoints[N]['response']>
export type EndpointRequest<N extends EndpointName> = Endpoints[N]['request'] extends z.ZodType
  ? z.infer<Endpoints[N]['request']>
  : never
