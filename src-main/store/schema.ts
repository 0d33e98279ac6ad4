/**
 * Table types of the kiosk's local store, as migrations/ leaves it. Times are ISO 8601 text,
 * booleans 0/1. Repositories are the only code that uses these types.
 */
import type { Generated, Insertable, Kysely, Selectable } from 'kysely'

export interface ExamSessionsTable {
  id: string
  name: string
  registration_start: string
  registration_end: string
  is_current: Generated<number>
  updated_at: string
}

export interface SubjectsTable {
  code: string
  name: string
  language: string
  level: number
  kind: string
  sort_order: number
}

export interface SchoolsTable {
  code: string
  name: string
  province_code: string
  province_name: string
  updated_at: string
}

export interface CampusesTable {
  code: string
  school_code: string
  name: string
  updated_at: string
}

export interface OfferingsTable {
  id: string
  subject_code: string
  school_code: string
  campus_code: string
  fee_cents: number
  capacity: number
  seats_left: number
  registration_start: string
  registration_end: string
  exam_start: string | null
  exam_end: string | null
  updated_at: string
}

export interface OfferingOralCampusesTable {
  offering_id: string
  campus_code: string
}

export interface AnnouncementsTable {
  id: string
  scope: 'province' | 'school'
  issuer: string
  province_code: string | null
  school_code: string | null
  title: string
  body: string
  published_at: string
}

/** K3: ID number and phone only encrypted; the document is found by id_number_hmac (0003). */
export interface RosterRecordsTable {
  candidate_id: string
  id_type: string
  id_number_hmac: string
  id_number_enc: string
  name: string
  gender: string
  phone_enc: string
  school_code: string
  campus_code: string
  education_level: string
  schooling_years: number
  enrollment_year: string
  grade: string
  department: string
  major: string
  class_name: string
  student_number: string
  remarks: string
  eligible_subject_codes: string
  updated_at: string
}

export interface OperatorsTable {
  id: Generated<number>
  username: string
  display_name: string
  role: 'operator' | 'supervisor'
  password_hash: string
  failed_attempts: Generated<number>
  locked_until: string | null
  disabled: Generated<number>
  created_at: string
}

export interface VisitsTable {
  id: string
  operator_id: number
  agreement_version: string
  agreement_accepted_at: string
  candidate_id: string | null
  started_at: string
  ended_at: string | null
}

export interface RegistrationsTable {
  candidate_id: string
  exam_session_id: string
  agreement_version: string
  agreement_accepted_at: string
  confirmed_at: string
  confirmed_by_operator_id: number | null
  visit_id: string | null
}

export interface AuditLogTable {
  id: Generated<number>
  at: string
  operator_id: number | null
  candidate_id: string | null
  action: string
  outcome: string
  detail: string | null
}

export interface BookingsTable {
  booking_id: string
  candidate_id: string
  offering_id: string
  subject_code: string
  kind: 'written' | 'oral'
  school_code: string
  campus_code: string
  fee_cents: number
  status: 'unpaid' | 'paid' | 'expired' | 'cancelled'
  booked_via: 'candidate' | 'collective'
  arrangement: 'unarranged' | 'arranged'
  collective_locked: Generated<number>
  score_report: 'paper' | 'electronic' | null
  created_at: string
  expires_at: string | null
  paid_at: string | null
  ended_at: string | null
  order_no: string | null
  updated_at: string
  /** S4 (0004): `pending` while a local change of the row waits for the central. */
  sync_state: Generated<'synced' | 'pending'>
}

export interface OrdersTable {
  order_no: string
  candidate_id: string
  kind: 'written' | 'oral'
  purpose: string
  amount_cents: number
  pay_url: string
  status: 'pending' | 'paid' | 'closed' | 'refund_required'
  booking_ids: string
  created_at: string
  expires_at: string
  paid_at: string | null
  checked_at: string
  refund_reason: string | null
}

export interface CentralRequestsTable {
  idempotency_key: string
  action: string
  candidate_id: string
  target: string
  created_at: string
  settled_at: string | null
}

/** S1–S6 (0004): changes waiting for, answered or refused by the central. */
export interface OutboxTable {
  id: Generated<number>
  candidate_id: string
  action: 'registration.confirm' | 'booking.create' | 'booking.cancel' | 'booking.score-report'
  idempotency_key: string
  /** JSON of the action's payload. */
  payload: string
  summary: string
  operator_id: number | null
  created_at: string
  state: Generated<'pending' | 'delivered' | 'refused'>
  attempts: Generated<number>
  next_attempt_at: string
  last_error: string | null
  settled_at: string | null
  refusal_code: string | null
  refusal_message: string | null
  acknowledged_at: string | null
  acknowledged_by: string | null
}

/** S4 (0004): this device's allotments as the central last reported them. */
export interface AllotmentsTable {
  id: string
  offering_id: string
  held: number
  used: number
  expires_at: string
  status: 'active' | 'returned' | 'expired'
  updated_at: string
}

/** S4 (0004): a provisional local booking and the central booking that replaced it. */
export interface BookingIdMapTable {
  local_id: string
  central_id: string
}

/** W1–W4, S3 (0005): the waitlist entries this desk handled, with their status as last heard. */
export interface WaitlistEntriesTable {
  entry_id: string
  candidate_id: string
  offering_id: string
  status: 'waiting' | 'promoted' | 'cancelled' | 'failed'
  booking_id: string | null
  first_seen_at: string
  updated_at: string
}

export interface MetaTable {
  key: string
  value: string
}

export interface KioskDatabase {
  exam_sessions: ExamSessionsTable
  subjects: SubjectsTable
  schools: SchoolsTable
  campuses: CampusesTable
  offerings: OfferingsTable
  offering_oral_campuses: OfferingOralCampusesTable
  announcements: AnnouncementsTable
  roster_records: RosterRecordsTable
  operators: OperatorsTable
  visits: VisitsTable
  registrations: RegistrationsTable
  audit_log: AuditLogTable
  meta: MetaTable
  bookings: BookingsTable
  orders: OrdersTable
  central_requests: CentralRequestsTable
  outbox: OutboxTable
  allotments: AllotmentsTable
  booking_id_map: BookingIdMapTable
  waitlist_entries: WaitlistEntriesTable
}

/** The store, or a transaction on it: repositories accept either. */
export type KioskDb = Kysely<KioskDatabase>

export type ExamSessionRow = Selectable<ExamSessionsTable>
export type SchoolRow = Selectable<SchoolsTable>
export type CampusRow = Selectable<CampusesTable>
export type OfferingRow = Selectable<OfferingsTable>
export type AnnouncementRow = Selectable<AnnouncementsTable>
export type RosterRecordRow = Selectable<RosterRecordsTable>
export type NewRosterRecord = Insertable<RosterRecordsTable>
export type OperatorRow = Selectable<OperatorsTable>
export type NewOperator = Insertable<OperatorsTable>
export type VisitRow = Selectable<VisitsTable>
export type NewVisit = Insertable<VisitsTable>
export type RegistrationRow = Selectable<RegistrationsTable>
export type NewRegistration = Insertable<RegistrationsTable>
export type NewAuditEntry = Insertable<AuditLogTable>
export type AuditEntryRow = Selectable<AuditLogTable>
export type BookingRow = Selectable<BookingsTable>
export type NewBooking = Insertable<BookingsTable>
export type OrderRow = Selectable<OrdersTable>
export type NewOrder = Insertable<OrdersTable>
export type OutboxRow = Selectable<OutboxTable>
export type AllotmentRow = Selectable<AllotmentsTable>
