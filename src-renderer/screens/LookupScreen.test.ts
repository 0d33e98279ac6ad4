// @vitest-environment happy-dom
import { enableAutoUnmount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ID_TYPES } from '../../src-shared/domain/id-documents'
import { api } from '../api'
import { candidate, deskStatus, fail, ok, registrationInfo, VISIT_ID } from '../testing/fixtures'
import { flush, mountScreen } from '../testing/mount-screen'
import { useVisitStore } from '../stores/visit'

vi.mock('../api', () => import('../testing/fake-api'))
enableAutoUnmount(afterEach)

/** The control a visible label names (its accessible name), as a screen reader finds it. */
function controlLabelled(text: string): HTMLInputElement | HTMLSelectElement {
  const label = Array.from(document.querySelectorAll('label')).find((l) => l.textContent?.trim() === text)
  expect(label, `label ${text}`).toBeDefined()
  const control = document.getElementById(label!.htmlFor)
  expect(control).not.toBeNull()
  return control as HTMLInputElement | HTMLSelectElement
}

function errorOf(control: Element): string | undefined {
  const id = control.getAttribute('aria-describedby')
  return id ? document.getElementById(id)?.textContent?.trim() : undefined
}

/**
 * Enter in a text field: happy-dom does not implement implicit submission, so do what the HTML
 * standard has the browser do — click the form's default button, the first submit button.
 */
function pressEnter(input: HTMLInputElement): void {
  const notCancelled = input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }))
  const defaultButton = input.form?.querySelector<HTMLButtonElement>('button[type="submit"], input[type="submit"]')
  expect(defaultButton?.textContent?.trim()).toBe('查询')
  if (notCancelled) defaultButton?.click()
}

async function openLookup() {
  const mounted = await mountScreen('/lookup', () => {
    useVisitStore().visitId = VISIT_ID
  })
  expect(mounted.router.currentRoute.value.path).toBe('/lookup')
  return mounted
}

async function fill(idType: string, idNumber: string, name: string): Promise<void> {
  const select = controlLabelled('证件类型') as HTMLSelectElement
  select.value = idType
  select.dispatchEvent(new Event('change'))
  const number = controlLabelled('证件号码')
  number.value = idNumber
  number.dispatchEvent(new Event('input'))
  const nameInput = controlLabelled('姓名')
  nameInput.value = name
  nameInput.dispatchEvent(new Event('input'))
  await flush()
}

describe('资格信息查询 screen', () => {
  beforeEach(() => {
    vi.resetAllMocks()
    vi.mocked(api.getDeskStatus).mockResolvedValue(ok(deskStatus()))
  })

  it('E2: names each control by its visible label, with the seed’s options and placeholders', async () => {
    const { wrapper } = await openLookup()

    expect(wrapper.find('h1').text()).toBe('资格信息查询')
    const select = controlLabelled('证件类型') as HTMLSelectElement
    expect(select.tagName).toBe('SELECT')
    expect(Array.from(select.options).map((o) => o.textContent?.trim())).toEqual(['- 请选择 -', ...ID_TYPES])
    expect(controlLabelled('证件号码').getAttribute('placeholder')).toBe('请输入证件号码')
    expect(controlLabelled('姓名').getAttribute('placeholder')).toBe('请输入姓名')
    expect(wrapper.findAll('.required').map((r) => r.text())).toEqual(['*', '*', '*'])
    expect(wrapper.find('button[type="submit"]').text()).toBe('查询')
  })

  it('E2: empty fields get their messages beside them, and nothing is looked up', async () => {
    const { wrapper } = await openLookup()

    await wrapper.find('form').trigger('submit')
    await flush()

    for (const [label, message] of [
      ['证件类型', '请选择证件类型'],
      ['证件号码', '请输入证件号码'],
      ['姓名', '请输入姓名'],
    ] as const) {
      const control = controlLabelled(label)
      expect(control.getAttribute('aria-invalid')).toBe('true')
      expect(errorOf(control)).toBe(message)
    }
    expect(api.lookupEligibility).not.toHaveBeenCalled()
  })

  it('E2: Enter in a field submits the form', async () => {
    vi.mocked(api.lookupEligibility).mockResolvedValue(ok(candidate()))
    await openLookup()
    await fill('澳门身份证', '12001000008', '蓝笑天')

    pressEnter(controlLabelled('姓名') as HTMLInputElement)
    await flush()

    expect(api.lookupEligibility).toHaveBeenCalledWith({
      visitId: VISIT_ID,
      idType: '澳门身份证',
      idNumber: '12001000008',
      name: '蓝笑天',
    })
  })

  it('E2: a format refusal from main is shown under 证件号码', async () => {
    const message = '居民身份证号码的校验位不正确，请逐位核对号码。'
    vi.mocked(api.lookupEligibility).mockResolvedValue(fail('ID_FORMAT', message))
    const { wrapper } = await openLookup()
    await fill('中华人民共和国居民身份证', '110101199003070000', '张三')

    await wrapper.find('form').trigger('submit')
    await flush()

    const number = controlLabelled('证件号码')
    expect(number.getAttribute('aria-invalid')).toBe('true')
    expect(errorOf(number)).toBe(message)
    expect(wrapper.find('[role="alert"]').exists()).toBe(false)
  })

  it('E2: no matching record is announced as an alert', async () => {
    vi.mocked(api.lookupEligibility).mockResolvedValue(fail('NOT_FOUND', '未查询到考生资格信息，请核对证件类型、证件号码和姓名。'))
    const { wrapper } = await openLookup()
    await fill('护照', '99300000000000000000', '郎晓旭')

    await wrapper.find('form').trigger('submit')
    await flush()

    expect(wrapper.find('[role="alert"]').text()).toBe('未查询到考生资格信息，请核对证件类型、证件号码和姓名。')
  })

  it('E3: a found candidate goes on to 资格信息确认', async () => {
    vi.mocked(api.lookupEligibility).mockResolvedValue(ok(candidate()))
    const { wrapper, router } = await openLookup()
    await fill('澳门身份证', '12001000008', '蓝笑天')

    await wrapper.find('form').trigger('submit')
    await flush()

    expect(router.currentRoute.value.path).toBe('/confirm')
  })

  it('E4: a record already confirmed (locked) goes straight to 报名信息', async () => {
    const info = registrationInfo()
    vi.mocked(api.lookupEligibility).mockResolvedValue(ok(info.candidate))
    vi.mocked(api.getRegistrationInfo).mockResolvedValue(ok(info))
    const { wrapper, router } = await openLookup()
    await fill('澳门身份证', '12001000008', '蓝笑天')

    await wrapper.find('form').trigger('submit')
    await flush()

    expect(router.currentRoute.value.path).toBe('/info')
    expect(api.getRegistrationInfo).toHaveBeenCalledWith({ visitId: VISIT_ID })
  })

  it('sends a screen without a visit back to 首页', async () => {
    const { router } = await mountScreen('/lookup')
    expect(router.currentRoute.value.path).toBe('/')
  })
})
