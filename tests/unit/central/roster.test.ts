import { afterEach, describe, expect, it } from 'vitest'
import { DEMO_ROSTER } from '../../../src-central/demo-data'
import { call, expectAnswer, expectError, startHarness, T0, type Harness } from './central-harness'

const NOT_FOUND = '未查询到资格信息，请核对证件类型、证件号码和姓名。'

describe('central roster', () => {
  let h: Harness
  afterEach(async () => {
    await h.central.close()
  })

  it('S4: the roster pages by candidateId ascending and ends with nextAfter null', async () => {
    h = await startHarness()
    const seen: string[] = []
    let after: string | null = ''
    let pages = 0
    while (after !== null) {
      const query: string = after === '' ? '?limit=2' : `?limit=2&after=${encodeURIComponent(after)}`
      const page = expectAnswer(await call(h, `/v1/roster${query}`), 'getRosterPage')
      expect(page.records.length).toBeLessThanOrEqual(2)
      seen.push(...page.records.map((r) => r.candidateId))
      after = page.nextAfter
      pages++
    }
    const all = DEMO_ROSTER.map((r) => r.candidateId).sort()
    expect(seen).toEqual(all)
    expect(pages).toBe(Math.ceil(all.length / 2))
  })

  it('S4: the roster returns only records of the device schools', async () => {
    h = await startHarness()
    const page = expectAnswer(await call(h, '/v1/roster', { token: h.nankaiToken }), 'getRosterPage')
    expect(page.nextAfter).toBeNull()
    const names = page.records.map((r) => r.name).sort()
    expect(names).toEqual(DEMO_ROSTER.filter((r) => r.schoolCode === '12001').map((r) => r.name).sort())
    expect(names).toEqual(expect.arrayContaining(['王晓明', '蓝笑天', '赵一凡', '陈嘉欣']))
    expect(names).not.toContain('郎璐依珊')
    expect(page.records.every((r) => r.schoolCode === '12001')).toBe(true)
    const lan = page.records.find((r) => r.name === '蓝笑天')
    expect(lan).toMatchObject({
      candidateId: 'C12001-00008',
      idType: '澳门身份证',
      idNumber: '12001000008',
      eligibleSubjectCodes: ['1', '2', '4', '5', 'F', 'S'],
      updatedAt: T0.toISOString(),
    })
  })

  it('S4: bad paging parameters get 400 with the parameter named', async () => {
    h = await startHarness()
    const error = expectError(await call(h, '/v1/roster?limit=0'), 400, 'BAD_REQUEST')
    expect(error.message).toContain('limit')
  })

  it('E2: a lookup matching ID type, number and name returns the record', async () => {
    h = await startHarness()
    const { record } = expectAnswer(
      await call(h, '/v1/roster/lookup', { body: { idType: '护照', idNumber: '99300000000000000000', name: '郎晓旭' } }),
      'lookupRoster',
    )
    expect(record).toMatchObject({ candidateId: 'C99301-00038', schoolCode: '99301', campusCode: '993010' })
  })

  it('E2: a wrong name, a wrong ID type or another school gives 404 with the seed message', async () => {
    h = await startHarness()
    const wrongName = { idType: '护照', idNumber: '99300000000000000000', name: '郎晓' }
    expect(expectError(await call(h, '/v1/roster/lookup', { body: wrongName }), 404, 'NOT_FOUND').message).toBe(NOT_FOUND)
    const wrongType = { idType: '澳门身份证', idNumber: '99301000037', name: '郎璐依珊' }
    expectError(await call(h, '/v1/roster/lookup', { body: wrongType }), 404, 'NOT_FOUND')
    const otherSchool = { idType: '护照', idNumber: '99301000037', name: '郎璐依珊' }
    expectAnswer(await call(h, '/v1/roster/lookup', { body: otherSchool }), 'lookupRoster')
    expectError(await call(h, '/v1/roster/lookup', { token: h.nankaiToken, body: otherSchool }), 404, 'NOT_FOUND')
  })

  it('E2: the ID number is normalised before comparing (case, brackets, spaces)', async () => {
    h = await startHarness()
    const { record } = expectAnswer(
      await call(h, '/v1/roster/lookup', { body: { idType: '香港身份证', idNumber: ' a123456(3) ', name: ' 陈嘉欣 ' } }),
      'lookupRoster',
    )
    expect(record.candidateId).toBe('C12001-2310301')
    expect(record.idNumber).toBe('A1234563')
    const resident = { idType: '中华人民共和国居民身份证', idNumber: '120104200403151239', name: '王晓明' }
    expectAnswer(await call(h, '/v1/roster/lookup', { body: resident }), 'lookupRoster')
  })

  it('E2: an ID number of the wrong shape gets its format message, not a lookup', async () => {
    h = await startHarness()
    const body = { idType: '中华人民共和国居民身份证', idNumber: '120104200403151230', name: '王晓明' }
    const error = expectError(await call(h, '/v1/roster/lookup', { body }), 400, 'BAD_REQUEST')
    expect(error.message).toBe('居民身份证号码的校验位不正确，请逐位核对号码。')
  })

  it('E2: a lookup body with a missing field or unknown key gets 400 naming the field', async () => {
    h = await startHarness()
    const missing = expectError(
      await call(h, '/v1/roster/lookup', { body: { idType: '护照', idNumber: '99301000037' } }),
      400,
      'BAD_REQUEST',
    )
    expect(missing.message).toContain('name')
    const extra = expectError(
      await call(h, '/v1/roster/lookup', { body: { idType: '护照', idNumber: '99301000037', name: '郎璐依珊', x: 1 } }),
      400,
      'BAD_REQUEST',
    )
    expect(extra.message).toContain('x')
    const badType = expectError(
      await call(h, '/v1/roster/lookup', { body: { idType: '身份证', idNumber: '1', name: 'a' } }),
      400,
      'BAD_REQUEST',
    )
    expect(badType.message).toContain('idType')
  })
})
