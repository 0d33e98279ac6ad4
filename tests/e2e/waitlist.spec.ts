/**
 * Waitlist (W1–W4) and CET6 qualification review (E5) as staff walk them: 郎璐依珊 (every
 * offering of her school is full) submits a waitlist for 英语四级笔试, sees 正在候补 with her place,
 * cancels it with a reason, sees 考生取消 under 查看已完成候补, submits again; a supervisor raises
 * the capacity on 容量管理 and the open 报名信息 page shows 候补成功 and the unpaid booking without
 * reload; then she waitlists 英语四级口试. 陈嘉欣, without CET6 eligibility, passes the review and
 * can then book 英语六级笔试.
 *
 * Runs last (files run in name order): 郎璐依珊 must be unconfirmed when it starts. The
 * supervisor serves the candidate here, so 容量管理 is reachable during the visit.
 */
import type { Page } from '@playwright/test'
import { acceptAgreement, expect, fillLookup, heading, openAgreement, screen, submitLookup, test } from './fixtures'

test.describe.configure({ mode: 'serial' })

async function signInAsSupervisor(page: Page): Promise<void> {
  await page.goto('/')
  await expect(heading(page, '操作员登录')).toBeVisible()
  await page.getByLabel('用户名').fill('admin')
  await page.getByLabel('密码').fill('admin1234')
  await page.getByRole('button', { name: '登录' }).click()
  await expect(page.getByRole('button', { name: '开始报名' })).toBeVisible()
}

async function lookUp(page: Page, idType: Parameters<typeof fillLookup>[1], idNumber: string, name: string): Promise<void> {
  await signInAsSupervisor(page)
  await openAgreement(page)
  await acceptAgreement(page)
  await fillLookup(page, idType, idNumber, name)
  await submitLookup(page)
  await expect(heading(page, '资格信息确认')).toBeVisible()
}

async function confirmRecord(page: Page): Promise<void> {
  await page.getByLabel('我已检查并确认学籍与资格信息正确').check()
  await page.getByRole('button', { name: '保存并继续' }).click()
  await page.getByRole('dialog').getByRole('button', { name: '确定' }).click()
  await page.getByRole('dialog').getByRole('button', { name: '确定' }).click()
  await expect(heading(page, '报名信息')).toBeVisible()
}

function actions(page: Page) {
  return page.getByRole('group', { name: '报名操作' })
}

function waitlistSection(page: Page) {
  return page.getByRole('region', { name: '候补信息' })
}

