import { describe, expect, it } from 'vitest'
import {
  DEMO_ANNOUNCEMENTS,
  DEMO_ROSTER,
  demoOfferings,
  demoRosterRecords,
  demoSchedule,
} from '../../../src-central/demo-data'
import { checkIdNumber } from '../../../src-shared/domain/id-documents'
import { findSubject } from '../../../src-shared/domain/subjects'
import { offeringSchema, rosterRecordSchema } from '../../../src-shared/schemas'

const NOW = new Date('2026-09-01T02:00:30.500Z')

describe('central demo data', () => {
  it('E2/E3: every demo roster record passes checkIdNumber and rosterRecordSchema', () => {
    for (const record of demoRosterRecords(NOW)) {
      const checked = checkIdNumber(record.idType, record.idNumber)
      expect(checked, `${record.name} ${record.idType} ${record.idNumber}`).toEqual({ ok: true, value: record.idNumber })
      expect(() => rosterRecordSchema.parse(record)).not.toThrow()
      expect(record.phone).toMatch(/^1\d{10}$/)
    }
  })

  it('demo candidates are unique by candidateId and by document', () => {
    expect(new Set(DEMO_ROSTER.map((r) => r.candidateId)).size).toBe(DEMO_ROSTER.length)
    expect(new Set(DEMO_ROSTER.map((r) => `${r.idType}/${r.idNumber}`)).size).toBe(DEMO_ROSTER.length)
  })

  it('E3: the demo includes a candidate with 资格科目 无', () => {
    expect(DEMO_ROSTER.filter((r) => r.eligibleSubjectCodes.length === 0).map((r) => r.name)).toEqual(['赵一凡'])
  })

  it('K7: the window is start = now − 7 days, end = now + 30 days, to the minute', () => {
    expect(demoSchedule(NOW)).toEqual({
      registrationStart: '2026-08-25T02:00:00.000Z',
      registrationEnd: '2026-10-01T02:00:00.000Z',
      writtenExamDate: '2026-10-25',
      oralExamDate: '2026-10-18',
    })
  })

  it('B1: every demo offering is valid and bookable in principle: fee > 0, exam time set', () => {
    const offerings = demoOfferings(NOW)
    expect(new Set(offerings.map((o) => o.id)).size).toBe(offerings.length)
    for (const o of offerings) {
      expect(() => offeringSchema.parse(o)).not.toThrow()
      expect(o.feeCents).toBeGreaterThan(0)
      expect(o.seatsLeft).toBeLessThanOrEqual(o.capacity)
      const oral = findSubject(o.subjectCode)?.kind === 'oral'
      expect(o.oralAllowedCampusCodes.length > 0).toBe(oral)
    }
  })

  it('announcements follow the seeds: 天津市 and 测试省 province notices, 南开大学 school notice', () => {
    expect(DEMO_ANNOUNCEMENTS.map((a) => [a.scope, a.issuer, a.title])).toEqual([
      ['province', '(12)天津市', '天津市2026年下半年全国大学英语四、六级考试报名通知'],
      ['province', '(99)测试省', 'test'],
      ['school', '(12001)南开大学', '考试中须注意事项'],
    ])
  })
})
