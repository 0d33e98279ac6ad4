/**
 * K1–K3 as staff meet them: ID numbers and phones masked on every screen (显示 reveals one on
 * purpose), an idle visit counting down and then cleared from the screen, and the supervisor's
 * screens (操作员管理, 审计日志) refused to an operator.
 */
import type { Page } from '@playwright/test'
import { acceptAgreement, expect, fillLookup, heading, openAgreement, screen, signIn, submitLookup, test } from './fixtures'

async function signInAs(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/')
  await expect(heading(page, '操作员登录')).toBeVisible()
  await page.getByLabel('用户名').fill(username)
  await page.getByLabel('密码').fill(password)
  await page.getByRole('button', { name: '登录' }).click()
  await expect(page.getByRole('button', { name: '开始报名' })).toBeVisible()
}

test('K3: the ID number and phone are masked on every screen; 显示 reveals one on purpose', async ({ page }) => {
  await signIn(page)
  await openAgreement(page)
  await acceptAgreement(page)
  await fillLookup(page, '护照', '99300000000000000000', '郎晓旭')
  await submitLookup(page)

  await expect(heading(page, '资格信息确认')).toBeVisible()
  await expect(page.locator('main')).toContainText('9930****0000')
  await expect(page.locator('main')).not.toContainText('99300000000000000000')
  await screen(page, 'k3-01-confirm-masked')

  await page.getByLabel('我已检查并确认学籍与资格信息正确').check()
  await page.getByRole('button', { name: '保存并继续' }).click()
  const phoneDialog = page.getByRole('dialog')
  await expect(phoneDialog).toContainText('199****0038')
  await expect(phoneDialog).not.toContainText('19912340038')
  await screen(page, 'k3-02-phone-masked')
  await phoneDialog.getByRole('button', { name: '显示完整手机号' }).click()
  await expect(phoneDialog).toContainText('19912340038')
  await screen(page, 'k3-03-phone-revealed')
  await phoneDialog.getByRole('button', { name: '确定' }).click()
  await page.getByRole('dialog').getByRole('button', { name: '确定' }).click()

  await expect(heading(page, '报名信息')).toBeVisible()
  await expect(page.locator('main')).not.toContainText('99300000000000000000')
  await expect(page.locator('main')).toContainText('9930****0000')
  await screen(page, 'k3-04-info-masked')
  await page.getByRole('button', { name: '显示完整证件号码' }).first().click()
  await expect(page.locator('main')).toContainText('99300000000000000000')
  await screen(page, 'k3-05-info-revealed')

  // 完成: the next candidate sees nothing of this one, the revealed number included.
  await page.getByRole('button', { name: '完成', exact: true }).click()
  await expect(heading(page, '欢迎使用CET报名服务台')).toBeVisible()
  await expect(page.locator('body')).not.toContainText('郎晓旭')
  await expect(page.locator('body')).not.toContainText('99300000000000000000')
})

test('K2: an idle visit counts down, then ends by itself and clears the candidate from the screen', async ({ page }) => {
  await page.clock.install()
  await signIn(page)
  await openAgreement(page)
  await acceptAgreement(page)
  await fillLookup(page, '护照', '99301000037', '郎璐依珊')
  await submitLookup(page)
  await expect(heading(page, '资格信息确认')).toBeVisible()
  await expect(page.locator('main')).toContainText('郎璐依珊')

  // Default idle time: 3 minutes; the last 30 seconds count down.
  await page.clock.fastForward('02:31')
  const warning = page.getByRole('alertdialog', { name: '即将结束当前考生的办理' })
  await expect(warning).toBeVisible()
  await expect(warning.getByRole('button', { name: '继续办理' })).toBeFocused()
  await screen(page, 'k2-01-idle-warning')

  await page.clock.runFor('00:31')
  await expect(heading(page, '欢迎使用CET报名服务台')).toBeVisible()
  await expect(page.getByText('长时间未操作，已结束当前考生的报名并清除其信息。')).toBeVisible()
  await expect(page.locator('body')).not.toContainText('郎璐依珊')
  await expect(page.locator('body')).not.toContainText('9930****0037')
  await screen(page, 'k2-02-idle-cleared')

  // Going back in history finds no candidate screen either.
  await page.goBack()
  await expect(page.locator('body')).not.toContainText('郎璐依珊')
  await expect(page.getByRole('button', { name: '完成', exact: true })).toHaveCount(0)
})

test('K1: supervisor-only screens are refused to an operator, on screen and in main', async ({ page, request, baseURL }) => {
  await signIn(page)
  await expect(page.getByRole('link', { name: '操作员管理' })).toHaveCount(0)
  await page.goto('/#/operators')
  await expect(heading(page, '欢迎使用CET报名服务台')).toBeVisible()
  await expect(page.getByText('只有主管可以进行此操作，请联系主管。')).toBeVisible()
  await screen(page, 'k1-01-operator-refused')
  const answer = await request.post('/ipc/listAuditLog', { data: {}, headers: { Origin: baseURL! } })
  expect(await answer.json()).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '只有主管可以进行此操作，请联系主管。' } })
})

test('K1: a supervisor adds an operator and reads the audit log, including reveals', async ({ page }) => {
  await signInAs(page, 'admin', 'admin1234')
  await page.getByRole('link', { name: '操作员管理' }).click()
  await expect(heading(page, '操作员管理')).toBeVisible()
  await page.getByLabel('用户名', { exact: true }).fill('e2e-staff')
  await page.getByLabel('姓名', { exact: true }).fill('测试老师')
  await page.getByLabel('初始密码').fill('e2e password 1')
  await page.getByRole('button', { name: '新增', exact: true }).click()
  const row = page.getByRole('row').filter({ hasText: 'e2e-staff' })
  await expect(row).toContainText('正常')
  await row.getByRole('button', { name: '停用' }).click()
  await expect(row).toContainText('已停用')
  await screen(page, 'k1-02-operators')

  await page.getByRole('link', { name: '审计日志' }).click()
  await expect(heading(page, '审计日志')).toBeVisible()
  await expect(page.getByRole('table', { name: '审计记录' })).toContainText('停用操作员')
  await page.getByLabel('操作', { exact: true }).selectOption({ label: '显示完整信息' })
  await page.getByRole('button', { name: '查询' }).click()
  await expect(page.getByRole('table', { name: '审计记录' })).toContainText('演示操作员')
  await screen(page, 'k1-03-audit-log')
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: '导出CSV' }).click()
  expect((await download).suggestedFilename()).toMatch(/^audit-log-.*\.csv$/)
})
