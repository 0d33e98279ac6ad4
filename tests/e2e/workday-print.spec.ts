/**
 * The office's printouts (issue #9): 王晓明 books 英语六级笔试 (纸质) and pays it; 打印报名回执
 * shows the receipt, 打印 prints it, and the receipt rendered to PDF in Chromium (print media,
 * A4) is one page whose text pdftotext reads back (poppler-utils, installed by .ci/run) and
 * which pdftoppm renders to PNG to look at. Then the supervisor's 日报表: charts with tables,
 * 导出CSV and its print PDF.
 *
 * Runs last (files run in name order): 王晓明 is confirmed by subject-booking.spec.ts, and the
 * host's clock has moved a day, so today's report holds this file's visit.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { acceptAgreement, expect, fillLookup, heading, openAgreement, screen, signIn, submitLookup, test } from './fixtures'

test.describe.configure({ mode: 'serial', timeout: 90_000 })

const WANG_ID = '120104200403151239'
const SCREENS_DIR = join(import.meta.dirname, '..', '..', 'test-results', 'screens')

/** What the PDF says, as pdftotext reads it (one line per text line, layout kept). */
function pdfText(path: string): string {
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', path, '-'], { encoding: 'utf8' })
}

function pdfPages(path: string): number {
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' })
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0)
}

/** Renders page 1 to <name>.png beside the screenshots, to be looked at. */
function pdfToPng(path: string, name: string): void {
  execFileSync('pdftoppm', ['-png', '-r', '80', '-singlefile', path, join(SCREENS_DIR, name)])
}

/** window.print() in the headless host: recorded instead of opening a dialog. */
async function recordPrints(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as Window & { printed?: number }
    w.printed = 0
    w.print = () => {
      w.printed = (w.printed ?? 0) + 1
    }
  })
}

function printed(page: Page): Promise<number> {
  return page.evaluate(() => (window as Window & { printed?: number }).printed ?? 0)
}

async function reachInfo(page: Page): Promise<void> {
  await signIn(page)
  await openAgreement(page)
  await acceptAgreement(page)
  await fillLookup(page, '中华人民共和国居民身份证', WANG_ID, '王晓明')
  await submitLookup(page)
  await expect(heading(page, '资格信息确认').or(heading(page, '报名信息'))).toBeVisible()
  if (await heading(page, '报名信息').isVisible()) return
  await page.getByLabel('我已检查并确认学籍与资格信息正确').check()
  await page.getByRole('button', { name: '保存并继续' }).click()
  await page.getByRole('dialog').getByRole('button', { name: '确定' }).click()
  await page.getByRole('dialog').getByRole('button', { name: '确定' }).click()
  await expect(heading(page, '报名信息')).toBeVisible()
}

test('报名回执 K3 P3 R1: after payment the receipt prints on one A4 page with the masked ID, 已支付, order number and next steps', async ({ page }) => {
  await reachInfo(page)
  const actions = page.getByRole('group', { name: '报名操作' })
  await actions.getByRole('button', { name: '笔试报考' }).click()
  await page.getByRole('checkbox', { name: '(2)英语六级笔试 (120011)南开大学本科生八里台校区' }).check()
  await page.getByRole('button', { name: '提交', exact: true }).click()
  await expect(heading(page, '报名信息')).toBeVisible()

  await actions.getByRole('button', { name: '纸质成绩报告单' }).click()
  const reportDialog = page.getByRole('dialog', { name: '纸质成绩报告单/证书申请' })
  await reportDialog.getByRole('radio', { name: '纸质' }).check()
  await page.getByRole('dialog', { name: '提示' }).getByRole('button', { name: '确定' }).click()
  await reportDialog.getByRole('button', { name: '保存' }).click()
  await page.getByRole('dialog', { name: '提示' }).getByRole('button', { name: '确定' }).click()
  await expect(reportDialog).toBeHidden({ timeout: 15_000 })

  await page.getByRole('button', { name: '支付', exact: true }).first().click()
  await page.getByRole('dialog', { name: '确认报考信息' }).getByRole('button', { name: '去支付' }).click()
  await expect(heading(page, '支付缴费')).toBeVisible()
  const orderNo = ((await page.locator('.order-no').textContent()) ?? '').trim()
  expect(orderNo).toMatch(/^[0-9A-F]{32}$/)
  const payUrl = ((await page.getByTestId('pay-url').textContent()) ?? '').trim()
  const phone = await page.context().newPage()
  await phone.goto(payUrl)
  await phone.getByRole('button', { name: '确认支付' }).click()
  await expect(phone.getByText('支付成功').first()).toBeVisible()
  await phone.close()
  await expect(page.getByRole('table', { name: '支付信息' }).getByRole('status')).toHaveText('已支付', { timeout: 15_000 })

  await page.getByRole('link', { name: '打印报名回执' }).click()
  await expect(heading(page, '报名回执')).toBeVisible()
  const bookings = page.getByRole('table', { name: '报考科目信息' })
  const row = bookings.getByRole('row').filter({ hasText: '英语六级笔试' })
  await expect(row).toContainText('已支付')
  await expect(row).toContainText('纸质')
  await expect(row).toContainText(orderNo)
  await expect(page.locator('main')).toContainText('1201****1239')
  await expect(page.locator('main')).not.toContainText(WANG_ID)
  await expect(page.locator('main')).toContainText('您选择需要纸质英语六级成绩报告单')
  await expect(page.locator('main')).toContainText('经办人: 演示操作员')
  await screen(page, 'receipt-01-screen')

  // 打印: main allows and audits it; in the headless host the page prints itself.
  await recordPrints(page)
  await page.getByRole('button', { name: '打印', exact: true }).click()
  await expect.poll(() => printed(page)).toBe(1)

  const pdf = join(SCREENS_DIR, 'receipt-02.pdf')
  await page.pdf({ path: pdf, format: 'A4', printBackground: true, preferCSSPageSize: true })
  expect(pdfPages(pdf)).toBe(1)
  const text = pdfText(pdf)
  for (const expected of ['报名回执', '2026下半年CET考试', '王晓明', '1201****1239', '英语六级笔试', '南开大学本科生八里台校区', '已支付', '纸质', orderNo, '准考证打印方式', '纸质英语六级成绩报告单', '演示操作员']) {
    expect(text, `PDF text has ${expected}`).toContain(expected)
  }
  // K3 and no kiosk chrome on paper.
  expect(text).not.toContain(WANG_ID)
  for (const chrome of ['退出登录', '返回报名信息', 'CET报名服务台']) expect(text).not.toContain(chrome)
  pdfToPng(pdf, 'receipt-02-pdf')
})

