// @vitest-environment happy-dom
/** Keyboard-first 首页: after 完成 the focus lands on 开始报名, never on the page body. */
import { enableAutoUnmount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { api } from '../api'
import { useVisitStore } from '../stores/visit'
import { deskStatus, ok, VISIT_ID } from '../testing/fixtures'
import { flush, mountScreen } from '../testing/mount-screen'

vi.mock('../api', () => import('../testing/fake-api'))
enableAutoUnmount(afterEach)

describe('首页 focus (keyboard-first)', () => {
  beforeEach(() => {
    vi.resetAllMocks()
    vi.mocked(api.getDeskStatus).mockResolvedValue(ok(deskStatus()))
  })

  it('K2: while a visit is open the resume link is the autofocus target; once it ends, 开始报名 takes the focus', async () => {
    await mountScreen('/', () => {
      useVisitStore().visitId = VISIT_ID
    })
    const resume = document.querySelector<HTMLElement>('main [data-autofocus]')
    expect(resume?.tagName).toBe('A')
    resume!.focus()

    useVisitStore().visitId = null
    await flush()

    const start = document.querySelector<HTMLButtonElement>('button.start')
    expect(start?.hasAttribute('data-autofocus')).toBe(true)
    expect(document.activeElement).toBe(start)
    expect(start?.dataset.shortcut).toBe('N')
  })
})
