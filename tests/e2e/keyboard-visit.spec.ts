/**
 * Keyboard-first operation (issue #9): a whole visit without the mouse, with the 刷证 card reader,
 * counting the keys a person presses and the screens passed, against the seeds' web flow.
 *
 * THE COUNT, both from the 资格信息查询 screen until the payment QR code is shown (the standard
 * visit: lookup → confirm → book written → score report → pay):
 *
 * Seeds' web flow (/work/shared/seeds/001_…, steps 4–13; 000_… has the same steps), counting
 * every click as one input and every typed character as one keystroke (a lower bound: a name
 * typed through a pinyin input method takes more):
 *   资格信息查询   证件类型 open + option (2), click 证件号码 (1) + 18 digits, click 姓名 (1)
 *                 + 3 characters, 查询 (1)                                          = 26
 *   资格信息确认   tick (1), 保存并继续 (1), 确定 phone (1), 确定 record (1)              =  4
 *   笔试科目报考   tick the subject (1), 提交 (1)                                       =  2
 *   报名信息       纸质成绩报告单 (1), 纸质 (1), 确定 (1), 保存 (1), 确定 (1)              =  5
 *                 支付 (1), 去支付 (1), 确定 (1)                                        =  3
 *   支付平台       选择支付方式 (1) before the QR code                                   =  1
 *   total 41 inputs; screens: 资格信息查询, 资格信息确认, 笔试科目报考, 报名信息, 支付平台 = 5.
 *
 * Kiosk, keyboard only (this test), every key pressed counted, Alt+W being two; the reader's
 * typing is the machine's, not counted:
 *   资格信息查询 (reader types the line + Enter) Enter; 资格信息确认 Space Enter Enter Enter;
 *   报名信息 Alt+W; 笔试科目报考 Space Enter; 报名信息 Alt+R, Space Enter Enter Enter; Alt+P, Enter
 *   = 18 keys; screens: 资格信息查询, 资格信息确认, 报名信息, 笔试科目报考, 报名信息, 支付缴费
 *   = 6 screen visits (5 different screens; the kiosk returns to 报名信息 after 资格信息确认).
 */
import { expect, heading, screen, test } from './fixtures'
import { CountingKeyboard, readerTypes, signInWithKeyboard } from './keyboard-support'

const SEEDS_WEB_FLOW = { inputs: 41, screens: 5 }

/** A demo candidate kept for this test (src-central/demo-data.ts). */
const CANDIDATE = { idNumber: '120104200501010018', name: '高键盘' } as const

