// @vitest-environment happy-dom
import { enableAutoUnmount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { api } from '../api'
import { useNoticeStore } from '../stores/notice'
import { useVisitStore } from '../stores/visit'
import { candidate, deskStatus, ok, registrationInfo, VISIT_ID } from '../testing/fixtures'
import { flush, mountScreen } from '../testing/mount-screen'
import type { CandidateView } from '../../src-shared/ipc/contract'

vi.mock('../api', () => import('../testing/fake-api'))
enableAutoUnmount(afterEach)

const PHONE_TEXT =
  '当前登录通行证账号绑定“手机号”为“199****0008”，如非本人号码或号码已不再使用，请先修改为本人正在使用的手机号后，再重新报名。'
const RECORD_TEXT =
  '保存成功后，学籍信息将无法修改。如果信息有误，请先联系学校老师修正，以免影响参加考试和成绩单/证书信息。'

async function openConfirm(found: CandidateView = candidate()) {
  return mountScreen('/confirm', () => {
    const visit = useVisitStore()
    visit.visitId = VISIT_ID
    visit.candidate = found
  })
}

function button(text: string): HTMLButtonElement {
  const found = Array.from(document.querySelectorAll('button')).find((b) => b.textContent?.trim() === text)
  expect(found, `button ${text}`).toBeDefined()
  return found!
}

function dialog(): HTMLElement | null {
  return document.querySelector('[role="dialog"]')
}

function dialogText(): string {
  return Array.from(dialog()?.querySelectorAll('p') ?? [])
    .map((p) => p.textContent?.trim())
    .join('')
}

async function click(element: HTMLElement): Promise<void> {
  element.click()
  await flush()
}

describe('资格信息确认 screen', () => {
  beforeEach(() => {
    vi.resetAllMocks()
    vi.mocked(api.getDeskStatus).mockResolvedValue(ok(deskStatus()))
  })

  it('E3: shows the person, eligible subjects and student record as in the seeds', async () => {
    const { wrapper } = await openConfirm()

    expect(wrapper.find('h1').text()).toBe('资格信息确认')
    expect(wrapper.findAll('.notice li')).toHaveLength(7)
    const text = wrapper.text()
    for (const expected of ['蓝笑天', '澳门身份证', '1200****0008', '英语四级笔试；英语六级笔试', '(12001)南开大学', '(120010)南开大学', '高分子化学与物理', '00008']) {
      expect(text).toContain(expected)
    }
    const headers = wrapper.findAll('table th').map((th) => th.text())
    expect(headers).toEqual(['笔试报名学校', '笔试报名校区', '学历', '学制', '入学年份', '年级', '院系', '专业', '班级', '学号', '备注'])
  })

  it('E4: 保存并继续 without the check asks for it and opens nothing', async () => {
    const { wrapper } = await openConfirm()

    expect(button('保存并继续').getAttribute('aria-disabled')).toBe('true')
    await click(button('保存并继续'))

    expect(wrapper.find('[role="alert"]').text()).toBe('请勾选确认')
    expect(dialog()).toBeNull()
  })

  it('E4: two confirmations in order — phone, then record — before saving', async () => {
    vi.mocked(api.confirmRegistration).mockResolvedValue(ok(registrationInfo()))
    const { wrapper, router } = await openConfirm()
    await wrapper.find('#confirm-checked').setValue(true)

    await click(button('保存并继续'))
    const first = dialog()!
    expect(first.getAttribute('aria-modal')).toBe('true')
    expect(document.getElementById(first.getAttribute('aria-labelledby')!)?.textContent).toBe('提示')
    // K3: the phone is masked as in the seeds, with 显示 to reveal it on purpose.
    expect(dialogText()).toBe(PHONE_TEXT.replace('199****0008', '199****0008显示') + '确认手机号为本人正在使用并继续?')
    expect(document.activeElement?.textContent?.trim()).toBe('确定')
    expect(api.confirmRegistration).not.toHaveBeenCalled()

    await click(button('确定'))
    expect(dialogText()).toBe(RECORD_TEXT + '确认学籍信息无误并继续?')
    expect(api.confirmRegistration).not.toHaveBeenCalled()

    await click(button('确定'))
    expect(api.confirmRegistration).toHaveBeenCalledWith({ visitId: VISIT_ID, phoneConfirmed: true, recordConfirmed: true })
    expect(useNoticeStore().message).toBe('保存成功')
    expect(router.currentRoute.value.path).toBe('/info')
  })

  it('E4: 取消 or Esc in either dialog saves nothing', async () => {
    const { wrapper } = await openConfirm()
    await wrapper.find('#confirm-checked').setValue(true)

    await click(button('保存并继续'))
    await click(button('取消'))
    expect(dialog()).toBeNull()

    await click(button('保存并继续'))
    await click(button('确定'))
    dialog()!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }))
    await flush()

    expect(dialog()).toBeNull()
    expect(api.confirmRegistration).not.toHaveBeenCalled()
  })

  it('E4: Tab stays inside the dialog', async () => {
    const { wrapper } = await openConfirm()
    await wrapper.find('#confirm-checked').setValue(true)
    await click(button('保存并继续'))

    button('取消').focus()
    dialog()!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, cancelable: true }))
    // The dialog's first control is the phone's 显示 (K3).
    expect(document.activeElement?.textContent?.trim()).toBe('显示')
    dialog()!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', shiftKey: true, bubbles: true, cancelable: true }))
    expect(document.activeElement?.textContent?.trim()).toBe('取消')
  })

  it('E3: 资格科目 无 is stated and 保存并继续 is disabled', async () => {
    const { wrapper } = await openConfirm(candidate({ eligibleSubjects: [] }))

    expect(wrapper.text()).toContain('资格科目无')
    expect(wrapper.find('[role="alert"]').text()).toBe('资格科目为无的考生无法继续报名。')
    expect(button('保存并继续').disabled).toBe(true)
    await wrapper.find('#confirm-checked').setValue(true)
    expect(button('保存并继续').disabled).toBe(true)
    expect(dialog()).toBeNull()
  })
})

