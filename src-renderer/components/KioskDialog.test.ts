// @vitest-environment happy-dom
/** The one dialog primitive: focus in, Esc closes the dialog in front only, focus back to the opener. */
import { enableAutoUnmount, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { defineComponent, h, nextTick, ref } from 'vue'
import { i18nForTests } from '../testing/i18n'
import ConfirmDialog from './ConfirmDialog.vue'
import ModalPanel from './booking/ModalPanel.vue'

enableAutoUnmount(afterEach)

function escape(): void {
  document.activeElement?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }))
}

describe('KioskDialog (ConfirmDialog, ModalPanel, IdleWarning)', () => {
  it('Esc closes only the prompt in front of a panel; focus returns to where it was', async () => {
    const panelOpen = ref(true)
    const promptOpen = ref(false)
    const Host = defineComponent({
      setup: () => () => [
        h('button', { id: 'opener' }, 'open'),
        panelOpen.value
          ? h(ModalPanel, { title: '纸质成绩报告单/证书申请', onClose: () => (panelOpen.value = false) }, { default: () => h('input', { id: 'paper', type: 'radio' }) })
          : null,
        promptOpen.value ? h(ConfirmDialog, { onCancel: () => (promptOpen.value = false), onConfirm: () => undefined }, { default: () => h('p', '确认继续保存?') }) : null,
      ],
    })
    document.body.innerHTML = ''
    const opener = document.createElement('button')
    document.body.append(opener)
    opener.focus()
    mount(Host, { attachTo: document.body, global: { plugins: [i18nForTests()] } })
    await nextTick()
    expect(document.activeElement?.id).toBe('paper')

    promptOpen.value = true
    await nextTick()
    expect(document.activeElement?.textContent).toBe('确定')

    escape()
    await nextTick()
    expect(promptOpen.value).toBe(false)
    expect(panelOpen.value).toBe(true)
    expect(document.activeElement?.id).toBe('paper')

    escape()
    await nextTick()
    expect(panelOpen.value).toBe(false)
    expect(document.activeElement).toBe(opener)
  })
})
