/**
 * The demonstration data (SPEC K7), drawn from the two walkthroughs in the seeds: 南开大学 with
 * its three campuses (seed 000) and 测试学校机构01 whose offerings are all full (seed 001, the
 * waitlist walkthrough). Exported so the README and tests can list the demo candidates.
 *
 * Times are relative to the moment of seeding, so the demo always has an open registration
 * window: start = seeding time − 7 days, end = seeding time + 30 days (both truncated to the
 * minute). Written exams are on the (+08:00) calendar day of end + 24 days, level 4 at
 * 09:00–11:20 and level 6 at 15:00–17:25; oral exams a week earlier.
 */
import type { Database } from 'better-sqlite3'
import { normaliseIdNumber, type IdType } from '../src-shared/domain/id-documents'
import { findSubject } from '../src-shared/domain/subjects'
import type { Announcement, Offering, RosterRecord } from '../src-shared/schemas'

export const DEMO_EXAM_SESSION = { id: '2026H2', name: '2026下半年CET考试' } as const

export const DEMO_PROVINCES = [
  { code: '12', name: '天津市' },
  { code: '99', name: '测试省' },
] as const

export const DEMO_SCHOOLS = [
  {
    code: '12001',
    name: '南开大学',
    provinceCode: '12',
    campuses: [
      { code: '120010', name: '南开大学' },
      { code: '120011', name: '南开大学本科生八里台校区' },
      { code: '120012', name: '南开大学本科生津南校区' },
    ],
  },
  {
    code: '99301',
    name: '测试学校机构01',
    provinceCode: '99',
    campuses: [{ code: '993010', name: '测试校区机构001' }],
  },
] as const

interface DemoOfferingSpec {
  readonly schoolCode: string
  readonly campusCode: string
  readonly subjectCode: string
  readonly feeCents: number
  readonly capacity: number
  readonly seatsLeft: number
  readonly oralAllowedCampusCodes?: readonly string[]
}

const NANKAI_FEE = 10 // 0.10 元, as in seed 000
const TEST_SCHOOL_FEE = 1 // 0.01 元

function nankai(campusCode: string, subjectCode: string, capacity: number, seatsLeft = capacity): DemoOfferingSpec {
  return { schoolCode: '12001', campusCode, subjectCode, feeCents: NANKAI_FEE, capacity, seatsLeft }
}

/** Seed 001: every offering of 测试学校机构01 is full (无 / 可以候补), so the waitlist can be shown. */
function testSchoolFull(subjectCode: string): DemoOfferingSpec {
  return { schoolCode: '99301', campusCode: '993010', subjectCode, feeCents: TEST_SCHOOL_FEE, capacity: 10, seatsLeft: 0 }
}

const NANKAI_ORAL_CAMPUSES = ['120010', '120011', '120012'] as const

export const DEMO_OFFERINGS: readonly DemoOfferingSpec[] = [
  nankai('120010', '1', 300),
  nankai('120011', '1', 200),
  nankai('120012', '1', 200),
  nankai('120010', '2', 300),
  nankai('120011', '2', 200),
  nankai('120012', '2', 200),
  nankai('120010', '3', 50),
  // Seed 000: 日语六级笔试 shows 无 at (120010) but 有 at the two other campuses.
  nankai('120010', '4', 30, 0),
  nankai('120011', '4', 30),
  nankai('120012', '4', 30),
  nankai('120010', '5', 50),
  { ...nankai('120010', 'F', 60), oralAllowedCampusCodes: NANKAI_ORAL_CAMPUSES },
  { ...nankai('120010', 'S', 60), oralAllowedCampusCodes: NANKAI_ORAL_CAMPUSES },
  testSchoolFull('1'),
  testSchoolFull('3'),
  testSchoolFull('5'),
  testSchoolFull('7'),
  { ...testSchoolFull('F'), oralAllowedCampusCodes: ['993010'] },
]

export function demoOfferingId(campusCode: string, subjectCode: string): string {
  return `${campusCode}-${subjectCode}`
}

/** From seed 000, the 学校通告 of 南开大学. */
const NANKAI_EXAM_RULES = [
  '在考场内考生不得出现以下行为：',
  '禁止使用自动铅笔作答。',
  '以不正当方法获悉试题内容或相关考试的信息。',
  '从试题簿撕下任何一页或多页。',
  '在考试期间参考、翻阅或作答并非该考试环节应使用的试题。',
  '使用任何违禁物品。',
  '在试场内摄影、录音或录影。',
  '携带食物或饮品进入考场。',
  '在考场范围内吸烟或乱扔垃圾。',
].join('\n')

