/**
 * Reading and changing bookings (B1–B7) and the seat counters they hold. Every change that takes
 * or returns a seat goes through here, inside the caller's transaction, so `seats_left` and the
 * bookings never disagree.
 */
import type { Database } from 'better-sqlite3'
import { newUnpaidBooking, registrationDeletionDueAt } from '../src-shared/domain/booking-rules'
import type { Booking, Offering, SeatCount } from '../src-shared/schemas'
import { randomId } from './random-id'

const BOOKING_COLUMNS = `b.id, b.candidate_id AS candidateId, b.offering_id AS offeringId, b.subject_code AS subjectCode,
  o.school_code AS schoolCode, o.campus_code AS campusCode, b.fee_fen AS feeCents, b.status,
  b.created_at AS createdAt, b.expires_at AS expiresAt, b.paid_at AS paidAt, b.ended_at AS endedAt,
  b.score_report AS scoreReport, b.arrangement, b.booked_via AS bookedVia,
  b.collective_locked AS collectiveLocked, b.order_no AS orderNo`

type BookingRow = Omit<Booking, 'collectiveLocked'> & { collectiveLocked: number }

function bookingFromRow(row: BookingRow): Booking {
  return { ...row, collectiveLocked: row.collectiveLocked !== 0 }
}

export interface CandidateRow {
  readonly candidateId: string
  readonly name: string
  readonly schoolCode: string
  readonly campusCode: string
  readonly examSessionId: string
  readonly eligibleSubjectCodes: readonly string[]
}

export type EndedStatus = 'cancelled' | 'expired'

export interface BookingStore {
  /** The candidate, when their school is one the device serves (`schools` = JSON array). */
  candidate(candidateId: string, schools: string): CandidateRow | undefined
  /** The candidate regardless of device (the payment page has no device). */
  candidateById(candidateId: string): CandidateRow | undefined
  hasRegistration(candidateId: string): boolean
  /** Current-session offering of one of the device's schools. */
  offering(offeringId: string, schools: string): Offering | undefined
  /** The offering regardless of device (W2 promotions run for whichever kiosk freed the seat). */
  offeringById(offeringId: string): Offering | undefined
  /** Every booking of the candidate, oldest first (all statuses). */
  bookingsOf(candidateId: string): Booking[]
  activeBookingsOf(candidateId: string): Booking[]
  booking(bookingId: string): Booking | undefined
  /** B1: takes one seat; false when none is left (the counter never goes below 0). */
  takeSeat(offeringId: string): boolean
  insertBooking(candidateId: string, offering: Offering, kioskId: string, now: Date): Booking
  /** B4/B5/B6: ends an unpaid booking, returns its seat and starts the registration's B6 grace when it was the last. */
  endBooking(bookingId: string, status: EndedStatus, at: string): void
  /** B6/W1: the registration holds something now (a booking or a waiting entry): no deletion deadline. */
  holdRegistration(candidateId: string): void
  /** B6: something of the candidate went at `at`; starts the grace when nothing (booking or waiting entry) is held. */
  releaseRegistration(candidateId: string, at: string): void
  setScoreReport(bookingId: string, choice: 'paper' | 'electronic'): void
  markPaid(bookingId: string, orderNo: string, at: string): void
  seatCount(offeringId: string): SeatCount
  /** W2 (staff): raises capacity; the added seats are free (the caller promotes the waitlist). */
  raiseCapacity(offeringId: string, capacity: number): void
  /** B4: unpaid bookings whose expiry is at or before `now`. */
  expiredUnpaid(now: string): { id: string; expiresAt: string }[]
}

