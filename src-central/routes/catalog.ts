/**
 * GET /v1/catalog: subjects, and for the device's schools their campuses, the current session's
 * offerings with seats left, and the announcements a candidate of those schools sees (the
 * province notices of their provinces, then their school notices).
 */
import type { Database } from 'better-sqlite3'
import type { z } from 'zod'
import type { Announcement, Offering, School, subjectSchema } from '../../src-shared/schemas'
import type { ChangeFeed } from '../change-feed'
import type { CurrentExamSession } from '../current-exam-session'
import { groupBy } from '../group-by'
import { answer } from '../reply'
import { defineRoute, type Route } from '../route'

type SubjectRow = z.infer<typeof subjectSchema>
type SchoolRow = { code: string; name: string; provinceCode: string; provinceName: string }
type CampusRow = { code: string; schoolCode: string; name: string }
type OfferingRow = Omit<Offering, 'oralAllowedCampusCodes'>
type OralCampusRow = { offeringId: string; campusCode: string }

const DEVICE_SCHOOLS = `(SELECT value FROM json_each(@schools))`

export function catalogRoutes(db: Database, currentExamSession: CurrentExamSession, feed: ChangeFeed): Route[] {
  const subjects = db.prepare<[], SubjectRow>(`SELECT code, name, language, level, kind FROM subjects ORDER BY sort_order`)
  const schools = db.prepare<{ schools: string }, SchoolRow>(
    `SELECT s.code, s.name, s.province_code AS provinceCode, p.name AS provinceName
     FROM schools s JOIN provinces p ON p.code = s.province_code
     WHERE s.code IN ${DEVICE_SCHOOLS} ORDER BY s.code`,
  )
  const campuses = db.prepare<{ schools: string }, CampusRow>(
    `SELECT code, school_code AS schoolCode, name FROM campuses WHERE school_code IN ${DEVICE_SCHOOLS} ORDER BY code`,
  )
  const offerings = db.prepare<{ schools: string; session: string }, OfferingRow>(
    `SELECT o.id, o.subject_code AS subjectCode, o.school_code AS schoolCode, o.campus_code AS campusCode,
       o.fee_fen AS feeCents, o.capacity, o.seats_left AS seatsLeft, o.registration_start AS registrationStart,
       o.registration_end AS registrationEnd, o.exam_start AS examStart, o.exam_end AS examEnd
     FROM offerings o JOIN subjects j ON j.code = o.subject_code
     WHERE o.exam_session_id = @session AND o.school_code IN ${DEVICE_SCHOOLS}
     ORDER BY j.sort_order, o.school_code, o.campus_code`,
  )
  const oralCampuses = db.prepare<{ schools: string; session: string }, OralCampusRow>(
    `SELECT c.offering_id AS offeringId, c.campus_code AS campusCode
     FROM offering_oral_campuses c JOIN offerings o ON o.id = c.offering_id
     WHERE o.exam_session_id = @session AND o.school_code IN ${DEVICE_SCHOOLS}
     ORDER BY c.offering_id, c.campus_code`,
  )
  const announcements = db.prepare<{ schools: string; session: string }, Announcement>(
    `SELECT id, scope, issuer, school_code AS schoolCode, title, body, published_at AS publishedAt
     FROM announcements
     WHERE exam_session_id = @session AND (
       (scope = 'province' AND province_code IN (SELECT province_code FROM schools WHERE code IN ${DEVICE_SCHOOLS}))
       OR (scope = 'school' AND school_code IN ${DEVICE_SCHOOLS}))
     ORDER BY scope = 'school', published_at, id`,
  )

  return [
    defineRoute('getCatalog', ({ device }) => {
      // S3: read in the same synchronous request as the snapshot, so nothing falls between them.
      const feedCursor = feed.cursor()
      const scope = { schools: device.schoolCodesJson }
      const campusesBySchool = groupBy(campuses.all(scope), (c) => c.schoolCode)
      const schoolList: School[] = schools.all(scope).map((s) => ({
        ...s,
        campuses: (campusesBySchool.get(s.code) ?? []).map(({ code, name }) => ({ code, name })),
      }))
      const session = currentExamSession()
      if (!session) return answer({ subjects: subjects.all(), schools: schoolList, offerings: [], announcements: [], feedCursor })

      const sessionScope = { ...scope, session: session.id }
      const oralByOffering = groupBy(oralCampuses.all(sessionScope), (c) => c.offeringId)
      return answer({
        subjects: subjects.all(),
        schools: schoolList,
        offerings: offerings.all(sessionScope).map((o) => ({
          ...o,
          oralAllowedCampusCodes: (oralByOffering.get(o.id) ?? []).map((c) => c.campusCode),
        })),
        announcements: announcements.all(sessionScope),
        feedCursor,
      })
    }),
  ]
}
