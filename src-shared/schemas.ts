/**
 * Data shapes shared by the kiosk's IPC contract and the central service's HTTP contract.
 * Times cross as ISO 8601 strings with offset; money crosses as integer fen (cents).
 */
import { z } from 'zod'
import { ID_TYPES } from './domain/id-documents'
import { SUBJECT_CODES } from './domain/subjects'

export const isoTime = z.iso.datetime({ offset: true })
export const idTypeSchema = z.enum(ID_TYPES)
export const subjectCodeSchema = z.enum(SUBJECT_CODES as [string, ...string[]])
export const genderSchema = z.enum(['男', '女'])

export const examSessionSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  registrationStart: isoTime,
  registrationEnd: isoTime,
})
export type ExamSession = z.infer<typeof examSessionSchema>

export const subjectSchema = z.object({
  code: subjectCodeSchema,
  name: z.string(),
  language: z.enum(['en', 'ja', 'de', 'ru', 'fr']),
  level: z.union([z.literal(4), z.literal(6)]),
  kind: z.enum(['written', 'oral']),
})

export const campusSchema = z.object({ code: z.string().min(1), name: z.string().min(1) })
export type Campus = z.infer<typeof campusSchema>

export const schoolSchema = z.object({
  code: z.string().min(1),
  name: z.string().min(1),
  provinceCode: z.string().min(1),
  provinceName: z.string().min(1),
  campuses: z.array(campusSchema),
})
export type School = z.infer<typeof schoolSchema>

export const offeringSchema = z.object({
  id: z.string().min(1),
  subjectCode: subjectCodeSchema,
  schoolCode: z.string().min(1),
  campusCode: z.string().min(1),
  /** Fee in fen; 0 means "not set" and blocks booking (B1). */
  feeCents: z.number().int().nonnegative(),
  capacity: z.number().int().nonnegative(),
  seatsLeft: z.number().int().nonnegative(),
  registrationStart: isoTime,
  registrationEnd: isoTime,
  examStart: isoTime.nullable(),
  examEnd: isoTime.nullable(),
  /** Oral subjects: the candidate campuses whose students may book this offering (B3). */
  oralAllowedCampusCodes: z.array(z.string()),
})
export type Offering = z.infer<typeof offeringSchema>

export const announcementSchema = z.object({
  id: z.string().min(1),
  scope: z.enum(['province', 'school']),
  /** e.g. "(99)测试省" or "(12001)南开大学", as the seeds head each notice. */
  issuer: z.string(),
  schoolCode: z.string().nullable(),
  /**
   * The province the notice belongs to (for a school notice, the school's province), so a kiosk
   * serving several provinces shows each candidate only their own province's notices (I1).
   * Optional: a central that omits it leaves the kiosk to read the code from `issuer`.
   */
  provinceCode: z.string().min(1).optional(),
  title: z.string(),
  body: z.string(),
  publishedAt: isoTime,
})
export type Announcement = z.infer<typeof announcementSchema>

/** A roster record: the student record (学籍) and eligibility of one candidate (E3). */
export const rosterRecordSchema = z.object({
  candidateId: z.string().min(1),
  idType: idTypeSchema,
  idNumber: z.string().min(1).max(40),
  name: z.string().min(1).max(60),
  gender: genderSchema,
  phone: z.string().max(20),
  schoolCode: z.string().min(1),
  campusCode: z.string().min(1),
  educationLevel: z.string(),
  schoolingYears: z.number().int().min(1).max(10),
  enrollmentYear: z.string(),
  grade: z.string(),
  department: z.string(),
  major: z.string(),
  className: z.string(),
  studentNumber: z.string(),
  remarks: z.string(),
  eligibleSubjectCodes: z.array(subjectCodeSchema),
  updatedAt: isoTime,
})
export type RosterRecord = z.infer<typeof rosterRecordSchema>

export const registrationSchema = z.object({
  candidateId: z.string().min(1),
  examSessionId: z.string().min(1),
  agreementVersion: z.string().min(1),
  agreementAcceptedAt: isoTime,
  confirmedAt: isoTime,
})
export type Registration = z.infer<typeof registrationSchema>
