// @vitest-environment happy-dom
import { enableAutoUnmount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { AGREEMENT } from '../../src-shared/domain/agreement'
import { api } from '../api'
import { useVisitStore } from '../stores/visit'
import { deskStatus, ok, VISIT_ID } from '../testing/fixtures'
import { flush, mountScreen } from '../testing/mount-screen'

vi.mock('../api', () => import('../testing/fake-api'))
enableAutoUnmount(afterEach)

function button(text: string): HTMLButtonElement {
  const found = Array.from(document.querySelectorAll('button')).find((b) => b.textContent?.trim() === text)
  expect(found, `button ${text}`).toBeDefined()
  return found!
}

describe('报名协议 & 诚信承诺书 screen', () => {
  beforeEach(() => {
    vi.resetAllMocks()
    vi.mocked(api.getDeskStatus).mockResolvedValue(ok(deskStatus()))
    vi.mocked(api.getAgreement).mockResolvedValue(
      ok({ version: AGREEMENT.version, agreementItems: [...AGREEMENT.agreementItems], pledgeItems: [...AGREEMENT.pledgeItems] }),
    )
  })

  it('E1: shows both texts, the pledge numbered 一、二、三、四、', async () => {
    const { wrapper } = await mountScreen('/agreement')

    expect(wrapper.find('h1').text()).toBe('报名协议 & 诚信承诺书')
    expect(wrapper.findAll('h2').map((h) => h.text())).toEqual(['报名协议', '诚信承诺书'])
    expect(wrapper.findAll('ol.agreement li')).toHaveLength(12)
    expect(wrapper.findAll('ol.pledge li').map((li) => li.text().slice(0, 2))).toEqual(['一、', '二、', '三、', '四、'])
    expect(wrapper.find('label[for="agreement-accepted"]').text()).toBe('我已阅读并接受遵守报名协议及诚信承诺书')
  })

  it('E1: 同意 unchecked asks to tick the box and starts nothing', async () => {
    const { wrapper } = await mountScreen('/agreement')

    expect(button('同意').getAttribute('aria-disabled')).toBe('true')
    button('同意').click()
    await flush()

    expect(wrapper.find('[role="alert"]').text()).toBe('请勾选接受')
    expect(api.acceptAgreement).not.toHaveBeenCalled()
  })

  it('E1: 同意 after ticking records the version and opens 资格信息查询', async () => {
    vi.mocked(api.acceptAgreement).mockResolvedValue(ok({ visitId: VISIT_ID }))
    const { wrapper, router } = await mountScreen('/agreement')

    await wrapper.find('#agreement-accepted').setValue(true)
    button('同意').click()
    await flush()

    expect(api.acceptAgreement).toHaveBeenCalledWith({ version: AGREEMENT.version, accepted: true })
    expect(useVisitStore().visitId).toBe(VISIT_ID)
    expect(router.currentRoute.value.path).toBe('/lookup')
  })

  it('不同意 goes back to 首页', async () => {
    const { router } = await mountScreen('/agreement')
    button('不同意').click()
    await flush()
    expect(router.currentRoute.value.path).toBe('/')
  })
})
