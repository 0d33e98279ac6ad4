/**
 * The published form of the central contract: an OpenAPI 3.1 document generated from `endpoints`
 * (zod's JSON Schema conversion, draft 2020-12, the dialect OpenAPI 3.1 uses). `npm run openapi`
 * writes it to docs/openapi.json; a unit test fails when the committed file differs, and the
 * contract tests validate the real central's answers against it.
 */
import { z } from 'zod'
import {
  announcementSchema,
  bookingSchema,
  cet6ReviewSchema,
  examSessionSchema,
  offeringSchema,
  orderSchema,
  registrationSchema,
  rosterRecordSchema,
  schoolSchema,
  seatCountSchema,
  subjectSchema,
  waitlistEntrySchema,
} from '../schemas'
import {
  allotmentSchema,
  CENTRAL_ERROR_CODES,
  centralErrorSchema,
  changesQuerySchema,
  endpoints,
  feedChangeSchema,
  IDEMPOTENCY_HEADER,
  rosterPageQuerySchema,
  type EndpointName,
} from './contract'

export const OPENAPI_VERSION = '3.1.0'
export const CONTRACT_VERSION = '1'

/** One line per endpoint (the JSDoc of `endpoints` has the rules in full). */
const SUMMARIES: Record<EndpointName, string> = {
  getExamSession: 'The current exam session (考次) and its registration window.',
  getCatalog: 'Subjects, the device schools with campuses, offerings with seats left, announcements, and the change-feed cursor of this snapshot (S3).',
  getRosterPage: 'A page of the roster of the device schools, by candidateId ascending (after, limit).',
  lookupRoster: 'E2: one roster record by ID type, ID number and name.',
  confirmRegistration: 'E4: confirms the candidate registration; confirming again returns the first one.',
  getRegistration: 'E4: the candidate confirmed registration.',
  listBookings: 'B4-B7: the candidate active bookings and all their orders.',
  createBookings: 'B1-B4, S4: books the offerings of one submission, all or nothing; fromAllotment takes seats from this device allotments first.',
  cancelBooking: 'B5: cancels an unpaid booking; its seat returns to the pool (waiting entries first, W2).',
  setScoreReport: 'R1: the score-report choice of a written booking.',
  createOrder: 'P1/P2: an order over every active unpaid booking of one kind.',
  getOrder: 'P3: the order live status.',
  listRefunds: 'P4: orders of the device schools whose payment needs a refund.',
  deleteRegistration: 'B6: deletes a registration with nothing paid; unpaid bookings go, seats return.',
  submitWaitlistEntry: 'W1/W2: joins the back of a full offering queue.',
  cancelWaitlistEntry: 'W3: cancels a waiting entry with a reason.',
  listWaitlist: 'W4: the candidate entries of the current session, with queue positions.',
  raiseCapacity: 'W2 (staff): raises an offering capacity; the new seats go to waiting entries first.',
  submitCet6Review: 'E5: submits the one CET6 qualification review with a CET4 准考证号.',
  listWaitlistCounts: 'W2 (staff): waiting entries per offering of the device schools.',
  getCet6Review: 'E5: the candidate review (or null) and eligible subjects.',
  listChanges:
    'S3: the change feed after a cursor (`<epoch>.<seq>`): entries carry each entity current state, scoped to the device (allotments: own only). 410 FEED_RESET: the cursor is another database\'s or older than the retention (30 days): start again from GET /v1/catalog.',
  requestAllotment: 'S4: grants or tops up this device held seats on an offering (none while entries wait, W2) and extends the lease.',
  returnAllotment: 'S4: gives the seats still held back to the offering (waiting entries first). Returning twice is a no-op.',
  listAllotments: 'S4: this device active allotments.',
  deliverBatch:
    'S1/S2: up to 500 outbox changes (booking create, cancel, score report, registration confirm) in one central transaction; each item carries its own Idempotency-Key and gets exactly its single answer (status, body), in order.',
}

/** Query parameters of the GET endpoints that take them. */
const QUERIES: Partial<Record<EndpointName, z.ZodObject>> = {
  getRosterPage: rosterPageQuerySchema,
  listChanges: changesQuerySchema,
}

/** Shared shapes named once in components (everything else refers to them). */
const NAMED: Record<string, z.ZodType> = {
  CentralError: centralErrorSchema,
  ExamSession: examSessionSchema,
  Subject: subjectSchema,
  School: schoolSchema,
  Offering: offeringSchema,
  Announcement: announcementSchema,
  RosterRecord: rosterRecordSchema,
  Registration: registrationSchema,
  Booking: bookingSchema,
  Order: orderSchema,
  SeatCount: seatCountSchema,
  WaitlistEntry: waitlistEntrySchema,
  Cet6Review: cet6ReviewSchema,
  Allotment: allotmentSchema,
  FeedChange: feedChangeSchema,
}

