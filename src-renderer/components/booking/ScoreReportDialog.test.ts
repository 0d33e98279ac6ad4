// @vitest-environment happy-dom
import { enableAutoUnmount, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { writtenBooking } from '../../testing/fixtures'
import ScoreReportDialog from './ScoreReportDialog.vue'
import { i18nForTests } from '../../testing/i18n'

enableAutoUnmount(afterEach)

function dialogs(): HTMLElement[] {
  return Array.from(document.querySelectorAll<HTMLElement>('[role="dialog"]'))
}

function buttonIn(dialog: HTMLElement, text: string): HTMLButtonElement {
  const found = Array.from(dialog.querySelectorAll('button')).find((b) => b.textContent?.trim() === text)
  expect(found, text).toBeDefined()
  return found!
}

function radio(label: string): HTMLInputElement {
  const found = Array.from(document.querySelectorAll('label')).find((l) => l.textContent?.trim() === label)
  return found!.querySelector('input')!
}

async function open(bookings = [writtenBooking()]) {
  const wrapper = mount(ScoreReportDialog, { props: { bookings }, attachTo: document.body, global: { plugins: [i18nForTests()] } })
  await wrapper.vm.$nextTick()
  return wrapper
}

describe('纸质成绩报告单/证书申请 dialog', () => {
  it('R1: 纸质 asks to confirm; 取消 unticks it; 确定 keeps it', async () => {
    const wrapper = await open()
    expect(dialogs()[0]!.textContent).toContain('英语四级成绩报告单')
    radio('纸质').click()
    await wrapper.vm.$nextTick()
    const prompt = dialogs()[1]!
    expect(prompt.textContent).toContain('您选择需要纸质英语四级成绩报告单')
    expect(prompt.textContent).toContain('“确定”保持勾选，“取消”取消勾选。')
    buttonIn(prompt, '取消').click()
    await wrapper.vm.$nextTick()
    expect(dialogs()).toHaveLength(1)
    expect(radio('纸质').checked).toBe(false)

    radio('纸质').click()
    await wrapper.vm.$nextTick()
    buttonIn(dialogs()[1]!, '确定').click()
    await wrapper.vm.$nextTick()
    expect(radio('纸质').checked).toBe(true)
  })

  it('R1: 保存 needs a choice for every written booking, then "确认继续保存?" before it is sent', async () => {
    const wrapper = await open([writtenBooking(), writtenBooking({ bookingId: 'b-2', subject: { code: '4', name: '日语六级笔试' } })])
    expect(dialogs()[0]!.textContent).toContain('日语六级证书')
    buttonIn(dialogs()[0]!, '保存').click()
    await wrapper.vm.$nextTick()
    expect(dialogs()[0]!.querySelector('[role="alert"]')?.textContent).toContain('请为每个笔试科目选择纸质或电子成绩报告单/证书。')
    expect(wrapper.emitted('save')).toBeUndefined()

    for (const input of document.querySelectorAll<HTMLInputElement>('input[type="radio"]'))
      if (input.closest('label')?.textContent?.trim() === '电子') input.click()
    await wrapper.vm.$nextTick()
    buttonIn(dialogs()[0]!, '保存').click()
    await wrapper.vm.$nextTick()
    const prompt = dialogs()[1]!
    expect(prompt.textContent).toContain('提交前请确认成绩报告单/证书申请信息，确认继续保存?')
    expect(wrapper.emitted('save')).toBeUndefined()
    buttonIn(prompt, '确定').click()
    await wrapper.vm.$nextTick()
    expect(wrapper.emitted('save')).toEqual([
      [
        [
          { bookingId: 'b-1', choice: 'electronic' },
          { bookingId: 'b-2', choice: 'electronic' },
        ],
      ],
    ])
  })
})
