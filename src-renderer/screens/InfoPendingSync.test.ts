// @vitest-environment happy-dom
import { enableAutoUnmount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { api } from '../api'
import { useVisitStore } from '../stores/visit'
import { candidate, deskStatus, emptyBookings, ok, pendingChange, registrationInfo, VISIT_ID, writtenBooking } from '../testing/fixtures'
import { mountScreen } from '../testing/mount-screen'

vi.mock('../api', () => import('../testing/fake-api'))
enableAutoUnmount(afterEach)

async function openInfo() {
  return mountScreen('/info', () => {
    const visit = useVisitStore()
    visit.visitId = VISIT_ID
    visit.candidate = candidate({ confirmedAt: '2026-09-10T11:00:00+08:00' })
  })
}

function bookingTable(): HTMLTableElement {
  return Array.from(document.querySelectorAll('table')).find((t) => t.querySelector('caption')?.textContent?.trim() === '笔试报考科目信息')!
}

function cells(tr: Element): string {
  return Array.from(tr.querySelectorAll('td')).map((td) => td.textContent?.trim()).join(' | ')
}

const offlineInfo = registrationInfo({
  bookings: emptyBookings({ written: [writtenBooking({ pendingSync: true, cancel: { allowed: false, reason: '待报名中心确认后才能取消。' } })] }),
  pendingChanges: [pendingChange(), pendingChange({ id: 8, action: 'booking.score-report', summary: '成绩报告单 英语四级笔试 纸质', attempts: 0, lastError: null })],
})

describe('报名信息 while changes wait for the central (S4/S5)', () => {
  beforeEach(() => {
    vi.resetAllMocks()
    vi.mocked(api.getDeskStatus).mockResolvedValue(ok(deskStatus()))
  })

  it('S4: a booking made against the allotment is marked 待同步 until the central confirms it', async () => {
    vi.mocked(api.getRegistrationInfo).mockResolvedValue(ok(offlineInfo))
    await openInfo()
    const row = bookingTable().querySelector('tbody tr')!
    expect(row.textContent).toContain('英语四级笔试')
    expect(row.querySelector('.pending-sync')?.textContent).toBe('待同步')
  })

  it('S5: the candidate’s waiting changes are listed, oldest first, with their state', async () => {
    vi.mocked(api.getRegistrationInfo).mockResolvedValue(ok(offlineInfo))
    await openInfo()
    const section = document.querySelector('[data-testid="pending-changes"]')!
    expect(section.querySelector('h2')?.textContent).toBe('待同步')
    const lines = Array.from(section.querySelectorAll('tbody tr')).map(cells)
    expect(lines).toEqual([
      '2026-09-10 11:12 | 报考 英语四级笔试（(120010)南开大学） | 已尝试 2 次（网络中断）',
      '2026-09-10 11:12 | 成绩报告单 英语四级笔试 纸质 | 等待提交',
    ])
  })

  it('S5: once delivered, the 3-s poll of the page drops the section and the mark without reload', async () => {
    vi.mocked(api.getRegistrationInfo).mockResolvedValue(ok(offlineInfo))
    await openInfo()
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    try {
      // Restart the screen's polling on the fake timers.
      useVisitStore().startInfoPolling()
      expect(document.querySelector('[data-testid="pending-changes"]')).not.toBeNull()
      vi.mocked(api.getRegistrationInfo).mockResolvedValue(
        ok(registrationInfo({ bookings: emptyBookings({ written: [writtenBooking()] }), pendingChanges: [] })),
      )
      await vi.advanceTimersByTimeAsync(3_000)
      expect(document.querySelector('[data-testid="pending-changes"]')).toBeNull()
      expect(document.querySelector('.pending-sync')).toBeNull()
    } finally {
      vi.useRealTimers()
    }
  })
})
