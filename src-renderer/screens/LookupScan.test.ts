// @vitest-environment happy-dom
/** 刷证 on 资格信息查询 (E2): a reader's line fills the three fields; a bad one changes nothing. */
import { enableAutoUnmount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { api } from '../api'
import { useVisitStore } from '../stores/visit'
import { candidate, deskStatus, ok, VISIT_ID } from '../testing/fixtures'
import { flush, mountScreen } from '../testing/mount-screen'

vi.mock('../api', () => import('../testing/fake-api'))
enableAutoUnmount(afterEach)

const ICAO_LINE_1 = 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<'
const ICAO_LINE_2 = 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id)
  expect(element, id).not.toBeNull()
  return element as T
}

/** What a keyboard-mode reader does: types the line into the focused field, then Enter. */
async function scan(line: string): Promise<void> {
  const field = byId<HTMLInputElement>('lookup-scan')
  expect(document.activeElement).toBe(field)
  field.value = line
  field.dispatchEvent(new Event('input'))
  const notCancelled = field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }))
  // Enter must not reach the form's implicit submission.
  expect(notCancelled).toBe(false)
  await flush()
}

function fields(): [string, string, string] {
  return [byId<HTMLSelectElement>('lookup-idType').value, byId<HTMLInputElement>('lookup-idNumber').value, byId<HTMLInputElement>('lookup-name').value]
}

async function openLookup() {
  const mounted = await mountScreen('/lookup', () => {
    useVisitStore().visitId = VISIT_ID
  })
  // The router's afterEach focuses [data-autofocus]: in the browser, 刷证.
  byId<HTMLInputElement>('lookup-scan').focus()
  return mounted
}

describe('资格信息查询: 刷证 (card reader, E2)', () => {
  beforeEach(() => {
    vi.resetAllMocks()
    vi.mocked(api.getDeskStatus).mockResolvedValue(ok(deskStatus()))
  })

  it('E2: 刷证 is the first field, marked for autofocus and Alt+S, named by its label', async () => {
    await openLookup()
    const field = byId<HTMLInputElement>('lookup-scan')
    expect(document.querySelector('main [data-autofocus]')).toBe(field)
    expect(field.getAttribute('aria-keyshortcuts')).toBe('Alt+S')
    expect(document.querySelector('label[for="lookup-scan"]')?.textContent?.trim()).toBe('刷证')
    expect(field.form?.querySelector('input, select')).toBe(field)
  })

  it('E2: a type|number|name line fills all three fields, focus goes to 查询, and nothing is looked up yet', async () => {
    await openLookup()
    await scan('1|120104200403151239|王晓明')

    expect(fields()).toEqual(['中华人民共和国居民身份证', '120104200403151239', '王晓明'])
    expect(document.activeElement?.textContent?.trim()).toBe('查询')
    expect(document.querySelector('[role="status"]')?.textContent).toContain('已读取证件：中华人民共和国居民身份证，王晓明')
    expect(api.lookupEligibility).not.toHaveBeenCalled()
  })

  it('E2: after a scan, 查询 sends exactly what a typed lookup would', async () => {
    vi.mocked(api.lookupEligibility).mockResolvedValue(ok(candidate()))
    await openLookup()
    await scan('澳门身份证|12001000008|蓝笑天')
    ;(document.activeElement as HTMLButtonElement).click()
    await flush()

    expect(api.lookupEligibility).toHaveBeenCalledWith({ visitId: VISIT_ID, idType: '澳门身份证', idNumber: '12001000008', name: '蓝笑天' })
  })

  it('E2: a bad scan says why, changes none of the fields and keeps focus to scan again', async () => {
    await openLookup()
    await scan('1|120104200403151239|王晓明')
    byId<HTMLInputElement>('lookup-scan').focus()

    await scan('1|120101200001010008|张三')

    expect(fields()).toEqual(['中华人民共和国居民身份证', '120104200403151239', '王晓明'])
    const field = byId<HTMLInputElement>('lookup-scan')
    expect(field.getAttribute('aria-invalid')).toBe('true')
    expect(document.getElementById(field.getAttribute('aria-describedby')!)?.textContent).toBe('居民身份证号码的校验位不正确，请逐位核对号码。')
    expect(document.activeElement).toBe(field)
  })

  it('E2: a passport MRZ arrives in two lines, each ended by Enter', async () => {
    await openLookup()
    await scan(ICAO_LINE_1)
    expect(fields()).toEqual(['', '', ''])
    expect(document.querySelector('[role="status"]')?.textContent).toContain('第一行')

    await scan(ICAO_LINE_2)
    expect(fields()).toEqual(['护照', 'L898902C3', 'ERIKSSON ANNA MARIA'])
  })
})
