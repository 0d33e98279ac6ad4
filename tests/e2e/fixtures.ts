/**
 * Shared pieces of the end-to-end suite: the host's URL from global-setup, a desk signed out
 * before every test, a page that fails the test on console errors (CSP violations included),
 * full-page screenshots into test-results/screens, and the steps a person takes through the
 * flow, written with the labels and button texts they see.
 */
import { join } from 'node:path'
import { test as base, expect, type Page } from '@playwright/test'
import type { IdType } from '../../src-shared/domain/id-documents'

const SCREENS_DIR = join(import.meta.dirname, '..', '..', 'test-results', 'screens')

export const test = base.extend<{ freshDesk: void }>({
  // Playwright reads fixture dependencies from the destructuring pattern: it must be there.
  // eslint-disable-next-line no-empty-pattern
  baseURL: async ({}, use) => {
    const url = process.env.KIOSK_E2E_BASE_URL
    if (!url) throw new Error('KIOSK_E2E_BASE_URL is not set: global-setup did not start the headless host')
    await use(url)
  },
  /**
   * Every test starts from the sign-in screen (the host's services hold one desk) and fails on
   * any console error in its page: CSP violations, failed requests, uncaught exceptions.
   */
  freshDesk: [
    async ({ page, request, baseURL }, use) => {
      const signOut = await request.post('/ipc/signOut', { data: {}, headers: { Origin: baseURL! } })
      expect(signOut.status()).toBe(200)
      const errors: string[] = []
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(`${message.text()} (${message.location().url})`)
      })
      page.on('pageerror', (error) => errors.push(error.message))
      await use()
      expect(errors, 'console errors in the page').toEqual([])
    },
    { auto: true },
  ],
})

export { expect }

export async function screen(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENS_DIR, `${name}.png`), fullPage: true })
}

export function heading(page: Page, name: string) {
  return page.getByRole('heading', { level: 1, name })
}

export async function signIn(page: Page, shot?: string): Promise<void> {
  await page.goto('/')
  await expect(heading(page, '操作员登录')).toBeVisible()
  if (shot) await screen(page, shot)
  await page.getByLabel('用户名').fill('demo')
  await page.getByLabel('密码').fill('demo1234')
  await page.getByRole('button', { name: '登录' }).click()
  await expect(page.getByRole('button', { name: '开始报名' })).toBeVisible()
}

export async function openAgreement(page: Page, shot?: string): Promise<void> {
  await page.getByRole('button', { name: '开始报名' }).click()
  await expect(heading(page, '报名协议 & 诚信承诺书')).toBeVisible()
  await expect(page.getByText('诚信承诺书', { exact: true })).toBeVisible()
  if (shot) await screen(page, shot)
}

export async function acceptAgreement(page: Page): Promise<void> {
  await page.getByLabel('我已阅读并接受遵守报名协议及诚信承诺书').check()
  await page.getByRole('button', { name: '同意', exact: true }).click()
  await expect(heading(page, '资格信息查询')).toBeVisible()
}

/** Signed in, agreement accepted: the 资格信息查询 form is on screen. */
export async function reachLookup(page: Page): Promise<void> {
  await signIn(page)
  await openAgreement(page)
  await acceptAgreement(page)
}

export async function fillLookup(page: Page, idType: IdType, idNumber: string, name: string): Promise<void> {
  await page.getByLabel('证件类型').selectOption(idType)
  await page.getByLabel('证件号码', { exact: true }).fill(idNumber)
  await page.getByLabel('姓名', { exact: true }).fill(name)
}

export async function submitLookup(page: Page): Promise<void> {
  await page.getByRole('button', { name: '查询' }).click()
}
