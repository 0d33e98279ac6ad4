/**
 * The HTTP/JSON contract between kiosks and the central service, version 1 (SPEC §5).
 * Every answer carries `serverTime` so kiosks compute a clock offset instead of trusting their own.
 * Every mutating request carries an `Idempotency-Key` header (S2) and every request a device
 * token (`Authorization: Bearer …`).
 */
import { z } from 'zod'
import {
  announcementSchema,
  examSessionSchema,
  idTypeSchema,
  isoTime,
  offeringSchema,
  registrationSchema,
  rosterRecordSchema,
  schoolSchema,
  subjectSchema,
} from '../schemas'

export const CENTRAL_API_PREFIX = '/v1'
export const IDEMPOTENCY_HEADER = 'idempotency-key'

export const CENTRAL_ERROR_CODES = [
  'BAD_REQUEST',
  'UNAUTHORIZED',
  'NOT_FOUND',
  'CONFLICT',
  'IDEMPOTENCY_MISMATCH',
  'NOT_ELIGIBLE',
  'INTERNAL',
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
}

export type Endpoints = typeof endpoints
export type EndpointName = keyof Endpoints
export type EndpointResponse<N extends EndpointName> = z.infer<Endpoints[N]['response']>
export type EndpointRequest<N extends EndpointName> = Endpoints[N]['request'] extends z.ZodType
  ? z.infer<Endpoints[N]['request']>
  : never
