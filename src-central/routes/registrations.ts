/**
 * E4: a candidate's confirmed registration. Saving it locks the record; confirming again
 * returns the registration already saved, unchanged (its confirmedAt does not move).
 */
import type { Database } from 'better-sqlite3'
import { checkCanDeleteRegistration, registrationDeletionDueAt } from '../../src-shared/domain/booking-rules'
import { checkHasEligibleSubjects } from '../../src-shared/domain/eligibility'
import type { Registration, SeatCount } from '../../src-shared/schemas'
import { atomically } from '../atomically'
import type { BookingStore } from '../booking-store'
import { ruleRefusal } from '../refusal'
import { answer, notEligible, notFound } from '../reply'
import { defineRoute, type Route } from '../route'
import type { WaitlistPromotion } from '../waitlist-promotion'
import type { WaitlistStore } from '../waitlist-store'

export const CANDIDATE_NOT_FOUND_MESSAGE = '未找到该考生的资格信息，请重新查询资格。'
export const REGISTRATION_NOT_FOUND_MESSAGE = '该考生尚未确认报名信息。'

const REGISTRATION_COLUMNS = `r.candidate_id AS candidateId, r.exam_session_id AS examSessionId,
  r.agreement_version AS agreementVersion, r.agreement_accepted_at AS agreementAcceptedAt, r.confirmed_at AS confirmedAt`

export function registrationRoutes(
  db: Database,
  bookings: BookingStore,
  registrationGraceMs: number,
  waitlist: WaitlistStore,
  promotion: WaitlistPromotion,
): Route[] {
  const candidate = db.prepare<
    { candidateId: string; schools: string },
    { examSessionId: string; eligibleSubjectCodes: string }
  >(
    `SELECT exam_session_id AS examSessionId, eligible_subject_codes AS eligibleSubjectCodes
     FROM roster_records WHERE candidate_id = @candidateId AND school_code IN (SELECT value FROM json_each(@schools))`,
  )
  const registration = db.prepare<{ candidateId: string; schools: string }, Registration>(
    `SELECT ${REGISTRATION_COLUMNS} FROM registrations r
     JOIN roster_records c ON c.candidate_id = r.candidate_id
     WHERE r.candidate_id = @candidateId AND c.school_code IN (SELECT value FROM json_each(@schools))`,
  )
  const insert = db.prepare<[Registration & { kioskId: string; idleDueAt: string | null }]>(
    `INSERT INTO registrations (candidate_id, exam_session_id, agreement_version, agreement_accepted_at, confirmed_at,
       confirmed_by_kiosk, idle_due_at)
     VALUES (@candidateId, @examSessionId, @agreementVersion, @agreementAcceptedAt, @confirmedAt, @kioskId, @idleDueAt)`,
  )
  const remove = db.prepare<[string]>(`DELETE FROM registrations WHERE candidate_id = ?`)

  return [
    defineRoute('confirmRegistration', ({ device, body, now }) => {
      const scope = { candidateId: body.candidateId, schools: device.schoolCodesJson }
      const record = candidate.get(scope)
      if (!record) return notFound(CANDIDATE_NOT_FOUND_MESSAGE)
      const eligible = checkHasEligibleSubjects(JSON.parse(record.eligibleSubjectCodes) as string[])
      if (!eligible.ok) return notEligible(eligible.error.message)
      const existing = registration.get(scope)
      if (existing) return answer({ registration: existing })
      const created: Registration = {
        candidateId: body.candidateId,
        examSessionId: record.examSessionId,
        agreementVersion: body.agreementVersion,
        agreementAcceptedAt: body.agreementAcceptedAt,
        confirmedAt: now.toISOString(),
      }
      // B6: a registration that books nothing within the grace period is deleted by the sweep.
      const holdsSomething = bookings.activeBookingsOf(body.candidateId).length > 0
      const idleDueAt = registrationDeletionDueAt(
        { confirmedAt: created.confirmedAt, lastReleasedAt: null, holdsSomething },
        registrationGraceMs,
      )
      insert.run({ ...created, kioskId: device.kioskId, idleDueAt })
      return answer({ registration: created })
    }),

    defineRoute('getRegistration', ({ device, params }) => {
      const found = registration.get({ candidateId: params.candidateId ?? '', schools: device.schoolCodesJson })
      return found ? answer({ registration: found }) : notFound(REGISTRATION_NOT_FOUND_MESSAGE)
    }),

    /** B6: 删除报名信息 by staff, refused while anything is paid; unpaid bookings go and their seats return. */
    defineRoute('deleteRegistration', ({ device, params, now }) =>
      atomically(db, () => {
        const candidateId = params.candidateId ?? ''
        if (!registration.get({ candidateId, schools: device.schoolCodesJson })) return notFound(REGISTRATION_NOT_FOUND_MESSAGE)
        const held = bookings.activeBookingsOf(candidateId)
        const allowed = checkCanDeleteRegistration(held)
        if (!allowed.ok) return ruleRefusal(allowed.error)
        const at = now.toISOString()
        const seats: SeatCount[] = []
        // W4: the candidate's waiting entries end with the registration.
        for (const e of waitlist.waitingOf(candidateId)) waitlist.end(e.id, 'failed', at, '报名信息已删除，候补结束。')
        for (const b of held) bookings.endBooking(b.id, 'cancelled', at)
        remove.run(candidateId)
        // W2: each freed seat goes to the first waiting entry of its offering.
        for (const b of held) {
          promotion.promote(b.offeringId, now)
          seats.push(bookings.seatCount(b.offeringId))
        }
        return answer({ candidateId, deletedAt: at, seats })
      }),
    ),
  ]
}
