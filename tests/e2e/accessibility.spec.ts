/**
 * Accessibility (issue #9): axe-core, run inside Chromium by @axe-core/playwright, finds no
 * serious or critical violation on any screen or dialog: sign-in, 首页, the supervisor's screens,
 * then a whole visit of 安无障 (a demo candidate kept for this spec) with every dialog on the way.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { acceptAgreement, expect, fillLookup, heading, openAgreement, submitLookup, test } from './fixtures'

test.describe.configure({ mode: 'serial' })

const checked: string[] = []
/** Lesser findings (moderate, minor), reported, not failed on. */
const lesser = new Set<string>()

/** Runs every axe rule (WCAG 2.x A/AA and best practices) on the page as it is now. */
async function expectAccessible(page: Page, what: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready)
  const results = await new AxeBuilder({ page }).analyze()
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
  expect(serious, `axe on ${what}`).toEqual([])
  // axe really ran its rules here (not an empty page or a failed injection).
  expect(results.passes.length, `axe rules passed on ${what}`).toBeGreaterThan(10)
  for (const v of results.violations) lesser.add(`${v.id} (${v.impact})`)
  checked.push(what)
}

async function signInAs(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/')
  await expect(heading(page, '操作员登录')).toBeVisible()
  await expectAccessible(page, '操作员登录')
  await page.getByLabel('用户名').fill(username)
  await page.getByLabel('密码').fill(password)
  await page.getByRole('button', { name: '登录' }).click()
  await expect(page.getByRole('button', { name: '开始报名' })).toBeVisible()
}

async function openScreen(page: Page, hash: string, title: string): Promise<void> {
  await page.goto(`/#${hash}`)
  await expect(heading(page, title)).toBeVisible()
  await expectAccessible(page, title)
}

test.afterAll(() => {
  console.log(`axe: no serious or critical violations on ${checked.length} screens and dialogs: ${checked.join(', ')}`)
  console.log(`axe: lesser findings: ${[...lesser].join(', ') || 'none'}`)
})

test('a11y: sign-in, 首页 and the supervisor screens have no serious or critical axe violations', async ({ page }) => {
  // axe walks the whole DOM on every call: generous on a shared machine (no timing is asserted).
  test.setTimeout(300_000)
  await signInAs(page, 'admin', 'admin1234')
  await expectAccessible(page, '首页')
  await openScreen(page, '/operators', '操作员管理')
  await openScreen(page, '/audit', '审计日志')
  await openScreen(page, '/capacity', '容量管理')
  await openScreen(page, '/import', '数据导入')
  await openScreen(page, '/sync-issues', '同步异常')
  await openScreen(page, '/day-report', '日报表')
})

