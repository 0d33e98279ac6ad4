/**
 * Reading and changing waitlist entries (W1–W4). The queue of an offering is its waiting entries
 * in `sequence` order: the order the central received them (W2). Every change runs inside the
 * caller's transaction.
 */
import type { Database } from 'better-sqlite3'
import { findSubject } from '../src-shared/domain/subjects'
import type { WaitlistStatus } from '../src-shared/domain/waitlist-rules'
import type { Offering, WaitlistEntry } from '../src-shared/schemas'
import { randomId } from './random-id'

// `ahead` counts the same offering's waiting entries received earlier (index waitlist_queue).
const ENTRY_COLUMNS = `w.id, w.candidate_id AS candidateId, w.offering_id AS offeringId, w.subject_code AS subjectCode,
  o.school_code AS schoolCode, o.campus_code AS campusCode, w.status, w.submitted_at AS submittedAt,
  w.ended_at AS endedAt, w.remark, w.booking_id AS bookingId,
  CASE WHEN w.status = 'waiting' THEN (SELECT COUNT(*) FROM waitlist_entries x
    WHERE x.offering_id = w.offering_id AND x.status = 'waiting' AND x.sequence < w.sequence) END AS ahead`

export type EndedWaitlistStatus = Exclude<WaitlistStatus, 'waiting'>

export interface WaitlistStore {
  /** All the candidate's entries of the current session, in the order they were received. */
  entriesOf(candidateId: string): WaitlistEntry[]
  entry(entryId: string): WaitlistEntry | undefined
  /** Subject codes of the candidate's waiting entries (B2/W1 count them). */
  waitingSubjectCodes(candidateId: string): string[]
  /** W2: the offering's first waiting entry, if any. */
  firstWaiting(offeringId: string): WaitlistEntry | undefined
  insert(candidateId: string, offering: Offering, kioskId: string, now: Date): WaitlistEntry
  /** Ends a waiting entry; false when it was no longer waiting. */
  end(entryId: string, status: EndedWaitlistStatus, at: string, remark: string, bookingId?: string): boolean
  /** W4: waiting entries whose offering's registration window has closed by `at`. */
  waitingPastWindow(at: string): { id: string; candidateId: string; registrationEnd: string }[]
  /** Waiting entries of a candidate (to end them when the registration is deleted). */
  waitingOf(candidateId: string): WaitlistEntry[]
  /** Offerings with free seats and someone waiting (a seat freed by any path is never left idle). */
  offeringsToPromote(): string[]
  /** How many entries wait per offering of the given schools (JSON array). */
  waitingCounts(schools: string): { offeringId: string; waiting: number }[]
}

function levelKey(subjectCode: string): string {
  const subject = findSubject(subjectCode)
  if (!subject) throw new Error(`unknown subject code ${subjectCode}`)
  return `${subject.kind}-${subject.level}`
}

export function waitlistStore(db: Database): WaitlistStore {
  const from = `FROM waitlist_entries w JOIN offerings o ON o.id = w.offering_id`
  const currentSession = `o.exam_session_id = (SELECT id FROM exam_sessions WHERE is_current = 1)`
  const entriesOf = db.prepare<[string], WaitlistEntry>(
    `SELECT ${ENTRY_COLUMNS} ${from} WHERE w.candidate_id = ? AND ${currentSession} ORDER BY w.sequence`,
  )
  const byId = db.prepare<[string], WaitlistEntry>(`SELECT ${ENTRY_COLUMNS} ${from} WHERE w.id = ?`)
  const waitingOf = db.prepare<[string], WaitlistEntry>(
    `SELECT ${ENTRY_COLUMNS} ${from} WHERE w.candidate_id = ? AND w.status = 'waiting' ORDER BY w.sequence`,
  )
  const first = db.prepare<[string], WaitlistEntry>(
    `SELECT ${ENTRY_COLUMNS} ${from} WHERE w.offering_id = ? AND w.status = 'waiting' ORDER BY w.sequence LIMIT 1`,
  )
  const insert = db.prepare(
    `INSERT INTO waitlist_entries (id, candidate_id, offering_id, subject_code, level_key, status, submitted_at,
       submitted_by_kiosk)
     VALUES (@id, @candidateId, @offeringId, @subjectCode, @levelKey, 'waiting', @submittedAt, @kioskId)`,
  )
  const end = db.prepare<{ id: string; status: string; at: string; remark: string; bookingId: string | null }>(
    `UPDATE waitlist_entries SET status = @status, ended_at = @at, remark = @remark, booking_id = @bookingId
     WHERE id = @id AND status = 'waiting'`,
  )
  const pastWindow = db.prepare<[string], { id: string; candidateId: string; registrationEnd: string }>(
    `SELECT w.id, w.candidate_id AS candidateId, o.registration_end AS registrationEnd ${from}
     WHERE w.status = 'waiting' AND o.registration_end <= ? ORDER BY w.sequence`,
  )
  const toPromote = db.prepare<[], string>(
    `SELECT DISTINCT w.offering_id ${from} WHERE w.status = 'waiting' AND o.seats_left > 0 AND ${currentSession}
     ORDER BY w.offering_id`,
  ).pluck()
  const counts = db.prepare<[string], { offeringId: string; waiting: number }>(
    `SELECT w.offering_id AS offeringId, COUNT(*) AS waiting ${from}
     WHERE w.status = 'waiting' AND ${currentSession} AND o.school_code IN (SELECT value FROM json_each(?))
     GROUP BY w.offering_id ORDER BY w.offering_id`,
  )

  return {
    entriesOf: (candidateId) => entriesOf.all(candidateId),
    entry: (entryId) => byId.get(entryId),
    waitingSubjectCodes: (candidateId) => waitingOf.all(candidateId).map((e) => e.subjectCode),
    firstWaiting: (offeringId) => first.get(offeringId),
    insert(candidateId, offering, kioskId, now) {
      const id = randomId('W')
      insert.run({
        id,
        candidateId,
        offeringId: offering.id,
        subjectCode: offering.subjectCode,
        levelKey: levelKey(offering.subjectCode),
        submittedAt: now.toISOString(),
        kioskId,
      })
      const created = byId.get(id)
      if (!created) throw new Error('waitlist entry vanished after insert')
      return created
    },
    end: (id, status, at, remark, bookingId) => end.run({ id, status, at, remark, bookingId: bookingId ?? null }).changes === 1,
    waitingPastWindow: (at) => pastWindow.all(at),
    waitingOf: (candidateId) => waitingOf.all(candidateId),
    offeringsToPromote: () => toPromote.all(),
    waitingCounts: (schools) => counts.all(schools),
  }
}
