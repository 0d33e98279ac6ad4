// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia'
import { nextTick } from 'vue'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { api } from '../api'
import { candidate, ok, registrationInfo, VISIT_ID } from '../testing/fixtures'
import { useVisitStore } from './visit'
import { useWaitlistStore } from './waitlist'

vi.mock('../api', () => import('../testing/fake-api'))

const passed = { status: 'passed', message: '复核通过', submittedAt: '2026-09-10T11:20:00+08:00', submit: { allowed: false, reason: '已通过' } } as const

describe('waitlist store', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    vi.resetAllMocks()
    useVisitStore().visitId = VISIT_ID
  })

  it('W1: 提交候补 is sent as confirmed and main’s page goes to the visit store', async () => {
    const page = registrationInfo()
    vi.mocked(api.submitWaitlist).mockResolvedValue(ok(page))
    await useWaitlistStore().submit('993010-1')
    expect(api.submitWaitlist).toHaveBeenCalledWith({ visitId: VISIT_ID, offeringId: '993010-1', confirmed: true })
    expect(useVisitStore().info).toEqual(page)
  })

  it('E5: a passed review gives the visit the candidate with the new 资格科目', async () => {
    const withCet6 = candidate({ eligibleSubjects: [{ code: '2', name: '英语六级笔试' }] })
    vi.mocked(api.submitCet6Review).mockResolvedValue(ok({ review: passed, candidate: withCet6 }))
    await useWaitlistStore().submitReview('120010242100101')
    expect(useVisitStore().candidate?.eligibleSubjects).toEqual([{ code: '2', name: '英语六级笔试' }])
    expect(useWaitlistStore().review?.status).toBe('passed')
  })

  it('K2: the review is forgotten when the visit ends', async () => {
    vi.mocked(api.getCet6Review).mockResolvedValue(ok(passed))
    const store = useWaitlistStore()
    await store.loadReview()
    store.showFinished = true
    useVisitStore().reset()
    await nextTick()
    expect(store.review).toBeNull()
    expect(store.showFinished).toBe(false)
  })
})