test('W1–W4: 郎璐依珊 waits for 英语四级笔试, cancels, waits again, is promoted when capacity is raised, then waits for 口试', async ({
  page,
}) => {
  test.setTimeout(120_000)
  await lookUp(page, '护照', '99301000037', '郎璐依珊')
  await confirmRecord(page)

  // W1: the full row offers 提交候补; submitting asks first.
  await actions(page).getByRole('button', { name: '笔试报考' }).click()
  await expect(heading(page, '笔试科目报考')).toBeVisible()
  const en4 = page.getByRole('row').filter({ hasText: '(1)英语四级笔试' })
  await expect(en4).toContainText('无')
  await expect(en4).toContainText('可以候补')
  await screen(page, 'w1-01-written-full-rows')
  await en4.getByRole('button', { name: /提交候补/ }).click()
  await expect(page.getByRole('dialog')).toContainText('确定提交英语四级笔试')
  await screen(page, 'w1-02-submit-confirmation')
  await page.getByRole('dialog').getByRole('button', { name: '确定' }).click()

  // W2/W4: 正在候补 with the place in the queue.
  await expect(heading(page, '报名信息')).toBeVisible()
  const section = waitlistSection(page)
  await expect(section.getByRole('table', { name: '正在候补' })).toContainText('正在候补')
  await expect(section).toContainText('(1)英语四级笔试')
  await expect(section).toContainText('前面还有 0 人')
  await section.scrollIntoViewIfNeeded()
  await screen(page, 'w2-01-waiting')

  // W3: warning, then a reason; the entry becomes 考生取消 with the reason as remark.
  await section.getByRole('button', { name: '取消候补' }).click()
  await expect(page.getByRole('dialog')).toContainText('取消再重新提交候补，将重新排队，可能降低候补成功概率。确定继续？')
  await screen(page, 'w3-01-cancel-warning')
  await page.getByRole('dialog').getByRole('button', { name: '确定' }).click()
  await page.getByRole('dialog', { name: '取消候补原因' }).getByLabel('时间冲突').check()
  await screen(page, 'w3-02-cancel-reason')
  await page.getByRole('button', { name: '确定取消候补' }).click()
  await expect(section).toContainText('无正在候补信息。')
  await section.getByRole('button', { name: '查看已完成候补' }).click()
  const finished = section.getByRole('table', { name: '已完成候补' })
  await expect(finished).toContainText('考生取消')
  await expect(finished).toContainText('时间冲突')
  await screen(page, 'w3-03-cancelled-finished')
  await section.getByRole('button', { name: '隐藏已完成候补' }).click()
  await expect(finished).toHaveCount(0)

  // W3: submitting again joins the back of the queue.
  await actions(page).getByRole('button', { name: '笔试报考' }).click()
  await expect(heading(page, '笔试科目报考')).toBeVisible()
  await en4.getByRole('button', { name: /提交候补/ }).click()
  await page.getByRole('dialog').getByRole('button', { name: '确定' }).click()
  await expect(heading(page, '报名信息')).toBeVisible()
  await expect(section.getByRole('table', { name: '正在候补' })).toContainText('正在候补')

  // W2: the supervisor raises the capacity by one on 容量管理.
  await page.getByRole('link', { name: '容量管理' }).click()
  await expect(heading(page, '容量管理')).toBeVisible()
  const capacityRow = page.getByRole('row').filter({ hasText: '(1)英语四级笔试' }).filter({ hasText: '(993010)测试校区机构001' })
  await expect(capacityRow).toContainText('10')
  await screen(page, 'w2-02-capacity-screen')
  await capacityRow.getByRole('button', { name: '调整容量' }).click()
  await expect(page.getByText('容量已调整为11')).toBeVisible()

  // Back on 报名信息: 候补成功 and an unpaid 英语四级笔试 booking, 24 h to pay.
  await page.goto('/#/info')
  await expect(heading(page, '报名信息')).toBeVisible()
  const written = page.getByRole('table', { name: '笔试报考科目信息' })
  await expect(written).toContainText('英语四级笔试')
  await expect(written).toContainText('后随时会被系统删除')
  await expect(section).toContainText('无正在候补信息。')
  await section.getByRole('button', { name: '查看已完成候补' }).click()
  await expect(finished).toContainText('候补成功')
  await screen(page, 'w2-03-promoted')

  // W1: 英语四级口试 can be waited for now that 英语四级笔试 is booked.
  await actions(page).getByRole('button', { name: '口试报考' }).click()
  await expect(heading(page, '口试科目报考')).toBeVisible()
  const oral = page.getByRole('row').filter({ hasText: '英语四级口试' }).filter({ hasText: '可以候补' })
  await oral.getByRole('button', { name: /提交候补/ }).click()
  await page.getByRole('dialog').getByRole('button', { name: '确定' }).click()
  await expect(heading(page, '报名信息')).toBeVisible()
  await expect(section.getByRole('table', { name: '正在候补' })).toContainText('英语四级口试')
  await screen(page, 'w1-03-oral-waiting')
  await page.getByRole('button', { name: '完成', exact: true }).click()
})

test('E5: 陈嘉欣, without CET6 eligibility, passes CET6资格复核 and can then book 英语六级笔试', async ({ page }) => {
  test.setTimeout(90_000)
  // Confirmed already when subject-booking.spec.ts ran first: the lookup then goes to 报名信息,
  // which offers the same review among its actions.
  await signInAsSupervisor(page)
  await openAgreement(page)
  await acceptAgreement(page)
  await fillLookup(page, '香港身份证', 'A123456(3)', '陈嘉欣')
  await submitLookup(page)
  await expect(heading(page, '资格信息确认').or(heading(page, '报名信息'))).toBeVisible()
  const onConfirm = await heading(page, '资格信息确认').isVisible()
  await expect(page.locator('main')).not.toContainText('英语六级笔试')
  await page.getByRole('button', { name: 'CET6资格复核' }).click()
  const dialog = page.getByRole('dialog', { name: 'CET6资格复核' })
  await dialog.getByLabel('英语四级笔试准考证号').fill('120010242100101')
  await screen(page, 'e5-01-review-form')
  await dialog.getByRole('button', { name: '提交复核' }).click()
  await expect(dialog).toContainText('复核通过')
  await expect(dialog.getByRole('button', { name: '提交复核' })).toHaveCount(0)
  await screen(page, 'e5-02-review-passed')
  await dialog.getByRole('button', { name: '关闭' }).click()
  await expect(page.locator('main')).toContainText('英语六级笔试')
  if (onConfirm) await confirmRecord(page)
  await expect(actions(page).getByRole('button', { name: 'CET6资格复核' })).toBeDisabled()

  await actions(page).getByRole('button', { name: '笔试报考' }).click()
  await expect(heading(page, '笔试科目报考')).toBeVisible()
  await page.getByRole('checkbox', { name: '(2)英语六级笔试 (120010)南开大学' }).check()
  await page.getByRole('button', { name: '提交', exact: true }).click()
  await expect(heading(page, '报名信息')).toBeVisible()
  await expect(page.getByRole('table', { name: '笔试报考科目信息' })).toContainText('英语六级笔试')
  await screen(page, 'e5-03-cet6-booked')
  await page.getByRole('button', { name: '完成', exact: true }).click()
})
