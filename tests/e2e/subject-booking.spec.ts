/**
 * Booking, score report and QR payment as staff walk them (B1–B7, R1, P1–P4): 蓝笑天 books and
 * pays 英语四级笔试 (纸质), then 英语四级口试; the refusals say why; an unpaid booking is cancelled;
 * another expires when the host's test clock moves 24 hours (the page updates on its own).
 * Payment happens as on a phone: the order's pay page is opened in a second page and paid there.
 *
 * Runs after registration-flow.spec.ts (files run in name order): that one needs 蓝笑天 not yet
 * confirmed, and the last test here moves the host's clock a day forward.
 */
import type { Page } from '@playwright/test'
import { acceptAgreement, expect, fillLookup, heading, openAgreement, screen, signIn, submitLookup, test } from './fixtures'

test.describe.configure({ mode: 'serial' })

async function confirmCandidate(page: Page, idType: Parameters<typeof fillLookup>[1], idNumber: string, name: string): Promise<void> {
  await signIn(page)
  await openAgreement(page)
  await acceptAgreement(page)
  await fillLookup(page, idType, idNumber, name)
  await submitLookup(page)
  // Confirmed already (registration-flow.spec.ts confirms 蓝笑天): the lookup goes to 报名信息.
  await expect(heading(page, '资格信息确认').or(heading(page, '报名信息'))).toBeVisible()
  if (await heading(page, '报名信息').isVisible()) return
  await page.getByLabel('我已检查并确认学籍与资格信息正确').check()
  await page.getByRole('button', { name: '保存并继续' }).click()
  await page.getByRole('dialog').getByRole('button', { name: '确定' }).click()
  await page.getByRole('dialog').getByRole('button', { name: '确定' }).click()
  await expect(heading(page, '报名信息')).toBeVisible()
}

/** The live 支付状态 on the payment screen. */
function paymentStatus(page: Page) {
  return page.getByRole('table', { name: '支付信息' }).getByRole('status')
}

function actions(page: Page) {
  return page.getByRole('group', { name: '报名操作' })
}

function writtenTable(page: Page) {
  return page.getByRole('table', { name: '笔试报考科目信息' })
}

async function bookWritten(page: Page, rowLabel: string): Promise<void> {
  await actions(page).getByRole('button', { name: '笔试报考' }).click()
  await expect(heading(page, '笔试科目报考')).toBeVisible()
  await page.getByRole('checkbox', { name: rowLabel }).check()
  await page.getByRole('button', { name: '提交', exact: true }).click()
  await expect(heading(page, '报名信息')).toBeVisible()
}

/** P3: pays the order shown on the payment screen the way a phone would. */
async function payOnPhone(page: Page, shot?: string): Promise<void> {
  const payUrl = (await page.getByTestId('pay-url').textContent())?.trim() ?? ''
  expect(payUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/pay\/[0-9A-F]{32}$/)
  const phone = await page.context().newPage()
  await phone.goto(payUrl)
  if (shot) await phone.screenshot({ path: `test-results/screens/${shot}.png`, fullPage: true })
  await phone.getByRole('button', { name: '确认支付' }).click()
  await expect(phone.getByText('支付成功').first()).toBeVisible()
  await phone.close()
}

