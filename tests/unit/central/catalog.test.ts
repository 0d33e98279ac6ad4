import { afterEach, describe, expect, it } from 'vitest'
import { DEMO_EXAM_SESSION } from '../../../src-central/demo-data'
import { call, expectAnswer, startHarness, T0, type Harness } from './central-harness'

describe('central catalog and exam session', () => {
  let h: Harness
  afterEach(async () => {
    await h.central.close()
  })

  it('K7: the exam session is the demo 考次 with a window relative to the seeding time', async () => {
    h = await startHarness()
    const { examSession } = expectAnswer(await call(h, '/v1/exam-session'), 'getExamSession')
    expect(examSession).toEqual({
      id: DEMO_EXAM_SESSION.id,
      name: '2026下半年CET考试',
      registrationStart: '2026-08-25T02:00:00.000Z',
      registrationEnd: '2026-10-01T02:00:00.000Z',
    })
  })

  it('every answer carries serverTime from the injected clock', async () => {
    h = await startHarness()
    expect(expectAnswer(await call(h, '/v1/exam-session'), 'getExamSession').serverTime).toBe(T0.toISOString())
    h.clock.now = new Date('2026-09-02T03:04:05.678Z')
    expect(expectAnswer(await call(h, '/v1/catalog'), 'getCatalog').serverTime).toBe('2026-09-02T03:04:05.678Z')
  })

  it('B1/W1: 日语六级笔试 is full at (120010) but has seats at (120011) and (120012)', async () => {
    h = await startHarness()
    const { offerings } = expectAnswer(await call(h, '/v1/catalog'), 'getCatalog')
    const japanese6 = offerings.filter((o) => o.subjectCode === '4')
    expect(japanese6.map((o) => [o.campusCode, o.capacity, o.seatsLeft])).toEqual([
      ['120010', 30, 0],
      ['120011', 30, 30],
      ['120012', 30, 30],
    ])
    expect(japanese6.every((o) => o.feeCents === 10)).toBe(true)
  })

  it('B1: offerings carry fee in fen, window and exam times (+08:00)', async () => {
    h = await startHarness()
    const { offerings } = expectAnswer(await call(h, '/v1/catalog'), 'getCatalog')
    const english4 = offerings.find((o) => o.id === '120010-1')
    expect(english4).toMatchObject({
      subjectCode: '1',
      schoolCode: '12001',
      feeCents: 10,
      capacity: 300,
      seatsLeft: 300,
      registrationStart: '2026-08-25T02:00:00.000Z',
      registrationEnd: '2026-10-01T02:00:00.000Z',
      examStart: '2026-10-25T09:00:00+08:00',
      examEnd: '2026-10-25T11:20:00+08:00',
      oralAllowedCampusCodes: [],
    })
    expect(offerings.find((o) => o.id === '120010-2')).toMatchObject({
      examStart: '2026-10-25T15:00:00+08:00',
      examEnd: '2026-10-25T17:25:00+08:00',
    })
  })

  it('B3: oral offerings list the campuses whose students may book them', async () => {
    h = await startHarness()
    const { offerings } = expectAnswer(await call(h, '/v1/catalog'), 'getCatalog')
    expect(offerings.find((o) => o.id === '120010-F')).toMatchObject({
      capacity: 60,
      seatsLeft: 60,
      oralAllowedCampusCodes: ['120010', '120011', '120012'],
      examStart: '2026-10-18T09:00:00+08:00',
    })
    expect(offerings.find((o) => o.id === '993010-F')).toMatchObject({ seatsLeft: 0, oralAllowedCampusCodes: ['993010'] })
  })

  it('W1: every offering of 测试学校机构01 is full, fee 0.01元', async () => {
    h = await startHarness()
    const { offerings } = expectAnswer(await call(h, '/v1/catalog'), 'getCatalog')
    const testSchool = offerings.filter((o) => o.schoolCode === '99301')
    expect(testSchool.map((o) => o.subjectCode).sort()).toEqual(['1', '3', '5', '7', 'F'])
    expect(testSchool.every((o) => o.seatsLeft === 0 && o.capacity === 10 && o.feeCents === 1)).toBe(true)
  })

  it('the catalog is scoped to the device schools: subjects all, schools, offerings and notices of its own', async () => {
    h = await startHarness()
    const catalog = expectAnswer(await call(h, '/v1/catalog', { token: h.nankaiToken }), 'getCatalog')
    expect(catalog.subjects.map((s) => s.code)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', 'F', 'S'])
    expect(catalog.schools).toEqual([
      {
        code: '12001',
        name: '南开大学',
        provinceCode: '12',
        provinceName: '天津市',
        campuses: [
          { code: '120010', name: '南开大学' },
          { code: '120011', name: '南开大学本科生八里台校区' },
          { code: '120012', name: '南开大学本科生津南校区' },
        ],
      },
    ])
    expect(catalog.offerings.every((o) => o.schoolCode === '12001')).toBe(true)
    expect(catalog.offerings).toHaveLength(13)
    expect(catalog.announcements.map((a) => [a.scope, a.issuer, a.title])).toEqual([
      ['province', '(12)天津市', '天津市2026年下半年全国大学英语四、六级考试报名通知'],
      ['school', '(12001)南开大学', '考试中须注意事项'],
    ])
    expect(catalog.announcements[1]?.body).toContain('禁止使用自动铅笔作答。')
    expect(catalog.announcements[1]?.schoolCode).toBe('12001')

    const both = expectAnswer(await call(h, '/v1/catalog', { token: h.bothToken }), 'getCatalog')
    expect(both.schools.map((s) => s.code)).toEqual(['12001', '99301'])
    expect(both.announcements.map((a) => a.issuer)).toEqual(['(12)天津市', '(99)测试省', '(12001)南开大学'])
    expect(both.offerings).toHaveLength(18)
  })

  it('K7: without demo data the session is 404 and the catalog is empty but valid', async () => {
    h = await startHarness({ seedDemo: false })
    expect((await call(h, '/v1/exam-session')).status).toBe(404)
    const catalog = expectAnswer(await call(h, '/v1/catalog'), 'getCatalog')
    expect(catalog.offerings).toEqual([])
    expect(catalog.subjects).toHaveLength(12)
  })
})