describe('资格信息确认 screen: K3 masked values', () => {
  beforeEach(() => {
    vi.resetAllMocks()
    vi.mocked(api.getDeskStatus).mockResolvedValue(ok(deskStatus()))
  })

  it('K3: the ID number shows masked; 显示 asks main (audited there) and shows the whole number', async () => {
    const { wrapper } = await openConfirm()
    expect(wrapper.text()).toContain('1200****0008')
    expect(wrapper.text()).not.toContain('12001000008')
    vi.mocked(api.revealCandidateField).mockResolvedValue(ok({ field: 'idNumber' as const, value: '12001000008' }))
    await click(wrapper.find('button[aria-label="显示完整证件号码"]').element as HTMLElement)
    expect(api.revealCandidateField).toHaveBeenCalledWith({ visitId: VISIT_ID, field: 'idNumber' })
    expect(wrapper.text()).toContain('12001000008')
    expect(wrapper.find('button[aria-label="显示完整证件号码"]').exists()).toBe(false)
  })
})

describe('资格信息确认: CET6资格复核 (E5)', () => {
  beforeEach(() => {
    vi.resetAllMocks()
    vi.mocked(api.getDeskStatus).mockResolvedValue(ok(deskStatus()))
  })

  it('E5: offered to a candidate without 英语六级笔试; a pass shows the new 资格科目 at once', async () => {
    const without = candidate({ eligibleSubjects: [{ code: '1', name: '英语四级笔试' }] })
    vi.mocked(api.getCet6Review).mockResolvedValue(ok({ status: 'none', message: null, submittedAt: null, submit: { allowed: true, reason: null } }))
    vi.mocked(api.submitCet6Review).mockResolvedValue(
      ok({
        review: { status: 'passed', message: '复核通过，已增加英语六级笔试报考资格。', submittedAt: '2026-09-10T11:20:00+08:00', submit: { allowed: false, reason: '已通过' } },
        candidate: candidate({ eligibleSubjects: [...without.eligibleSubjects, { code: '2', name: '英语六级笔试' }] }),
      }),
    )
    await openConfirm(without)
    expect(document.querySelector('main')!.textContent).not.toContain('英语六级笔试')
    await click(button('CET6资格复核'))
    const input = document.querySelector<HTMLInputElement>('#cet4-ticket')!
    input.value = '120010242100101'
    input.dispatchEvent(new Event('input'))
    await click(button('提交复核'))
    expect(api.submitCet6Review).toHaveBeenCalledWith({ visitId: VISIT_ID, ticketNumber: '120010242100101' })
    expect(document.querySelector('main')!.textContent).toContain('英语六级笔试')
  })

  it('E5: not offered to a candidate who already has 英语六级笔试', async () => {
    await openConfirm(candidate())
    expect(Array.from(document.querySelectorAll('button')).some((b) => b.textContent?.trim() === 'CET6资格复核')).toBe(false)
  })
})
