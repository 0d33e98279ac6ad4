/**
 * E5: CET6 qualification review (CET6资格复核). The central holds the CET4 score records; the
 * result is immediate and recorded, one per candidate. Passed adds 英语六级笔试 to the candidate's
 * eligible subjects on the roster record (updated_at moves, so kiosks' roster sync sees it).
 */
import type { Database } from 'better-sqlite3'
import {
  assessCet6Review,
  CET6_WRITTEN_CODE,
  checkCanSubmitCet6Review,
  checkCet4TicketFormat,
  type Cet4ScoreRecord,
} from '../../src-shared/domain/cet6-review'
import type { Cet6Review } from '../../src-shared/schemas'
import { atomically } from '../atomically'
import { ruleRefusal } from '../refusal'
import { answer, notFound } from '../reply'
import { defineRoute, type Route } from '../route'
import { CANDIDATE_NOT_FOUND_MESSAGE } from './registrations'

interface CandidateIdentity {
  readonly idNumber: string
  readonly eligibleSubjectCodes: string
}

export function cet6ReviewRoutes(db: Database): Route[] {
  const candidate = db.prepare<{ candidateId: string; schools: string }, CandidateIdentity>(
    `SELECT id_number AS idNumber, eligible_subject_codes AS eligibleSubjectCodes FROM roster_records
     WHERE candidate_id = @candidateId AND school_code IN (SELECT value FROM json_each(@schools))`,
  )
  const review = db.prepare<[string], Cet6Review>(
    `SELECT candidate_id AS candidateId, ticket_number AS ticketNumber, status, message, submitted_at AS submittedAt
     FROM cet6_reviews WHERE candidate_id = ?`,
  )
  const score = db.prepare<[string], Cet4ScoreRecord>(
    `SELECT ticket_number AS ticketNumber, id_number AS idNumber, total_score AS totalScore FROM cet4_scores
     WHERE ticket_number = ?`,
  )
  const insert = db.prepare<[Cet6Review & { kioskId: string }]>(
    `INSERT INTO cet6_reviews (candidate_id, ticket_number, status, message, submitted_at, submitted_by_kiosk)
     VALUES (@candidateId, @ticketNumber, @status, @message, @submittedAt, @kioskId)`,
  )
  const setEligible = db.prepare<[string, string, string]>(
    `UPDATE roster_records SET eligible_subject_codes = ?, updated_at = ? WHERE candidate_id = ?`,
  )
  const codes = (c: CandidateIdentity): string[] => JSON.parse(c.eligibleSubjectCodes) as string[]

  return [
    defineRoute('getCet6Review', ({ device, params }) => {
      const candidateId = params.candidateId ?? ''
      const found = candidate.get({ candidateId, schools: device.schoolCodesJson })
      if (!found) return notFound(CANDIDATE_NOT_FOUND_MESSAGE)
      return answer({ review: review.get(candidateId) ?? null, eligibleSubjectCodes: codes(found) })
    }),

    defineRoute('submitCet6Review', ({ device, params, body, now }) =>
      atomically(db, () => {
        const candidateId = params.candidateId ?? ''
        const found = candidate.get({ candidateId, schools: device.schoolCodesJson })
        if (!found) return notFound(CANDIDATE_NOT_FOUND_MESSAGE)
        // A mistyped number is not a submission: it is refused before anything is recorded.
        const ticket = checkCet4TicketFormat(body.ticketNumber)
        if (!ticket.ok) return ruleRefusal(ticket.error)
        const eligible = codes(found)
        const allowed = checkCanSubmitCet6Review(eligible, review.get(candidateId) ?? null)
        if (!allowed.ok) return ruleRefusal(allowed.error)
        const outcome = assessCet6Review(ticket.value, found.idNumber, score.get(ticket.value))
        const created: Cet6Review = {
          candidateId,
          ticketNumber: ticket.value,
          status: outcome.status,
          message: outcome.message,
          submittedAt: now.toISOString(),
        }
        insert.run({ ...created, kioskId: device.kioskId })
        let after = eligible
        if (outcome.status === 'passed') {
          after = [...eligible, CET6_WRITTEN_CODE]
          setEligible.run(JSON.stringify(after), created.submittedAt, candidateId)
        }
        return answer({ review: created, eligibleSubjectCodes: after })
      }),
    ),
  ]
}