const TIANJIN_NOTICE = [
  '2026年下半年全国大学英语四、六级考试（CET）将于12月举行，笔试报名、缴费在报名时间内进行，逾期不予补报。',
  '考生须先查询报名资格，确认学籍与资格信息无误后再报考；报考顺序为先笔试后口试，须先支付笔试科目才能支付口试科目。',
  '已报考未支付的科目24小时后将被系统删除；只有支付状态为“已支付”的科目才算报名成功。',
  '报考校区无剩余容量时，可提交候补，候补按提交时间先后依次递补。',
  '如对资格科目或学籍信息有异议，请及时联系所在学校相关负责人。',
].join('\n')

type DemoAnnouncement = Omit<Announcement, 'publishedAt'> & { readonly provinceCode: string }

export const DEMO_ANNOUNCEMENTS: readonly DemoAnnouncement[] = [
  {
    id: 'A-12-2026H2-1',
    scope: 'province',
    issuer: '(12)天津市',
    provinceCode: '12',
    schoolCode: null,
    title: '天津市2026年下半年全国大学英语四、六级考试报名通知',
    body: TIANJIN_NOTICE,
  },
  { id: 'A-99-2026H2-1', scope: 'province', issuer: '(99)测试省', provinceCode: '99', schoolCode: null, title: 'test', body: 'test' },
  {
    id: 'A-12001-2026H2-1',
    scope: 'school',
    issuer: '(12001)南开大学',
    provinceCode: '12',
    schoolCode: '12001',
    title: '考试中须注意事项',
    body: NANKAI_EXAM_RULES,
  },
]

export type DemoRosterRecord = Omit<RosterRecord, 'updatedAt' | 'idType'> & { readonly idType: IdType }

function demoCandidate(r: Omit<DemoRosterRecord, 'candidateId'>): DemoRosterRecord {
  return { candidateId: `C${r.schoolCode}-${r.studentNumber}`, ...r }
}

export const DEMO_ROSTER: readonly DemoRosterRecord[] = [
  // Seed 000's walkthrough candidate.
  demoCandidate({
    idType: '澳门身份证', idNumber: '12001000008', name: '蓝笑天', gender: '女', phone: '13800008008',
    schoolCode: '12001', campusCode: '120010', educationLevel: '专科', schoolingYears: 6,
    enrollmentYear: '16', grade: '11', department: '化学学院', major: '高分子化学与物理', className: '1',
    studentNumber: '00008', remarks: '', eligibleSubjectCodes: ['1', '2', '4', '5', 'F', 'S'],
  }),
  // Seed 001's walkthrough candidate (all her offerings are full: waitlist).
  demoCandidate({
    idType: '护照', idNumber: '99301000037', name: '郎璐依珊', gender: '女', phone: '19912340037',
    schoolCode: '99301', campusCode: '993010', educationLevel: '本科', schoolingYears: 4,
    enrollmentYear: '14', grade: '11', department: '化学学院', major: '高分子化学与物理', className: '1',
    studentNumber: '00037', remarks: '', eligibleSubjectCodes: ['1', '3', '5', '7', 'F'],
  }),
  // A mainland resident ID with a valid GB 11643 check digit.
  demoCandidate({
    idType: '中华人民共和国居民身份证', idNumber: '120104200403151239', name: '王晓明', gender: '男',
    phone: '13612340001', schoolCode: '12001', campusCode: '120011', educationLevel: '本科', schoolingYears: 4,
    enrollmentYear: '22', grade: '22', department: '数学科学学院', major: '统计学', className: '2',
    studentNumber: '2220101', remarks: '', eligibleSubjectCodes: ['1', '2', 'F', 'S'],
  }),
  // E3: 资格科目 无, cannot continue.
  demoCandidate({
    idType: '台湾居民往来大陆通行证', idNumber: '12345678', name: '赵一凡', gender: '男', phone: '13712340002',
    schoolCode: '12001', campusCode: '120012', educationLevel: '本科', schoolingYears: 4,
    enrollmentYear: '23', grade: '23', department: '文学院', major: '汉语言文学', className: '3',
    studentNumber: '2310203', remarks: '', eligibleSubjectCodes: [],
  }),
  // Hong Kong identity card A123456(3): staff may type the brackets.
  demoCandidate({
    idType: '香港身份证', idNumber: 'A1234563', name: '陈嘉欣', gender: '女', phone: '13912340003',
    schoolCode: '12001', campusCode: '120010', educationLevel: '本科', schoolingYears: 4,
    enrollmentYear: '23', grade: '23', department: '外国语学院', major: '英语', className: '1',
    studentNumber: '2310301', remarks: '', eligibleSubjectCodes: ['1', 'F'],
  }),
  // Seed 001's lookup example.
  demoCandidate({
    idType: '护照', idNumber: '99300000000000000000', name: '郎晓旭', gender: '男', phone: '19912340038',
    schoolCode: '99301', campusCode: '993010', educationLevel: '本科', schoolingYears: 4,
    enrollmentYear: '14', grade: '11', department: '化学学院', major: '高分子化学与物理', className: '1',
    studentNumber: '00038', remarks: '', eligibleSubjectCodes: ['1', '3'],
  }),
  // Kept for the keyboard-first visit end-to-end test (tests/e2e/keyboard-visit.spec.ts).
  demoCandidate({
    idType: '中华人民共和国居民身份证', idNumber: '120104200501010018', name: '高键盘', gender: '男',
    phone: '13612340004', schoolCode: '12001', campusCode: '120010', educationLevel: '本科', schoolingYears: 4,
    enrollmentYear: '24', grade: '24', department: '外国语学院', major: '英语', className: '1',
    studentNumber: '2410401', remarks: '', eligibleSubjectCodes: ['1', 'F'],
  }),
  // Kept for the accessibility end-to-end test (tests/e2e/accessibility.spec.ts): no CET6, a full 日语六级笔试.
  demoCandidate({
    idType: '中华人民共和国居民身份证', idNumber: '120104200502020023', name: '安无障', gender: '女',
    phone: '13612340005', schoolCode: '12001', campusCode: '120010', educationLevel: '本科', schoolingYears: 4,
    enrollmentYear: '24', grade: '24', department: '外国语学院', major: '日语', className: '2',
    studentNumber: '2410502', remarks: '', eligibleSubjectCodes: ['1', '4', 'F'],
  }),
  // An exchange student on a passport, for the English-locale end-to-end test (tests/e2e/i18n-english.spec.ts).
  demoCandidate({
    idType: '护照', idNumber: 'EN2026001', name: '安娜', gender: '女',
    phone: '13612340006', schoolCode: '12001', campusCode: '120010', educationLevel: '本科', schoolingYears: 4,
    enrollmentYear: '24', grade: '24', department: '外国语学院', major: '英语', className: '3',
    studentNumber: '2410603', remarks: '', eligibleSubjectCodes: ['1', 'F'],
  }),
]

