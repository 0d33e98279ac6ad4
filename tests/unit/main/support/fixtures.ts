/** Reference data shaped like the central's answers, for tests that script the central. */
import type { ExamSession, Offering, RosterRecord, School } from '../../../../src-shared/schemas'
import { SUBJECTS } from '../../../../src-shared/domain/subjects'

export const EXAM_SESSION: ExamSession = {
  id: '2026H2',
  name: '2026下半年CET考试',
  registrationStart: '2026-09-01T00:00:00.000Z',
  registrationEnd: '2026-10-01T00:00:00.000Z',
}

export const SCHOOLS: School[] = [
  {
    code: '12001',
    name: '南开大学',
    provinceCode: '12',
    provinceName: '天津市',
    campuses: [
      { code: '120010', name: '南开大学' },
      { code: '120011', name: '南开大学本科生八里台校区' },
    ],
  },
  { code: '99301', name: '测试学校机构01', provinceCode: '99', provinceName: '测试省', campuses: [{ code: '993010', name: '测试校区机构001' }] },
]

export const OFFERINGS: Offering[] = [
  {
    id: '120010-1',
    subjectCode: '1',
    schoolCode: '12001',
    campusCode: '120010',
    feeCents: 10,
    capacity: 300,
    seatsLeft: 300,
    registrationStart: EXAM_SESSION.registrationStart,
    registrationEnd: EXAM_SESSION.registrationEnd,
    examStart: '2026-12-19T01:00:00.000Z',
    examEnd: '2026-12-19T03:20:00.000Z',
    oralAllowedCampusCodes: [],
  },
  {
    id: '120010-F',
    subjectCode: 'F',
    schoolCode: '12001',
    campusCode: '120010',
    feeCents: 10,
    capacity: 60,
    seatsLeft: 60,
    registrationStart: EXAM_SESSION.registrationStart,
    registrationEnd: EXAM_SESSION.registrationEnd,
    examStart: null,
    examEnd: null,
    oralAllowedCampusCodes: ['120010', '120011'],
  },
]

export const ANNOUNCEMENTS = [
  { id: 'A-12', scope: 'province', issuer: '(12)天津市', schoolCode: null, title: '天津市通知', body: '正文', publishedAt: '2026-09-01T00:00:00.000Z' },
  { id: 'A-99', scope: 'province', issuer: '(99)测试省', schoolCode: null, title: 'test', body: 'test', publishedAt: '2026-09-01T00:00:00.000Z' },
  { id: 'A-12001', scope: 'school', issuer: '(12001)南开大学', schoolCode: '12001', title: '考试中须注意事项', body: '正文', publishedAt: '2026-09-02T00:00:00.000Z' },
] as const

function candidate(overrides: Partial<RosterRecord> & Pick<RosterRecord, 'candidateId' | 'idType' | 'idNumber' | 'name'>): RosterRecord {
  return {
    gender: '女',
    phone: '13800008008',
    schoolCode: '12001',
    campusCode: '120010',
    educationLevel: '本科',
    schoolingYears: 4,
    enrollmentYear: '22',
    grade: '22',
    department: '化学学院',
    major: '高分子化学与物理',
    className: '1',
    studentNumber: '00008',
    remarks: '',
    eligibleSubjectCodes: ['1', '2', 'F'],
    updatedAt: '2026-09-01T00:00:00.000Z',
    ...overrides,
  }
}

/** Eligible, mainland resident ID with a valid check digit. */
export const WANG = candidate({ candidateId: 'C12001-2220101', idType: '中华人民共和国居民身份证', idNumber: '120104200403151239', name: '王晓明', gender: '男', phone: '13612340001' })
/** Hong Kong identity card A123456(3). */
export const CHEN = candidate({ candidateId: 'C12001-2310301', idType: '香港身份证', idNumber: 'A1234563', name: '陈嘉欣', eligibleSubjectCodes: ['1', 'F'] })
/** E3: 资格科目 无. */
export const ZHAO = candidate({ candidateId: 'C12001-2310203', idType: '台湾居民往来大陆通行证', idNumber: '12345678', name: '赵一凡', gender: '男', eligibleSubjectCodes: [] })
/** Seed 001: a 测试省 candidate. */
export const LANG = candidate({
  candidateId: 'C99301-00037',
  idType: '护照',
  idNumber: '99301000037',
  name: '郎璐依珊',
  phone: '19912340037',
  schoolCode: '99301',
  campusCode: '993010',
  eligibleSubjectCodes: ['1', '3', '5', '7', 'F'],
})

export const ROSTER: RosterRecord[] = [WANG, CHEN, ZHAO, LANG]

export const CATALOG = {
  subjects: SUBJECTS.map((s) => ({ ...s })),
  schools: SCHOOLS,
  offerings: OFFERINGS,
  announcements: ANNOUNCEMENTS,
  // S3: the change feed's position as of this snapshot.
  feedCursor: '0000000000000000.0',
}
