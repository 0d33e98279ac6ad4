// @vitest-environment happy-dom
import { enableAutoUnmount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { api } from '../api'
import { deskStatus, ok, operator } from '../testing/fixtures'
import { flush, mountScreen } from '../testing/mount-screen'
import { dayReport } from '../testing/print-fixtures'

vi.mock('../api', () => import('../testing/fake-api'))
enableAutoUnmount(afterEach)

const charts = vi.hoisted(() => [] as { type: string; data: { labels: string[]; datasets: { data: number[] }[] } }[])
vi.mock('chart.js', () => {
  class Chart {
    static register(): void {}
    data: unknown
    constructor(_canvas: unknown, config: (typeof charts)[number]) {
      charts.push(config)
      this.data = config.data
    }
    update(): void {}
    destroy(): void {}
  }
  return { Chart, BarController: {}, BarElement: {}, CategoryScale: {}, LinearScale: {} }
})

const supervisor = { ...operator, id: 2, username: 'admin', displayName: '演示主管', role: 'supervisor' as const }

describe('日报表 screen', () => {
  beforeEach(() => {
    vi.resetAllMocks()
    charts.length = 0
    vi.mocked(api.getDeskStatus).mockResolvedValue(ok(deskStatus({ operator: supervisor })))
    vi.mocked(api.getDayReport).mockResolvedValue(ok(dayReport()))
  })

  it('K1: shows main’s figures for today, each chart with its text alternative and its table', async () => {
    await mountScreen('/day-report')
    await flush()
    expect(api.getDayReport).toHaveBeenCalledWith({})
    const main = document.querySelector('main')!
    expect((main.querySelector('#report-date') as HTMLInputElement).value).toBe('2026-09-10')
    expect(main.textContent).toContain('2026-09-10 办理日报')
    expect(main.textContent).toContain('2 / ¥0.20')
    const images = Array.from(main.querySelectorAll('canvas[role="img"]')).map((c) => c.getAttribute('aria-label'))
    expect(images).toEqual([
      '柱状图：按科目统计的报考数量，数据见下表。',
      '柱状图：已支付与未支付的报考数量，数据见下表。',
      '柱状图：每小时办理次数，数据见下表。',
    ])
    expect(charts.map((c) => c.data.datasets[0]!.data)).toEqual([
      [2, 1],
      [2, 1, 0],
      [0, 0, 2, 0, 0, 0, 1, 0, 0, 0],
    ])
    const tables = Array.from(main.querySelectorAll('table')).map((t) => t.querySelector('caption')?.textContent)
    expect(tables).toEqual(expect.arrayContaining(['按科目统计报考', '支付情况', '每小时办理次数', '按校区统计报考']))
    expect(main.textContent).toContain('(12001)南开大学 (120010)南开大学')
  })

  it('K1: an operator is kept off the screen and main is not asked', async () => {
    vi.mocked(api.getDeskStatus).mockResolvedValue(ok(deskStatus({ operator })))
    const { router } = await mountScreen('/day-report')
    expect(router.currentRoute.value.path).toBe('/')
    expect(api.getDayReport).not.toHaveBeenCalled()
  })
})
