// @vitest-environment happy-dom
import { enableAutoUnmount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { api } from '../api'
import { useVisitStore } from '../stores/visit'
import { candidate, deskStatus, fail, ok, registrationInfo, VISIT_ID } from '../testing/fixtures'
import { flush, mountScreen } from '../testing/mount-screen'

vi.mock('../api', () => import('../testing/fake-api'))
enableAutoUnmount(afterEach)

async function openInfo() {
  return mountScreen('/info', () => {
    const visit = useVisitStore()
    visit.visitId = VISIT_ID
    visit.candidate = candidate({ confirmedAt: '2026-09-10T11:00:00+08:00' })
  })
}

function actionButtons(): HTMLButtonElement[] {
  return Array.from(document.querySelectorAll<HTMLButtonElement>('[aria-label="报名操作"] button'))
}

describe('报名信息 screen', () => {
  beforeEach(() => {
    vi.resetAllMocks()
    vi.mocked(api.getDeskStatus).mockResolvedValue(ok(deskStatus()))
    vi.mocked(api.getRegistrationInfo).mockResolvedValue(ok(registrationInfo()))
  })

  it('I1: shows main’s actions in order; disabled ones carry their reason as tooltip and description', async () => {
    await openInfo()

    const buttons = actionButtons()
    expect(buttons.map((b) => b.textContent?.trim())).toEqual([
      '返回首页',
      'CET6资格复核',
      '笔试报考',
      '纸质成绩报告单',
      '口试报考',
      '删除报名信息',
    ])
    const oral = buttons[4]!
    expect(oral.disabled).toBe(true)
    expect(oral.title).toBe('请先报考并支付同级别笔试科目。')
    const description = document.getElementById(oral.getAttribute('aria-describedby')!)
    expect(description?.textContent?.trim()).toBe('请先报考并支付同级别笔试科目。')
    expect(description?.classList.contains('visually-hidden')).toBe(true)

    const written = buttons[2]!
    expect(written.disabled).toBe(false)
    expect(written.hasAttribute('title')).toBe(false)
    expect(written.hasAttribute('aria-describedby')).toBe(false)
  })

  it('I1: shows the personal record, empty sections in the seed’s words, and announcements', async () => {
    const { wrapper } = await openInfo()

    expect(api.getRegistrationInfo).toHaveBeenCalledWith({ visitId: VISIT_ID })
    expect(wrapper.find('h1').text()).toBe('报名信息')
    expect(wrapper.findAll('.notice li')).toHaveLength(8)
    expect(wrapper.findAll('h2').map((h) => h.text())).toEqual([
      '提示',
      '报名个人信息',
      '笔试报考科目信息',
      '口试报考科目信息',
      '候补信息',
      '通告信息',
    ])
    const text = wrapper.text()
    expect(text).toContain('(12001)南开大学 — (120010)南开大学')
    expect(text).toContain('当前没有笔试报考科目，请通过“笔试报考”进行科目报考！')
    expect(text).toContain('当前没有报考口试科目，可通过“口试报考”进行科目报考！')
    expect(text).toContain('无正在候补信息。')
    expect(wrapper.find('.announcement h3').text()).toBe('省通告: (12)天津市')
    expect(wrapper.find('.announcement').text()).toContain('请按时缴费。')
    expect(wrapper.findAll('table th').map((th) => th.text())).toEqual([
      '笔试报名学校',
      '笔试报名校区',
      '资格科目',
      '姓名',
      '性别',
      '证件类型',
      '证件号码',
      '学历',
      '学制',
      '入学年份',
      '年级',
      '院系',
      '专业',
      '班级',
      '学号',
      '备注',
    ])
  })

  it('返回首页 goes home and keeps the visit open for 完成', async () => {
    const { router } = await openInfo()

    actionButtons()[0]!.click()
    await flush()

    expect(router.currentRoute.value.path).toBe('/')
    expect(useVisitStore().active).toBe(true)
  })

  it('shows main’s message when the page cannot be loaded', async () => {
    vi.mocked(api.getRegistrationInfo).mockResolvedValue(fail('INTERNAL', '无法连接本机服务，请稍后重试。'))
    const { wrapper } = await openInfo()

    expect(wrapper.find('[role="alert"]').text()).toContain('无法连接本机服务，请稍后重试。')
  })
})