test('a11y: a whole visit — agreement, lookup, confirm, booking, waitlist, score report, payment, receipt — and its dialogs', async ({ page }) => {
  test.setTimeout(600_000)
  await signInAs(page, 'demo', 'demo1234')
  await openAgreement(page)
  await expectAccessible(page, '报名协议 & 诚信承诺书')
  await acceptAgreement(page)
  await expectAccessible(page, '资格信息查询')
  await page.getByRole('button', { name: '查询' }).click()
  await expectAccessible(page, '资格信息查询 (empty fields refused)')
  await fillLookup(page, '中华人民共和国居民身份证', '120104200502020023', '安无障')
  await submitLookup(page)

  await expect(heading(page, '资格信息确认')).toBeVisible()
  await expectAccessible(page, '资格信息确认')
  await page.getByRole('button', { name: 'CET6资格复核' }).click()
  await expect(page.getByRole('dialog', { name: 'CET6资格复核' })).toBeVisible()
  await expectAccessible(page, 'CET6资格复核 dialog')
  await page.keyboard.press('Escape')
  await page.getByLabel('我已检查并确认学籍与资格信息正确').check()
  await page.getByRole('button', { name: '保存并继续' }).click()
  await expect(page.getByRole('dialog', { name: '提示' })).toBeVisible()
  await expectAccessible(page, '资格信息确认 phone prompt')
  await page.getByRole('dialog').getByRole('button', { name: '确定' }).click()
  await page.getByRole('dialog').getByRole('button', { name: '确定' }).click()

  await expect(heading(page, '报名信息')).toBeVisible()
  await expectAccessible(page, '报名信息')
  const actions = page.getByRole('group', { name: '报名操作' })

  // W1: a full row's 提交候补 confirmation, then the entry and its cancel dialogs (W3).
  await actions.getByRole('button', { name: '笔试报考' }).click()
  await expect(heading(page, '笔试科目报考')).toBeVisible()
  await expectAccessible(page, '笔试科目报考')
  const ja6Full = page.getByRole('row').filter({ hasText: '(4)日语六级笔试' }).filter({ hasText: '(120010)南开大学' })
  await ja6Full.getByRole('button', { name: /提交候补/ }).click()
  await expect(page.getByRole('dialog')).toContainText('确定提交日语六级笔试')
  await expectAccessible(page, '提交候补 prompt')
  await page.getByRole('dialog').getByRole('button', { name: '确定' }).click()
  await expect(heading(page, '报名信息')).toBeVisible()
  await page.getByRole('region', { name: '候补信息' }).getByRole('button', { name: '取消候补' }).click()
  await expect(page.getByRole('dialog')).toContainText('可能降低候补成功概率')
  await expectAccessible(page, '取消候补 warning')
  await page.getByRole('dialog').getByRole('button', { name: '确定' }).click()
  await expect(page.getByRole('dialog', { name: '取消候补原因' })).toBeVisible()
  await expectAccessible(page, '取消候补原因 dialog')
  await page.getByRole('dialog', { name: '取消候补原因' }).getByRole('button', { name: '返回' }).click()

  // B1: book 英语四级笔试; the oral screen says why 口试 must wait (B3).
  await actions.getByRole('button', { name: '笔试报考' }).click()
  await page.getByRole('checkbox', { name: '(1)英语四级笔试 (120010)南开大学' }).check()
  await page.getByRole('button', { name: '提交', exact: true }).click()
  await expect(heading(page, '报名信息')).toBeVisible()
  await expectAccessible(page, '报名信息 with an unpaid booking and a waitlist entry')
  await actions.getByRole('button', { name: '口试报考' }).click()
  await expect(heading(page, '口试科目报考')).toBeVisible()
  await expectAccessible(page, '口试科目报考')
  await page.getByRole('button', { name: '返回' }).click()

  // R1, P2, P3.
  await actions.getByRole('button', { name: '纸质成绩报告单' }).click()
  const report = page.getByRole('dialog', { name: '纸质成绩报告单/证书申请' })
  await expectAccessible(page, '纸质成绩报告单/证书申请 dialog')
  await report.getByRole('radio', { name: '电子' }).check()
  await report.getByRole('button', { name: '保存' }).click()
  await page.getByRole('dialog', { name: '提示' }).getByRole('button', { name: '确定' }).click()
  await expect(report).toBeHidden()
  await page.getByRole('region', { name: '笔试报考科目信息' }).getByRole('button', { name: '支付', exact: true }).click()
  await expect(page.getByRole('dialog', { name: '确认报考信息' })).toBeVisible()
  await expectAccessible(page, '确认报考信息 dialog')
  await page.getByRole('dialog', { name: '确认报考信息' }).getByRole('button', { name: '去支付' }).click()
  await expect(heading(page, '支付缴费')).toBeVisible()
  await expect(page.getByRole('img', { name: /支付二维码/ })).toBeVisible()
  await expectAccessible(page, '支付缴费')

  await page.goto('/#/receipt')
  await expect(heading(page, '报名回执')).toBeVisible()
  await expectAccessible(page, '报名回执')
  await page.getByRole('button', { name: '完成', exact: true }).click()
  await expect(page.getByRole('button', { name: '开始报名' })).toBeVisible()
})
