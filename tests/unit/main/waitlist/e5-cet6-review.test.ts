import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CandidateView } from '../../../../src-shared/ipc/contract'
import type { WrittenOfferingsPage } from '../../../../src-shared/ipc/booking-views'
import type { Cet6ReviewView } from '../../../../src-shared/ipc/waitlist-views'
import { listAudit } from '../../../../src-main/store/audit-repository'
import { confirmedVisit, createBookingWorld, info, LANG, value, type BookingWorld } from '../booking/booking-harness'
import { startVisit, type TestKiosk } from '../support/test-kiosk'
import { LANG_XIAOXU } from './waitlist-harness'

const CHEN = { idType: '香港身份证', idNumber: 'A123456(3)', name: '陈嘉欣' } as const
/** The demo central's CET4 score records (README). */
const TICKET = {
  chenPassed: '120010242100101',
  xiaoxuOtherId: '993010242100202',
  langBelowLine: '993010251100303',
  before2005: '120010041100404',
  unknown: '120010242199999',
} as const

type ReviewAnswer = { review: Cet6ReviewView; candidate: CandidateView }

describe('E5: CET6资格复核 through dispatch, against the reference central', () => {
  let world: BookingWorld
  let kiosk: TestKiosk
  beforeEach(async () => {
    world = await createBookingWorld()
    kiosk = await world.kiosk('review')
  })
  afterEach(() => world.close())

  async function lookedUp(who: { idType: string; idNumber: string; name: string }): Promise<string> {
    const visitId = await startVisit(kiosk)
    value(await kiosk.dispatch('lookupEligibility', { visitId, ...who }))
    return visitId
  }

  it('E5: passed — 英语六级笔试 joins 资格科目 at once (before confirmation), and can then be booked', async () => {
    const visitId = await lookedUp(CHEN)
    expect(value<Cet6ReviewView>(await kiosk.dispatch('getCet6Review', { visitId }))).toMatchObject({
      status: 'none',
      submit: { allowed: true },
    })
    const answer = value<ReviewAnswer>(await kiosk.dispatch('submitCet6Review', { visitId, ticketNumber: TICKET.chenPassed }))
    // Once only: the refusal carries its code for the English screen.
    expect(answer.review).toMatchObject({ status: 'passed', submit: { allowed: false, reasonRef: { code: 'cet6Passed' } } })
    expect(answer.candidate.eligibleSubjects.map((s) => s.code)).toContain('2')
    expect((await listAudit(kiosk.store.db)).some((a) => a.action === 'cet6.review' && a.detail === 'passed')).toBe(true)

    value(await kiosk.dispatch('confirmRegistration', { visitId, phoneConfirmed: true, recordConfirmed: true }))
    const page = await info(kiosk, visitId)
    expect(page.actions.find((a) => a.id === 'cet6Review')).toMatchObject({ enabled: false })
    const written = value<WrittenOfferingsPage>(await kiosk.dispatch('getWrittenOfferings', { visitId }))
    const en6 = written.groups.flatMap((g) => g.options).find((o) => o.offeringId === '120010-2')
    expect(en6?.book).toEqual({ allowed: true, reason: null })
    value(await kiosk.dispatch('bookOfferings', { visitId, offeringIds: ['120010-2'] }))
  })

  it('E5: 未复核 — the score record belongs to another ID number; shown as pending, the school reviews it', async () => {
    const visitId = await lookedUp(LANG_XIAOXU)
    const answer = value<ReviewAnswer>(await kiosk.dispatch('submitCet6Review', { visitId, ticketNumber: TICKET.xiaoxuOtherId }))
    expect(answer.review).toMatchObject({ status: 'pending', message: expect.stringContaining('人工复核') })
    expect(answer.candidate.eligibleSubjects.map((s) => s.code)).not.toContain('2')
    expect(value<Cet6ReviewView>(await kiosk.dispatch('getCet6Review', { visitId }))).toMatchObject({
      status: 'pending',
      submit: { allowed: false },
    })
  })

  it('E5: refused below the line, and once only — a second submission is refused', async () => {
    const visitId = await confirmedVisit(kiosk, LANG)
    const answer = value<ReviewAnswer>(await kiosk.dispatch('submitCet6Review', { visitId, ticketNumber: TICKET.langBelowLine }))
    expect(answer.review).toMatchObject({ status: 'refused', message: expect.stringContaining('425') })
    expect(await kiosk.dispatch('submitCet6Review', { visitId, ticketNumber: TICKET.unknown })).toMatchObject({
      ok: false,
      error: { code: 'REVIEW_ALREADY_SUBMITTED' },
    })
  })

  it('E5: refused when not found, and before 2005 with "contact the school"', async () => {
    const first = await lookedUp(CHEN)
    expect(value<ReviewAnswer>(await kiosk.dispatch('submitCet6Review', { visitId: first, ticketNumber: TICKET.unknown })).review).toMatchObject({
      status: 'refused',
      message: expect.stringContaining('未查到'),
    })
    const second = await lookedUp(LANG)
    expect(value<ReviewAnswer>(await kiosk.dispatch('submitCet6Review', { visitId: second, ticketNumber: TICKET.before2005 })).review).toMatchObject({
      status: 'refused',
      message: expect.stringContaining('联系学校'),
    })
  })

  it('E5: a 准考证号 that is not 15 digits is refused by its format, and a candidate with CET6 eligibility has nothing to review', async () => {
    const visitId = await lookedUp(CHEN)
    expect(await kiosk.dispatch('submitCet6Review', { visitId, ticketNumber: '12345' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    const lan = await lookedUp({ idType: '澳门身份证', idNumber: '12001000008', name: '蓝笑天' })
    expect(await kiosk.dispatch('submitCet6Review', { visitId: lan, ticketNumber: TICKET.chenPassed })).toMatchObject({
      ok: false,
      error: { code: 'ALREADY_CET6_ELIGIBLE' },
    })
  })
})