const DAY_MS = 24 * 60 * 60 * 1000
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000

function truncateToMinute(ms: number): number {
  return ms - (ms % 60_000)
}

/** The +08:00 calendar date (YYYY-MM-DD) of an instant. */
function beijingDate(ms: number): string {
  return new Date(ms + BEIJING_OFFSET_MS).toISOString().slice(0, 10)
}

function beijingTime(date: string, hhmm: string): string {
  return `${date}T${hhmm}:00+08:00`
}

export interface DemoSchedule {
  readonly registrationStart: string
  readonly registrationEnd: string
  readonly writtenExamDate: string
  readonly oralExamDate: string
}

export function demoSchedule(now: Date): DemoSchedule {
  const base = truncateToMinute(now.getTime())
  const end = base + 30 * DAY_MS
  return {
    registrationStart: new Date(base - 7 * DAY_MS).toISOString(),
    registrationEnd: new Date(end).toISOString(),
    writtenExamDate: beijingDate(end + 24 * DAY_MS),
    oralExamDate: beijingDate(end + 17 * DAY_MS),
  }
}

/** [start, end] in +08:00 local time, by subject kind and level. */
const EXAM_HOURS = {
  written: { 4: ['09:00', '11:20'], 6: ['15:00', '17:25'] },
  oral: { 4: ['09:00', '12:00'], 6: ['14:00', '17:00'] },
} as const

export function demoOfferings(now: Date): Offering[] {
  const schedule = demoSchedule(now)
  return DEMO_OFFERINGS.map((spec) => {
    const subject = findSubject(spec.subjectCode)
    if (!subject) throw new Error(`demo offering with unknown subject ${spec.subjectCode}`)
    const [from, to] = EXAM_HOURS[subject.kind][subject.level]
    const date = subject.kind === 'oral' ? schedule.oralExamDate : schedule.writtenExamDate
    return {
      id: demoOfferingId(spec.campusCode, spec.subjectCode),
      subjectCode: spec.subjectCode,
      schoolCode: spec.schoolCode,
      campusCode: spec.campusCode,
      feeCents: spec.feeCents,
      capacity: spec.capacity,
      seatsLeft: spec.seatsLeft,
      registrationStart: schedule.registrationStart,
      registrationEnd: schedule.registrationEnd,
      examStart: beijingTime(date, from),
      examEnd: beijingTime(date, to),
      oralAllowedCampusCodes: [...(spec.oralAllowedCampusCodes ?? [])],
    }
  })
}

export function demoRosterRecords(now: Date): RosterRecord[] {
  const updatedAt = now.toISOString()
  return DEMO_ROSTER.map((r) => ({ ...r, eligibleSubjectCodes: [...r.eligibleSubjectCodes], updatedAt }))
}

/**
 * E5: CET4 score records that make each CET6-review outcome reachable (README lists them).
 * A 准考证号 not listed here (e.g. 120010242100999) is "not found"; one from before 2005
 * (year digits 7–8 below 05, e.g. 120010041100404) is refused with "contact your school".
 */
