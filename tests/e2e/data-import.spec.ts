/**
 * 数据导入 through the headless host and the built worker thread: a supervisor imports a roster
 * file, the imported candidate is found by 资格信息查询 (E2), and a file with a refused row
 * changes nothing and offers its error report (行号, 原因).
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { acceptAgreement, expect, fillLookup, heading, openAgreement, screen, submitLookup, test } from './fixtures'

const HEADER =
  'candidateId,idType,idNumber,name,gender,phone,schoolCode,campusCode,educationLevel,schoolingYears,enrollmentYear,grade,department,major,className,studentNumber,remarks,eligibleSubjectCodes,updatedAt'

function row(id: string, passport: string, name: string, years = '4'): string {
  return `${id},护照,${passport},${name},女,13900000001,12001,120010,本科,${years},2024,2024,外国语学院,英语,1班,2400001,,1;F,2026-09-01T08:00:00.000Z`
}

async function signInSupervisor(page: Page): Promise<void> {
  await page.goto('/')
  await expect(heading(page, '操作员登录')).toBeVisible()
  await page.getByLabel('用户名').fill('admin')
  await page.getByLabel('密码').fill('admin1234')
  await page.getByRole('button', { name: '登录' }).click()
  await expect(page.getByRole('button', { name: '开始报名' })).toBeVisible()
}

test('数据导入 (E2, K1): a roster file is imported by the worker and its candidate is found by the lookup', async ({ page }) => {
  const dir = await mkdtemp(join(tmpdir(), 'roster-import-e2e-'))
  const file = join(dir, 'roster.csv')
  await writeFile(file, [HEADER, row('IMP-0001', 'E10000001', '林导入'), row('IMP-0002', 'E10000002', '周导入')].join('\n') + '\n')

  await signInSupervisor(page)
  await page.getByRole('link', { name: '数据导入' }).click()
  await expect(heading(page, '数据导入')).toBeVisible()
  await page.getByLabel('文件路径').fill(file)
  await page.getByRole('button', { name: '开始导入' }).click()
  await expect(page.locator('main').getByRole('status')).toHaveText('已导入2条考生记录。')
  await expect(page.getByRole('progressbar', { name: '导入进度' })).toHaveAttribute('value', '100')
  await screen(page, 'import-01-succeeded')

  await page.goto('/')
  await openAgreement(page)
  await acceptAgreement(page)
  await fillLookup(page, '护照', 'E10000002', '周导入')
  await submitLookup(page)
  await expect(heading(page, '资格信息确认')).toBeVisible()
  await expect(page.locator('main')).toContainText('周导入')
})

test('数据导入 (E2): one refused row and nothing is imported; the error report names the line and the reason', async ({ page }) => {
  await signInSupervisor(page)
  await page.goto('/#/import')
  await expect(heading(page, '数据导入')).toBeVisible()
  await page.getByLabel('粘贴内容（少量记录）').check()
  await page.getByLabel('CSV内容').fill([HEADER, row('IMP-0101', 'E10000101', '吴一'), row('IMP-0102', 'E10000102', '吴二', '十二')].join('\n'))
  await page.getByRole('button', { name: '开始导入' }).click()
  await expect(page.locator('main').getByRole('status')).toHaveText('有1行不符合要求，本次导入没有保存任何记录；请下载错误报告，改正后重新导入。')
  await screen(page, 'import-02-refused')

  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: '下载错误报告' }).click()
  const report = await readFile(await (await download).path())
  expect(report.toString('utf8').replace(/^\uFEFF/, '')).toBe('行号,原因\n3,schoolingYears 列的值不符合要求：十二\n')
})

const OFFERING_HEADER = 'id,subjectCode,schoolCode,campusCode,feeCents,capacity,seatsLeft,registrationStart,registrationEnd,examStart,examEnd,oralAllowedCampusCodes'

test('数据导入 (B3): a 报考科目信息 file with unknown campuses or too many seats left changes nothing; its report names each line', async ({ page }) => {
  const dir = await mkdtemp(join(tmpdir(), 'offering-import-e2e-'))
  const file = join(dir, 'offerings.csv')
  // Nothing here can be kept (other specs share this host's catalog): both rows are refused.
  await writeFile(
    file,
    [
      OFFERING_HEADER,
      'IMP-OFF-1,1,12001,120099,3000,100,100,2026-09-01T00:00:00.000Z,2026-12-01T00:00:00.000Z,,,',
      'IMP-OFF-2,1,12001,120010,3000,100,101,2026-09-01T00:00:00.000Z,2026-12-01T00:00:00.000Z,,,',
    ].join('\n') + '\n',
  )
  await signInSupervisor(page)
  await page.goto('/#/import')
  await expect(heading(page, '数据导入')).toBeVisible()
  await page.getByLabel('报考科目信息').check()
  await expect(page.getByLabel('从报名中心下载')).toHaveCount(0)
  await page.getByLabel('文件路径').fill(file)
  await page.getByRole('button', { name: '开始导入' }).click()
  await expect(page.locator('main').getByRole('status')).toHaveText('有2行不符合要求，本次导入没有保存任何记录；请下载错误报告，改正后重新导入。')
  await screen(page, 'import-03-offerings-refused')

  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: '下载错误报告' }).click()
  const saved = await download
  expect(saved.suggestedFilename()).toMatch(/^报考科目导入错误报告-.*\.csv$/)
  expect((await readFile(await saved.path())).toString('utf8').replace(/^\uFEFF/, '')).toBe(
    '行号,原因\n2,campusCode 列：本机没有该学校的这个校区，请核对学校代码和校区代码，或先与报名中心同步。\n3,seatsLeft 列：剩余容量不能大于容量。\n',
  )
})

test("数据导入 (S4, E2): the central's roster download of this kiosk's schools is imported in one run", async ({ page }) => {
  await signInSupervisor(page)
  await page.goto('/#/import')
  await expect(heading(page, '数据导入')).toBeVisible()
  await page.getByLabel('从报名中心下载').check()
  await expect(page.getByLabel('文件路径')).toHaveCount(0)
  await screen(page, 'import-04-central-choice')
  await page.getByRole('button', { name: '开始导入' }).click()
  // The demo central's roster for the device's schools (the same records the background sync keeps).
  await expect(page.locator('main').getByRole('status')).toHaveText(/^已导入\d+条考生记录。$/)
  await expect(page.getByRole('progressbar', { name: '导入进度' })).toBeVisible()
  await screen(page, 'import-05-central-succeeded')

  await page.goto('/')
  await openAgreement(page)
  await acceptAgreement(page)
  await fillLookup(page, '中华人民共和国居民身份证', '120104200403151239', '王晓明')
  await submitLookup(page)
  await expect(heading(page, '资格信息确认')).toBeVisible()
})
