// @vitest-environment happy-dom
import { enableAutoUnmount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { WaitlistEntryView } from '../../src-shared/ipc/waitlist-views'
import { api } from '../api'
import { useVisitStore } from '../stores/visit'
import { candidate, deskStatus, fail, ok, registrationInfo, VISIT_ID } from '../testing/fixtures'
import { flush, mountScreen } from '../testing/mount-screen'

vi.mock('../api', () => import('../testing/fake-api'))
enableAutoUnmount(afterEach)

function entry(overrides: Partial<WaitlistEntryView> = {}): WaitlistEntryView {
  return {
    entryId: 'w-1',
    subject: { code: '1', name: '英语四级笔试' },
    statusLabel: '正在候补',
    active: true,
    school: { code: '99301', name: '测试学校机构01' },
    campus: { code: '993010', name: '测试校区机构001' },
    submittedAt: '2026-09-10T11:12:00+08:00',
    ahead: 2,
    remark: null,
    cancellable: true,
    ...overrides,
  }
}

const cancelled = entry({ entryId: 'w-0', statusLabel: '考生取消', active: false, ahead: null, remark: '时间冲突', cancellable: false })

async function openInfo() {
  return mountScreen('/info', () => {
    const visit = useVisitStore()
    visit.visitId = VISIT_ID
    visit.candidate = candidate({ confirmedAt: '2026-09-10T11:00:00+08:00' })
  })
}

function buttons(text: string): HTMLButtonElement[] {
  return Array.from(document.querySelectorAll('button')).filter((b) => b.textContent?.trim() === text)
}

function table(name: string): HTMLTableElement | undefined {
  return Array.from(document.querySelectorAll('table')).find((t) => t.querySelector('caption')?.textContent?.trim() === name)
}

describe('报名信息: 候补信息 (W2–W4)', () => {
  beforeEach(() => {
    vi.resetAllMocks()
    vi.mocked(api.getDeskStatus).mockResolvedValue(ok(deskStatus()))
    vi.mocked(api.getRegistrationInfo).mockResolvedValue(
      ok(registrationInfo({ waitlist: { active: [entry()], finished: [cancelled], staleReason: null } })),
    )
  })

  it('W2 W4: a waiting entry shows 正在候补 and 前面还有 N 人; 查看已完成候补 shows the finished ones with 候补备注', async () => {
    await openInfo()
    const active = table('正在候补')!
    const headers = Array.from(active.querySelectorAll('th')).map((th) => th.textContent?.trim())
    expect(headers).toEqual(['#', '操作', '候补科目', '候补状态', '候补学校', '候补校区', '候补时间', '排队位置'])
    expect(active.textContent).toContain('(1)英语四级笔试')
    expect(active.textContent).toContain('前面还有 2 人')
    expect(table('已完成候补')).toBeUndefined()
    buttons('查看已完成候补')[0]!.click()
    await flush()
    expect(table('已完成候补')!.textContent).toContain('考生取消')
    expect(table('已完成候补')!.textContent).toContain('时间冲突')
    buttons('隐藏已完成候补')[0]!.click()
    await flush()
    expect(table('已完成候补')).toBeUndefined()
  })

  it('W3: 取消候补 warns first, then needs a reason, then main cancels with it', async () => {
    vi.mocked(api.cancelWaitlist).mockResolvedValue(ok(registrationInfo()))
    await openInfo()
    buttons('取消候补')[0]!.click()
    await flush()
    expect(document.querySelector('[role="dialog"]')!.textContent).toContain('取消再重新提交候补，将重新排队，可能降低候补成功概率。确定继续？')
    buttons('确定')[0]!.click()
    await flush()
    buttons('确定取消候补')[0]!.click()
    await flush()
    expect(api.cancelWaitlist).not.toHaveBeenCalled()
    expect(document.body.textContent).toContain('请选择取消候补的原因。')
    const radio = Array.from(document.querySelectorAll<HTMLInputElement>('input[type="radio"]')).find((r) => r.value === '已在其他校区报考')!
    radio.click()
    await flush()
    buttons('确定取消候补')[0]!.click()
    await flush()
    expect(api.cancelWaitlist).toHaveBeenCalledWith({ visitId: VISIT_ID, entryId: 'w-1', reason: '已在其他校区报考' })
  })

  it('W3: main’s refusal stays in the reason window', async () => {
    vi.mocked(api.cancelWaitlist).mockResolvedValue(fail('WAITLIST_GONE', '该候补已结束，不能取消。'))
    await openInfo()
    buttons('取消候补')[0]!.click()
    await flush()
    buttons('确定')[0]!.click()
    await flush()
    document.querySelector<HTMLInputElement>('input[type="radio"]')!.click()
    await flush()
    buttons('确定取消候补')[0]!.click()
    await flush()
    expect(document.querySelector('[role="dialog"]')!.textContent).toContain('该候补已结束，不能取消。')
  })

  it('E5: CET6资格复核 opens the review with main’s state and submits the 15-digit 准考证号', async () => {
    vi.mocked(api.getRegistrationInfo).mockResolvedValue(
      ok(
        registrationInfo({
          actions: [{ id: 'cet6Review', label: 'CET6资格复核', enabled: true, reason: null }],
        }),
      ),
    )
    vi.mocked(api.getCet6Review).mockResolvedValue(ok({ status: 'none', message: null, submittedAt: null, submit: { allowed: true, reason: null } }))
    vi.mocked(api.submitCet6Review).mockResolvedValue(
      ok({
        review: { status: 'passed', message: '复核通过，已增加英语六级笔试报考资格。', submittedAt: '2026-09-10T11:20:00+08:00', submit: { allowed: false, reason: 'CET6资格复核已通过。' } },
        candidate: candidate(),
      }),
    )
    await openInfo()
    buttons('CET6资格复核')[0]!.click()
    await flush()
    const input = document.querySelector<HTMLInputElement>('#cet4-ticket')!
    input.value = '1234'
    input.dispatchEvent(new Event('input'))
    buttons('提交复核')[0]!.click()
    await flush()
    expect(api.submitCet6Review).not.toHaveBeenCalled()
    expect(document.body.textContent).toContain('准考证号为15位数字')
    input.value = '120010242100101'
    input.dispatchEvent(new Event('input'))
    buttons('提交复核')[0]!.click()
    await flush()
    expect(api.submitCet6Review).toHaveBeenCalledWith({ visitId: VISIT_ID, ticketNumber: '120010242100101' })
    expect(document.body.textContent).toContain('复核通过')
  })
})
