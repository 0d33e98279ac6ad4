/**
 * The vertical slice as staff walk it: sign-in (K1) → 首页 → 报名协议 & 诚信承诺书 (E1) →
 * 资格信息查询 (E2) → 资格信息确认 (E3, E4) → 报名信息 (I1).
 */
import {
  acceptAgreement,
  expect,
  fillLookup,
  heading,
  openAgreement,
  reachLookup,
  screen,
  signIn,
  submitLookup,
  test,
} from './fixtures'

test('K1 E1 E2 E3 E4 I1: 蓝笑天 (澳门身份证) goes from sign-in to 报名信息', async ({ page }) => {
  await signIn(page, '01-sign-in')
  await expect(heading(page, '欢迎使用CET报名服务台')).toBeVisible()
  await expect(page.getByText('2026下半年CET考试').first()).toBeVisible()
  await screen(page, '02-home')

  await openAgreement(page, '03-agreement')
  await acceptAgreement(page)

  await fillLookup(page, '澳门身份证', '12001000008', '蓝笑天')
  await screen(page, '04-eligibility-lookup')
  await submitLookup(page)

  await expect(heading(page, '资格信息确认')).toBeVisible()
  const record = page.getByRole('table', { name: '学籍信息' })
  await expect(record.getByRole('row').filter({ hasText: '笔试报名学校' })).toContainText('(12001)南开大学')
  await expect(page.getByText('英语四级笔试', { exact: false }).first()).toBeVisible()
  await screen(page, '05-eligibility-confirm')

  await page.getByLabel('我已检查并确认学籍与资格信息正确').check()
  await page.getByRole('button', { name: '保存并继续' }).click()

  // E4: first the bound phone, then the record that will be locked.
  const phoneDialog = page.getByRole('dialog')
  await expect(phoneDialog).toContainText('手机号')
  await screen(page, '06-confirm-phone-dialog')
  await phoneDialog.getByRole('button', { name: '确定' }).click()

  const recordDialog = page.getByRole('dialog')
  await expect(recordDialog).toContainText('无法修改')
  await screen(page, '07-confirm-record-dialog')
  await recordDialog.getByRole('button', { name: '确定' }).click()

  await expect(heading(page, '报名信息')).toBeVisible()
  const personal = page.getByRole('table', { name: '报名个人信息' })
  await expect(personal.getByRole('row').filter({ hasText: '笔试报名学校' })).toContainText('(12001)南开大学')
  const subjects = personal.getByRole('row').filter({ hasText: '资格科目' })
  await expect(subjects).toContainText('英语四级笔试')
  await expect(subjects).toContainText('英语六级口试')
  await expect(personal).toContainText('蓝笑天')

  // I1: the actions are all listed; booking is open (issue #3), those later issues deliver are
  // shown but disabled, and 纸质成绩报告单 waits for a written booking.
  const actions = page.getByRole('group', { name: '报名操作' })
  for (const label of ['返回首页', '笔试报考', '口试报考', '删除报名信息']) {
    await expect(actions.getByRole('button', { name: label })).toBeEnabled()
  }
  for (const label of ['CET6资格复核', '纸质成绩报告单']) {
    await expect(actions.getByRole('button', { name: label })).toBeDisabled()
  }
  await screen(page, '08-registration-info')
})

test('E2: a mainland ID with a wrong check digit is refused before any lookup', async ({ page }) => {
  await reachLookup(page)
  await fillLookup(page, '中华人民共和国居民身份证', '120104200403151238', '王晓明')
  await submitLookup(page)
  await expect(page.getByText('居民身份证号码的校验位不正确，请逐位核对号码。')).toBeVisible()
  await expect(page.getByLabel('证件号码', { exact: true })).toHaveAttribute('aria-invalid', 'true')
  await expect(heading(page, '资格信息查询')).toBeVisible()
  await screen(page, '09-lookup-bad-check-digit')
})

test('E2: a name that does not match the roster record is not found', async ({ page }) => {
  await reachLookup(page)
  await fillLookup(page, '澳门身份证', '12001000008', '蓝天')
  await submitLookup(page)
  await expect(page.getByRole('alert')).toHaveText('未查询到资格信息，请核对证件类型、证件号码和姓名。')
  await expect(heading(page, '资格信息查询')).toBeVisible()
  await screen(page, '10-lookup-not-found')
})

test('E3: 赵一凡 (资格科目 无) is blocked at 资格信息确认', async ({ page }) => {
  await reachLookup(page)
  await fillLookup(page, '台湾居民往来大陆通行证', '12345678', '赵一凡')
  await submitLookup(page)
  await expect(heading(page, '资格信息确认')).toBeVisible()
  await expect(page.getByRole('alert')).toContainText('资格科目为无的考生无法继续报名')
  await expect(page.getByText('无', { exact: true })).toBeVisible()
  await expect(page.getByRole('button', { name: '保存并继续' })).toBeDisabled()
  await screen(page, '11-confirm-not-eligible')
})

test('E1: 不同意 returns to 首页 without starting a visit', async ({ page }) => {
  await signIn(page)
  await openAgreement(page)
  await page.getByRole('button', { name: '不同意' }).click()
  await expect(page.getByRole('button', { name: '开始报名' })).toBeVisible()
  await expect(page.getByRole('button', { name: '继续当前考生' })).toHaveCount(0)
  await expect(page.getByRole('link', { name: '继续当前考生' })).toHaveCount(0)
  await screen(page, '12-agreement-declined-home')
})