test('E2 B1 R1 P2 P3 keyboard-first: lookup → confirm → book written → score report → pay with fewer keys than the seeds’ web flow', async ({
  page,
}) => {
  test.setTimeout(90_000)
  await signInWithKeyboard(page, 'demo', 'demo1234')
  const keys = new CountingKeyboard(page)
  const screens: string[] = []
  async function arrive(title: string): Promise<void> {
    await expect(heading(page, title)).toBeVisible()
    screens.push(title)
  }

  // Before the counted visit: 开始报名 has focus; the agreement's tick box then Enter (E1).
  await page.keyboard.press('Enter')
  await expect(heading(page, '报名协议 & 诚信承诺书')).toBeVisible()
  await expect(page.getByLabel('我已阅读并接受遵守报名协议及诚信承诺书')).toBeFocused()
  await screen(page, 'keys-01-agreement-focus')
  await page.keyboard.press('Space')
  await page.keyboard.press('Enter')

  // 资格信息查询: 刷证 has focus; the reader types its resident-ID line; 查询 gets focus.
  await arrive('资格信息查询')
  const scanField = page.getByLabel('刷证')
  await expect(scanField).toBeFocused()
  await screen(page, 'keys-02-lookup-scan-focus')
  await readerTypes(page, `${CANDIDATE.name},男,汉,20050101,天津市河西区友谊路1号,${CANDIDATE.idNumber},天津市公安局河西分局,20200101-20300101`)
  await expect(page.getByLabel('证件类型')).toHaveValue('中华人民共和国居民身份证')
  await expect(page.getByLabel('证件号码', { exact: true })).toHaveValue(CANDIDATE.idNumber)
  await expect(page.getByLabel('姓名', { exact: true })).toHaveValue(CANDIDATE.name)
  await expect(page.getByRole('button', { name: '查询' })).toBeFocused()
  await screen(page, 'keys-03-lookup-scan-filled')
  await keys.press('Enter')

  // 资格信息确认 (E4): tick, Enter, then 确定 twice.
  await arrive('资格信息确认')
  await expect(page.getByLabel('我已检查并确认学籍与资格信息正确')).toBeFocused()
  await keys.press('Space')
  await keys.press('Enter')
  await expect(page.getByRole('dialog', { name: '提示' })).toContainText('确认手机号为本人正在使用并继续?')
  await expect(page.getByRole('dialog').getByRole('button', { name: '确定' })).toBeFocused()
  await screen(page, 'keys-04-confirm-dialog-focus')
  await keys.press('Enter')
  await expect(page.getByRole('dialog', { name: '提示' })).toContainText('确认学籍信息无误并继续?')
  await keys.press('Enter')

  // 报名信息 → 笔试科目报考 (Alt+W): the first bookable row has focus; Space ticks it, Enter submits.
  await arrive('报名信息')
  await expect(page.getByRole('contentinfo', { name: '快捷键' })).toContainText('Alt+W 笔试报考')
  await screen(page, 'keys-05-info-legend')
  await keys.press('Alt+W')
  await arrive('笔试科目报考')
  await expect(page.getByRole('checkbox', { name: '(1)英语四级笔试 (120010)南开大学' })).toBeFocused()
  await keys.press('Space')
  await screen(page, 'keys-06-written-row-focus')
  await keys.press('Enter')

  // 报名信息: Alt+R opens 纸质成绩报告单; Space picks 纸质, Enter keeps it, Enter saves, Enter confirms.
  await arrive('报名信息')
  await keys.press('Alt+R')
  const reportDialog = page.getByRole('dialog', { name: '纸质成绩报告单/证书申请' })
  await expect(reportDialog.getByRole('radio', { name: '纸质' })).toBeFocused()
  await keys.press('Space')
  await expect(page.getByRole('dialog', { name: '提示' })).toContainText('需要纸质英语四级成绩报告单')
  await keys.press('Enter')
  await expect(reportDialog.getByRole('radio', { name: '纸质' })).toBeFocused()
  await screen(page, 'keys-07-score-report-focus')
  await keys.press('Enter')
  await expect(page.getByRole('dialog', { name: '提示' })).toContainText('确认继续保存?')
  await keys.press('Enter')
  await expect(reportDialog).toBeHidden()
  await expect(page.getByRole('table', { name: '笔试报考科目信息' }).getByRole('row').filter({ hasText: '英语四级笔试' })).toContainText('纸质')

  // P2, P3: Alt+P opens 确认报考信息 with 去支付 focused; Enter shows the QR code.
  await keys.press('Alt+P')
  await expect(page.getByRole('dialog', { name: '确认报考信息' }).getByRole('button', { name: '去支付' })).toBeFocused()
  await keys.press('Enter')
  await arrive('支付缴费')
  await expect(page.getByRole('img', { name: /支付二维码/ })).toBeVisible()
  await screen(page, 'keys-08-payment-qr')

  const distinctScreens = new Set(screens).size
  console.log(
    `keyboard-first visit: ${keys.keys} keys (${keys.log.join(' ')}), ${screens.length} screen visits (${distinctScreens} screens: ${screens.join(' → ')}); ` +
      `seeds' web flow: ${SEEDS_WEB_FLOW.inputs} inputs, ${SEEDS_WEB_FLOW.screens} screens`,
  )
  expect(keys.keys).toBe(18)
  expect(keys.keys).toBeLessThan(SEEDS_WEB_FLOW.inputs)
  expect(distinctScreens).toBeLessThanOrEqual(SEEDS_WEB_FLOW.screens)
})

test('E2 刷证: a bad scan says why and changes nothing; Esc closes a dialog and focus returns to its opener', async ({ page }) => {
  await signInWithKeyboard(page, 'demo', 'demo1234')
  await page.keyboard.press('Enter')
  await expect(page.getByLabel('我已阅读并接受遵守报名协议及诚信承诺书')).toBeFocused()
  await page.keyboard.press('Space')
  await page.keyboard.press('Enter')
  await expect(heading(page, '资格信息查询')).toBeVisible()
  await readerTypes(page, '1|120101200001010008|张三')
  const scanField = page.getByLabel('刷证')
  await expect(scanField).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByRole('alert')).toHaveText('居民身份证号码的校验位不正确，请逐位核对号码。')
  await expect(page.getByLabel('证件类型')).toHaveValue('')
  await expect(page.getByLabel('证件号码', { exact: true })).toHaveValue('')
  await expect(scanField).toBeFocused()
  await screen(page, 'keys-09-bad-scan')

  // A good scan replaces the selected bad one; Enter then looks up 王晓明 as if typed.
  await readerTypes(page, '中华人民共和国居民身份证|120104200403151239|王晓明')
  await expect(page.getByLabel('姓名', { exact: true })).toHaveValue('王晓明')
  await page.keyboard.press('Enter')
  // Runs before subject-booking.spec.ts (name order): 王晓明 is not confirmed yet, and is not here.
  await expect(heading(page, '资格信息确认')).toBeVisible()
  const checkbox = page.getByLabel('我已检查并确认学籍与资格信息正确')
  await expect(checkbox).toBeFocused()
  await page.keyboard.press('Space')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('dialog', { name: '提示' })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await expect(checkbox).toBeFocused()

  // Alt+X is 完成: the visit ends and 首页 comes back with 开始报名 focused.
  await page.keyboard.press('Alt+X')
  await expect(page.getByRole('button', { name: '开始报名' })).toBeFocused()
})
