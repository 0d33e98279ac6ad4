// @vitest-environment happy-dom
import { enableAutoUnmount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { api } from '../api'
import { useVisitStore } from '../stores/visit'
import { candidate, deskStatus, emptyBookings, fail, ok, registrationInfo, VISIT_ID, writtenBooking, writtenPage } from '../testing/fixtures'
import { flush, mountScreen } from '../testing/mount-screen'

vi.mock('../api', () => import('../testing/fake-api'))
enableAutoUnmount(afterEach)

async function openWritten() {
  return mountScreen('/written', () => {
    const visit = useVisitStore()
    visit.visitId = VISIT_ID
    visit.candidate = candidate({ confirmedAt: '2026-09-10T11:00:00+08:00' })
    visit.info = registrationInfo()
  })
}

function checkbox(name: string): HTMLInputElement {
  const found = document.querySelector<HTMLInputElement>(`input[type="checkbox"][aria-label="${name}"]`)
  expect(found, name).not.toBeNull()
  return found!
}

function button(text: string): HTMLButtonElement {
  const found = Array.from(document.querySelectorAll('button')).find((b) => b.textContent?.trim() === text)
  expect(found, text).toBeDefined()
  return found!
}

describe('笔试科目报考 screen', () => {
  beforeEach(() => {
    vi.resetAllMocks()
    vi.mocked(api.getDeskStatus).mockResolvedValue(ok(deskStatus()))
    vi.mocked(api.getRegistrationInfo).mockResolvedValue(ok(registrationInfo()))
    vi.mocked(api.getWrittenOfferings).mockResolvedValue(ok(writtenPage()))
  })

  it('B1 B2: groups 英语笔试 / 小语种笔试 in the seed’s columns; a row main refuses is disabled with its reason', async () => {
    const { wrapper } = await openWritten()
    expect(api.getWrittenOfferings).toHaveBeenCalledWith({ visitId: VISIT_ID })
    expect(wrapper.findAll('h2').map((h) => h.text())).toEqual(['笔试科目报考须知：', '英语笔试', '小语种笔试'])
    expect(wrapper.findAll('table')[0]!.findAll('th').map((th) => th.text())).toEqual([
      '选择',
      '科目',
      '剩余容量',
      '候补状态',
      '报名学校',
      '报名校区',
      '费用(元)',
      '报名时间',
      '说明',
    ])
    expect(wrapper.text()).toContain('0.10')
    const de4 = checkbox('(5)德语四级笔试 (120010)南开大学')
    expect(de4.disabled).toBe(true)
    expect(de4.closest('tr')?.textContent).toContain('已报考英语四级笔试，同一级别只能报考一个笔试科目。')
    expect(checkbox('(1)英语四级笔试 (120010)南开大学').disabled).toBe(false)
  })

  it('B1 B4: 提交 books the ticked rows and returns to 报名信息 with main’s answer', async () => {
    const booked = registrationInfo({ bookings: emptyBookings({ written: [writtenBooking()] }) })
    vi.mocked(api.bookOfferings).mockResolvedValue(ok(booked))
    const { router } = await openWritten()
    checkbox('(1)英语四级笔试 (120010)南开大学').click()
    await flush()
    button('提交').click()
    await flush()
    expect(api.bookOfferings).toHaveBeenCalledWith({ visitId: VISIT_ID, offeringIds: ['120010-1'] })
    expect(router.currentRoute.value.path).toBe('/info')
    expect(useVisitStore().info?.bookings.written).toHaveLength(1)
  })

  it('shows main’s refusal and stays, and asks for a tick before sending anything', async () => {
    vi.mocked(api.bookOfferings).mockResolvedValue(fail('NO_SEATS', '英语四级笔试在该校区已无剩余容量。'))
    const { router, wrapper } = await openWritten()
    button('提交').click()
    await flush()
    expect(wrapper.find('[role="alert"]').text()).toBe('请至少选择一个报考科目。')
    expect(api.bookOfferings).not.toHaveBeenCalled()

    checkbox('(1)英语四级笔试 (120010)南开大学').click()
    await flush()
    button('提交').click()
    await flush()
    expect(wrapper.find('[role="alert"]').text()).toBe('英语四级笔试在该校区已无剩余容量。')
    expect(router.currentRoute.value.path).toBe('/written')
  })
})

describe('笔试科目报考: 提交候补 (W1)', () => {
  beforeEach(() => {
    vi.resetAllMocks()
    vi.mocked(api.getDeskStatus).mockResolvedValue(ok(deskStatus()))
    vi.mocked(api.getRegistrationInfo).mockResolvedValue(ok(registrationInfo()))
  })

  function fullPage(waitlist: { allowed: boolean; reason: string | null }) {
    const page = writtenPage()
    page.groups[0]!.options[0] = {
      ...page.groups[0]!.options[0]!,
      seatsLabel: '无',
      waitlistLabel: '可以候补',
      book: { allowed: false, reason: '英语四级笔试在该校区已无剩余容量。' },
      waitlist,
    }
    return page
  }

  it('W1: a full row main allows offers 提交候补; it asks first, then submits as confirmed', async () => {
    vi.mocked(api.getWrittenOfferings).mockResolvedValue(ok(fullPage({ allowed: true, reason: null })))
    vi.mocked(api.submitWaitlist).mockResolvedValue(ok(registrationInfo()))
    const { router } = await openWritten()
    button('提交候补').click()
    await flush()
    expect(api.submitWaitlist).not.toHaveBeenCalled()
    expect(document.querySelector('[role="dialog"]')!.textContent).toContain('确定提交英语四级笔试')
    button('确定').click()
    await flush()
    expect(api.submitWaitlist).toHaveBeenCalledWith({ visitId: VISIT_ID, offeringId: '120010-1', confirmed: true })
    expect(router.currentRoute.value.path).toBe('/info')
  })

  it('W1/B2: a full row main refuses shows the reason and no button', async () => {
    vi.mocked(api.getWrittenOfferings).mockResolvedValue(ok(fullPage({ allowed: false, reason: '已在候补日语四级笔试，同一级别只能候补一个笔试科目。' })))
    await openWritten()
    expect(Array.from(document.querySelectorAll('button')).some((b) => b.textContent?.trim() === '提交候补')).toBe(false)
    expect(document.body.textContent).toContain('已在候补日语四级笔试')
  })
})
