// @vitest-environment happy-dom
import { enableAutoUnmount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { api } from '../api'
import { useVisitStore } from '../stores/visit'
import { candidate, deskStatus, offeringOption, ok, registrationInfo, VISIT_ID } from '../testing/fixtures'
import { flush, mountScreen } from '../testing/mount-screen'

vi.mock('../api', () => import('../testing/fake-api'))
enableAutoUnmount(afterEach)

const oralF = (campus: { code: string; name: string }) =>
  offeringOption({ offeringId: `${campus.code}-F`, subject: { code: 'F', name: '英语四级口试' }, campus })
const MAIN = { code: '120010', name: '南开大学' }
const BALITAI = { code: '120011', name: '南开大学本科生八里台校区' }

async function openOral() {
  return mountScreen('/oral', () => {
    const visit = useVisitStore()
    visit.visitId = VISIT_ID
    visit.candidate = candidate({ confirmedAt: '2026-09-10T11:00:00+08:00' })
    visit.info = registrationInfo()
  })
}

describe('口试科目报考 screen', () => {
  beforeEach(() => {
    vi.resetAllMocks()
    vi.mocked(api.getDeskStatus).mockResolvedValue(ok(deskStatus()))
    vi.mocked(api.getOralOfferings).mockResolvedValue(
      ok({
        subjects: [
          { subject: { code: 'F', name: '英语四级口试' }, reason: null, campuses: [MAIN, BALITAI], options: [oralF(MAIN), oralF(BALITAI)] },
          { subject: { code: 'S', name: '英语六级口试' }, reason: '请先报考并支付英语六级笔试，再报考英语六级口试。', campuses: [], options: [] },
        ],
      }),
    )
  })

  it('B3: a subject main refuses shows only the reason; 选择 a campus narrows the rows to it', async () => {
    const { wrapper } = await openOral()
    const sections = wrapper.findAll('section[aria-label]').filter((s) => s.attributes('aria-label')?.endsWith('口试'))
    const [f, s] = sections
    expect(s!.text()).toContain('请先报考并支付英语六级笔试，再报考英语六级口试。')
    expect(s!.find('table').exists()).toBe(false)
    expect(f!.findAll('tbody tr')).toHaveLength(2)
    await f!.find('select').setValue('120011')
    await flush()
    const rows = f!.findAll('tbody tr')
    expect(rows).toHaveLength(1)
    expect(rows[0]!.text()).toContain('(120011)南开大学本科生八里台校区')
  })

  it('B3: 提交 books the ticked oral offering', async () => {
    vi.mocked(api.bookOfferings).mockResolvedValue(ok(registrationInfo()))
    const { wrapper, router } = await openOral()
    await wrapper.find('input[aria-label="(F)英语四级口试 (120010)南开大学"]').setValue(true)
    await wrapper.findAll('button').find((b) => b.text() === '提交')!.trigger('click')
    await flush()
    expect(api.bookOfferings).toHaveBeenCalledWith({ visitId: VISIT_ID, offeringIds: ['120010-F'] })
    expect(router.currentRoute.value.path).toBe('/info')
  })
})
