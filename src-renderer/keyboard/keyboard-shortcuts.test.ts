// @vitest-environment happy-dom
/** Keyboard-first operation: Alt+letter shortcuts and Enter on a tick box (README, 键盘操作). */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { findShortcutTarget, installKeyboardShortcuts } from './keyboard-shortcuts'

let remove: () => void = () => undefined

function press(target: EventTarget, init: KeyboardEventInit): boolean {
  return target.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }))
}

describe('keyboard shortcuts', () => {
  beforeEach(() => {
    remove = installKeyboardShortcuts(document)
  })
  afterEach(() => {
    remove()
    document.body.innerHTML = ''
  })

  it('Alt+W clicks the enabled control marked W, matched by the physical key', () => {
    document.body.innerHTML = '<main><button data-shortcut="W" disabled>old</button><button data-shortcut="W" id="w">笔试报考</button></main>'
    const clicked = vi.fn()
    document.getElementById('w')!.addEventListener('click', clicked)

    expect(press(document.body, { key: '∑', code: 'KeyW', altKey: true })).toBe(false)
    expect(clicked).toHaveBeenCalledOnce()
  })

  it('Alt+S focuses a field instead of clicking it; Ctrl+Alt and unknown letters do nothing', () => {
    document.body.innerHTML = '<main><input id="scan" data-shortcut="S" /></main>'
    press(document.body, { key: 's', code: 'KeyS', altKey: true })
    expect(document.activeElement?.id).toBe('scan')
    expect(press(document.body, { key: 'q', code: 'KeyQ', altKey: true })).toBe(true)
    expect(press(document.body, { key: 'w', code: 'KeyS', altKey: true, ctrlKey: true })).toBe(true)
  })

  it('with a dialog open, only its controls answer shortcuts', () => {
    document.body.innerHTML =
      '<main><button data-shortcut="P" id="behind">支付</button></main><div role="dialog" aria-modal="true"><button id="inside">去支付</button></div>'
    expect(findShortcutTarget(document, 'P')).toBeNull()
  })

  it('Enter on a tick box clicks the primary button of its screen, not of a dialog elsewhere', () => {
    document.body.innerHTML =
      '<main><input type="checkbox" id="row" /><button data-primary id="submit">提交</button></main>' +
      '<div role="dialog" aria-modal="true"><input type="radio" id="paper" /><button data-primary id="save">保存</button></div>'
    const submitted = vi.fn()
    const saved = vi.fn()
    document.getElementById('submit')!.addEventListener('click', submitted)
    document.getElementById('save')!.addEventListener('click', saved)

    press(document.getElementById('row')!, { key: 'Enter' })
    expect(submitted).toHaveBeenCalledOnce()
    expect(saved).not.toHaveBeenCalled()

    press(document.getElementById('paper')!, { key: 'Enter' })
    expect(saved).toHaveBeenCalledOnce()
    expect(submitted).toHaveBeenCalledOnce()
  })

  it('Enter during input-method composition is left alone', () => {
    document.body.innerHTML = '<main><input type="checkbox" id="row" /><button data-primary id="submit">提交</button></main>'
    const submitted = vi.fn()
    document.getElementById('submit')!.addEventListener('click', submitted)
    press(document.getElementById('row')!, { key: 'Enter', isComposing: true })
    expect(submitted).not.toHaveBeenCalled()
  })
})