export function bookingStore(db: Database, registrationGraceMs: number): BookingStore {
  const candidateScoped = db.prepare<{ candidateId: string; schools: string }, CandidateDbRow>(
    `SELECT ${CANDIDATE_COLUMNS} FROM roster_records
     WHERE candidate_id = @candidateId AND school_code IN (SELECT value FROM json_each(@schools))`,
  )
  const candidateAny = db.prepare<{ candidateId: string }, CandidateDbRow>(
    `SELECT ${CANDIDATE_COLUMNS} FROM roster_records WHERE candidate_id = @candidateId`,
  )
  const registration = db.prepare<[string], { confirmedAt: string }>(
    `SELECT confirmed_at AS confirmedAt FROM registrations WHERE candidate_id = ?`,
  )
  const offering = db.prepare<{ id: string; schools: string | null }, Omit<Offering, 'oralAllowedCampusCodes'>>(
    `SELECT o.id, o.subject_code AS subjectCode, o.school_code AS schoolCode, o.campus_code AS campusCode,
       o.fee_fen AS feeCents, o.capacity, o.seats_left AS seatsLeft, o.registration_start AS registrationStart,
       o.registration_end AS registrationEnd, o.exam_start AS examStart, o.exam_end AS examEnd
     FROM offerings o JOIN exam_sessions s ON s.id = o.exam_session_id AND s.is_current = 1
     WHERE o.id = @id AND (@schools IS NULL OR o.school_code IN (SELECT value FROM json_each(@schools)))`,
  )
  const oralCampuses = db.prepare<[string], string>(
    `SELECT campus_code FROM offering_oral_campuses WHERE offering_id = ? ORDER BY campus_code`,
  ).pluck()
  const bookingsOf = db.prepare<[string], BookingRow>(
    `SELECT ${BOOKING_COLUMNS} FROM bookings b JOIN offerings o ON o.id = b.offering_id
       JOIN subjects j ON j.code = b.subject_code
     WHERE b.candidate_id = ? ORDER BY b.created_at, j.sort_order, b.id`,
  )
  const activeOf = db.prepare<[string], BookingRow>(
    `SELECT ${BOOKING_COLUMNS} FROM bookings b JOIN offerings o ON o.id = b.offering_id
       JOIN subjects j ON j.code = b.subject_code
     WHERE b.candidate_id = ? AND b.status IN ('unpaid', 'paid') ORDER BY j.sort_order, b.created_at, b.id`,
  )
  const bookingById = db.prepare<[string], BookingRow>(
    `SELECT ${BOOKING_COLUMNS} FROM bookings b JOIN offerings o ON o.id = b.offering_id WHERE b.id = ?`,
  )
  const takeSeat = db.prepare<[string]>(`UPDATE offerings SET seats_left = seats_left - 1 WHERE id = ? AND seats_left > 0`)
  const returnSeat = db.prepare<[string]>(
    `UPDATE offerings SET seats_left = seats_left + 1 WHERE id = ? AND seats_left < capacity`,
  )
  const insert = db.prepare(
    `INSERT INTO bookings (id, candidate_id, offering_id, subject_code, fee_fen, status, created_at, expires_at,
       booked_by_kiosk)
     VALUES (@id, @candidateId, @offeringId, @subjectCode, @feeCents, 'unpaid', @createdAt, @expiresAt, @kioskId)`,
  )
  // W1: a waiting entry holds the registration as a booking does (B6).
  const waiting = db.prepare<[string], number>(
    `SELECT EXISTS (SELECT 1 FROM waitlist_entries WHERE candidate_id = ? AND status = 'waiting')`,
  ).pluck()
  const holdNothing = db.prepare<[string]>(`UPDATE registrations SET idle_due_at = NULL WHERE candidate_id = ?`)
  const setIdleDue = db.prepare<[string | null, string]>(`UPDATE registrations SET idle_due_at = ? WHERE candidate_id = ?`)
  const end = db.prepare<{ id: string; status: EndedStatus; at: string }>(
    `UPDATE bookings SET status = @status, ended_at = @at WHERE id = @id AND status = 'unpaid'`,
  )
  const setScore = db.prepare<[string, string]>(`UPDATE bookings SET score_report = ? WHERE id = ?`)
  const paid = db.prepare<{ id: string; orderNo: string; at: string }>(
    `UPDATE bookings SET status = 'paid', paid_at = @at, order_no = @orderNo WHERE id = @id AND status = 'unpaid'`,
  )
  const raise = db.prepare<{ id: string; capacity: number }>(
    `UPDATE offerings SET seats_left = seats_left + (@capacity - capacity), capacity = @capacity
     WHERE id = @id AND @capacity > capacity`,
  )
  const seats = db.prepare<[string], SeatCount>(`SELECT id AS offeringId, seats_left AS seatsLeft FROM offerings WHERE id = ?`)
  const expired = db.prepare<[string], { id: string; expiresAt: string }>(
    `SELECT id, expires_at AS expiresAt FROM bookings WHERE status = 'unpaid' AND expires_at <= ? ORDER BY expires_at, id`,
  )

  function release(candidateId: string, at: string): void {
    const r = registration.get(candidateId)
    if (!r) return
    const holdsSomething = activeOf.all(candidateId).length > 0 || waiting.get(candidateId) === 1
    if (holdsSomething) return
    setIdleDue.run(
      registrationDeletionDueAt({ confirmedAt: r.confirmedAt, lastReleasedAt: at, holdsSomething }, registrationGraceMs),
      candidateId,
    )
  }

  const toCandidate = (row: CandidateDbRow | undefined): CandidateRow | undefined =>
    row && { ...row, eligibleSubjectCodes: JSON.parse(row.eligibleSubjectCodes) as string[] }

  return {
    candidate: (candidateId, schools) => toCandidate(candidateScoped.get({ candidateId, schools })),
    candidateById: (candidateId) => toCandidate(candidateAny.get({ candidateId })),
    hasRegistration: (candidateId) => registration.get(candidateId) !== undefined,
    offering(id, schools) {
      const row = offering.get({ id, schools })
      return row && { ...row, oralAllowedCampusCodes: oralCampuses.all(id) }
    },
    offeringById(id) {
      const row = offering.get({ id, schools: null })
      return row && { ...row, oralAllowedCampusCodes: oralCampuses.all(id) }
    },
    bookingsOf: (candidateId) => bookingsOf.all(candidateId).map(bookingFromRow),
    activeBookingsOf: (candidateId) => activeOf.all(candidateId).map(bookingFromRow),
    booking(bookingId) {
      const row = bookingById.get(bookingId)
      return row && bookingFromRow(row)
    },
    takeSeat: (offeringId) => takeSeat.run(offeringId).changes === 1,
    insertBooking(candidateId, o, kioskId, now) {
      // Answered as written, not read back (a read of ~8 µs per booking saved, #8).
      const booking = newUnpaidBooking(randomId('B'), candidateId, o, now.toISOString())
      insert.run({
        id: booking.id,
        candidateId,
        offeringId: o.id,
        subjectCode: o.subjectCode,
        feeCents: o.feeCents,
        createdAt: booking.createdAt,
        expiresAt: booking.expiresAt,
        kioskId,
      })
      holdNothing.run(candidateId)
      return booking
    },
    endBooking(bookingId, status, at) {
      const b = bookingById.get(bookingId)
      if (!b || end.run({ id: bookingId, status, at }).changes !== 1) return
      returnSeat.run(b.offeringId)
      release(b.candidateId, at)
    },
    holdRegistration: (candidateId) => {
      holdNothing.run(candidateId)
    },
    releaseRegistration: (candidateId, at) => {
      release(candidateId, at)
    },
    setScoreReport: (bookingId, choice) => {
      setScore.run(choice, bookingId)
    },
    markPaid: (bookingId, orderNo, at) => {
      paid.run({ id: bookingId, orderNo, at })
    },
    seatCount(offeringId) {
      const row = seats.get(offeringId)
      if (!row) throw new Error(`no offering ${offeringId}`)
      return row
    },
    expiredUnpaid: (now) => expired.all(now),
    raiseCapacity: (id, capacity) => {
      raise.run({ id, capacity })
    },
  }
}

const CANDIDATE_COLUMNS = `candidate_id AS candidateId, name, school_code AS schoolCode, campus_code AS campusCode,
  exam_session_id AS examSessionId, eligible_subject_codes AS eligibleSubjectCodes`

type CandidateDbRow = Omit<CandidateRow, 'eligibleSubjectCodes'> & { eligibleSubjectCodes: string }