const upperFirst = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1)
const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` })
type Json = Record<string, unknown>

function withoutSchemaKeys(schema: Json): Json {
  const { $schema: _schema, $id: _id, ...rest } = schema
  return rest
}

function componentSchemas(): Record<string, Json> {
  const registry = z.registry<{ id: string }>()
  for (const [id, schema] of Object.entries(NAMED)) registry.add(schema, { id })
  for (const [name, e] of Object.entries(endpoints)) {
    if (e.request !== null) registry.add(e.request, { id: `${upperFirst(name)}Request` })
    registry.add(e.response, { id: `${upperFirst(name)}Response` })
  }
  const out = z.toJSONSchema(registry, {
    target: 'draft-2020-12',
    io: 'output',
    uri: (id) => `#/components/schemas/${id}`,
  }) as { schemas: Record<string, Json> }
  const sorted: Record<string, Json> = {}
  for (const id of Object.keys(out.schemas).sort()) sorted[id] = withoutSchemaKeys(out.schemas[id] as Json)
  return sorted
}

function queryParameters(query: z.ZodObject): Json[] {
  return Object.entries(query.shape).map(([name, schema]) => ({
    name,
    in: 'query',
    required: !(schema as z.ZodType).safeParse(undefined).success,
    schema: withoutSchemaKeys(z.toJSONSchema(schema as z.ZodType, { target: 'draft-2020-12', io: 'input' }) as Json),
  }))
}

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: ref('CentralError') } },
})

export function buildOpenApiDocument(): Json {
  const paths: Record<string, Record<string, Json>> = {}
  for (const [name, e] of Object.entries(endpoints) as [EndpointName, (typeof endpoints)[EndpointName]][]) {
    const path = e.path.replace(/:([A-Za-z]+)/g, '{$1}')
    const parameters: Json[] = [...e.path.matchAll(/:([A-Za-z]+)/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string', minLength: 1 },
    }))
    const query = QUERIES[name]
    if (query) parameters.push(...queryParameters(query))
    if (e.mutating)
      parameters.push({
        name: IDEMPOTENCY_HEADER,
        in: 'header',
        required: true,
        description: 'S2: the same key with the same body returns the first stored answer (errors included); with another body 409 IDEMPOTENCY_MISMATCH.',
        schema: { type: 'string', minLength: 1, maxLength: 200 },
      })
    const operation: Json = {
      operationId: name,
      summary: SUMMARIES[name],
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(e.request === null
        ? {}
        : { requestBody: { required: true, content: { 'application/json': { schema: ref(`${upperFirst(name)}Request`) } } } }),
      responses: {
        '200': {
          description: 'The answer, with the central clock as serverTime.',
          ...(e.mutating
            ? { headers: { 'Idempotent-Replayed': { description: '"true" when this is the stored first answer to the key (S2).', schema: { type: 'string' } } } }
            : {}),
          content: { 'application/json': { schema: ref(`${upperFirst(name)}Response`) } },
        },
        '4XX': errorResponse('Refused, nothing changed: 400 BAD_REQUEST, 401 UNAUTHORIZED, 404 NOT_FOUND, 409/422 with a rule code, 410 FEED_RESET (the change feed only).'),
        '5XX': errorResponse('500 INTERNAL: retry later with the same Idempotency-Key.'),
      },
    }
    paths[path] = { ...paths[path], [e.method.toLowerCase()]: operation }
  }
  return {
    openapi: OPENAPI_VERSION,
    info: {
      title: 'CET registration central service',
      version: CONTRACT_VERSION,
      description:
        'The contract between registration kiosks and the central service (SPEC section 5), generated from src-shared/central/contract.ts. ' +
        'Every answer carries serverTime. Every request carries the device token; every mutating one an Idempotency-Key. ' +
        `Error codes: ${CENTRAL_ERROR_CODES.join(', ')}. ` +
        'The demo payment page (/pay/{orderNo}, HTML, no token) is outside this API.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    servers: [{ url: 'http://127.0.0.1:4410', description: 'npm run central (reference central service)' }],
    security: [{ deviceToken: [] }],
    paths,
    components: {
      securitySchemes: { deviceToken: { type: 'http', scheme: 'bearer', description: 'The per-device token (issue-token).' } },
      schemas: componentSchemas(),
    },
  }
}

/** The document as committed: stable key order, two-space indent, final newline. */
export function openApiDocumentText(): string {
  return `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`
}
