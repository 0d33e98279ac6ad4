import { describe, expect, it } from 'vitest'
import { AGREEMENT, AGREEMENT_VERSION } from '../../../src-shared/domain/agreement'
import {
  checkAgreementAccepted,
  checkConfirmation,
  checkHasEligibleSubjects,
  maskPhone,
} from '../../../src-shared/domain/eligibility'
import { findSubject, formatEligibleSubjects, SUBJECTS, writtenGroup } from '../../../src-shared/domain/subjects'

describe('E1: the agreement and integrity pledge come before anything else', () => {
  it('E1: nothing is accepted yet → AGREEMENT_REQUIRED', () => {
    expect(checkAgreementAccepted(null)).toMatchObject({ ok: false, error: { code: 'AGREEMENT_REQUIRED' } })
  })
  it('E1: an older version does not count', () => {
    expect(checkAgreementAccepted('2020H1-0')).toMatchObject({ ok: false, error: { code: 'AGREEMENT_OUTDATED' } })
  })
  it('E1: the current version passes', () => {
    expect(checkAgreementAccepted(AGREEMENT_VERSION)).toEqual({ ok: true, value: undefined })
  })
  it('E1: the text holds the 报名协议 and the four pledges of 诚信承诺书', () => {
    expect(AGREEMENT.agreementItems.length).toBeGreaterThanOrEqual(10)
    expect(AGREEMENT.pledgeItems).toHaveLength(4)
  })
})

describe('E3: eligible subjects (资格科目)', () => {
  it('E3: 无 blocks the candidate', () => {
    expect(checkHasEligibleSubjects([])).toMatchObject({ ok: false, error: { code: 'NOT_ELIGIBLE' } })
    expect(checkHasEligibleSubjects(['1'])).toEqual({ ok: true, value: undefined })
  })
  it('E3: shown as the seeds write them', () => {
    expect(formatEligibleSubjects([])).toBe('无')
    expect(formatEligibleSubjects(['1', '2', '4', 'F'])).toBe('英语四级笔试；英语六级笔试；日语六级笔试；英语四级口试')
  })
})

describe('E4: saving the record takes two confirmations', () => {
  const eligible = ['1', 'F']
  it('E4: the phone confirmation comes first', () => {
    const r = checkConfirmation(eligible, { phoneConfirmed: false, recordConfirmed: true })
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFIRMATION_REQUIRED' } })
    if (!r.ok) expect(r.error.message).toContain('手机号')
  })
  it('E4: then the record confirmation, warned that it cannot be changed', () => {
    const r = checkConfirmation(eligible, { phoneConfirmed: true, recordConfirmed: false })
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFIRMATION_REQUIRED' } })
    if (!r.ok) expect(r.error.message).toContain('无法修改')
  })
  it('E4: both given → ok; E3 still wins over the confirmations', () => {
    expect(checkConfirmation(eligible, { phoneConfirmed: true, recordConfirmed: true }).ok).toBe(true)
    expect(checkConfirmation([], { phoneConfirmed: true, recordConfirmed: true })).toMatchObject({
      ok: false,
      error: { code: 'NOT_ELIGIBLE' },
    })
  })
  it('E4: the bound phone is shown masked as in the seed (199****0037)', () => {
    expect(maskPhone('19912340037')).toBe('199****0037')
    expect(maskPhone('123')).toBe('***')
  })
})

describe('subjects of SPEC §2', () => {
  it('ten written and two oral subjects with their codes', () => {
    expect(SUBJECTS.filter((s) => s.kind === 'written').map((s) => s.code)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'])
    expect(findSubject('F')).toMatchObject({ name: '英语四级口试', level: 4, kind: 'oral' })
    expect(findSubject('S')).toMatchObject({ name: '英语六级口试', level: 6, kind: 'oral' })
  })
  it('English written subjects are 英语笔试, the others 小语种笔试', () => {
    expect(writtenGroup(findSubject('2')!)).toBe('英语笔试')
    expect(writtenGroup(findSubject('4')!)).toBe('小语种笔试')
  })
})
