import { afterEach, describe, expect, it } from 'vitest'
import { call, expectAnswer, expectError, startHarness, type Harness } from './central-harness'
import { book, confirm, key } from './booking-harness'
import { CHEN, LANG, reviewCall, XU, ZHAO } from './waitlist-harness'

const PASSED = '120010242100101' // 陈嘉欣's own CET4, 532
const OTHER_ID = '993010242100202' // a record of another ID number
const BELOW = '993010251100303' // 郎璐依珊's own CET4, 398
const BEFORE_2005 = '120010041100404'
const NOT_FOUND = '120010242100999'

describe('central CET6 qualification review (E5)', () => {
  let h: Harness
  afterEach(async () => {
    await h.central.close()
  })

  it('E5: a passed CET4 of the candidate adds 英语六级笔试, which can then be booked; the review is final', async () => {
    h = await startHarness()
    await confirm(h, CHEN)
    expect(expectAnswer(await call(h, `/v1/candidates/${CHEN}/cet6-review`), 'getCet6Review')).toMatchObject({
      review: null,
      eligibleSubjectCodes: ['1', 'F'],
    })
    const result = expectAnswer(await reviewCall(h, CHEN, PASSED), 'submitCet6Review')
    expect(result.review).toMatchObject({ candidateId: CHEN, ticketNumber: PASSED, status: 'passed' })
    expect(result.eligibleSubjectCodes).toEqual(['1', 'F', '2'])
    expect((await book(h, CHEN, '120010-2')).subjectCode).toBe('2')
    const lookup = expectAnswer(
      await call(h, '/v1/roster/lookup', { body: { idType: '香港身份证', idNumber: 'A123456(3)', name: '陈嘉欣' } }),
      'lookupRoster',
    )
    expect(lookup.record.eligibleSubjectCodes).toContain('2')
    expectError(await reviewCall(h, CHEN, PASSED), 409, 'ALREADY_CET6_ELIGIBLE')
    expect(expectAnswer(await call(h, `/v1/candidates/${CHEN}/cet6-review`), 'getCet6Review').review?.status).toBe('passed')
  })

  it('E5: a score record of another ID number is 未复核 (pending, the school reviews it) and adds nothing; no second submission', async () => {
    h = await startHarness()
    const result = expectAnswer(await reviewCall(h, XU, OTHER_ID), 'submitCet6Review')
    expect(result.review).toMatchObject({ status: 'pending', message: '该准考证号的成绩记录与考生证件号码不一致，已提交学校人工复核。' })
    expect(result.eligibleSubjectCodes).not.toContain('2')
    expectError(await reviewCall(h, XU, PASSED), 409, 'REVIEW_ALREADY_SUBMITTED')
  })

  it('E5: a CET4 below 425 is refused with the score, and that was the one submission', async () => {
    h = await startHarness()
    const result = expectAnswer(await reviewCall(h, LANG, BELOW), 'submitCet6Review')
    expect(result.review.status).toBe('refused')
    expect(result.review.message).toContain('398')
    expect(result.eligibleSubjectCodes).not.toContain('2')
    expectError(await reviewCall(h, LANG, PASSED), 409, 'REVIEW_ALREADY_SUBMITTED')
  })

  it('E5: a ticket not found is refused; one from before 2005 is refused with "contact your school"', async () => {
    h = await startHarness()
    const notFound = expectAnswer(await reviewCall(h, ZHAO, NOT_FOUND), 'submitCet6Review').review
    expect(notFound).toMatchObject({ status: 'refused', message: '未查到该准考证号的英语四级成绩，如有疑问请联系学校。' })
    const old = expectAnswer(await reviewCall(h, CHEN, BEFORE_2005), 'submitCet6Review').review
    expect(old).toMatchObject({ status: 'refused', message: '2005年以前的英语四级成绩无法在线复核，请联系学校。' })
  })

  it('E5: a number that is not 15 digits is refused before anything is recorded (not a submission)', async () => {
    h = await startHarness()
    expectError(await reviewCall(h, CHEN, '12345'), 422, 'TICKET_FORMAT')
    expect(expectAnswer(await call(h, `/v1/candidates/${CHEN}/cet6-review`), 'getCet6Review').review).toBeNull()
    expect(expectAnswer(await reviewCall(h, CHEN, PASSED), 'submitCet6Review').review.status).toBe('passed')
  })

  it('E5: a candidate already eligible for 英语六级笔试 has nothing to review', async () => {
    h = await startHarness()
    expectError(await reviewCall(h, 'C12001-00008', PASSED), 409, 'ALREADY_CET6_ELIGIBLE')
  })

  it('S2/E5: the same Idempotency-Key replays the first answer instead of refusing a second submission', async () => {
    h = await startHarness()
    const k = key()
    const first = expectAnswer(await reviewCall(h, CHEN, PASSED, k), 'submitCet6Review')
    const again = await reviewCall(h, CHEN, PASSED, k)
    expect(again.headers.get('idempotent-replayed')).toBe('true')
    expect(expectAnswer(again, 'submitCet6Review')).toEqual(first)
  })

  it('E5: only candidates of the device\'s schools', async () => {
    h = await startHarness()
    expectError(await call(h, `/v1/candidates/${LANG}/cet6-review`, { token: h.nankaiToken }), 404, 'NOT_FOUND')
    const submit = await call(h, `/v1/candidates/${LANG}/cet6-review`, { body: { ticketNumber: BELOW }, idempotencyKey: key(), token: h.nankaiToken })
    expectError(submit, 404, 'NOT_FOUND')
  })
})