test('B1 B2 B3 R1 P1–P4: 蓝笑天 books and pays 英语四级笔试 (纸质), then 英语四级口试', async ({ page }) => {
  test.setTimeout(90_000)
  await confirmCandidate(page, '澳门身份证', '12001000008', '蓝笑天')
  await expect(actions(page).getByRole('button', { name: '笔试报考' })).toBeEnabled()

  // B1: the table in the seeds' layout; unavailable rows say why.
  await actions(page).getByRole('button', { name: '笔试报考' }).click()
  await expect(heading(page, '笔试科目报考')).toBeVisible()
  await expect(page.getByRole('heading', { name: '英语笔试' })).toBeVisible()
  await expect(page.getByRole('heading', { name: '小语种笔试' })).toBeVisible()
  const ja6Full = page.getByRole('row').filter({ hasText: '(4)日语六级笔试' }).filter({ hasText: '(120010)南开大学' })
  await expect(ja6Full).toContainText('无')
  await expect(ja6Full).toContainText('可以候补')
  await screen(page, '13-written-booking')
  await page.getByRole('checkbox', { name: '(1)英语四级笔试 (120010)南开大学' }).check()
  await page.getByRole('button', { name: '提交', exact: true }).click()

  // B4, B7: unpaid, with the time after which the system deletes it.
  await expect(heading(page, '报名信息')).toBeVisible()
  const row = writtenTable(page).getByRole('row').filter({ hasText: '英语四级笔试' })
  await expect(row).toContainText('0.10')
  await expect(row).toContainText(/未支付 \(\d{4}-\d{2}-\d{2} \d{2}:\d{2}后随时会被系统删除\)/)
  await expect(row).toContainText('未编排')
  await expect(row).toContainText('考生注册')
  await expect(page.getByText('全未支付')).toBeVisible()
  // R1 before P2: 支付 waits for the score-report choice and says so.
  await expect(page.getByRole('button', { name: '支付', exact: true }).first()).toBeDisabled()
  await expect(page.getByText('请先为英语四级笔试选择纸质或电子成绩报告单。')).toBeVisible()
  await screen(page, '14-info-written-unpaid')

  // B2: a second level-4 written subject is refused with the reason.
  await actions(page).getByRole('button', { name: '笔试报考' }).click()
  const de4 = page.getByRole('row').filter({ hasText: '(5)德语四级笔试' })
  await expect(de4).toContainText('已报考英语四级笔试，同一级别只能报考一个笔试科目。')
  await expect(de4.getByRole('checkbox')).toBeDisabled()
  await screen(page, '15-written-level-taken')
  await page.getByRole('button', { name: '返回' }).click()

  // B3: oral before the written is paid is refused with the reason.
  await actions(page).getByRole('button', { name: '口试报考' }).click()
  await expect(heading(page, '口试科目报考')).toBeVisible()
  await expect(page.getByRole('region', { name: '英语四级口试' })).toContainText('请先报考并支付英语四级笔试，再报考英语四级口试。')
  await screen(page, '16-oral-refused')
  await page.getByRole('button', { name: '返回' }).click()

  // R1: 纸质 is confirmed, then "确认继续保存?".
  await actions(page).getByRole('button', { name: '纸质成绩报告单' }).click()
  const reportDialog = page.getByRole('dialog', { name: '纸质成绩报告单/证书申请' })
  await expect(reportDialog).toContainText('英语四级成绩报告单')
  await screen(page, '17-score-report-dialog')
  await reportDialog.getByRole('radio', { name: '纸质' }).check()
  const paperPrompt = page.getByRole('dialog', { name: '提示' })
  await expect(paperPrompt).toContainText('需要纸质英语四级成绩报告单')
  await screen(page, '18-score-report-paper-prompt')
  await paperPrompt.getByRole('button', { name: '确定' }).click()
  await reportDialog.getByRole('button', { name: '保存' }).click()
  const savePrompt = page.getByRole('dialog', { name: '提示' })
  await expect(savePrompt).toContainText('确认继续保存?')
  await screen(page, '19-score-report-save-prompt')
  await savePrompt.getByRole('button', { name: '确定' }).click()
  await expect(reportDialog).toBeHidden()
  await expect(row).toContainText('纸质')

  // P2: 确认报考信息.
  await page.getByRole('button', { name: '支付', exact: true }).first().click()
  const confirmDialog = page.getByRole('dialog', { name: '确认报考信息' })
  await expect(confirmDialog).toContainText('蓝笑天')
  await expect(confirmDialog).toContainText('笔试')
  await expect(confirmDialog.getByRole('row').filter({ hasText: '英语四级笔试' })).toContainText('纸质')
  await expect(confirmDialog).toContainText('合计: ¥0.10')
  await screen(page, '20-payment-confirm')
  await confirmDialog.getByRole('button', { name: '去支付' }).click()

  // P3: the QR code, amount, NEEA ID and countdown; status follows the central on its own.
  await expect(heading(page, '支付缴费')).toBeVisible()
  await expect(page.getByRole('img', { name: /支付二维码/ })).toBeVisible()
  await expect(page.getByText('0.10元人民币')).toBeVisible()
  await expect(page.getByText(/二维码剩余有效时间 \d/)).toBeVisible()
  await expect(paymentStatus(page)).toHaveText('未支付')
  await screen(page, '21-payment-qr')
  await payOnPhone(page, '22-demo-payment-page')
  await expect(paymentStatus(page)).toHaveText('已支付', { timeout: 15_000 })
  await screen(page, '23-payment-paid')
  await page.getByRole('button', { name: '返回报名信息' }).click()
  await expect(row).toContainText('已支付')
  await expect(row).toContainText('已支付科目不可取消报考。')

  // B3: now 英语四级口试 can be booked at an allowed campus, and paid.
  await actions(page).getByRole('button', { name: '口试报考' }).click()
  const oral = page.getByRole('region', { name: '英语四级口试' })
  await oral.getByLabel('英语四级口试报名校区').selectOption('120010')
  await oral.getByRole('checkbox', { name: '(F)英语四级口试 (120010)南开大学' }).check()
  await screen(page, '24-oral-booking')
  await page.getByRole('button', { name: '提交', exact: true }).click()
  await expect(heading(page, '报名信息')).toBeVisible()
  const oralRow = page.getByRole('table', { name: '口试报考科目信息' }).getByRole('row').filter({ hasText: '英语四级口试' })
  await expect(oralRow).toContainText('未支付')
  // B5: the written subject cannot be cancelled while the same-level oral is booked (and it is paid).
  await page.getByRole('region', { name: '口试报考科目信息' }).getByRole('button', { name: '支付', exact: true }).click()
  const oralConfirm = page.getByRole('dialog', { name: '确认报考信息' })
  await expect(oralConfirm).toContainText('口试')
  await oralConfirm.getByRole('button', { name: '去支付' }).click()
  await expect(heading(page, '支付缴费')).toBeVisible()
  await payOnPhone(page)
  await expect(paymentStatus(page)).toHaveText('已支付', { timeout: 15_000 })
  await page.getByRole('button', { name: '返回报名信息' }).click()
  await expect(oralRow).toContainText('已支付')
  await expect(actions(page).getByRole('button', { name: '删除报名信息' })).toBeDisabled()
  await screen(page, '25-info-all-paid')
})

