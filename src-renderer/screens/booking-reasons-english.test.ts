// @vitest-environment happy-dom
/**
 * Main's "why not" (B1–B5, W1, P1) in English: main sends its Chinese sentence and, next to it,
 * the reason's code with the subjects it names; the renderer says it with `reasons.<code>` and
 * the subjects' English names. zh-CN shows main's sentence; a reason without a code stays main's.
 */
import { enableAutoUnmount } from '@vue/test-utils'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { api } from '../api'
import { setLocale } from '../i18n'
import { reasonLabel } from '../labels'
import { useVisitStore } from '../stores/visit'
import { candidate, deskStatus, emptyBookings, ok, registrationInfo, VISIT_ID, writtenBooking, writtenPage } from '../testing/fixtures'
import { flush, mountScreen } from '../testing/mount-screen'

vi.mock('../api', () => import('../testing/fake-api'))
enableAutoUnmount(afterEach)

const LEVEL_BOOKED = {
  allowed: false,
  reason: '已报考英语四级笔试，同一级别只能报考一个笔试科目。',
  reasonRef: { code: 'levelBooked', subject: '5', other: '1' },
} as const

/** The screen mounted, then switched to English as staff do (TopBar). */
async function inEnglish(path: string) {
  const mounted = await mountScreen(path, () => {
    const visit = useVisitStore()
    visit.visitId = VISIT_ID
    visit.candidate = candidate({ confirmedAt: '2026-09-10T11:00:00+08:00' })
  })
  await setLocale('en')
  await flush()
  return mounted
}

describe('main’s reasons in English (issue #9 leftover)', () => {
  // English is a lazily loaded chunk: load it once.
  beforeAll(async () => {
    await setLocale('en')
    await setLocale('zh-CN')
  })
  afterEach(() => setLocale('zh-CN'))
  beforeEach(() => {
    vi.resetAllMocks()
    vi.mocked(api.getDeskStatus).mockResolvedValue(ok(deskStatus()))
    vi.mocked(api.getRegistrationInfo).mockResolvedValue(ok(registrationInfo()))
    vi.mocked(api.getWrittenOfferings).mockResolvedValue(ok(writtenPage()))
  })

  it('B2: a refused row on 笔试科目报考 (其他语种笔试) says why in English, naming the subjects in English', async () => {
    const { wrapper } = await inEnglish('/written')
    const row = wrapper.findAll('tr').find((tr) => tr.text().includes('German Band 4 written'))
    expect(row?.find('td.reason').text()).toBe('CET-4 written is booked: one written subject per level.')
  })

  it('B5 P1 I1: a booking that cannot be cancelled, a kind that cannot be paid and a disabled action say why in English on 报名信息', async () => {
    vi.mocked(api.getRegistrationInfo).mockResolvedValue(
      ok(
        registrationInfo({
          actions: [
            { id: 'home', label: '返回首页', enabled: true, reason: null },
            {
              id: 'scoreReport',
              label: '纸质成绩报告单',
              enabled: false,
              reason: '尚未报考笔试科目，请先通过“笔试报考”报考。',
              reasonRef: { code: 'noWrittenBooking' },
            },
          ],
          bookings: emptyBookings({
            written: [writtenBooking({ cancel: { allowed: false, reason: '已支付科目不可取消报考。', reasonRef: { code: 'paidNotCancellable' } } })],
            writtenSummary: {
              paidCents: 0,
              unpaidCents: 10,
              statusLabel: '全未支付',
              pay: { allowed: false, reason: '请先为英语四级笔试选择纸质或电子成绩报告单。', reasonRef: { code: 'scoreReportRequired', subject: '1' } },
            },
          }),
        }),
      ),
    )
    await inEnglish('/info')
    // I1: a disabled action says why (its title and the text the button is described by).
    const scoreReport = Array.from(document.querySelectorAll('button')).find((b) => b.textContent?.trim() === 'Paper score report' && b.disabled)
    expect(scoreReport?.title).toBe('No written subject booked yet: use “Book written” to book one first.')
    expect(document.getElementById(scoreReport!.getAttribute('aria-describedby')!)?.textContent?.trim()).toBe(scoreReport?.title)
    expect(document.body.textContent).toContain('Paid subjects cannot be cancelled.')
    expect(document.body.textContent).toContain('Choose a paper or electronic score report for CET-4 written first.')
  })

  it('B2 E5: zh-CN shows main’s sentence; in English a reason without a code (or an unknown one) stays main’s', async () => {
    expect(reasonLabel(LEVEL_BOOKED)).toBe(LEVEL_BOOKED.reason)
    await setLocale('en')
    expect(reasonLabel(LEVEL_BOOKED)).toBe('CET-4 written is booked: one written subject per level.')
    expect(reasonLabel({ reason: '新的原因。' })).toBe('新的原因。')
    expect(reasonLabel({ reason: '新的原因。', reasonRef: { code: 'nope' as never } })).toBe('新的原因。')
    expect(reasonLabel({ reason: null })).toBeNull()
    // E5 (CET6资格复核's dialog) uses the same codes.
    expect(reasonLabel({ reason: '已提交CET6资格复核，正在等待学校人工复核，请勿重复提交。', reasonRef: { code: 'cet6Pending' } })).toBe(
      'A CET6 qualification review is waiting for the school to check it; do not submit again.',
    )
  })
})