export const DEMO_CET4_SCORES = [
  // passed: 陈嘉欣's own CET4, 532 分 → 英语六级笔试 becomes eligible
  { ticketNumber: '120010242100101', idNumber: 'A1234563', name: '陈嘉欣', totalScore: 532 },
  // 未复核: the record belongs to another ID number (the school reviews by hand)
  { ticketNumber: '993010242100202', idNumber: '99300000000000000099', name: '郎晓旭', totalScore: 476 },
  // refused: 郎璐依珊's own CET4, 398 分, below 425
  { ticketNumber: '993010251100303', idNumber: '99301000037', name: '郎璐依珊', totalScore: 398 },
  // refused: 2004, before online review (contact the school)
  { ticketNumber: '120010041100404', idNumber: '12345678', name: '赵一凡', totalScore: 501 },
] as const

/** Writes the demo data; call inside a transaction on a new database. */
export function seedDemoData(db: Database, now: Date): void {
  const schedule = demoSchedule(now)
  const sessionId = DEMO_EXAM_SESSION.id
  db.prepare(
    `INSERT INTO exam_sessions (id, name, registration_start, registration_end, is_current) VALUES (?, ?, ?, ?, 1)`,
  ).run(sessionId, DEMO_EXAM_SESSION.name, schedule.registrationStart, schedule.registrationEnd)

  const insertProvince = db.prepare(`INSERT INTO provinces (code, name) VALUES (?, ?)`)
  for (const p of DEMO_PROVINCES) insertProvince.run(p.code, p.name)

  const insertSchool = db.prepare(`INSERT INTO schools (code, name, province_code) VALUES (?, ?, ?)`)
  const insertCampus = db.prepare(`INSERT INTO campuses (code, school_code, name) VALUES (?, ?, ?)`)
  for (const s of DEMO_SCHOOLS) {
    insertSchool.run(s.code, s.name, s.provinceCode)
    for (const c of s.campuses) insertCampus.run(c.code, s.code, c.name)
  }

  const insertOffering = db.prepare(
    `INSERT INTO offerings (id, exam_session_id, subject_code, school_code, campus_code, fee_fen, capacity,
       seats_left, registration_start, registration_end, exam_start, exam_end)
     VALUES (@id, @sessionId, @subjectCode, @schoolCode, @campusCode, @feeCents, @capacity, @seatsLeft,
       @registrationStart, @registrationEnd, @examStart, @examEnd)`,
  )
  const insertOralCampus = db.prepare(`INSERT INTO offering_oral_campuses (offering_id, campus_code) VALUES (?, ?)`)
  for (const o of demoOfferings(now)) {
    const { oralAllowedCampusCodes, ...row } = o
    insertOffering.run({ ...row, sessionId })
    for (const campus of oralAllowedCampusCodes) insertOralCampus.run(o.id, campus)
  }

  const publishedAt = schedule.registrationStart
  const insertAnnouncement = db.prepare(
    `INSERT INTO announcements (id, exam_session_id, scope, issuer, province_code, school_code, title, body, published_at)
     VALUES (@id, @sessionId, @scope, @issuer, @provinceCode, @schoolCode, @title, @body, @publishedAt)`,
  )
  for (const a of DEMO_ANNOUNCEMENTS) insertAnnouncement.run({ ...a, sessionId, publishedAt })

  const insertRoster = db.prepare(
    `INSERT INTO roster_records (candidate_id, exam_session_id, id_type, id_number, name, gender, phone, school_code,
       campus_code, education_level, schooling_years, enrollment_year, grade, department, major, class_name,
       student_number, remarks, eligible_subject_codes, updated_at)
     VALUES (@candidateId, @sessionId, @idType, @idNumber, @name, @gender, @phone, @schoolCode, @campusCode,
       @educationLevel, @schoolingYears, @enrollmentYear, @grade, @department, @major, @className, @studentNumber,
       @remarks, @eligible, @updatedAt)`,
  )
  for (const r of demoRosterRecords(now)) {
    const { eligibleSubjectCodes, ...row } = r
    insertRoster.run({
      ...row,
      idNumber: normaliseIdNumber(r.idNumber),
      eligible: JSON.stringify(eligibleSubjectCodes),
      sessionId,
    })
  }

  // Migration tests seed an older schema (before v3) and migrate it forward.
  const hasScores = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'cet4_scores'`).get()
  if (!hasScores) return
  const insertScore = db.prepare(
    `INSERT INTO cet4_scores (ticket_number, id_number, name, total_score) VALUES (@ticketNumber, @idNumber, @name, @totalScore)`,
  )
  for (const score of DEMO_CET4_SCORES) insertScore.run({ ...score, idNumber: normaliseIdNumber(score.idNumber) })
}
