import { describe, expect, it } from 'vitest'
import {
  assessCet6Review,
  cet6ReviewStatusLabel,
  checkCanSubmitCet6Review,
  checkCet4TicketFormat,
  parseCetTicket,
} from '../../../src-shared/domain/cet6-review'

const record = (ticketNumber: string, idNumber: string, totalScore: number) => ({ ticketNumber, idNumber, totalScore })

describe('CET6 qualification review (E5)', () => {
  it('E5: a 准考证号 encodes year and level; 15 digits only', () => {
    expect(parseCetTicket('120010242100101')).toEqual({ year: 2024, level: 1 })
    expect(parseCetTicket('120010991100101')).toEqual({ year: 1999, level: 1 })
    expect(parseCetTicket('12001024210010')).toBeNull()
    expect(checkCet4TicketFormat(' 120010242100101 ')).toEqual({ ok: true, value: '120010242100101' })
    expect(checkCet4TicketFormat('12001024210010A')).toMatchObject({ ok: false, error: { code: 'TICKET_FORMAT' } })
  })

  it('E5: the candidate\'s own CET4 at or above 425 passes', () => {
    expect(assessCet6Review('120010242100101', 'a123456(3)', record('120010242100101', 'A1234563', 425)).status).toBe('passed')
  })

  it('E5: below 425 is refused with the score', () => {
    expect(assessCet6Review('120010242100101', 'A1234563', record('120010242100101', 'A1234563', 424))).toEqual({
      status: 'refused',
      message: '该准考证号的英语四级成绩为424分，未达到425分，不能报考英语六级笔试。',
    })
  })

  it('E5: a record of another ID number is 未复核 (pending)', () => {
    expect(assessCet6Review('120010242100101', 'A1234563', record('120010242100101', 'B7654321', 500)).status).toBe('pending')
    expect(cet6ReviewStatusLabel('pending')).toBe('未复核')
  })

  it('E5: not found, not a CET4 ticket, or from before 2005 (contact your school) is refused', () => {
    expect(assessCet6Review('120010242100999', 'A1234563', undefined).message).toBe('未查到该准考证号的英语四级成绩，如有疑问请联系学校。')
    expect(assessCet6Review('120010242200101', 'A1234563', undefined).message).toBe('该准考证号不是英语四级笔试的准考证号。')
    const old = assessCet6Review('120010041100404', 'A1234563', record('120010041100404', 'A1234563', 600))
    expect(old).toEqual({ status: 'refused', message: '2005年以前的英语四级成绩无法在线复核，请联系学校。' })
    expect(assessCet6Review('120010051100404', 'A1234563', record('120010051100404', 'A1234563', 600)).status).toBe('passed')
  })

  it('E5: one submission per candidate, final once passed; nothing to review when already eligible', () => {
    expect(checkCanSubmitCet6Review(['1'], null).ok).toBe(true)
    expect(checkCanSubmitCet6Review(['1', '2'], null)).toMatchObject({ ok: false, error: { code: 'ALREADY_CET6_ELIGIBLE' } })
    expect(checkCanSubmitCet6Review(['1', '2'], { status: 'passed' })).toMatchObject({ ok: false, error: { code: 'ALREADY_CET6_ELIGIBLE' } })
    expect(checkCanSubmitCet6Review(['1'], { status: 'pending' })).toMatchObject({ ok: false, error: { code: 'REVIEW_ALREADY_SUBMITTED' } })
    expect(checkCanSubmitCet6Review(['1'], { status: 'refused' })).toMatchObject({ ok: false, error: { code: 'REVIEW_ALREADY_SUBMITTED' } })
  })
})