test('日报表 K1: the supervisor sees today’s figures with charts and tables, exports CSV and prints; an operator cannot open it', async ({ page }) => {
  // K1: an operator has no 日报表 and is sent home.
  await signIn(page)
  await expect(page.getByRole('link', { name: '日报表' })).toHaveCount(0)
  await page.goto('/#/day-report')
  await expect(page.getByText('只有主管可以进行此操作，请联系主管。')).toBeVisible()
  await page.getByRole('button', { name: '退出登录' }).click()
  await expect(heading(page, '操作员登录')).toBeVisible()

  await page.getByLabel('用户名').fill('admin')
  await page.getByLabel('密码').fill('admin1234')
  await page.getByRole('button', { name: '登录' }).click()
  await page.getByRole('link', { name: '日报表' }).click()
  // The operator's refusal notice has gone before the screenshot.
  await expect(page.getByText('只有主管可以进行此操作，请联系主管。')).toBeHidden({ timeout: 10_000 })
  await expect(heading(page, '日报表')).toBeVisible()
  const date = await page.getByLabel('日期').inputValue()
  expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  await expect(page.getByText(`${date} 办理日报`)).toBeVisible()

  const subjects = page.getByRole('table', { name: '按科目统计报考' })
  await expect(subjects.getByRole('row').filter({ hasText: '(2)英语六级笔试' })).toBeVisible()
  await expect(page.getByRole('img', { name: '柱状图：按科目统计的报考数量，数据见下表。' })).toBeVisible()
  await expect(page.getByRole('img', { name: '柱状图：已支付与未支付的报考数量，数据见下表。' })).toBeVisible()
  await expect(page.getByRole('img', { name: '柱状图：每小时办理次数，数据见下表。' })).toBeVisible()
  const payments = page.getByRole('table', { name: '支付情况' })
  const paidCount = Number(await payments.getByRole('row').filter({ hasText: '已支付' }).getByRole('cell').nth(1).textContent())
  expect(paidCount).toBeGreaterThanOrEqual(1)
  await screen(page, 'day-report-01-screen')

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出CSV' }).click()])
  expect(download.suggestedFilename()).toBe(`day-report-${date}.csv`)
  const csv = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '')
  expect(csv.split(/\r?\n/)[0]).toBe('分类,项目,数量,金额(元)')
  expect(csv).toContain(`日期,${date},,`)
  expect(csv).toMatch(/报考科目,\(2\)英语六级笔试,\d+,/)

  await recordPrints(page)
  await page.getByRole('button', { name: '打印', exact: true }).click()
  await expect.poll(() => printed(page)).toBe(1)
  const pdf = join(SCREENS_DIR, 'day-report-02.pdf')
  await page.pdf({ path: pdf, format: 'A4', printBackground: true, preferCSSPageSize: true })
  const text = pdfText(pdf)
  for (const expected of ['日报表', `${date} 办理日报`, '按科目统计报考', '支付情况', '每小时办理次数', '英语六级笔试']) expect(text).toContain(expected)
  for (const chrome of ['退出登录', '导出CSV']) expect(text).not.toContain(chrome)
  pdfToPng(pdf, 'day-report-02-pdf')
})