test('B5: 王晓明 cancels an unpaid booking; the seat is released', async ({ page }) => {
  await confirmCandidate(page, '中华人民共和国居民身份证', '120104200403151239', '王晓明')
  await bookWritten(page, '(2)英语六级笔试 (120011)南开大学本科生八里台校区')
  const row = writtenTable(page).getByRole('row').filter({ hasText: '英语六级笔试' })
  await expect(row).toContainText('未支付')
  await row.getByRole('button', { name: '取消英语六级笔试' }).click()
  const prompt = page.getByRole('dialog', { name: '提示' })
  await expect(prompt).toContainText('确定取消英语六级笔试的报考吗？')
  await screen(page, '26-cancel-prompt')
  await prompt.getByRole('button', { name: '确定' }).click()
  await expect(page.getByText('当前没有笔试报考科目，请通过“笔试报考”进行科目报考！')).toBeVisible()
  await screen(page, '27-cancelled')
})

test('B4: an unpaid booking is deleted by the system 24 hours later; the page updates without reload', async ({ page, request, baseURL }) => {
  await confirmCandidate(page, '香港身份证', 'A123456(3)', '陈嘉欣')
  await bookWritten(page, '(1)英语四级笔试 (120010)南开大学')
  await expect(writtenTable(page).getByRole('row').filter({ hasText: '英语四级笔试' })).toContainText('未支付')
  await screen(page, '28-before-expiry')

  const moved = await request.post('/test/clock', { data: { advanceMs: 24 * 60 * 60 * 1000 + 60_000 }, headers: { Origin: baseURL! } })
  expect(moved.status()).toBe(200)
  await expect(page.getByText('当前没有笔试报考科目，请通过“笔试报考”进行科目报考！')).toBeVisible({ timeout: 15_000 })
  await screen(page, '29-after-expiry')
})
