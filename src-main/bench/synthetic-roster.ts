/**
 * A province-sized roster made up for the bench: candidate i has a valid mainland resident ID
 * (birth date and sequence derived from i, GB 11643 check digit), so every row passes E2.
 */
import { gb11643CheckDigit } from '../../src-shared/domain/id-documents'
import type { RosterRecord } from '../../src-shared/schemas'

const BASE_DAY = Date.UTC(1995, 0, 1)

export function syntheticIdNumber(i: number): string {
  const day = new Date(BASE_DAY + Math.floor(i / 1000) * 86_400_000)
  const birth = `${day.getUTCFullYear()}${String(day.getUTCMonth() + 1).padStart(2, '0')}${String(day.getUTCDate()).padStart(2, '0')}`
  const first17 = `120104${birth}${String(i % 1000).padStart(3, '0')}`
  return first17 + gb11643CheckDigit(first17)
}

export function syntheticCandidate(i: number): RosterRecord {
  return {
    candidateId: `B${String(i).padStart(8, '0')}`,
    idType: '中华人民共和国居民身份证',
    idNumber: syntheticIdNumber(i),
    name: `考生${i}`,
    gender: i % 2 === 0 ? '男' : '女',
    phone: `136${String(i).padStart(8, '0')}`,
    schoolCode: '12001',
    campusCode: '120010',
    educationLevel: '本科',
    schoolingYears: 4,
    enrollmentYear: '2023',
    grade: '2023',
    department: '外国语学院',
    major: '英语',
    className: `${i % 40}班`,
    studentNumber: String(2_300_000 + i),
    remarks: '',
    eligibleSubjectCodes: ['1', '2', 'F'],
    updatedAt: '2026-09-01T08:00:00.000Z',
  }
}
