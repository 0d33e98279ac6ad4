// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { api } from '../api'
import { candidate, ok, registrationInfo, VISIT_ID } from '../testing/fixtures'
import { useVisitStore } from './visit'

vi.mock('../api', () => import('../testing/fake-api'))

const query = { idType: '澳门身份证', idNumber: '12001000008', name: '蓝笑天' } as const

async function visitUpToInfo() {
  vi.mocked(api.acceptAgreement).mockResolvedValue(ok({ visitId: VISIT_ID }))
  vi.mocked(api.lookupEligibility).mockResolvedValue(ok(candidate()))
  vi.mocked(api.confirmRegistration).mockResolvedValue(ok(registrationInfo()))
  const visit = useVisitStore()
  await visit.start('2026H2-1')
  await visit.lookup(query)
  await visit.confirm()
  return visit
}

describe('visit store', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    vi.resetAllMocks()
  })

  it('E1–E4: accepting starts a visit; lookup and confirmation are made for that visit', async () => {
    const visit = await visitUpToInfo()

    expect(api.acceptAgreement).toHaveBeenCalledWith({ version: '2026H2-1', accepted: true })
    expect(api.lookupEligibility).toHaveBeenCalledWith({ visitId: VISIT_ID, ...query })
    expect(api.confirmRegistration).toHaveBeenCalledWith({ visitId: VISIT_ID, phoneConfirmed: true, recordConfirmed: true })
    expect(visit.visitId).toBe(VISIT_ID)
    expect(visit.info?.candidate.name).toBe('蓝笑天')
  })

  it('K2: reset clears every trace of the candidate', async () => {
    const visit = await visitUpToInfo()

    visit.reset()

    expect(visit.visitId).toBeNull()
    expect(visit.candidate).toBeNull()
    expect(visit.info).toBeNull()
    expect(visit.active).toBe(false)
    expect(JSON.stringify(visit.$state)).not.toContain('蓝笑天')
  })

  it('K2: ending a visit clears the renderer first, then tells main', async () => {
    const visit = await visitUpToInfo()
    vi.mocked(api.endVisit).mockResolvedValue(ok({}))

    await visit.end()

    expect(api.endVisit).toHaveBeenCalledWith({ visitId: VISIT_ID })
    expect(visit.candidate).toBeNull()
    expect(visit.info).toBeNull()
  })

  it('K2: an answer that arrives after the visit ended does not bring the candidate back', async () => {
    vi.mocked(api.acceptAgreement).mockResolvedValue(ok({ visitId: VISIT_ID }))
    let answer: (value: Awaited<ReturnType<typeof api.lookupEligibility>>) => void = () => {}
    vi.mocked(api.lookupEligibility).mockImplementation(() => new Promise((resolve) => (answer = resolve)))
    const visit = useVisitStore()
    await visit.start('2026H2-1')

    const pending = visit.lookup(query)
    visit.reset()
    answer(ok(candidate()))
    await pending

    expect(visit.candidate).toBeNull()
  })

  it('refuses candidate calls without a visit (E1)', async () => {
    const visit = useVisitStore()
    const result = await visit.lookup(query)
    expect(result.ok).toBe(false)
    expect(api.lookupEligibility).not.toHaveBeenCalled()
  })
})

describe('visit store: K3 reveal', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    vi.resetAllMocks()
  })

  it('K3: 显示 asks main for one full value of the visit; ending the visit forgets it (K2)', async () => {
    const visit = await visitUpToInfo()
    vi.mocked(api.revealCandidateField).mockResolvedValue(ok({ field: 'idNumber' as const, value: '12001000008' }))
    await visit.reveal('idNumber')
    expect(api.revealCandidateField).toHaveBeenCalledWith({ visitId: VISIT_ID, field: 'idNumber' })
    expect(visit.revealed).toEqual({ idNumber: '12001000008' })
    vi.mocked(api.endVisit).mockResolvedValue(ok({}))
    await visit.end()
    expect(visit.revealed).toEqual({})
  })

  it('K3: an answer arriving after the visit ended is not kept', async () => {
    const visit = await visitUpToInfo()
    let answer!: (value: ReturnType<typeof ok<{ field: 'phone'; value: string }>>) => void
    vi.mocked(api.revealCandidateField).mockReturnValue(new Promise((resolve) => (answer = resolve)))
    const pending = visit.reveal('phone')
    visit.reset()
    answer(ok({ field: 'phone', value: '13800008008' }))
    await pending
    expect(visit.revealed).toEqual({})
  })
})
